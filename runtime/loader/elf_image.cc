#include "runtime/loader/elf_image.h"

#include <elf.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace cloudabi::loader {
namespace {

constexpr unsigned char kOsAbiCloudAbi = 17;
// The Linux CloudABI patch bounds e_phnum by one 4 KiB page of headers.
constexpr size_t kMaxPhnum = 4096 / sizeof(Elf64_Phdr);
// x86_64 user space (4-level paging). Segments must end below this.
constexpr uint64_t kUserAddressLimit = uint64_t{1} << 47;
// Load-bias alignments requested through p_align are honoured up to this.
constexpr uint64_t kMaxHonouredAlign = uint64_t{1} << 30;
// Extra random placement range when LoadOptions::randomize is set.
constexpr uint64_t kRandomSlack = uint64_t{1} << 30;

std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%" PRIx64, v);
  return buf;
}

Error not_cloudabi(const std::string& what) {
  return Error{"not a CloudABI executable: " + what, ENOEXEC};
}
Error malformed(const std::string& what) {
  return Error{"malformed CloudABI executable: " + what, ENOEXEC};
}
Error unsupported(const std::string& what) {
  return Error{"unsupported CloudABI executable: " + what, ENOEXEC};
}

const char* osabi_name(unsigned v) {
  switch (v) {
    case ELFOSABI_SYSV:
      return "System V";
    case ELFOSABI_HPUX:
      return "HP-UX";
    case ELFOSABI_NETBSD:
      return "NetBSD";
    case ELFOSABI_GNU:
      return "GNU/Linux";
    case ELFOSABI_SOLARIS:
      return "Solaris";
    case ELFOSABI_FREEBSD:
      return "FreeBSD";
    case ELFOSABI_OPENBSD:
      return "OpenBSD";
    case kOsAbiCloudAbi:
      return "Nuxi CloudABI";
    case ELFOSABI_STANDALONE:
      return "standalone";
    default:
      return "unknown";
  }
}

const char* type_name(unsigned v) {
  switch (v) {
    case ET_NONE:
      return "ET_NONE";
    case ET_REL:
      return "ET_REL, a relocatable object";
    case ET_EXEC:
      return "ET_EXEC, a position-dependent executable";
    case ET_DYN:
      return "ET_DYN";
    case ET_CORE:
      return "ET_CORE, a core dump";
    default:
      return "unknown";
  }
}

const char* machine_name(unsigned v) {
  switch (v) {
    case EM_386:
      return "EM_386, i386";
    case EM_ARM:
      return "EM_ARM";
    case EM_X86_64:
      return "EM_X86_64";
    case EM_AARCH64:
      return "EM_AARCH64";
    case EM_RISCV:
      return "EM_RISCV";
    default:
      return "unknown";
  }
}

const char* phdr_type_name(uint32_t t) {
  switch (t) {
    case PT_LOAD:
      return "PT_LOAD";
    case PT_DYNAMIC:
      return "PT_DYNAMIC";
    case PT_INTERP:
      return "PT_INTERP";
    case PT_PHDR:
      return "PT_PHDR";
    case PT_TLS:
      return "PT_TLS";
    case PT_GNU_STACK:
      return "PT_GNU_STACK";
    default:
      return "program header";
  }
}

std::string describe(size_t index, const Elf64_Phdr& ph) {
  return std::string(phdr_type_name(ph.p_type)) + " program header " + std::to_string(index);
}

bool add_overflows(uint64_t a, uint64_t b, uint64_t* out) {
  return __builtin_add_overflow(a, b, out);
}

bool is_pow2_or_zero(uint64_t v) { return (v & (v - 1)) == 0; }

uint64_t page_floor(uint64_t v, uint64_t pg) { return v & ~(pg - 1); }
// Callers guarantee v + pg - 1 does not overflow (all addresses < 2^47).
uint64_t page_ceil(uint64_t v, uint64_t pg) { return (v + pg - 1) & ~(pg - 1); }

int prot_of(uint32_t flags) {
  int prot = PROT_NONE;
  if (flags & PF_R) prot |= PROT_READ;
  if (flags & PF_W) prot |= PROT_WRITE;
  if (flags & PF_X) prot |= PROT_EXEC;
  return prot;
}

