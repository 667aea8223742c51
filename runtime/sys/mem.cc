// mem_advise, mem_map, mem_protect, mem_sync, mem_unmap, and the registry of
// the program's memory (guest_memory.h).
//
// Semantics follow the reference (the Linux patch and FreeBSD, which agree):
// - prot must be a subset of READ|WRITE|EXEC and never WRITE|EXEC (W^X):
//   ENOTSUP otherwise, for mem_map and mem_protect alike.
// - mem_map: unknown flags, not exactly one of PRIVATE/SHARED, MAP_ANON with
//   an fd other than MAP_ANON_FD or a nonzero offset, a zero length, an
//   offset that is not page-aligned: EINVAL. A file mapping needs MEM_MAP on
//   the descriptor, plus FD_READ for PROT_READ, FD_WRITE for a shared
//   writable mapping and MEM_MAP_EXEC for PROT_EXEC (ENOTCAPABLE).
// - mem_advise: NOREUSE has no madvise equivalent and is EINVAL, as in the
//   Linux patch and the emulator; unknown advice is EINVAL.
// - mem_sync: exactly one of ASYNC and SYNC, optionally INVALIDATE, nothing
//   else (EINVAL); the bits are translated, not passed through.
//
// Protecting the runtime: the program runs in the runtime's address space.
// mem_protect, mem_advise, mem_sync and mem_unmap only act on ranges that are
// entirely the program's (guest_memory.h): otherwise ENOMEM (EINVAL for
// mem_unmap), as if the range were not mapped at all. MAP_FIXED replaces
// existing mappings only inside such ranges; elsewhere it gets
// MAP_FIXED_NOREPLACE semantics, so it can claim free address space but never
// replace anything of the runtime's (ENOMEM, POSIX's answer for a MAP_FIXED
// range that is not available). Registry checks and the Linux call happen
// under one mutex, so concurrent mem_* calls cannot interleave between them.
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <map>
#include <mutex>
#include <new>

#include "runtime/fd/fd_table.h"
#include "runtime/support/errno.h"
#include "runtime/sys/guest_memory.h"
#include "syscalls.h"

namespace cloudabi::runtime {

namespace {

uintptr_t page_size() {
  static const uintptr_t size = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  return size;
}

// [start, end) rounded outward to pages; false on overflow.
bool page_range(uintptr_t start, size_t len, uintptr_t* first, uintptr_t* last) {
  uintptr_t page = page_size();
  uintptr_t s = start & ~(page - 1);
  if (len > UINTPTR_MAX - start) return false;
  uintptr_t e = start + len;
  if (e > UINTPTR_MAX - (page - 1)) return false;
  e = (e + page - 1) & ~(page - 1);
  *first = s;
  *last = e;
  return true;
}

// Disjoint, non-adjacent page-aligned ranges: start -> end.
class Registry {
 public:
  std::mutex mutex;

  void add(uintptr_t s, uintptr_t e) {
    if (s >= e) return;
    auto it = ranges_.upper_bound(s);
    if (it != ranges_.begin()) {
      auto prev = std::prev(it);
      if (prev->second >= s) {
        s = prev->first;
        if (prev->second > e) e = prev->second;
        it = ranges_.erase(prev);
      }
    }
    while (it != ranges_.end() && it->first <= e) {
      if (it->second > e) e = it->second;
      it = ranges_.erase(it);
    }
    ranges_.emplace(s, e);
  }

  void remove(uintptr_t s, uintptr_t e) {
    if (s >= e) return;
    auto it = ranges_.upper_bound(s);
    if (it != ranges_.begin()) --it;
    while (it != ranges_.end() && it->first < e) {
      uintptr_t rs = it->first, re = it->second;
      if (re <= s) {
        ++it;
        continue;
      }
      it = ranges_.erase(it);
      if (rs < s) ranges_.emplace(rs, s);
      if (re > e) ranges_.emplace(e, re);
    }
  }

  bool covers(uintptr_t s, uintptr_t e) const {
    if (s >= e) return true;
    auto it = ranges_.upper_bound(s);
    if (it == ranges_.begin()) return false;
    --it;
    // Ranges are merged when adjacent, so one range must cover it all.
    return it->first <= s && it->second >= e;
  }

