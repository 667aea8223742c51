#include "runtime/proc/reexec.h"

#include <elf.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "runtime/support/diag.h"
#include "runtime/support/memfd.h"
#include "runtime/support/unique_fd.h"

namespace cloudabi::runtime {

namespace {

constexpr char kMagic[8] = {'C', 'A', 'B', 'I', 'E', 'X', 'E', 'C'};
constexpr uint32_t kVersion = 1;
constexpr uint32_t kFlagTrace = 1u << 0;
constexpr uint32_t kFlagNamespaces = 1u << 1;
constexpr uint32_t kFlagLandlock = 1u << 2;
constexpr uint32_t kFlagSeccomp = 1u << 3;
constexpr uint32_t kFlagRequireFull = 1u << 4;
constexpr int kSeals = F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE;
// Far more than any real state; bounds what the reader allocates.
constexpr uint32_t kMaxStrings = 1 << 20;

ExecSettings g_settings;

class Writer {
 public:
  template <typename T>
  void put(T v) {
    const auto* p = reinterpret_cast<const uint8_t*>(&v);
    out.insert(out.end(), p, p + sizeof(T));
  }
  void put_string(const std::string& s) {
    put<uint32_t>(static_cast<uint32_t>(s.size()));
    out.insert(out.end(), s.begin(), s.end());
  }
  std::vector<uint8_t> out;
};

class Reader {
 public:
  Reader(const uint8_t* data, size_t len) : p_(data), end_(data + len) {}
  template <typename T>
  bool get(T* v) {
    if (static_cast<size_t>(end_ - p_) < sizeof(T)) return false;
    memcpy(v, p_, sizeof(T));
    p_ += sizeof(T);
    return true;
  }
  bool get_bytes(size_t n, const uint8_t** bytes) {
    if (static_cast<size_t>(end_ - p_) < n) return false;
    *bytes = p_;
    p_ += n;
    return true;
  }
  bool get_string(std::string* s) {
    uint32_t n;
    const uint8_t* b;
    if (!get(&n) || !get_bytes(n, &b)) return false;
    s->assign(reinterpret_cast<const char*>(b), n);
    return true;
  }
  bool done() const { return p_ == end_; }