// Reads exactly len bytes at offset, or fails.
Result<void> pread_full(int fd, void* buf, size_t len, uint64_t offset) {
  auto* p = static_cast<unsigned char*>(buf);
  while (len > 0) {
    ssize_t n = ::pread(fd, p, len, static_cast<off_t>(offset));
    if (n < 0) {
      int err = errno;
      if (err == EINTR) continue;
      return Error::from_errno("reading the executable at offset " + hex(offset) + " failed", err);
    }
    if (n == 0) {
      return Error{"reading the executable failed: the file ended at offset " + hex(offset) +
                       " (was it truncated while loading?)",
                   ENOEXEC};
    }
    p += n;
    len -= static_cast<size_t>(n);
    offset += static_cast<uint64_t>(n);
  }
  return {};
}

// One PT_LOAD after validation.
struct Segment {
  size_t index;  // Index in the program header table (for messages).
  uint64_t vaddr, memsz, offset, filesz;
  uint32_t flags;
  uint64_t end() const { return vaddr + memsz; }
  uint64_t file_end() const { return vaddr + filesz; }
};

// A page that is filled by copying: the partial head or tail of a segment, or
// a page shared between segments.
struct CopyPage {
  int prot = PROT_NONE;
  std::vector<size_t> segments;  // Indices into Plan::segments.
};

struct Plan {
  std::vector<Segment> segments;            // Sorted by vaddr, non-empty, non-overlapping.
  std::map<uint64_t, CopyPage> copy_pages;  // Keyed by page address (link-time).
  uint64_t span_lo = 0, span_hi = 0;        // Page-aligned link-time span.
  uint64_t align = 0;                       // Load bias alignment.
  std::optional<uint64_t> phdr_vaddr;       // Where a PT_LOAD maps the phdrs.
  std::optional<Elf64_Phdr> tls;
  std::optional<uint64_t> dynamic_vaddr;
  uint64_t stack_size_hint = 0;
  bool executable_stack = false;
  uint64_t entry = 0;
};

Result<Elf64_Ehdr> read_and_check_header(int fd, uint64_t file_size) {
  unsigned char ident[EI_NIDENT] = {};
  size_t have = static_cast<size_t>(std::min<uint64_t>(file_size, EI_NIDENT));
  if (have > 0) {
    if (auto r = pread_full(fd, ident, have, 0); !r) return r.error();
  }
  if (have < SELFMAG || std::memcmp(ident, ELFMAG, SELFMAG) != 0) {
    return not_cloudabi("the file does not start with the ELF magic bytes 7f 45 4c 46");
  }
  if (have < EI_NIDENT) {
    return malformed("the file is only " + std::to_string(file_size) +
                     " bytes long, too short for an ELF header");
  }
  if (ident[EI_CLASS] != ELFCLASS64) {
    return not_cloudabi("ELF class is " + std::to_string(ident[EI_CLASS]) +
                        (ident[EI_CLASS] == ELFCLASS32 ? " (32-bit)" : "") +
                        ", expected 2 (ELFCLASS64, 64-bit)");
  }
  if (ident[EI_DATA] != ELFDATA2LSB) {
    return not_cloudabi("ELF data encoding is " + std::to_string(ident[EI_DATA]) +
                        (ident[EI_DATA] == ELFDATA2MSB ? " (big endian)" : "") +
                        ", expected 1 (ELFDATA2LSB, little endian)");
  }
  if (ident[EI_VERSION] != EV_CURRENT) {
    return not_cloudabi("ELF identification version is " + std::to_string(ident[EI_VERSION]) +
                        ", expected 1 (EV_CURRENT)");
  }
  if (ident[EI_OSABI] != kOsAbiCloudAbi) {
    return not_cloudabi("ELF OS/ABI is " + std::to_string(ident[EI_OSABI]) + " (" +
                        osabi_name(ident[EI_OSABI]) + "), expected 17 (Nuxi CloudABI)");
  }
  if (file_size < sizeof(Elf64_Ehdr)) {
    return malformed("the file is only " + std::to_string(file_size) +
                     " bytes long, too short for an ELF header");
  }
  Elf64_Ehdr eh;
  if (auto r = pread_full(fd, &eh, sizeof eh, 0); !r) return r.error();
  if (eh.e_type != ET_DYN) {
    return not_cloudabi("ELF type is " + std::to_string(eh.e_type) + " (" + type_name(eh.e_type) +
                        "), expected 3 (ET_DYN, a static position-independent executable)");
  }
  if (eh.e_machine != EM_X86_64) {
    return not_cloudabi("ELF machine is " + std::to_string(eh.e_machine) + " (" +
                        machine_name(eh.e_machine) + "), expected 62 (EM_X86_64)");
  }
  if (eh.e_version != EV_CURRENT) {
    return not_cloudabi("ELF version is " + std::to_string(eh.e_version) +
                        ", expected 1 (EV_CURRENT)");
  }
  if (eh.e_phentsize != sizeof(Elf64_Phdr)) {
    return malformed("program header entry size e_phentsize is " + std::to_string(eh.e_phentsize) +
                     ", expected 56 (sizeof(Elf64_Phdr))");
  }
  if (eh.e_phnum < 1 || eh.e_phnum > kMaxPhnum) {
    return malformed("the number of program headers e_phnum is " + std::to_string(eh.e_phnum) +
                     ", expected between 1 and " + std::to_string(kMaxPhnum));
  }
  uint64_t ph_end;
  if (add_overflows(eh.e_phoff, uint64_t{eh.e_phnum} * sizeof(Elf64_Phdr), &ph_end) ||
      ph_end > file_size) {
    return malformed("the program header table (offset " + hex(eh.e_phoff) + ", " +
                     std::to_string(eh.e_phnum) + " entries) extends beyond the end of the " +
                     std::to_string(file_size) + "-byte file");
  }
  return eh;
}

