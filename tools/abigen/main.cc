// abigen: generates every ABI-shaped file from abi/cloudabi.abi.
//
//   abigen SPEC OUTDIR
//
// writes OUTDIR/include/*.h (public headers), OUTDIR/libc/syscalls.c,
// OUTDIR/runtime/{syscalls.h,names.h,syscall_table.cc,trampolines.S,
// syscall_defaults.cc}
// and OUTDIR/docs/abi.md. Files whose content is unchanged are not rewritten,
// so the build does not recompile what did not change.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "tools/abigen/emit.h"
#include "tools/abigen/layout.h"
#include "tools/abigen/parser.h"

namespace fs = std::filesystem;

static void write_if_changed(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ifstream in(path, std::ios::binary);
  if (in) {
    std::stringstream old;
    old << in.rdbuf();
    if (old.str() == text) return;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: abigen SPEC OUTDIR\n";
    return 2;
  }
  try {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) throw std::runtime_error(std::string("cannot read ") + argv[1]);
    std::stringstream text;
    text << in.rdbuf();
    abigen::Spec spec = abigen::parse_spec(argv[1], text.str());
    abigen::check_layouts(spec);

    fs::path out = argv[2];
    write_if_changed(out / "include/cloudabi_types_common.h", abigen::emit_types_common_h(spec));
    write_if_changed(out / "include/cloudabi_types.h", abigen::emit_types_h(spec));
    write_if_changed(out / "include/cloudabi_syscalls.h", abigen::emit_syscalls_h(spec));
    write_if_changed(out / "include/cloudabi_syscalls_info.h", abigen::emit_syscalls_info_h(spec));
    write_if_changed(out / "libc/syscalls.c", abigen::emit_libc_syscalls_c(spec));
    write_if_changed(out / "runtime/syscalls.h", abigen::emit_runtime_syscalls_h(spec));
    write_if_changed(out / "runtime/syscall_table.cc", abigen::emit_runtime_table_cc(spec));
    write_if_changed(out / "runtime/trampolines.S", abigen::emit_runtime_trampolines_s(spec));
    write_if_changed(out / "runtime/syscall_defaults.cc", abigen::emit_runtime_defaults_cc(spec));
    write_if_changed(out / "runtime/syscall_trace.cc", abigen::emit_runtime_trace_cc(spec));
    write_if_changed(out / "runtime/names.h", abigen::emit_runtime_names_h(spec));
    write_if_changed(out / "docs/abi.md", abigen::emit_docs_md(spec));
  } catch (const std::exception& e) {
    std::cerr << "abigen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
