#include "runtime/fd/fd_table.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <mutex>
#include <new>

#include "names.h"
#include "runtime/fd/rights.h"
#include "runtime/support/diag.h"

namespace cloudabi::runtime {

namespace {
bool g_tracing = false;
constexpr decltype(statfs::f_type) kPidfsMagic = 0x50494446;  // PID_FS_MAGIC
constexpr int kSealExec = 0x0020;                             // F_SEAL_EXEC, Linux 6.3
}  // namespace

bool tracing() { return g_tracing; }
void set_tracing(bool on) { g_tracing = on; }

FdTable& fd_table() {
  static FdTable table;
  return table;
}

void FdTable::set(int fd, const FdEntry& entry, std::string origin) {
  std::unique_lock lock(mutex_);
  size_t i = static_cast<size_t>(fd);
  if (i >= entries_.size()) {
    entries_.resize(i + 1);
    used_.resize(i + 1);
  }
  entries_[i] = entry;
  used_[i] = true;
  if (origin.empty()) {
    origins_.erase(fd);
  } else {
    origins_[fd] = std::move(origin);
  }
}

bool FdTable::erase(int fd) {
  std::unique_lock lock(mutex_);
  size_t i = static_cast<size_t>(fd);
  if (fd < 0 || i >= used_.size() || !used_[i]) return false;
  used_[i] = false;
  origins_.erase(fd);
  return true;
}

void FdTable::clear() {
  std::unique_lock lock(mutex_);
  entries_.clear();
  used_.clear();
  origins_.clear();
}

cloudabi_errno_t FdTable::get(uint32_t fd, cloudabi_rights_t base, cloudabi_rights_t inheriting,
                              FdEntry* out, const char* call) const {
  std::shared_lock lock(mutex_);
  return get_locked(fd, base, inheriting, out, call);
}

cloudabi_errno_t FdTable::get_locked(uint32_t fd, cloudabi_rights_t base,
                                     cloudabi_rights_t inheriting, FdEntry* out,
                                     const char* call) const {
  if (fd >= used_.size() || !used_[fd]) return CLOUDABI_EBADF;
  const FdEntry& e = entries_[fd];
  cloudabi_rights_t missing_base = base & ~e.base;
  cloudabi_rights_t missing_inheriting = inheriting & ~e.inheriting;
  if (missing_base != 0 || missing_inheriting != 0) {
    if (g_tracing && call != nullptr) {
      auto it = origins_.find(static_cast<int>(fd));
      std::string from = it == origins_.end() ? "" : " (granted by " + it->second + ")";
      if (missing_base != 0)
        diag("%s: descriptor %u%s lacks right %s: ENOTCAPABLE", call, fd, from.c_str(),
             rights_to_string(missing_base).c_str());
      if (missing_inheriting != 0)
        diag("%s: descriptor %u%s lacks inheriting right %s: ENOTCAPABLE", call, fd, from.c_str(),
             rights_to_string(missing_inheriting).c_str());
    }
    return CLOUDABI_ENOTCAPABLE;
  }
  *out = e;
  return 0;
}

std::string FdTable::origin(int fd) const {
  std::shared_lock lock(mutex_);
  return origin_locked(fd);
}

std::string FdTable::origin_locked(int fd) const {
  auto it = origins_.find(fd);
  return it == origins_.end() ? std::string() : it->second;
}

std::vector<int> FdTable::descriptors() const {
  std::shared_lock lock(mutex_);
  return descriptors_locked();
}

std::vector<int> FdTable::descriptors_locked() const {
  std::vector<int> out;
  for (size_t i = 0; i < used_.size(); ++i)
    if (used_[i]) out.push_back(static_cast<int>(i));
  return out;
}

void FdTable::reset_lock_in_child() { new (&mutex_) std::shared_mutex(); }

std::mutex& descriptor_lifecycle_mutex() {
  static std::mutex mutex;
  return mutex;
}

Result<FdEntry> describe_fd(int fd) {
  struct stat st;
  if (fstat(fd, &st) != 0)
    return Error::from_errno("cannot inspect descriptor " + std::to_string(fd));
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0)
    return Error::from_errno("cannot read the flags of descriptor " + std::to_string(fd));

  FdEntry e;
  bool tty = false;
  struct statfs fs;
  if (S_ISREG(st.st_mode)) {
    // fd_create1 makes shared memory with memfd_create(MFD_NOEXEC_SEAL),
    // whose F_SEAL_EXEC seal no other kind of regular file can carry.
    int seals = fcntl(fd, F_GET_SEALS);
    e.type = seals >= 0 && (seals & kSealExec) != 0 ? CLOUDABI_FILETYPE_SHARED_MEMORY
                                                    : CLOUDABI_FILETYPE_REGULAR_FILE;
  } else if (S_ISDIR(st.st_mode)) {
    e.type = CLOUDABI_FILETYPE_DIRECTORY;
  } else if (S_ISCHR(st.st_mode)) {
    e.type = CLOUDABI_FILETYPE_CHARACTER_DEVICE;
    tty = isatty(fd) != 0;
  } else if (S_ISBLK(st.st_mode)) {
    e.type = CLOUDABI_FILETYPE_BLOCK_DEVICE;
  } else if (S_ISFIFO(st.st_mode)) {
    e.type = CLOUDABI_FILETYPE_SOCKET_STREAM;  // pipes behave as one-way stream sockets
  } else if (S_ISSOCK(st.st_mode)) {
    int type = 0;
    socklen_t len = sizeof(type);
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0)
      return Error::from_errno("cannot read the socket type of descriptor " + std::to_string(fd));
    if (type == SOCK_STREAM) {
      e.type = CLOUDABI_FILETYPE_SOCKET_STREAM;
    } else if (type == SOCK_DGRAM || type == SOCK_SEQPACKET) {
      // CloudABI dropped its SEQPACKET type: a sequenced-packet socket is
      // message-oriented, as DGRAM is (and a relayed datagram socket is one,
      // see runtime/confine/datagram_relay.h).
      e.type = CLOUDABI_FILETYPE_SOCKET_DGRAM;
    } else {
      return Error{"descriptor " + std::to_string(fd) +
                   " is a socket of a type CloudABI does not support (only stream and datagram)"};
    }
  } else if (fstatfs(fd, &fs) == 0 && fs.f_type == kPidfsMagic) {
    e.type = CLOUDABI_FILETYPE_PROCESS;  // a pidfd (Linux 6.9+ keeps them on pidfs)
  } else {
    return Error{"descriptor " + std::to_string(fd) +
                 " is of a file type CloudABI does not support"};
  }
  RightsPair max = max_rights(e.type, tty);
  e.base =
      e.type == CLOUDABI_FILETYPE_DIRECTORY ? max.base : restrict_to_access_mode(max.base, flags);
  e.inheriting = max.inheriting;
  return e;
}

std::string rights_to_string(cloudabi_rights_t rights) {
  std::string out;
  for (const names::Named& n : names::rights_names) {
    if ((rights & n.value) != 0) {
      if (!out.empty()) out += '|';
      out += n.name;
      rights &= ~n.value;
    }
  }
  if (rights != 0) {
    if (!out.empty()) out += '|';
    char hex[32];
    snprintf(hex, sizeof(hex), "0x%llx", static_cast<unsigned long long>(rights));
    out += hex;
  }
  return out.empty() ? "none" : out;
}

}  // namespace cloudabi::runtime