// Scans PT_DYNAMIC (as stored in the file) for DT_NEEDED.
Result<void> check_dynamic(int fd, size_t index, const Elf64_Phdr& ph, uint64_t file_size) {
  uint64_t end;
  if (add_overflows(ph.p_offset, ph.p_filesz, &end) || end > file_size) {
    return malformed(describe(index, ph) + " (offset " + hex(ph.p_offset) + ", size " +
                     hex(ph.p_filesz) + ") extends beyond the end of the file");
  }
  // Dynamic sections are small; looking at the first 64 KiB is plenty.
  size_t count = static_cast<size_t>(std::min<uint64_t>(ph.p_filesz, 65536) / sizeof(Elf64_Dyn));
  std::vector<Elf64_Dyn> dyn(count);
  if (count > 0) {
    if (auto r = pread_full(fd, dyn.data(), count * sizeof(Elf64_Dyn), ph.p_offset); !r) {
      return r.error();
    }
  }
  for (const Elf64_Dyn& d : dyn) {
    if (d.d_tag == DT_NULL) break;
    if (d.d_tag == DT_NEEDED) {
      return unsupported(
          "it needs shared libraries (DT_NEEDED), but CloudABI executables must be linked "
          "statically");
    }
  }
  return {};
}

const Segment* find_segment_containing(const std::vector<Segment>& segs, uint64_t lo,
                                       uint64_t len) {
  uint64_t hi;
  if (add_overflows(lo, len, &hi)) return nullptr;
  for (const Segment& s : segs) {
    if (lo >= s.vaddr && hi <= s.end() && (len > 0 || lo < s.end())) return &s;
  }
  return nullptr;
}

