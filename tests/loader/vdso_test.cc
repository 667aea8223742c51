// The synthesized vDSO satisfies cloudlibc's crt0 lookup (reference §3.3),
// which is reimplemented here independently of runtime/loader/vdso.cc.
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "runtime/loader/vdso.h"
#include "tests/loader/test_util.h"

namespace cloudabi::loader {
namespace {

using testing::mapping_at;
using testing::prot_string;

// The 49 system calls of CloudABI v0.21, in numbering order.
constexpr std::array<std::string_view, 49> kSyscalls = {
    "clock_res_get",  "clock_time_get", "condvar_signal", "fd_close",      "fd_create1",
    "fd_create2",     "fd_datasync",    "fd_dup",         "fd_pread",      "fd_pwrite",
    "fd_read",        "fd_replace",     "fd_seek",        "fd_stat_get",   "fd_stat_put",
    "fd_sync",        "fd_write",       "file_advise",    "file_allocate", "file_create",
    "file_link",      "file_open",      "file_readdir",   "file_readlink", "file_rename",
    "file_stat_fget", "file_stat_fput", "file_stat_get",  "file_stat_put", "file_symlink",
    "file_unlink",    "lock_unlock",    "mem_advise",     "mem_map",       "mem_protect",
    "mem_sync",       "mem_unmap",      "poll",           "proc_exec",     "proc_exit",
    "proc_fork",      "proc_raise",     "random_get",     "sock_recv",     "sock_send",
    "sock_shutdown",  "thread_create",  "thread_exit",    "thread_yield",
};

struct SymbolSet {
  std::vector<std::string> names;
  std::vector<VdsoSymbol> symbols;
};

// Addresses both above and below any plausible vDSO address, to exercise the
// modulo-2^64 st_value.
SymbolSet syscall_symbols() {
  SymbolSet s;
  for (std::string_view n : kSyscalls) s.names.push_back("cloudabi_sys_" + std::string(n));
  for (size_t i = 0; i < s.names.size(); ++i) {
    uintptr_t address = (i % 2 == 0) ? 0x1000 + i * 0x40 : 0x7ffff0000000 + i * 0x40;
    s.symbols.push_back(VdsoSymbol{s.names[i], address});
  }
  return s;
}

// cloudlibc crt0's link_vdso, as described in the reference: program headers
// -> PT_DYNAMIC -> DT_HASH (nchain = symbol count), DT_SYMTAB, DT_STRTAB, all
// relative to the ELF header; accept global default-visibility functions with
// a name and the cloudabi_sys_ prefix.
std::map<std::string, uintptr_t> crt0_link_vdso(uintptr_t ehdr_addr) {
  std::map<std::string, uintptr_t> out;
  const auto* base = reinterpret_cast<const unsigned char*>(ehdr_addr);
  const auto* eh = reinterpret_cast<const Elf64_Ehdr*>(base);
  const auto* ph = reinterpret_cast<const Elf64_Phdr*>(base + eh->e_phoff);
  const Elf64_Dyn* dyn = nullptr;
  for (size_t i = 0; i < eh->e_phnum; ++i) {
    if (ph[i].p_type == PT_DYNAMIC) dyn = reinterpret_cast<const Elf64_Dyn*>(base + ph[i].p_vaddr);
  }
  if (dyn == nullptr) return out;
  const uint32_t* hash = nullptr;
  const char* strtab = nullptr;
  const Elf64_Sym* symtab = nullptr;
  for (; dyn->d_tag != DT_NULL; ++dyn) {
    switch (dyn->d_tag) {
      case DT_HASH:
        hash = reinterpret_cast<const uint32_t*>(base + dyn->d_un.d_ptr);
        break;
      case DT_STRTAB:
        strtab = reinterpret_cast<const char*>(base + dyn->d_un.d_ptr);
        break;
      case DT_SYMTAB:
        symtab = reinterpret_cast<const Elf64_Sym*>(base + dyn->d_un.d_ptr);
        break;
    }
  }
  if (hash == nullptr || strtab == nullptr || symtab == nullptr) return out;
  const uint32_t nchain = hash[1];
  constexpr std::string_view prefix = "cloudabi_sys_";
  for (uint32_t i = 0; i < nchain; ++i) {
    const Elf64_Sym& sym = symtab[i];
    if (ELF64_ST_BIND(sym.st_info) != STB_GLOBAL || ELF64_ST_TYPE(sym.st_info) != STT_FUNC ||
        ELF64_ST_VISIBILITY(sym.st_other) != STV_DEFAULT || sym.st_name == 0 ||
        sym.st_shndx == SHN_UNDEF) {
      continue;
    }
    std::string_view name = strtab + sym.st_name;
    if (name.substr(0, prefix.size()) != prefix) continue;
    out[std::string(name)] = ehdr_addr + sym.st_value;
  }
  return out;
}

uint32_t reference_elf_hash(std::string_view s) {
  uint32_t h = 0;
  for (unsigned char c : s) {
    h = (h << 4) + c;
    if (uint32_t g = h & 0xf0000000u) h ^= g >> 24;
    h &= 0x0fffffffu;
  }
  return h;
}

// Lookup through the SysV hash table (what a dynamic linker would do).
const Elf64_Sym* hash_lookup(uintptr_t ehdr_addr, std::string_view name) {
  const auto* base = reinterpret_cast<const unsigned char*>(ehdr_addr);
  const auto* eh = reinterpret_cast<const Elf64_Ehdr*>(base);
  const auto* ph = reinterpret_cast<const Elf64_Phdr*>(base + eh->e_phoff);
  const Elf64_Dyn* dyn = nullptr;
  for (size_t i = 0; i < eh->e_phnum; ++i) {
    if (ph[i].p_type == PT_DYNAMIC) dyn = reinterpret_cast<const Elf64_Dyn*>(base + ph[i].p_vaddr);
  }
  const uint32_t* hash = nullptr;
  const char* strtab = nullptr;
  const Elf64_Sym* symtab = nullptr;
  for (; dyn->d_tag != DT_NULL; ++dyn) {
    if (dyn->d_tag == DT_HASH) hash = reinterpret_cast<const uint32_t*>(base + dyn->d_un.d_ptr);
    if (dyn->d_tag == DT_STRTAB) strtab = reinterpret_cast<const char*>(base + dyn->d_un.d_ptr);
    if (dyn->d_tag == DT_SYMTAB)
      symtab = reinterpret_cast<const Elf64_Sym*>(base + dyn->d_un.d_ptr);
  }
  const uint32_t nbucket = hash[0], nchain = hash[1];
  const uint32_t* buckets = hash + 2;
  const uint32_t* chains = buckets + nbucket;
  size_t steps = 0;
  for (uint32_t i = buckets[reference_elf_hash(name) % nbucket]; i != STN_UNDEF; i = chains[i]) {
    EXPECT_LT(i, nchain);
    if (i >= nchain || ++steps > nchain) return nullptr;  // Corrupt chain.
    if (strtab + symtab[i].st_name == name) return &symtab[i];
  }
  return nullptr;
}

TEST(Vdso, ElfHashKnownValues) {
  EXPECT_EQ(elf_hash(""), 0u);
  EXPECT_EQ(elf_hash("printf"), 0x077905a6u);
  EXPECT_EQ(elf_hash("exit"), 0x0006cf04u);
  EXPECT_EQ(elf_hash("cloudabi_sys_fd_write"), 0x0a443785u);
  EXPECT_EQ(elf_hash("cloudabi_sys_clock_time_get"), 0x0d4fece4u);
  for (std::string_view n : kSyscalls) {
    std::string full = "cloudabi_sys_" + std::string(n);
    EXPECT_EQ(elf_hash(full), reference_elf_hash(full)) << full;
  }
}

TEST(Vdso, Crt0ResolvesAll49Syscalls) {
  SymbolSet s = syscall_symbols();
  auto v = Vdso::build(s.symbols);
  ASSERT_TRUE(v) << v.error().message;
  std::map<std::string, uintptr_t> resolved = crt0_link_vdso(v->ehdr());
  ASSERT_EQ(resolved.size(), 49u);
  for (const VdsoSymbol& sym : s.symbols) {
    auto it = resolved.find(std::string(sym.name));
    ASSERT_NE(it, resolved.end()) << sym.name;
    EXPECT_EQ(it->second, sym.address) << sym.name;
  }
}

TEST(Vdso, RealFunctionAddressesRoundTrip) {
  // Addresses of actual host functions, as the runtime will publish.
  const std::string a = "cloudabi_sys_thread_yield", b = "cloudabi_sys_proc_exit";
  const VdsoSymbol symbols[] = {
      {a, reinterpret_cast<uintptr_t>(&::getpid)},
      {b, reinterpret_cast<uintptr_t>(&::_exit)},
  };
  auto v = Vdso::build(symbols);
  ASSERT_TRUE(v) << v.error().message;
  auto resolved = crt0_link_vdso(v->ehdr());
  EXPECT_EQ(resolved[a], reinterpret_cast<uintptr_t>(&::getpid));
  EXPECT_EQ(resolved[b], reinterpret_cast<uintptr_t>(&::_exit));
}

TEST(Vdso, HeaderAndProgramHeaders) {
  SymbolSet s = syscall_symbols();
  auto v = Vdso::build(s.symbols);
  ASSERT_TRUE(v) << v.error().message;
  const auto* eh = reinterpret_cast<const Elf64_Ehdr*>(v->ehdr());
  EXPECT_EQ(std::memcmp(eh->e_ident, ELFMAG, SELFMAG), 0);
  EXPECT_EQ(eh->e_ident[EI_CLASS], ELFCLASS64);
  EXPECT_EQ(eh->e_ident[EI_DATA], ELFDATA2LSB);
  EXPECT_EQ(eh->e_ident[EI_VERSION], EV_CURRENT);
  EXPECT_EQ(eh->e_ident[EI_OSABI], 17);
  EXPECT_EQ(eh->e_type, ET_DYN);
  EXPECT_EQ(eh->e_machine, EM_X86_64);
  EXPECT_EQ(eh->e_phentsize, sizeof(Elf64_Phdr));
  ASSERT_GE(eh->e_phnum, 2);
  EXPECT_LE(eh->e_phoff + eh->e_phnum * sizeof(Elf64_Phdr), v->size());
  const auto* ph = reinterpret_cast<const Elf64_Phdr*>(v->ehdr() + eh->e_phoff);
  int loads = 0, dynamics = 0;
  for (size_t i = 0; i < eh->e_phnum; ++i) {
    if (ph[i].p_type == PT_LOAD) {
      ++loads;
      EXPECT_EQ(ph[i].p_vaddr, 0u);
      EXPECT_EQ(ph[i].p_offset, 0u);
      EXPECT_GE(ph[i].p_memsz, v->size());
    }
    if (ph[i].p_type == PT_DYNAMIC) {
      ++dynamics;
      EXPECT_LE(ph[i].p_vaddr + ph[i].p_memsz, v->size());
    }
  }
  EXPECT_EQ(loads, 1);
  EXPECT_EQ(dynamics, 1);

  // Symbol 0 is the null symbol; nchain equals the symbol count.
  const Elf64_Sym* null_sym = hash_lookup(v->ehdr(), "no_such_symbol");
  EXPECT_EQ(null_sym, nullptr);
}

TEST(Vdso, DynamicEntriesAndSymbolTable) {
  SymbolSet s = syscall_symbols();
  auto v = Vdso::build(s.symbols);
  ASSERT_TRUE(v) << v.error().message;
  const uintptr_t base = v->ehdr();
  const auto* eh = reinterpret_cast<const Elf64_Ehdr*>(base);
  const auto* ph = reinterpret_cast<const Elf64_Phdr*>(base + eh->e_phoff);
  const Elf64_Dyn* dyn = nullptr;
  for (size_t i = 0; i < eh->e_phnum; ++i) {
    if (ph[i].p_type == PT_DYNAMIC) dyn = reinterpret_cast<const Elf64_Dyn*>(base + ph[i].p_vaddr);
  }
  ASSERT_NE(dyn, nullptr);
  std::map<int64_t, uint64_t> tags;
  for (; dyn->d_tag != DT_NULL; ++dyn) tags[dyn->d_tag] = dyn->d_un.d_val;
  for (int64_t tag : {DT_HASH, DT_STRTAB, DT_SYMTAB, DT_STRSZ, DT_SYMENT}) {
    ASSERT_TRUE(tags.count(tag)) << tag;
  }
  EXPECT_EQ(tags[DT_SYMENT], sizeof(Elf64_Sym));
  for (int64_t tag : {DT_HASH, DT_STRTAB, DT_SYMTAB}) EXPECT_LT(tags[tag], v->size()) << tag;
  EXPECT_LE(tags[DT_STRTAB] + tags[DT_STRSZ], v->size());

  const auto* hash = reinterpret_cast<const uint32_t*>(base + tags[DT_HASH]);
  EXPECT_GE(hash[0], 1u);
  EXPECT_EQ(hash[1], 50u);  // 49 symbols plus the null symbol.
  const auto* symtab = reinterpret_cast<const Elf64_Sym*>(base + tags[DT_SYMTAB]);
  const char* strtab = reinterpret_cast<const char*>(base + tags[DT_STRTAB]);
  EXPECT_EQ(strtab[0], '\0');
  EXPECT_EQ(strtab[tags[DT_STRSZ] - 1], '\0');
  const Elf64_Sym zero{};
  EXPECT_EQ(std::memcmp(&symtab[0], &zero, sizeof zero), 0);
  for (uint32_t i = 1; i < hash[1]; ++i) {
    const Elf64_Sym& sym = symtab[i];
    EXPECT_EQ(ELF64_ST_BIND(sym.st_info), STB_GLOBAL);
    EXPECT_EQ(ELF64_ST_TYPE(sym.st_info), STT_FUNC);
    EXPECT_EQ(ELF64_ST_VISIBILITY(sym.st_other), STV_DEFAULT);
    EXPECT_NE(sym.st_shndx, SHN_UNDEF);
    EXPECT_GT(sym.st_name, 0u);
    EXPECT_LT(sym.st_name, tags[DT_STRSZ]);
    EXPECT_EQ(sym.st_size, 0u);
  }
}

TEST(Vdso, HashTableFindsEverySymbol) {
  SymbolSet s = syscall_symbols();
  auto v = Vdso::build(s.symbols);
  ASSERT_TRUE(v) << v.error().message;
  for (const VdsoSymbol& sym : s.symbols) {
    const Elf64_Sym* found = hash_lookup(v->ehdr(), sym.name);
    ASSERT_NE(found, nullptr) << sym.name;
    EXPECT_EQ(v->ehdr() + found->st_value, sym.address) << sym.name;
  }
  EXPECT_EQ(hash_lookup(v->ehdr(), "cloudabi_sys_nonexistent"), nullptr);
  EXPECT_EQ(hash_lookup(v->ehdr(), "cloudabi_sys_"), nullptr);
}

TEST(Vdso, ImageIsReadOnly) {
  SymbolSet s = syscall_symbols();
  auto v = Vdso::build(s.symbols);
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(v->ehdr() % 4096, 0u);
  for (uintptr_t a = v->ehdr(); a < v->ehdr() + v->size(); a += 4096) {
    EXPECT_EQ(prot_string(a), "r--");
  }
  EXPECT_EQ(v->bytes().size(), v->size());
}

TEST(VdsoDeathTest, WritingTheImageFaults) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        auto v = Vdso::build({});
        *reinterpret_cast<volatile char*>(v->ehdr() + 16) = 1;
      },
      "");
}