 private:
  const uint8_t* p_;
  const uint8_t* end_;
};

}  // namespace

void set_exec_settings(ExecSettings settings) { g_settings = std::move(settings); }

bool needs_dynamic_loader(int fd) {
  Elf64_Ehdr eh;
  if (pread(fd, &eh, sizeof(eh), 0) != static_cast<ssize_t>(sizeof(eh)) ||
      memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 || eh.e_phentsize != sizeof(Elf64_Phdr))
    return false;
  for (unsigned i = 0; i < eh.e_phnum; ++i) {
    Elf64_Phdr ph;
    if (pread(fd, &ph, sizeof(ph), static_cast<off_t>(eh.e_phoff + i * sizeof(ph))) !=
        static_cast<ssize_t>(sizeof(ph)))
      return false;
    if (ph.p_type == PT_INTERP) return true;
  }
  return false;
}
const ExecSettings& exec_settings() { return g_settings; }

std::vector<uint8_t> encode_exec_state_header(const ExecState& s, uint64_t argdata_len) {
  Writer w;
  w.out.insert(w.out.end(), kMagic, kMagic + sizeof(kMagic));
  w.put<uint32_t>(kVersion);
  uint32_t flags = (s.trace ? kFlagTrace : 0) | (s.namespaces_active ? kFlagNamespaces : 0) |
                   (s.landlock ? kFlagLandlock : 0) | (s.seccomp ? kFlagSeccomp : 0) |
                   (s.require_full ? kFlagRequireFull : 0);
  w.put<uint32_t>(flags);
  w.put<int32_t>(s.executable_fd);
  w.put<int32_t>(s.diagnostics_fd);
  w.put<int32_t>(s.runtime_fd);
  w.put<int32_t>(s.lifeline_in);
  w.put<uint32_t>(static_cast<uint32_t>(s.fds.size()));
  for (const ExecDescriptor& d : s.fds) {
    w.put<int32_t>(d.fd);
    w.put<uint8_t>(d.entry.type);
    w.put<uint64_t>(d.entry.base);
    w.put<uint64_t>(d.entry.inheriting);
    w.put<int32_t>(d.child.lifeline);
    w.put<int32_t>(d.child.pid);
    w.put_string(d.origin);
  }
  w.put<uint32_t>(static_cast<uint32_t>(s.simulate_missing.size()));
  for (const std::string& m : s.simulate_missing) w.put_string(m);
  w.put<uint64_t>(argdata_len);
  return std::move(w.out);
}

Result<ExecState> decode_exec_state(const uint8_t* data, size_t len) {
  Reader r(data, len);
  auto bad = [](const char* what) {
    return Error{std::string("the state handed over by proc_exec is invalid: ") + what, EINVAL};
  };
  const uint8_t* magic;
  uint32_t version, flags;
  if (!r.get_bytes(sizeof(kMagic), &magic) || memcmp(magic, kMagic, sizeof(kMagic)) != 0)
    return bad("wrong magic");
  if (!r.get(&version) || version != kVersion) return bad("unknown version");
  ExecState s;
  int32_t exe, diag_fd, runtime_fd, lifeline_in;
  uint32_t nfds;
  if (!r.get(&flags) || !r.get(&exe) || !r.get(&diag_fd) || !r.get(&runtime_fd) ||
      !r.get(&lifeline_in) || !r.get(&nfds))
    return bad("truncated header");
  s.trace = (flags & kFlagTrace) != 0;
  s.namespaces_active = (flags & kFlagNamespaces) != 0;
  s.landlock = (flags & kFlagLandlock) != 0;
  s.seccomp = (flags & kFlagSeccomp) != 0;
  s.require_full = (flags & kFlagRequireFull) != 0;
  s.executable_fd = exe;
  s.diagnostics_fd = diag_fd;
  s.runtime_fd = runtime_fd;
  s.lifeline_in = lifeline_in;
  if (nfds > kMaxStrings) return bad("too many descriptors");
  for (uint32_t i = 0; i < nfds; ++i) {
    ExecDescriptor d;
    int32_t fd, lifeline, pid;
    uint8_t type;
    if (!r.get(&fd) || !r.get(&type) || !r.get(&d.entry.base) || !r.get(&d.entry.inheriting) ||
        !r.get(&lifeline) || !r.get(&pid) || !r.get_string(&d.origin))
      return bad("truncated descriptor list");
    if (fd < 0) return bad("negative descriptor");
    d.fd = fd;
    d.entry.type = type;
    d.child = ChildLink{lifeline, pid};
    s.fds.push_back(std::move(d));
  }
  uint32_t nmissing;
  if (!r.get(&nmissing) || nmissing > kMaxStrings) return bad("truncated confinement options");
  for (uint32_t i = 0; i < nmissing; ++i) {
    std::string m;
    if (!r.get_string(&m)) return bad("truncated confinement options");
    s.simulate_missing.push_back(std::move(m));
  }
  uint64_t argdata_len;
  const uint8_t* argdata;
  if (!r.get(&argdata_len) || argdata_len > len || !r.get_bytes(argdata_len, &argdata))
    return bad("truncated argument data");
  if (!r.done()) return bad("trailing bytes");
  s.argdata.assign(argdata, argdata + argdata_len);
  return s;
}

Result<int> write_exec_state(const ExecState& state, const void* data, size_t data_len) {
  UniqueFd fd(noexec_memfd("cloudabi-exec-state", MFD_ALLOW_SEALING));
  if (!fd.valid()) return Error::from_errno("cannot create the proc_exec state");
  std::vector<uint8_t> header = encode_exec_state_header(state, data_len);
  auto write_all = [&](const void* p, size_t n) -> bool {
    const auto* b = static_cast<const uint8_t*>(p);
    while (n > 0) {
      ssize_t w = write(fd.get(), b, n);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) return false;
      b += w;
      n -= static_cast<size_t>(w);
    }
    return true;
  };
  if (!write_all(header.data(), header.size()) || !write_all(data, data_len))
    return Error::from_errno("cannot write the proc_exec state");
  if (fcntl(fd.get(), F_ADD_SEALS, kSeals) != 0)
    return Error::from_errno("cannot seal the proc_exec state");
  return fd.release();
}

