#include "runtime/sock/rights_record.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "runtime/fd/rights.h"
#include "runtime/support/memfd.h"
#include "runtime/support/unique_fd.h"

namespace cloudabi::runtime {

namespace {

constexpr char kMagic[8] = {'C', 'A', 'B', 'I', 'R', 'G', 'H', 'T'};
constexpr uint32_t kVersion = 1;
constexpr int kSeals = F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE;

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t count;
};
struct Entry {
  uint8_t type;
  uint8_t padding[7];
  uint64_t base;
  uint64_t inheriting;
};
static_assert(sizeof(Header) == 16 && sizeof(Entry) == 24);

}  // namespace

Result<int> make_rights_record(const std::vector<FdEntry>& entries) {
  std::vector<uint8_t> buf(sizeof(Header) + entries.size() * sizeof(Entry));
  Header h{};
  memcpy(h.magic, kMagic, sizeof(kMagic));
  h.version = kVersion;
  h.count = static_cast<uint32_t>(entries.size());
  memcpy(buf.data(), &h, sizeof(h));
  for (size_t i = 0; i < entries.size(); ++i) {
    Entry e{};
    e.type = entries[i].type;
    e.base = entries[i].base;
    e.inheriting = entries[i].inheriting;
    memcpy(buf.data() + sizeof(Header) + i * sizeof(Entry), &e, sizeof(e));
  }
  UniqueFd fd(noexec_memfd("cloudabi-rights", MFD_CLOEXEC | MFD_ALLOW_SEALING));
  if (!fd.valid()) return Error::from_errno("cannot create a rights record");
  for (size_t done = 0; done < buf.size();) {
    ssize_t n = write(fd.get(), buf.data() + done, buf.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Error::from_errno("cannot write a rights record", n == 0 ? EIO : errno);
    done += static_cast<size_t>(n);
  }
  if (fcntl(fd.get(), F_ADD_SEALS, kSeals) != 0)
    return Error::from_errno("cannot seal a rights record");
  return fd.release();
}

std::optional<std::vector<FdEntry>> read_rights_record(int fd, size_t count) {
  if (count == 0 || count > kMaxSentDescriptors) return std::nullopt;
  int seals = fcntl(fd, F_GET_SEALS);
  if (seals < 0 || (seals & kSeals) != kSeals) return std::nullopt;
  struct stat st;
  size_t size = sizeof(Header) + count * sizeof(Entry);
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size != static_cast<off_t>(size))
    return std::nullopt;
  std::vector<uint8_t> buf(size);
  for (size_t done = 0; done < size;) {
    ssize_t n = pread(fd, buf.data() + done, size - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::nullopt;
    done += static_cast<size_t>(n);
  }
  Header h;
  memcpy(&h, buf.data(), sizeof(h));
  if (memcmp(h.magic, kMagic, sizeof(kMagic)) != 0 || h.version != kVersion || h.count != count)
    return std::nullopt;
  std::vector<FdEntry> out;
  for (size_t i = 0; i < count; ++i) {
    Entry e;
    memcpy(&e, buf.data() + sizeof(Header) + i * sizeof(Entry), sizeof(e));
    out.push_back(FdEntry{e.type, e.base, e.inheriting});
  }
  return out;
}

Result<FdEntry> received_entry(int fd, const FdEntry* record) {
  Result<FdEntry> e = describe_fd(fd);
  if (!e || record == nullptr) return e;
  if (record->type == CLOUDABI_FILETYPE_SHARED_MEMORY &&
      e->type == CLOUDABI_FILETYPE_REGULAR_FILE) {
    RightsPair max = max_rights(CLOUDABI_FILETYPE_SHARED_MEMORY);
    e->type = CLOUDABI_FILETYPE_SHARED_MEMORY;
    e->base &= max.base;
    e->inheriting &= max.inheriting;
  }
  e->base &= record->base;
  e->inheriting &= record->inheriting;
  return e;
}

}  // namespace cloudabi::runtime