TEST(Vdso, ExtraAndNonSyscallSymbolsAreHarmless) {
  // crt0 ignores names without the prefix; the hash table still finds them.
  const VdsoSymbol symbols[] = {
      {"cloudabi_sys_fd_write", 0x1234},
      {"cloudabi_ext_sock_accept", 0x5678},
      {"helper", 0x9abc},
  };
  auto v = Vdso::build(symbols);
  ASSERT_TRUE(v) << v.error().message;
  auto resolved = crt0_link_vdso(v->ehdr());
  EXPECT_EQ(resolved.size(), 1u);
  EXPECT_EQ(resolved["cloudabi_sys_fd_write"], 0x1234u);
  ASSERT_NE(hash_lookup(v->ehdr(), "helper"), nullptr);
  EXPECT_EQ(v->ehdr() + hash_lookup(v->ehdr(), "helper")->st_value, 0x9abcu);
}

TEST(Vdso, NoSymbols) {
  auto v = Vdso::build({});
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_TRUE(crt0_link_vdso(v->ehdr()).empty());
  EXPECT_EQ(hash_lookup(v->ehdr(), "cloudabi_sys_poll"), nullptr);
}

TEST(Vdso, RejectsBadNames) {
  const VdsoSymbol dup[] = {{"cloudabi_sys_poll", 1}, {"cloudabi_sys_poll", 2}};
  auto r = Vdso::build(dup);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("symbol cloudabi_sys_poll is listed more than once"),
            std::string::npos);
  const VdsoSymbol empty[] = {{"", 1}};
  r = Vdso::build(empty);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("empty or contains a NUL byte"), std::string::npos);
  const VdsoSymbol nul[] = {{std::string_view("a\0b", 3), 1}};
  r = Vdso::build(nul);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("empty or contains a NUL byte"), std::string::npos);
}