Result<ExecState> read_exec_state(int fd) {
  int seals = fcntl(fd, F_GET_SEALS);
  if (seals < 0 || (seals & kSeals) != kSeals)
    return Error{"the proc_exec state descriptor is not a sealed memfd", EINVAL};
  struct stat st;
  if (fstat(fd, &st) != 0) return Error::from_errno("cannot read the proc_exec state");
  size_t len = static_cast<size_t>(st.st_size);
  std::vector<uint8_t> buf(len);
  size_t done = 0;
  while (done < len) {
    ssize_t n = pread(fd, buf.data() + done, len - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Error::from_errno("cannot read the proc_exec state", n == 0 ? EIO : errno);
    done += static_cast<size_t>(n);
  }
  return decode_exec_state(buf.data(), buf.size());
}

void reexec_runtime(int runtime_fd, int state_fd) {
  std::string number = std::to_string(state_fd);
  char arg0[] = "cloudabi-run";
  char arg1[sizeof(kReexecFlag)];
  memcpy(arg1, kReexecFlag, sizeof(kReexecFlag));
  char* argv[] = {arg0, arg1, number.data(), nullptr};
  char* envp[] = {nullptr};
  execveat(runtime_fd, "", argv, envp, AT_EMPTY_PATH);
}

namespace {

// Parses a descriptor number written by reexec_runtime: decimal digits only.
bool parse_fd(const char* s, int* fd) {
  if (*s == '\0') return false;
  long v = 0;
  for (; *s != '\0'; ++s) {
    if (*s < '0' || *s > '9') return false;
    v = v * 10 + (*s - '0');
    if (v > 1 << 30) return false;
  }
  *fd = static_cast<int>(v);
  return true;
}

// Moves a descriptor that must outlive run()'s arrangement of the program's
// descriptors (which overwrites 0..n-1) to a number of at least n, and makes it
// close-on-exec again.
int lift(int fd, size_t n) {
  if (fd < 0) return -1;
  int moved = fcntl(fd, F_DUPFD_CLOEXEC, static_cast<int>(n));
  if (moved < 0) return -1;
  close(fd);
  return moved;
}

}  // namespace

bool handle_reexec(int argc, char** argv) {
  if (argc < 2 || strcmp(argv[1], kReexecFlag) != 0) return false;
  int state_fd;
  if (argc != 3 || !parse_fd(argv[2], &state_fd)) _exit(127);
  Result<ExecState> state = read_exec_state(state_fd);
  if (!state) {
    // Any descriptor may be the program's: only a sealed state with the right
    // magic says which one is the diagnostics descriptor.
    int seals = fcntl(state_fd, F_GET_SEALS);
    char header[24];
    uint32_t version;
    int32_t diag_fd;
    if (seals >= 0 && (seals & kSeals) == kSeals &&
        pread(state_fd, header, sizeof(header), 0) == static_cast<ssize_t>(sizeof(header)) &&
        memcmp(header, kMagic, sizeof(kMagic)) == 0 &&
        (memcpy(&version, header + 8, 4), version == kVersion)) {
      memcpy(&diag_fd, header + 20, 4);
      set_diagnostics_fd(diag_fd);
      diag("proc_exec: %s", state.error().message.c_str());
    }
    _exit(127);
  }
  close(state_fd);
  ExecState& s = *state;
  set_diagnostics_fd(s.diagnostics_fd);

  size_t n = s.fds.size();
  auto context = std::make_shared<ReexecContext>();
  context->runtime_fd = s.runtime_fd;
  context->namespaces_active = s.namespaces_active;
  context->lifeline_in = lift(s.lifeline_in, n);

  Options o;
  o.executable_fd = s.executable_fd;
  o.argdata = std::move(s.argdata);
  o.diagnostics_fd = s.diagnostics_fd;
  o.trace = s.trace;
  o.confine.namespaces = false;  // entered once, by the first program
  o.confine.landlock = s.landlock;
  o.confine.seccomp = s.seccomp;
  o.confine.require_full = s.require_full;
  o.confine.simulate_missing = s.simulate_missing;
  for (size_t i = 0; i < n; ++i) {
    const ExecDescriptor& d = s.fds[i];
    Grant g;
    g.source_fd = d.fd;
    g.type = d.entry.type;
    g.rights_base = d.entry.base;
    g.rights_inheriting = d.entry.inheriting;
    g.origin = d.origin;
    o.grants.push_back(std::move(g));
    if (d.child.lifeline >= 0)
      context->children.push_back({i, ChildLink{lift(d.child.lifeline, n), d.child.pid}});
  }
  o.reexec = context;
  o.name = "the program started by proc_exec";
  run(std::move(o));  // reports a failure to start itself, and exits with 127
}

}  // namespace cloudabi::runtime
