#include "run/host_resources.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

namespace cloudabi::run {
namespace {

constexpr cloudabi_rights_t kWriteRights =
    CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_ALLOCATE | CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE;
// Linux needs a readable descriptor to map or execute a file.
constexpr cloudabi_rights_t kReadRights = CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_MEM_MAP |
                                          CLOUDABI_RIGHT_MEM_MAP_EXEC | CLOUDABI_RIGHT_PROC_EXEC;

std::string quoted(const std::string& s) { return "'" + s + "'"; }

// "127.0.0.1:8080" or "[::1]:8080".
std::string numeric_address(const sockaddr* sa, socklen_t len) {
  char host[NI_MAXHOST], serv[NI_MAXSERV];
  if (getnameinfo(sa, len, host, sizeof(host), serv, sizeof(serv),
                  NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
    return "?";
  }
  if (sa->sa_family == AF_INET6) return "[" + std::string(host) + "]:" + serv;
  return std::string(host) + ":" + serv;
}

int access_mode_of(int fd) {
  int fl = fcntl(fd, F_GETFL);
  return fl < 0 ? O_RDONLY : (fl & O_ACCMODE);
}

// Connects with a timeout; returns 0 or an errno value.
int connect_with_timeout(int fd, const sockaddr* sa, socklen_t len, int timeout_ms) {
  int fl = fcntl(fd, F_GETFL);
  if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) return errno;
  int err = 0;
  if (connect(fd, sa, len) != 0) {
    err = errno;
    if (err == EINPROGRESS) {
      pollfd p{fd, POLLOUT, 0};
      int n;
      do {
        n = poll(&p, 1, timeout_ms);
      } while (n < 0 && errno == EINTR);
      if (n < 0) {
        err = errno;
      } else if (n == 0) {
        err = ETIMEDOUT;
      } else {
        socklen_t elen = sizeof(err);
        if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen) != 0) err = errno;
      }
    }
  }
  if (err == 0 && fcntl(fd, F_SETFL, fl) < 0) err = errno;
  return err;
}

std::string list_rights_not_in(cloudabi_rights_t requested, cloudabi_rights_t allowed) {
  return format_rights(requested & ~allowed);
}

}  // namespace

const GrantInfo* HostResources::info(int host_fd) const {
  auto it = infos_.find(host_fd);
  return it == infos_.end() ? nullptr : &it->second;
}

int HostResources::keep(UniqueFd fd, GrantInfo info) {
  int n = fd.get();
  info.host_fd = n;
  owned_numbers_.insert(n);
  owned_.push_back(std::move(fd));
  infos_.emplace(n, std::move(info));
  return n;
}

Expected<int> HostResources::acquire(const ResourceSpec& spec) {
  if (auto* fd = std::get_if<FdSpec>(&spec.spec)) return acquire_fd(spec, *fd);
  if (auto* file = std::get_if<FileSpec>(&spec.spec)) return acquire_file(spec, *file);
  if (auto* socket = std::get_if<SocketSpec>(&spec.spec)) return acquire_socket(spec, *socket);
  return acquire_executable(spec);
}

Expected<int> HostResources::acquire_fd(const ResourceSpec& spec, const FdSpec& fd) {
  if (fd.fd == 0 && options_.stdin_is_config) {
    return ConfigError::at(fd.mark, "!fd " + fd.name +
                                        " is not available: standard input was consumed by the "
                                        "configuration (give the configuration as a file "
                                        "argument instead)");
  }
  if (owned_numbers_.count(fd.fd) != 0 || fd.fd == options_.executable_fd) {
    return ConfigError::at(fd.mark, "descriptor " + std::to_string(fd.fd) +
                                        " was opened by cloudabi-run itself, not inherited");
  }
  if (fcntl(fd.fd, F_GETFD) < 0) {
    return ConfigError::from_errno(
        fd.mark, "descriptor " + std::to_string(fd.fd) + " is not open in cloudabi-run");
  }
  if (infos_.count(fd.fd) == 0) {
    GrantInfo info;
    info.host_fd = fd.fd;
    info.kind = ResourceKind::kFd;
    info.summary = spec.summary();
    info.detail = "host fd " + std::to_string(fd.fd);
    info.mark = spec.mark;
    info.type = classify_fd(fd.fd);
    info.access_mode = access_mode_of(fd.fd);
    infos_.emplace(fd.fd, std::move(info));
  }
  return fd.fd;
}