Result<Plan> make_plan(int fd, const Elf64_Ehdr& eh, const std::vector<Elf64_Phdr>& phdrs,
                       uint64_t file_size, uint64_t pg) {
  Plan plan;
  std::optional<size_t> phdr_index;
  std::optional<Elf64_Phdr> phdr_header;
  std::optional<size_t> tls_index;
  std::optional<std::pair<size_t, Elf64_Phdr>> dynamic;
  bool seen_stack = false;
  uint64_t max_align = pg;

  for (size_t i = 0; i < phdrs.size(); ++i) {
    const Elf64_Phdr& ph = phdrs[i];
    switch (ph.p_type) {
      case PT_INTERP:
        return unsupported(
            "it has a PT_INTERP program header (it asks for a dynamic linker), but CloudABI "
            "executables must be static position-independent executables");
      case PT_LOAD: {
        if (ph.p_filesz > ph.p_memsz) {
          return malformed(describe(i, ph) + " has p_filesz " + hex(ph.p_filesz) +
                           " larger than p_memsz " + hex(ph.p_memsz));
        }
        uint64_t end;
        if (add_overflows(ph.p_vaddr, ph.p_memsz, &end) || end > kUserAddressLimit) {
          return malformed(describe(i, ph) + " (p_vaddr " + hex(ph.p_vaddr) + ", p_memsz " +
                           hex(ph.p_memsz) + ") does not fit in the 47-bit user address space");
        }
        if (ph.p_filesz > 0) {
          uint64_t file_end;
          if (add_overflows(ph.p_offset, ph.p_filesz, &file_end) || file_end > file_size) {
            return malformed(describe(i, ph) + " (file offset " + hex(ph.p_offset) + ", size " +
                             hex(ph.p_filesz) + ") extends beyond the end of the " +
                             std::to_string(file_size) + "-byte file");
          }
          if (ph.p_offset % pg != ph.p_vaddr % pg) {
            return malformed(describe(i, ph) + " has file offset " + hex(ph.p_offset) +
                             " and address " + hex(ph.p_vaddr) +
                             " that are not congruent modulo the page size " + hex(pg));
          }
        }
        if (!is_pow2_or_zero(ph.p_align)) {
          return malformed(describe(i, ph) + " has alignment " + hex(ph.p_align) +
                           ", which is not a power of two");
        }
        if ((ph.p_flags & PF_W) && (ph.p_flags & PF_X)) {
          return unsupported(describe(i, ph) + " at " + hex(ph.p_vaddr) +
                             " is both writable and executable, which the runtime refuses (W^X)");
        }
        if (ph.p_align > max_align && ph.p_align <= kMaxHonouredAlign) max_align = ph.p_align;
        if (ph.p_memsz == 0) break;  // Occupies no memory; nothing to map.
        plan.segments.push_back(
            Segment{i, ph.p_vaddr, ph.p_memsz, ph.p_offset, ph.p_filesz, ph.p_flags});
        break;
      }
      case PT_TLS:
        if (tls_index) {
          return malformed("it has more than one PT_TLS program header (" +
                           std::to_string(*tls_index) + " and " + std::to_string(i) + ")");
        }
        tls_index = i;
        break;
      case PT_DYNAMIC:
        if (dynamic) {
          return malformed("it has more than one PT_DYNAMIC program header (" +
                           std::to_string(dynamic->first) + " and " + std::to_string(i) + ")");
        }
        dynamic.emplace(i, ph);
        break;
      case PT_PHDR:
        if (phdr_index) {
          return malformed("it has more than one PT_PHDR program header (" +
                           std::to_string(*phdr_index) + " and " + std::to_string(i) + ")");
        }
        phdr_index = i;
        phdr_header = ph;
        break;
      case PT_GNU_STACK:
        if (!seen_stack) {
          seen_stack = true;
          plan.stack_size_hint = ph.p_memsz;
          plan.executable_stack = (ph.p_flags & PF_X) != 0;
        }
        break;
      default:
        break;  // PT_NOTE, PT_GNU_RELRO, PT_GNU_EH_FRAME, ...: nothing to do.
    }
  }

  if (plan.segments.empty()) {
    return malformed("it has no PT_LOAD program header with a nonzero size, so nothing to load");
  }
  std::sort(plan.segments.begin(), plan.segments.end(),
            [](const Segment& a, const Segment& b) { return a.vaddr < b.vaddr; });
  for (size_t i = 0; i + 1 < plan.segments.size(); ++i) {
    const Segment& a = plan.segments[i];
    const Segment& b = plan.segments[i + 1];
    if (a.end() > b.vaddr) {
      return malformed("PT_LOAD program headers " + std::to_string(a.index) + " (" + hex(a.vaddr) +
                       "-" + hex(a.end()) + ") and " + std::to_string(b.index) + " (" +
                       hex(b.vaddr) + "-" + hex(b.end()) + ") overlap in memory");
    }
  }

  // Pages that are filled by copying and their combined protection.
  for (size_t si = 0; si < plan.segments.size(); ++si) {
    const Segment& s = plan.segments[si];
    uint64_t first = page_floor(s.vaddr, pg);
    uint64_t last = page_floor(s.end() - 1, pg);
    std::vector<uint64_t> pages{first, last};
    if (s.filesz > 0 && s.file_end() % pg != 0) pages.push_back(page_floor(s.file_end(), pg));
    std::sort(pages.begin(), pages.end());
    pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
    for (uint64_t page : pages) {
      CopyPage& cp = plan.copy_pages[page];
      cp.prot |= prot_of(s.flags);
      cp.segments.push_back(si);
      if ((cp.prot & PROT_WRITE) && (cp.prot & PROT_EXEC)) {
        const Segment* w = nullptr;
        const Segment* x = nullptr;
        for (size_t oi : cp.segments) {
          const Segment* o = &plan.segments[oi];
          if (o->flags & PF_W) w = o;
          if (o->flags & PF_X) x = o;
        }
        return unsupported("PT_LOAD program headers " + std::to_string(w->index) +
                           " (writable) and " + std::to_string(x->index) +
                           " (executable) share the page at " + hex(page) +
                           ", which would have to be both writable and executable (W^X)");
      }
    }
  }

  plan.span_lo = page_floor(plan.segments.front().vaddr, pg);
  plan.span_hi = 0;
  for (const Segment& s : plan.segments)
    plan.span_hi = std::max(plan.span_hi, page_ceil(s.end(), pg));
  plan.align = max_align;

  // Entry point.
  plan.entry = eh.e_entry;
  bool entry_ok = false;
  for (const Segment& s : plan.segments) {
    if ((s.flags & PF_X) && eh.e_entry >= s.vaddr && eh.e_entry < s.end()) entry_ok = true;
  }
  if (!entry_ok) {
    return malformed("the entry point " + hex(eh.e_entry) +
                     " does not lie inside an executable PT_LOAD segment");
  }

  // Program headers in memory.
  uint64_t ph_size = uint64_t{eh.e_phnum} * sizeof(Elf64_Phdr);
  for (const Segment& s : plan.segments) {
    if (eh.e_phoff >= s.offset && eh.e_phoff + ph_size <= s.offset + s.filesz) {
      plan.phdr_vaddr = s.vaddr + (eh.e_phoff - s.offset);
      break;
    }
  }
  if (phdr_header) {
    if (!plan.phdr_vaddr) {
      return malformed("PT_PHDR program header " + std::to_string(*phdr_index) +
                       " says the program headers are loaded, but no PT_LOAD segment maps "
                       "the program header table from the file");
    }
    if (phdr_header->p_vaddr != *plan.phdr_vaddr) {
      return malformed("PT_PHDR program header " + std::to_string(*phdr_index) + " has address " +
                       hex(phdr_header->p_vaddr) +
                       ", but the PT_LOAD segments put the program header table at " +
                       hex(*plan.phdr_vaddr));
    }
  }

  // TLS template.
  if (tls_index) {
    const Elf64_Phdr& ph = phdrs[*tls_index];
    std::string what = describe(*tls_index, ph);
    if (ph.p_filesz > ph.p_memsz) {
      return malformed(what + " has p_filesz " + hex(ph.p_filesz) + " larger than p_memsz " +
                       hex(ph.p_memsz));
    }
    if (!is_pow2_or_zero(ph.p_align)) {
      return malformed(what + " has alignment " + hex(ph.p_align) +
                       ", which is not a power of two");
    }
    uint64_t align = ph.p_align == 0 ? 1 : ph.p_align;
    uint64_t rounded;
    if (add_overflows(ph.p_memsz, align - 1, &rounded) || ph.p_memsz > kUserAddressLimit) {
      return malformed(what + " has an implausible size " + hex(ph.p_memsz));
    }
    if (ph.p_filesz > 0 && !find_segment_containing(plan.segments, ph.p_vaddr, ph.p_filesz)) {
      return malformed(what + " (" + hex(ph.p_vaddr) + ", " + hex(ph.p_filesz) +
                       " bytes) does not lie inside a PT_LOAD segment");
    }
    Elf64_Phdr t = ph;
    t.p_align = align;
    plan.tls = t;
  }

  if (dynamic) {
    const auto& [index, ph] = *dynamic;
    if (ph.p_memsz > 0 && !find_segment_containing(plan.segments, ph.p_vaddr, ph.p_memsz)) {
      return malformed(describe(index, ph) + " (" + hex(ph.p_vaddr) + ", " + hex(ph.p_memsz) +
                       " bytes) does not lie inside a PT_LOAD segment");
    }
    if (auto r = check_dynamic(fd, index, ph, file_size); !r) return r.error();
    plan.dynamic_vaddr = ph.p_vaddr;
  }
  return plan;
}