TEST(Vdso, MoveTransfersOwnershipAndDestructionUnmaps) {
  auto r = Vdso::build({});
  ASSERT_TRUE(r);
  uintptr_t addr = r->ehdr();
  {
    Vdso moved = std::move(*r);
    EXPECT_EQ(r->ehdr(), 0u);
    EXPECT_EQ(r->size(), 0u);
    EXPECT_EQ(moved.ehdr(), addr);
    EXPECT_EQ(prot_string(addr), "r--");
    auto other = Vdso::build({});
    ASSERT_TRUE(other);
    uintptr_t other_addr = other->ehdr();
    moved = std::move(*other);  // Releases the first image.
    EXPECT_EQ(moved.ehdr(), other_addr);
    EXPECT_FALSE(testing::is_mapped(addr));
    addr = other_addr;
  }
  EXPECT_FALSE(testing::is_mapped(addr));
}

// The section headers make a dump readable by standard tools (debugging aid).
TEST(Vdso, LlvmReadelfUnderstandsADump) {
  std::string readelf = LOADER_READELF;
  if (readelf.empty() || readelf.find("NOTFOUND") != std::string::npos) {
    GTEST_SKIP() << "llvm-readelf not found";
  }
  SymbolSet s = syscall_symbols();
  auto v = Vdso::build(s.symbols);
  ASSERT_TRUE(v) << v.error().message;
  char path[] = "/tmp/vdso-dump-XXXXXX";
  int fd = ::mkstemp(path);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::write(fd, v->bytes().data(), v->size()), static_cast<ssize_t>(v->size()));
  ::close(fd);
  std::string cmd = readelf + " -h -l -S --dyn-syms --dynamic " + path + " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  int status = ::pclose(p);
  ::unlink(path);
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(out.find("warning"), std::string::npos) << out;
  EXPECT_EQ(out.find("error"), std::string::npos) << out;
  EXPECT_NE(out.find("CloudABI"), std::string::npos) << out;
  EXPECT_NE(out.find("Symbol table '.dynsym' contains 50 entries"), std::string::npos) << out;
  for (const std::string& n : s.names) EXPECT_NE(out.find(" " + n + "\n"), std::string::npos) << n;
}

}  // namespace
}  // namespace cloudabi::loader