Expected<int> HostResources::acquire_executable(const ResourceSpec& spec) {
  int fd = options_.executable_fd;
  if (fd < 0) return ConfigError::at(spec.mark, "!executable: there is no executable");
  if (infos_.count(fd) == 0) {
    GrantInfo info;
    info.host_fd = fd;
    info.kind = ResourceKind::kExecutable;
    info.summary = spec.summary();
    info.detail = "the program's own executable";
    info.mark = spec.mark;
    info.type = classify_fd(fd);
    info.access_mode = access_mode_of(fd);
    infos_.emplace(fd, std::move(info));
  }
  return fd;
}

Expected<int> HostResources::acquire_file(const ResourceSpec& spec, const FileSpec& f) {
  const bool want_dir = f.type == FileSpec::Type::kDirectory;
  // The rights a file (not a directory) would get, to choose the access mode.
  std::optional<cloudabi_rights_t> file_base;
  if (f.rights) {
    file_base = f.rights->preset ? preset_rights(*f.rights->preset, false)->base : f.rights->bits;
  } else if (f.append) {
    file_base = preset_rights(Preset::kAppendOnly, false)->base;
  }
  bool reads = file_base ? (*file_base & kReadRights) != 0 : true;
  bool writes = file_base ? (*file_base & kWriteRights) != 0 : (f.create || f.truncate);
  if (f.truncate && !writes) {
    return ConfigError::at(f.truncate_mark,
                           "'truncate: true' needs rights that allow writing (FD_WRITE or "
                           "FILE_STAT_FPUT_SIZE)");
  }
  int access = reads && writes ? O_RDWR : writes ? O_WRONLY : O_RDONLY;

  if (want_dir && f.create) {
    if (mkdir(f.path.c_str(), f.mode.value_or(0777)) != 0 && (errno != EEXIST || f.exclusive)) {
      return ConfigError::from_errno(f.path_mark, "cannot create directory " + quoted(f.path));
    }
  }
  UniqueFd fd;
  if (want_dir) {
    fd.reset(open(f.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.valid()) {
      if (errno == ENOTDIR) {
        return ConfigError::at(f.path_mark,
                               quoted(f.path) +
                                   " is not a directory, but 'type: directory' "
                                   "was given",
                               ENOTDIR);
      }
      return ConfigError::from_errno(f.path_mark, "cannot open " + quoted(f.path));
    }
  } else {
    int flags = access | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
    if (f.create) flags |= O_CREAT;
    if (f.exclusive) flags |= O_EXCL;
    if (f.truncate) flags |= O_TRUNC;
    if (f.append) flags |= O_APPEND;
    fd.reset(open(f.path.c_str(), flags, f.mode.value_or(0666)));
    if (!fd.valid() && errno == EISDIR) {
      if (f.rights && f.rights->preset && !preset_rights(*f.rights->preset, true)) {
        return ConfigError::at(f.rights->mark, "the rights preset '" +
                                                   std::string(preset_name(*f.rights->preset)) +
                                                   "' does not apply to directories, and " +
                                                   quoted(f.path) + " is one");
      }
      if (f.type == FileSpec::Type::kFile || f.create || f.truncate || f.append) {
        return ConfigError::at(f.path_mark,
                               quoted(f.path) + " is a directory" +
                                   (f.type == FileSpec::Type::kFile
                                        ? ", but 'type: file' was given"
                                        : ", which cannot be created, truncated or appended to"),
                               EISDIR);
      }
      fd.reset(open(f.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    }
    if (!fd.valid()) {
      return ConfigError::from_errno(
          f.path_mark,
          std::string(f.create ? "cannot create or open " : "cannot open ") + quoted(f.path));
    }
    // O_NONBLOCK only kept open() from hanging on FIFOs.
    int fl = fcntl(fd.get(), F_GETFL);
    if (fl < 0 || fcntl(fd.get(), F_SETFL, fl & ~O_NONBLOCK) < 0) {
      return ConfigError::from_errno(f.path_mark, "cannot set up " + quoted(f.path));
    }
  }

  HostFileType type = classify_fd(fd.get());
  bool is_dir = type == HostFileType::kDirectory;
  if (f.type == FileSpec::Type::kFile && type != HostFileType::kRegularFile) {
    return ConfigError::at(f.path_mark, quoted(f.path) + " is a " + std::string(describe(type)) +
                                            ", not a regular file, but 'type: file' was given");
  }

  GrantInfo info;
  info.kind = ResourceKind::kFile;
  info.summary = spec.summary();
  info.detail = f.path;
  info.mark = spec.mark;
  info.type = type;
  info.access_mode = access_mode_of(fd.get());

  // Rights, now that the type is known.
  RightsPair max = type_maximum(type);
  bool checkable = type == HostFileType::kRegularFile || is_dir;
  if (f.rights) {
    if (f.rights->preset) {
      auto p = preset_rights(*f.rights->preset, is_dir);
      if (!p) {
        return ConfigError::at(f.rights->mark, "the rights preset '" +
                                                   std::string(preset_name(*f.rights->preset)) +
                                                   "' does not apply to directories, and " +
                                                   quoted(f.path) + " is one");
      }
      info.rights_base = p->base;
      info.rights_inheriting = p->inheriting;
      info.rights_origin = std::string(preset_name(*f.rights->preset)) + " preset";
    } else {
      if (checkable && (f.rights->bits & ~max.base) != 0) {
        return ConfigError::at(f.rights->mark, "a " + std::string(describe(type)) +
                                                   " cannot have " +
                                                   list_rights_not_in(f.rights->bits, max.base));
      }
      info.rights_base = f.rights->bits;
      info.rights_inheriting = 0;
      info.rights_origin = "as listed";
    }
  } else if (f.append) {
    info.rights_base = preset_rights(Preset::kAppendOnly, false)->base;
    info.rights_inheriting = 0;
    info.rights_origin = "append-only preset, because of 'append: true'";
  }
  if (f.inheriting) {
    cloudabi_rights_t inh;
    if (f.inheriting->preset) {
      auto p = preset_rights(*f.inheriting->preset, is_dir);
      if (!p) {
        return ConfigError::at(
            f.inheriting->mark,
            "the rights preset '" + std::string(preset_name(*f.inheriting->preset)) +
                "' does not apply to directories, and " + quoted(f.path) + " is one");
      }
      inh = p->inheriting;
    } else {
      inh = f.inheriting->bits;
    }
    if (checkable && (inh & ~max.inheriting) != 0) {
      if (max.inheriting == 0) {
        return ConfigError::at(f.inheriting->mark,
                               "a " + std::string(describe(type)) + " has no inheriting rights");
      }
      return ConfigError::at(f.inheriting->mark, "a " + std::string(describe(type)) +
                                                     " cannot pass on " +
                                                     list_rights_not_in(inh, max.inheriting));
    }
    info.rights_inheriting = inh;
    if (!info.rights_origin.empty()) info.rights_origin += ", ";
    info.rights_origin += "inheriting as given";
  }
  if (f.append && info.rights_base) {
    // Never let the program turn O_APPEND off.
    *info.rights_base &= ~CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS;
  }
  return keep(std::move(fd), std::move(info));
}

Expected<int> HostResources::acquire_socket(const ResourceSpec& spec, const SocketSpec& s) {
  int socktype = s.stream ? SOCK_STREAM : SOCK_DGRAM;
  const char* verb = s.bind ? "bind to " : "connect to ";
  GrantInfo info;
  info.kind = ResourceKind::kSocket;
  info.summary = spec.summary();
  info.mark = spec.mark;

  if (s.address.kind == Address::Kind::kUnix) {
    UniqueFd fd(socket(AF_UNIX, socktype | SOCK_CLOEXEC, 0));
    if (!fd.valid()) return ConfigError::from_errno(s.address_mark, "cannot create a socket");
    sockaddr_un sun{};
    sun.sun_family = AF_UNIX;
    std::memcpy(sun.sun_path, s.address.path.data(), s.address.path.size());
    socklen_t len =
        static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + s.address.path.size() + 1);
    const sockaddr* sa = reinterpret_cast<const sockaddr*>(&sun);
    if (s.bind) {
      if (bind(fd.get(), sa, len) != 0 || (s.stream && listen(fd.get(), SOMAXCONN) != 0)) {
        return ConfigError::from_errno(s.address_mark, "cannot bind to " + quoted(s.address_text));
      }
    } else if (int err = connect_with_timeout(fd.get(), sa, len, options_.connect_timeout_ms)) {
      return ConfigError::from_errno(s.address_mark, "cannot connect to " + quoted(s.address_text),
                                     err);
    }
    info.detail = std::string(s.bind ? "listening on " : "connected to ") + s.address.path;
    if (s.bind && !s.stream) info.detail = "bound to " + s.address.path;
    info.type = classify_fd(fd.get());
    info.access_mode = O_RDWR;
    return keep(std::move(fd), std::move(info));
  }

  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = socktype;
  hints.ai_flags = s.bind ? AI_PASSIVE : 0;
  addrinfo* res = nullptr;
  const char* host = s.address.host.empty() ? nullptr : s.address.host.c_str();
  int gai = getaddrinfo(host, s.address.port.c_str(), &hints, &res);
  if (gai != 0) {
    int err = gai == EAI_SYSTEM ? errno : 0;
    std::string why = gai == EAI_SYSTEM ? std::strerror(err) : gai_strerror(gai);
    return ConfigError::at(s.address_mark, "cannot resolve " + quoted(s.address_text) + ": " + why,
                           err);
  }
  size_t count = 0;
  for (addrinfo* ai = res; ai != nullptr; ai = ai->ai_next) ++count;
  int last_err = EADDRNOTAVAIL;
  size_t index = 0;
  UniqueFd fd;
  std::string used;
  for (addrinfo* ai = res; ai != nullptr; ai = ai->ai_next, ++index) {
    UniqueFd candidate(socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol));
    if (!candidate.valid()) {
      last_err = errno;
      continue;
    }
    if (s.bind) {
      int one = 1;
      if (setsockopt(candidate.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0 ||
          bind(candidate.get(), ai->ai_addr, ai->ai_addrlen) != 0 ||
          (s.stream && listen(candidate.get(), SOMAXCONN) != 0)) {
        last_err = errno;
        continue;
      }
    } else if (int err = connect_with_timeout(candidate.get(), ai->ai_addr, ai->ai_addrlen,
                                              options_.connect_timeout_ms)) {
      last_err = err;
      continue;
    }
    // Show the address actually in use (port 0 binds pick one).
    sockaddr_storage ss;
    socklen_t sslen = sizeof(ss);
    if (s.bind && getsockname(candidate.get(), reinterpret_cast<sockaddr*>(&ss), &sslen) == 0) {
      used = numeric_address(reinterpret_cast<sockaddr*>(&ss), sslen);
    } else {
      used = numeric_address(ai->ai_addr, ai->ai_addrlen);
    }
    fd = std::move(candidate);
    break;
  }
  freeaddrinfo(res);
  if (!fd.valid()) {
    return ConfigError::from_errno(
        s.address_mark, std::string("cannot ") + verb + quoted(s.address_text), last_err);
  }
  info.detail =
      std::string(s.bind ? (s.stream ? "listening on " : "bound to ") : "connected to ") + used;
  if (count > 1) {
    info.detail += " (address " + std::to_string(index + 1) + " of " + std::to_string(count) +
                   " for " + s.address_text + ")";
  }
  info.type = classify_fd(fd.get());
  info.access_mode = O_RDWR;
  return keep(std::move(fd), std::move(info));
}

}  // namespace cloudabi::run