// Reserves size bytes of PROT_NONE address space aligned to align.
// Returns an address congruent to phase modulo align (align is a power of two >= pg).
Result<uintptr_t> reserve(uint64_t size, uint64_t align, uint64_t phase, uint64_t pg,
                          bool randomize) {
  uint64_t slack = 0;
  if (randomize) {
    uint64_t r = 0;
    if (::getrandom(&r, sizeof r, GRND_NONBLOCK) != sizeof r) {
      int err = errno;
      return Error::from_errno("getting random bytes to place the executable failed", err);
    }
    slack = (r % (kRandomSlack / pg)) * pg;
  }
  uint64_t extra = align - pg;
  for (;;) {
    uint64_t total = size + extra + slack;
    void* p = ::mmap(nullptr, total, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
      int err = errno;
      if (err == ENOMEM && slack > 0) {  // E.g. RLIMIT_AS: retry without the random offset.
        slack = 0;
        continue;
      }
      return Error::from_errno(
          "reserving " + hex(size) + " bytes of address space for the executable failed", err);
    }
    uintptr_t raw = reinterpret_cast<uintptr_t>(p);
    // Round raw + slack up to the next address congruent to phase; this moves
    // it by at most align - pg because both are page aligned.
    uintptr_t x = raw + slack - phase;
    uintptr_t start = ((x + align - 1) & ~(align - 1)) + phase;
    if (start > raw) ::munmap(p, start - raw);
    uintptr_t raw_end = raw + total;
    if (raw_end > start + size)
      ::munmap(reinterpret_cast<void*>(start + size), raw_end - (start + size));
    return start;
  }
}

