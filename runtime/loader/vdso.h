// The vDSO handed to CloudABI programs through AT_SYSINFO_EHDR: an ELF64 shared
// object image, linked at address 0, built in memory at run time. Its only
// contents are the metadata cloudlibc's crt0 reads (reference §3.3): an ELF
// header, a PT_LOAD and a PT_DYNAMIC program header, DT_HASH/DT_SYMTAB/
// DT_STRTAB, and one global function symbol per entry point whose st_value is
// the entry point's address relative to the image. It contains no code: the
// symbols resolve to runtime functions outside the image. A small section
// header table makes a dump of it readable with `llvm-readelf --dyn-syms`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "runtime/support/result.h"

namespace cloudabi::loader {

struct VdsoSymbol {
  std::string_view name;  // E.g. "cloudabi_sys_fd_write". Non-empty, no NUL bytes, unique.
  uintptr_t address;      // Absolute address the symbol must resolve to.
};

class Vdso {
 public:
  // Builds the image in fresh pages and makes them read-only.
  static Result<Vdso> build(std::span<const VdsoSymbol> symbols);

  Vdso(Vdso&& other) noexcept;
  Vdso& operator=(Vdso&& other) noexcept;
  Vdso(const Vdso&) = delete;
  Vdso& operator=(const Vdso&) = delete;
  ~Vdso();

  uintptr_t ehdr() const { return reinterpret_cast<uintptr_t>(mem_); }  // AT_SYSINFO_EHDR.
  size_t size() const { return size_; }  // Bytes of the ELF image (the mapping is page-rounded).
  // The image bytes, e.g. for writing them to a file for inspection.
  std::span<const std::byte> bytes() const { return {static_cast<const std::byte*>(mem_), size_}; }

 private:
  Vdso(void* mem, size_t size, size_t mapped) : mem_(mem), size_(size), mapped_(mapped) {}
  void reset();

  void* mem_ = nullptr;
  size_t size_ = 0;
  size_t mapped_ = 0;
};

// The classic SysV ELF hash function used by DT_HASH tables.
uint32_t elf_hash(std::string_view name);

}  // namespace cloudabi::loader
