// Helpers shared by the loader tests: in-memory files, /proc/self/maps lookups
// and a builder for small synthetic CloudABI executables.
#pragma once

#include <elf.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/support/unique_fd.h"

namespace cloudabi::loader::testing {

using Bytes = std::vector<unsigned char>;

inline UniqueFd memfd_with(const Bytes& bytes) {
  UniqueFd fd(::memfd_create("loader-test", MFD_CLOEXEC));
  if (!fd.valid()) return fd;
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
    if (n <= 0) return UniqueFd();
    done += static_cast<size_t>(n);
  }
  return fd;
}

inline Bytes read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// One line of /proc/self/maps.
struct Mapping {
  uintptr_t start = 0, end = 0;
  std::string perms;  // E.g. "r-xp".
  uint64_t offset = 0;
  unsigned long inode = 0;
  std::string path;
};

inline std::optional<Mapping> mapping_at(uintptr_t addr) {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    std::istringstream ls(line);
    Mapping m;
    std::string range, dev;
    ls >> range >> m.perms >> std::hex >> m.offset >> dev >> std::dec >> m.inode;
    std::getline(ls >> std::ws, m.path);
    size_t dash = range.find('-');
    m.start = std::stoull(range.substr(0, dash), nullptr, 16);
    m.end = std::stoull(range.substr(dash + 1), nullptr, 16);
    if (addr >= m.start && addr < m.end) return m;
  }
  return std::nullopt;
}

// Whether any mapping covers the page at addr. Uses msync (which fails with
// ENOMEM on unmapped memory) rather than reading /proc/self/maps, because the
// allocation that reading needs may itself reuse a just-unmapped range.
inline bool is_mapped(uintptr_t addr) {
  return ::msync(reinterpret_cast<void*>(addr & ~uintptr_t{4095}), 1, MS_ASYNC) == 0;
}

// "rwx" subset of a mapping's permissions, e.g. "r-x".
inline std::string prot_string(uintptr_t addr) {
  auto m = mapping_at(addr);
  return m ? m->perms.substr(0, 3) : std::string("unmapped");
}

inline std::string flags_string(uint32_t pf) {
  std::string s = "---";
  if (pf & PF_R) s[0] = 'r';
  if (pf & PF_W) s[1] = 'w';
  if (pf & PF_X) s[2] = 'x';
  return s;
}

// A synthetic executable: an ELF header, a program header table and file
// contents filled with a recognizable nonzero pattern. serialize() writes the
// header and program headers over the pattern at their offsets.
struct SynthElf {
  Elf64_Ehdr eh{};
  std::vector<Elf64_Phdr> ph;
  size_t file_size = 0x3000;
  int phnum = -1;  // e_phnum to write; -1 means ph.size().

  static unsigned char pattern(size_t offset) {
    return static_cast<unsigned char>((offset * 131 + 7) % 251 + 1);
  }

  static Elf64_Phdr load(uint64_t offset, uint64_t vaddr, uint64_t filesz, uint64_t memsz,
                         uint32_t flags) {
    Elf64_Phdr p{};
    p.p_type = PT_LOAD;
    p.p_flags = flags;
    p.p_offset = offset;
    p.p_vaddr = p.p_paddr = vaddr;
    p.p_filesz = filesz;
    p.p_memsz = memsz;
    p.p_align = 0x1000;
    return p;
  }

  static Elf64_Phdr other(uint32_t type, uint64_t offset, uint64_t vaddr, uint64_t filesz,
                          uint64_t memsz, uint32_t flags, uint64_t align) {
    Elf64_Phdr p = load(offset, vaddr, filesz, memsz, flags);
    p.p_type = type;
    p.p_align = align;
    return p;
  }

  // A valid executable in the packed layout lld-14 produces by default:
  //   0 PT_PHDR, 1 LOAD R   [0x0000, 0x0400)        offset 0x000
  //   2 LOAD R+X [0x1400, 0x1500)                   offset 0x400
  //   3 LOAD R+W [0x2500, 0x2600), memsz 0x3000     offset 0x500 (bss after)
  //   4 PT_TLS inside segment 3, 5 PT_GNU_STACK.
  static SynthElf valid() {
    SynthElf e;
    std::memcpy(e.eh.e_ident, ELFMAG, SELFMAG);
    e.eh.e_ident[EI_CLASS] = ELFCLASS64;
    e.eh.e_ident[EI_DATA] = ELFDATA2LSB;
    e.eh.e_ident[EI_VERSION] = EV_CURRENT;
    e.eh.e_ident[EI_OSABI] = 17;
    e.eh.e_type = ET_DYN;
    e.eh.e_machine = EM_X86_64;
    e.eh.e_version = EV_CURRENT;
    e.eh.e_entry = 0x1420;
    e.eh.e_phoff = sizeof(Elf64_Ehdr);
    e.eh.e_ehsize = sizeof(Elf64_Ehdr);
    e.eh.e_phentsize = sizeof(Elf64_Phdr);
    e.ph = {
        other(PT_PHDR, 0x40, 0x40, 6 * sizeof(Elf64_Phdr), 6 * sizeof(Elf64_Phdr), PF_R, 8),
        load(0x000, 0x0000, 0x400, 0x400, PF_R),
        load(0x400, 0x1400, 0x100, 0x100, PF_R | PF_X),
        load(0x500, 0x2500, 0x100, 0x3000, PF_R | PF_W),
        other(PT_TLS, 0x500, 0x2500, 0x10, 0x40, PF_R, 16),
        other(PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W, 0),
    };
    e.file_size = 0x600;
    return e;
  }

  Bytes serialize() const {
    Bytes b(file_size);
    for (size_t i = 0; i < b.size(); ++i) b[i] = pattern(i);
    Elf64_Ehdr h = eh;
    h.e_phnum = static_cast<uint16_t>(phnum >= 0 ? static_cast<size_t>(phnum) : ph.size());
    std::memcpy(b.data(), &h, std::min(sizeof h, b.size()));
    for (size_t i = 0; i < ph.size(); ++i) {
      // Written only where it fits; e_phoff may be deliberately out of range.
      if (eh.e_phoff > b.size()) break;
      size_t off = eh.e_phoff + i * sizeof(Elf64_Phdr);
      if (b.size() - eh.e_phoff < (i + 1) * sizeof(Elf64_Phdr)) break;
      std::memcpy(b.data() + off, &ph[i], sizeof ph[i]);
    }
    return b;
  }
};

}  // namespace cloudabi::loader::testing