Result<void> protect(uintptr_t addr, uint64_t len, int prot, const Segment* s) {
  if (len == 0) return {};
  if (::mprotect(reinterpret_cast<void*>(addr), len, prot) != 0) {
    int err = errno;
    std::string what = "setting the protection of " + hex(len) + " bytes at " + hex(addr);
    if (s) what += " (PT_LOAD program header " + std::to_string(s->index) + ")";
    what += " failed";
    if (err == EACCES && (prot & PROT_EXEC)) what += " (is the file on a noexec mount?)";
    return Error::from_errno(what, err);
  }
  return {};
}

Result<void> copy_from_file(int fd, uintptr_t addr, uint64_t len, uint64_t offset, int prot,
                            const Segment& s) {
  if (auto r = protect(addr, len, PROT_READ | PROT_WRITE, &s); !r) return r;
  if (auto r = pread_full(fd, reinterpret_cast<void*>(addr), len, offset); !r) return r;
  return protect(addr, len, prot, &s);
}

Result<void> map_segments(int fd, const Plan& plan, uintptr_t base, uint64_t pg, bool map_file) {
  for (const Segment& s : plan.segments) {
    int prot = prot_of(s.flags);
    uint64_t first = page_floor(s.vaddr, pg);
    uint64_t last = page_floor(s.end() - 1, pg);
    // Interior pages: entirely inside this segment. Copy pages (first, last and
    // the partial last file page) are handled below.
    uint64_t interior_lo = first + pg;
    uint64_t interior_hi = last;
    if (interior_lo >= interior_hi) continue;
    uint64_t file_hi = std::clamp(page_floor(s.file_end(), pg), interior_lo, interior_hi);
    if (file_hi > interior_lo) {
      uintptr_t addr = base + interior_lo;
      uint64_t len = file_hi - interior_lo;
      uint64_t offset = s.offset + (interior_lo - s.vaddr);
      bool mapped = false;
      if (map_file) {
        void* p = ::mmap(reinterpret_cast<void*>(addr), len, prot, MAP_PRIVATE | MAP_FIXED, fd,
                         static_cast<off_t>(offset));
        int err = errno;
        if (p != MAP_FAILED) {
          mapped = true;
        } else if (err != ENODEV) {
          std::string what =
              "mapping PT_LOAD program header " + std::to_string(s.index) + " from the file failed";
          if ((err == EPERM || err == EACCES) && (prot & PROT_EXEC)) {
            what += " (is the file on a noexec mount?)";
          }
          return Error::from_errno(what, err);
        }
      }
      if (!mapped) {
        if (auto r = copy_from_file(fd, addr, len, offset, prot, s); !r) return r;
      }
    }
    // The rest of the interior is bss: the reservation is already zero.
    uint64_t bss_lo = std::max(file_hi, std::min(page_ceil(s.file_end(), pg), interior_hi));
    if (auto r = protect(base + bss_lo, interior_hi - bss_lo, prot, &s); !r) return r;
  }

  for (const auto& [page, cp] : plan.copy_pages) {
    uintptr_t addr = base + page;
    if (auto r = protect(addr, pg, PROT_READ | PROT_WRITE, nullptr); !r) return r;
    for (size_t si : cp.segments) {
      const Segment* s = &plan.segments[si];
      uint64_t lo = std::max(page, s->vaddr);
      uint64_t hi = std::min(page + pg, s->file_end());
      if (lo >= hi) continue;  // Only bss of this segment on this page.
      if (auto r = pread_full(fd, reinterpret_cast<void*>(base + lo), hi - lo,
                              s->offset + (lo - s->vaddr));
          !r) {
        return r;
      }
    }
    if (auto r = protect(addr, pg, cp.prot, &plan.segments[cp.segments.front()]); !r) return r;
  }
  return {};
}

}  // namespace