 private:
  std::map<uintptr_t, uintptr_t> ranges_;
};

alignas(Registry) unsigned char registry_storage[sizeof(Registry)];
Registry* registry = new (registry_storage) Registry;

cloudabi_errno_t convert_prot(cloudabi_mprot_t prot, int* out) {
  constexpr cloudabi_mprot_t kAll = CLOUDABI_PROT_EXEC | CLOUDABI_PROT_WRITE | CLOUDABI_PROT_READ;
  if ((prot & ~kAll) != 0) return CLOUDABI_ENOTSUP;
  if ((prot & (CLOUDABI_PROT_WRITE | CLOUDABI_PROT_EXEC)) ==
      (CLOUDABI_PROT_WRITE | CLOUDABI_PROT_EXEC))
    return CLOUDABI_ENOTSUP;
  *out = ((prot & CLOUDABI_PROT_READ) ? PROT_READ : 0) |
         ((prot & CLOUDABI_PROT_WRITE) ? PROT_WRITE : 0) |
         ((prot & CLOUDABI_PROT_EXEC) ? PROT_EXEC : 0);
  return 0;
}

// Validates an existing range the program names: page-aligned start (Linux
// says EINVAL otherwise) and no wrap-around.
cloudabi_errno_t existing_range(void* mapping, size_t len, uintptr_t* s, uintptr_t* e) {
  uintptr_t start = reinterpret_cast<uintptr_t>(mapping);
  if ((start & (page_size() - 1)) != 0) return CLOUDABI_EINVAL;
  if (!page_range(start, len, s, e)) return CLOUDABI_ENOMEM;
  return 0;
}

}  // namespace

void add_guest_memory(uintptr_t start, size_t len) {
  uintptr_t s, e;
  if (!page_range(start, len, &s, &e)) return;
  std::lock_guard<std::mutex> guard(registry->mutex);
  registry->add(s, e);
}

bool is_guest_memory(uintptr_t start, size_t len) {
  uintptr_t s, e;
  if (!page_range(start, len, &s, &e)) return false;
  std::lock_guard<std::mutex> guard(registry->mutex);
  return registry->covers(s, e);
}

bool memory_mapped(const void* start, size_t len) {
  if (len == 0) return true;
  uintptr_t s, e;
  if (!page_range(reinterpret_cast<uintptr_t>(start), len, &s, &e)) return false;
  // MS_ASYNC does no I/O on Linux; msync only checks that the range is mapped.
  return msync(reinterpret_cast<void*>(s), e - s, MS_ASYNC) == 0;
}

void guest_memory_after_fork_child() {
  // Keep the ranges (the child has the same memory); renew the mutex.
  new (&registry->mutex) std::mutex;
}

}  // namespace cloudabi::runtime

using cloudabi::runtime::registry;

