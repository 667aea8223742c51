// Loading CloudABI executables (static PIE, ELF64, x86_64, OS/ABI 17) into the
// runtime's own address space. The loader validates the file, maps its PT_LOAD
// segments at a (randomized) load bias and reports what the auxiliary vector
// and the TLS set-up need. It never runs guest code and never applies
// relocations: CloudABI programs relocate themselves in _start using AT_BASE.
//
// Design decisions (details in runtime/loader/README.md):
// - Pages entirely covered by one segment's file bytes are mapped from the file
//   (MAP_PRIVATE); all other pages of a segment (partial first/last file page,
//   pages shared with another segment) are anonymous memory filled with pread,
//   and every byte that belongs to no segment's file part reads as zero.
// - A page shared by two segments gets the union of their protections; if that
//   union would be writable and executable the file is rejected (W^X).
// - PT_GNU_STACK with PF_X is ignored (the guest stack is never executable);
//   Image::executable_stack_requested records it so the caller can warn.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "runtime/support/result.h"

namespace cloudabi::loader {

// The PT_TLS initialization image, as the guest's crt0 sees it.
struct TlsTemplate {
  uintptr_t image = 0;  // Absolute address of the initialized part (base + p_vaddr).
  size_t filesz = 0;    // Bytes to copy from image.
  size_t memsz = 0;     // Total size of the TLS block (filesz bytes + zeroed rest).
  size_t align = 1;     // Power of two, at least 1.
};

struct LoadOptions {
  // Add a random page-granular offset (up to 1 GiB) on top of the kernel's
  // mmap randomization. When false, the kernel alone chooses the address
  // (deterministic only if ASLR is disabled, e.g. under `setarch -R`).
  bool randomize = true;
  // Map whole file pages from the file instead of copying them. Turning this
  // off copies every byte with pread (used by tests; also the automatic
  // fallback when the descriptor does not support mmap).
  bool map_file = true;
};

struct Image {
  uintptr_t base = 0;       // Load bias (AT_BASE): lowest mapped address minus lowest p_vaddr.
  uintptr_t entry = 0;      // Absolute address of _start.
  uintptr_t phdr = 0;       // AT_PHDR: address of the program headers in memory.
  size_t phnum = 0;         // AT_PHNUM.
  uintptr_t map_start = 0;  // The whole reservation (segments, gaps and any
  size_t map_size = 0;      // copy of the program headers).
  std::optional<TlsTemplate> tls;
  size_t stack_size_hint = 0;               // PT_GNU_STACK p_memsz if nonzero.
  uintptr_t dynamic = 0;                    // Address of PT_DYNAMIC, 0 if none.
  bool executable_stack_requested = false;  // PT_GNU_STACK had PF_X (ignored).
};

// Validates and maps a CloudABI executable read from fd (pread only; the fd
// offset is not used). On failure nothing stays mapped and the Error message is
// one sentence naming the problem; sys_errno is ENOEXEC for invalid files.
Result<Image> load_executable(int fd, const LoadOptions& options = {});

// Unmaps an image (for tests and for failed starts).
void unload(const Image& image);

}  // namespace cloudabi::loader