Result<Image> load_executable(int fd, const LoadOptions& options) {
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    return Error::from_errno("inspecting the executable failed", err);
  }
  if (!S_ISREG(st.st_mode)) {
    return Error{"not a CloudABI executable: the descriptor does not refer to a regular file",
                 ENOEXEC};
  }
  const uint64_t file_size = static_cast<uint64_t>(st.st_size);
  const long pgl = ::sysconf(_SC_PAGESIZE);
  const uint64_t pg = pgl > 0 ? static_cast<uint64_t>(pgl) : 4096;

  auto eh = read_and_check_header(fd, file_size);
  if (!eh) return eh.error();
  std::vector<Elf64_Phdr> phdrs(eh->e_phnum);
  if (auto r = pread_full(fd, phdrs.data(), phdrs.size() * sizeof(Elf64_Phdr), eh->e_phoff); !r) {
    return r.error();
  }
  auto plan = make_plan(fd, *eh, phdrs, file_size, pg);
  if (!plan) return plan.error();

  // One extra page after the image holds a copy of the program headers if no
  // segment maps them (phnum <= 73 so they always fit in 4 KiB).
  const bool copy_phdrs = !plan->phdr_vaddr;
  uint64_t image_size = plan->span_hi - plan->span_lo;
  uint64_t size = image_size + (copy_phdrs ? page_ceil(phdrs.size() * sizeof(Elf64_Phdr), pg) : 0);

  auto start = reserve(size, plan->align, plan->span_lo % plan->align, pg, options.randomize);
  if (!start) return start.error();
  Image image;
  image.map_start = *start;
  image.map_size = size;
  image.base = *start - plan->span_lo;

  if (auto r = map_segments(fd, *plan, image.base, pg, options.map_file); !r) {
    unload(image);
    return r.error();
  }
  if (copy_phdrs) {
    uintptr_t addr = *start + image_size;
    uint64_t len = size - image_size;
    if (auto r = protect(addr, len, PROT_READ | PROT_WRITE, nullptr); !r) {
      unload(image);
      return r.error();
    }
    std::memcpy(reinterpret_cast<void*>(addr), phdrs.data(), phdrs.size() * sizeof(Elf64_Phdr));
    if (auto r = protect(addr, len, PROT_READ, nullptr); !r) {
      unload(image);
      return r.error();
    }
    image.phdr = addr;
  } else {
    image.phdr = image.base + *plan->phdr_vaddr;
  }
  image.phnum = phdrs.size();
  image.entry = image.base + plan->entry;
  if (plan->tls) {
    image.tls = TlsTemplate{image.base + plan->tls->p_vaddr, plan->tls->p_filesz,
                            plan->tls->p_memsz, plan->tls->p_align};
  }
  if (plan->dynamic_vaddr) image.dynamic = image.base + *plan->dynamic_vaddr;
  image.stack_size_hint = plan->stack_size_hint;
  image.executable_stack_requested = plan->executable_stack;
  return image;
}

void unload(const Image& image) {
  if (image.map_size > 0) ::munmap(reinterpret_cast<void*>(image.map_start), image.map_size);
}

}  // namespace cloudabi::loader