extern "C" cloudabi_errno_t cloudabi_rt_mem_advise(void* mapping, size_t mapping_len,
                                                   cloudabi_advice_t advice) {
  int linux_advice;
  switch (advice) {
    case CLOUDABI_ADVICE_DONTNEED:
      linux_advice = MADV_DONTNEED;
      break;
    case CLOUDABI_ADVICE_NORMAL:
      linux_advice = MADV_NORMAL;
      break;
    case CLOUDABI_ADVICE_RANDOM:
      linux_advice = MADV_RANDOM;
      break;
    case CLOUDABI_ADVICE_SEQUENTIAL:
      linux_advice = MADV_SEQUENTIAL;
      break;
    case CLOUDABI_ADVICE_WILLNEED:
      linux_advice = MADV_WILLNEED;
      break;
    default:
      return CLOUDABI_EINVAL;  // including NOREUSE
  }
  uintptr_t s, e;
  if (cloudabi_errno_t error = cloudabi::runtime::existing_range(mapping, mapping_len, &s, &e))
    return error;
  std::lock_guard<std::mutex> guard(registry->mutex);
  if (!registry->covers(s, e)) return CLOUDABI_ENOMEM;
  if (madvise(mapping, mapping_len, linux_advice) != 0) return cloudabi::runtime::last_errno();
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_mem_map(void* addr, size_t len, cloudabi_mprot_t prot,
                                                cloudabi_mflags_t flags, cloudabi_fd_t fd,
                                                cloudabi_filesize_t off, void** mem) {
  using namespace cloudabi::runtime;
  if (mem == nullptr) return CLOUDABI_EFAULT;
  constexpr cloudabi_mflags_t kKnown =
      CLOUDABI_MAP_ANON | CLOUDABI_MAP_FIXED | CLOUDABI_MAP_PRIVATE | CLOUDABI_MAP_SHARED;
  if ((flags & ~kKnown) != 0) return CLOUDABI_EINVAL;
  const cloudabi_mflags_t sharing = flags & (CLOUDABI_MAP_PRIVATE | CLOUDABI_MAP_SHARED);
  if (sharing != CLOUDABI_MAP_PRIVATE && sharing != CLOUDABI_MAP_SHARED) return CLOUDABI_EINVAL;
  int linux_prot;
  if (cloudabi_errno_t error = convert_prot(prot, &linux_prot)) return error;
  int linux_flags = sharing == CLOUDABI_MAP_SHARED ? MAP_SHARED : MAP_PRIVATE;
  int linux_fd = -1;
  if ((flags & CLOUDABI_MAP_ANON) != 0) {
    if (fd != CLOUDABI_MAP_ANON_FD || off != 0) return CLOUDABI_EINVAL;
    linux_flags |= MAP_ANONYMOUS;
  } else {
    cloudabi_rights_t rights = CLOUDABI_RIGHT_MEM_MAP;
    if ((prot & CLOUDABI_PROT_READ) != 0) rights |= CLOUDABI_RIGHT_FD_READ;
    if ((prot & CLOUDABI_PROT_WRITE) != 0 && sharing == CLOUDABI_MAP_SHARED)
      rights |= CLOUDABI_RIGHT_FD_WRITE;
    if ((prot & CLOUDABI_PROT_EXEC) != 0) rights |= CLOUDABI_RIGHT_MEM_MAP_EXEC;
    FdEntry entry;
    if (cloudabi_errno_t error = fd_table().get(fd, rights, 0, &entry, "mem_map")) return error;
    linux_fd = static_cast<int>(fd);
  }
  if (len == 0 || off % page_size() != 0 || off > static_cast<uint64_t>(INT64_MAX))
    return CLOUDABI_EINVAL;
  uintptr_t start = reinterpret_cast<uintptr_t>(addr), s, e;
  if (!page_range(start, len, &s, &e)) return CLOUDABI_ENOMEM;

  std::lock_guard<std::mutex> guard(registry->mutex);
  if ((flags & CLOUDABI_MAP_FIXED) != 0) {
    if (s != start) return CLOUDABI_EINVAL;
    linux_flags |= registry->covers(s, e) ? MAP_FIXED : MAP_FIXED_NOREPLACE;
  }
  void* result = mmap(addr, len, linux_prot, linux_flags, linux_fd, static_cast<off_t>(off));
  if (result == MAP_FAILED) return errno == EEXIST ? CLOUDABI_ENOMEM : last_errno();
  if ((flags & CLOUDABI_MAP_FIXED) != 0 && result != addr) {
    // A kernel without MAP_FIXED_NOREPLACE took it as a hint.
    munmap(result, len);
    return CLOUDABI_ENOMEM;
  }
  uintptr_t rs = reinterpret_cast<uintptr_t>(result);
  registry->add(rs, rs + (e - s));
  *mem = result;
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_mem_protect(void* mapping, size_t mapping_len,
                                                    cloudabi_mprot_t prot) {
  using namespace cloudabi::runtime;
  int linux_prot;
  if (cloudabi_errno_t error = convert_prot(prot, &linux_prot)) return error;
  uintptr_t s, e;
  if (cloudabi_errno_t error = existing_range(mapping, mapping_len, &s, &e)) return error;
  std::lock_guard<std::mutex> guard(registry->mutex);
  if (!registry->covers(s, e)) return CLOUDABI_ENOMEM;
  if (mprotect(mapping, mapping_len, linux_prot) != 0) return last_errno();
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_mem_sync(void* mapping, size_t mapping_len,
                                                 cloudabi_msflags_t flags) {
  using namespace cloudabi::runtime;
  int linux_flags;
  switch (flags & ~CLOUDABI_MS_INVALIDATE) {
    case CLOUDABI_MS_ASYNC:
      linux_flags = MS_ASYNC;
      break;
    case CLOUDABI_MS_SYNC:
      linux_flags = MS_SYNC;
      break;
    default:
      return CLOUDABI_EINVAL;  // neither, both, or unknown bits
  }
  if ((flags & CLOUDABI_MS_INVALIDATE) != 0) linux_flags |= MS_INVALIDATE;
  uintptr_t s, e;
  if (cloudabi_errno_t error = existing_range(mapping, mapping_len, &s, &e)) return error;
  std::lock_guard<std::mutex> guard(registry->mutex);
  if (!registry->covers(s, e)) return CLOUDABI_ENOMEM;
  if (msync(mapping, mapping_len, linux_flags) != 0) return last_errno();
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_mem_unmap(void* mapping, size_t mapping_len) {
  using namespace cloudabi::runtime;
  uintptr_t s, e;
  if (existing_range(mapping, mapping_len, &s, &e) != 0 || mapping_len == 0) return CLOUDABI_EINVAL;
  std::lock_guard<std::mutex> guard(registry->mutex);
  if (!registry->covers(s, e)) return CLOUDABI_EINVAL;
  if (munmap(mapping, mapping_len) != 0) return last_errno();
  registry->remove(s, e);
  return 0;
}
