// runtime::run: from a set of descriptors and an executable to a running
// CloudABI program.
#include <elf.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

#include "runtime/confine/datagram_relay.h"
#include "runtime/entry/guest_switch.h"
#include "runtime/fd/fd_table.h"
#include "runtime/fd/rights.h"
#include "runtime/loader/elf_image.h"
#include "runtime/loader/vdso.h"
#include "runtime/proc/process.h"
#include "runtime/proc/reexec.h"
#include "runtime/runtime.h"
#include "runtime/support/diag.h"
#include "runtime/support/unique_fd.h"
#include "runtime/sys/guest_memory.h"
#include "syscalls.h"

namespace cloudabi::runtime {

namespace {

constexpr size_t kMainStackSize = 8 << 20;
constexpr size_t kCanaryLen = 64;

// The lowest number for the runtime's own descriptors: at the top of the
// descriptor range, where the program's descriptors (allocated lowest-first)
// only reach when it has used up nearly all of them.
int hidden_fd_base(size_t grants) {
  rlimit rl{};
  long base = 1024;
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
    base = static_cast<long>(rl.rlim_cur) - 16;
  return static_cast<int>(std::max<long>(base, static_cast<long>(grants) + 3));
}

Result<int> hide(int fd, int base) {
  int hidden = fcntl(fd, F_DUPFD_CLOEXEC, base);
  if (hidden < 0) return Error::from_errno("cannot move the runtime's descriptor out of the way");
  return hidden;
}

// Makes grant i descriptor i and closes every other descriptor except `keep`.
Result<void> arrange_descriptors(const std::vector<Grant>& grants, std::vector<int> keep) {
  int n = static_cast<int>(grants.size());
  std::vector<UniqueFd> staged;
  for (const Grant& g : grants) {
    int fd = fcntl(g.source_fd, F_DUPFD_CLOEXEC, n);
    if (fd < 0) return Error::from_errno("cannot prepare descriptor from " + g.origin);
    staged.emplace_back(fd);
  }
  for (int i = 0; i < n; ++i)
    if (dup3(staged[i].get(), i, 0) < 0)
      return Error::from_errno("cannot install descriptor " + std::to_string(i));
  staged.clear();
  std::sort(keep.begin(), keep.end());
  unsigned lo = static_cast<unsigned>(n);
  for (int k : keep) {
    if (static_cast<unsigned>(k) > lo) close_range(lo, static_cast<unsigned>(k) - 1, 0);
    lo = std::max(lo, static_cast<unsigned>(k) + 1);
  }
  close_range(lo, ~0u, 0);
  return {};
}

Result<void> register_descriptors(const std::vector<Grant>& grants) {
  for (size_t i = 0; i < grants.size(); ++i) {
    int fd = static_cast<int>(i);
    Result<FdEntry> e = FdEntry{};
    if (grants[i].type) {
      RightsPair max = max_rights(*grants[i].type);
      e = FdEntry{*grants[i].type, max.base, max.inheriting};
    } else {
      e = describe_fd(fd);
    }
    if (!e) return Error{grants[i].origin + ": " + e.error().message};
    if (grants[i].rights_base) e->base &= *grants[i].rights_base;
    if (grants[i].rights_inheriting) e->inheriting &= *grants[i].rights_inheriting;
    fd_table().set(fd, *e, grants[i].origin);
  }
  return {};
}

// The directories in the table, with their rights (for confinement).
std::vector<DirectoryGrant> granted_directories() {
  std::vector<DirectoryGrant> dirs;
  for (int fd : fd_table().descriptors()) {
    FdEntry e;
    if (fd_table().get(static_cast<uint32_t>(fd), &e) == 0 && e.type == CLOUDABI_FILETYPE_DIRECTORY)
      dirs.push_back({fd, e.base, e.inheriting});
  }
  return dirs;
}

void reset_signals() {
  struct sigaction sa {};
  sa.sa_handler = SIG_DFL;
  sigemptyset(&sa.sa_mask);
  for (int sig = 1; sig < NSIG; ++sig)
    if (sig != SIGKILL && sig != SIGSTOP) sigaction(sig, &sa, nullptr);
  sa.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &sa, nullptr);
  sigset_t none;
  sigemptyset(&none);
  pthread_sigmask(SIG_SETMASK, &none, nullptr);
}

Result<loader::Vdso> build_vdso(bool traced) {
  std::vector<loader::VdsoSymbol> symbols;
  for (const SyscallInfo& s : kSyscalls)
    symbols.push_back(
        {s.vdso_symbol, reinterpret_cast<uintptr_t>(traced ? s.traced_trampoline : s.trampoline)});
  return loader::Vdso::build(symbols);
}

// Everything the guest's main thread starts with, laid out at the top of its
// stack: argument data, canary, process UUID, auxiliary vector, TCB.
struct MainStack {
  uintptr_t stack_pointer;
  uintptr_t auxv;
  uintptr_t tcb;
};

Result<MainStack> build_main_stack(const loader::Image& image, uintptr_t vdso,
                                   const std::vector<uint8_t>& argdata) {
  size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  size_t size = std::max(kMainStackSize, image.stack_size_hint);
  size = (size + argdata.size() + page - 1) / page * page;
  // One inaccessible page below the stack catches overflows.
  void* mem =
      mmap(nullptr, size + page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mem == MAP_FAILED) return Error::from_errno("cannot allocate the program's stack");
  char* low = static_cast<char*>(mem) + page;
  if (mprotect(low, size, PROT_READ | PROT_WRITE) != 0)
    return Error::from_errno("cannot allocate the program's stack");
  add_guest_memory(reinterpret_cast<uintptr_t>(low), size);

  uintptr_t p = reinterpret_cast<uintptr_t>(low) + size;
  auto place = [&](const void* data, size_t len, size_t align) {
    p = (p - len) & ~(align - 1);
    if (len > 0) memcpy(reinterpret_cast<void*>(p), data, len);
    return p;
  };

  // The argument data keeps one trailing NUL that ARGDATALEN does not count.
  p -= 1;
  uintptr_t argdata_addr = place(argdata.data(), argdata.size(), 1);

  unsigned char canary[kCanaryLen];
  unsigned char pid[16];
  if (getrandom(canary, sizeof(canary), 0) != sizeof(canary) ||
      getrandom(pid, sizeof(pid), 0) != sizeof(pid))
    return Error::from_errno("cannot obtain random bytes for the program");
  pid[6] = (pid[6] & 0x0f) | 0x40;  // UUID version 4
  pid[8] = (pid[8] & 0x3f) | 0x80;  // RFC 4122 variant
  uintptr_t canary_addr = place(canary, sizeof(canary), 16);
  uintptr_t pid_addr = place(pid, sizeof(pid), 16);

  long ncpus = sysconf(_SC_NPROCESSORS_ONLN);
  const cloudabi_auxv_t auxv[] = {
      {CLOUDABI_AT_ARGDATA, {.a_val = argdata_addr}},
      {CLOUDABI_AT_ARGDATALEN, {.a_val = argdata.size()}},
      {CLOUDABI_AT_BASE, {.a_val = image.base}},
      {CLOUDABI_AT_CANARY, {.a_val = canary_addr}},
      {CLOUDABI_AT_CANARYLEN, {.a_val = kCanaryLen}},
      {CLOUDABI_AT_NCPUS, {.a_val = static_cast<size_t>(ncpus > 0 ? ncpus : 1)}},
      {CLOUDABI_AT_PAGESZ, {.a_val = page}},
      {CLOUDABI_AT_PHDR, {.a_val = image.phdr}},
      {CLOUDABI_AT_PHNUM, {.a_val = image.phnum}},
      {CLOUDABI_AT_PID, {.a_val = pid_addr}},
      {CLOUDABI_AT_SYSINFO_EHDR, {.a_val = vdso}},
      {CLOUDABI_AT_TID, {.a_val = static_cast<size_t>(gettid())}},
      {CLOUDABI_AT_NULL, {.a_val = 0}},
  };
  uintptr_t auxv_addr = place(auxv, sizeof(auxv), 16);

  const cloudabi_tcb_t tcb = {nullptr};
  uintptr_t tcb_addr = place(&tcb, sizeof(tcb), 16);

  // As if _start had just been called: %rsp is 8 mod 16, with a null return
  // address on top.
  p = tcb_addr - 8;
  *reinterpret_cast<uint64_t*>(p) = 0;
  return MainStack{p, auxv_addr, tcb_addr};
}

// Says which layers are active (with --trace, or when one is missing) and
// refuses to run with a missing layer under --require-full-confinement.
Result<void> report_confinement(const std::vector<LayerStatus>& layers, const Options& options) {
  for (const LayerStatus& l : layers) {
    if (!l.active && options.confine.require_full)
      return Error{"full confinement was required, but the " + l.layer +
                   " layer is not active: " + l.detail};
    if (!l.active) {
      diag("warning: %s not active: %s", l.layer.c_str(), l.detail.c_str());
    } else if (options.trace) {
      diag("%s: %s", l.layer.c_str(), l.detail.c_str());
    }
  }
  return {};
}

// The executable proc_exec re-executes: one that contains this runtime and
// whose main() calls handle_reexec(). The static cloudabi-runtime helper comes
// first, since it starts inside the sandbox (no dynamic loader, no files): the
// one next to this executable, else the one built with this runtime.
// /proc/self/exe, the last resort, only works for a statically linked host or
// without confinement. fd -1 if none can be opened: proc_exec then fails with
// ENOSYS. Called before the sandbox hides the filesystem.
struct RuntimeExecutable {
  int fd = -1;  // O_PATH: executable, but not readable by the program
  bool dynamic = false;
};

// Whether this process's own image has a PT_INTERP. After proc_exec the
// running image is the runtime executable, so this answers for it.
bool this_image_is_dynamic() {
  const auto* ph = reinterpret_cast<const Elf64_Phdr*>(getauxval(AT_PHDR));
  unsigned long n = getauxval(AT_PHNUM);
  for (unsigned long i = 0; ph != nullptr && i < n; ++i)
    if (ph[i].p_type == PT_INTERP) return true;
  return false;
}

// Opens `path` O_PATH, telling from a short-lived read-only descriptor
// whether it needs a dynamic loader. The program must not be able to read
// the runtime's bytes through the descriptor it keeps (only execveat it).
RuntimeExecutable open_executable(const char* path) {
  RuntimeExecutable r;
  r.fd = open(path, O_PATH | O_CLOEXEC);
  if (r.fd < 0) return r;
  UniqueFd readable(open(path, O_RDONLY | O_CLOEXEC));
  r.dynamic = readable.valid() && needs_dynamic_loader(readable.get());
  return r;
}

RuntimeExecutable open_runtime_executable(const Options& options) {
  if (options.runtime_executable_fd >= 0) {
    // Supplied by the embedder: keep an O_PATH copy of it.
    std::string path = "/proc/self/fd/" + std::to_string(options.runtime_executable_fd);
    RuntimeExecutable r = open_executable(path.c_str());
    if (r.fd >= 0) {
      close(options.runtime_executable_fd);
      return r;
    }
    return {options.runtime_executable_fd, needs_dynamic_loader(options.runtime_executable_fd)};
  }
  if (options.reexec) return {options.reexec->runtime_fd, this_image_is_dynamic()};
#ifdef CLOUDABI_STATIC_RUNTIME_HELPER
  // A sanitizer build's own helper is dynamic; the static one of the build
  // it reuses target binaries from works inside the sandbox.
  RuntimeExecutable prebuilt = open_executable(CLOUDABI_STATIC_RUNTIME_HELPER);
  if (prebuilt.fd >= 0 && !prebuilt.dynamic) return prebuilt;
  if (prebuilt.fd >= 0) close(prebuilt.fd);
#endif
  char self[4096];
  ssize_t len = readlink("/proc/self/exe", self, sizeof(self) - 1);
  if (len > 0) {
    std::string path(self, static_cast<size_t>(len));
    path = path.substr(0, path.rfind('/') + 1) + "cloudabi-runtime";
    RuntimeExecutable helper = open_executable(path.c_str());
    if (helper.fd >= 0) return helper;
  }
#ifdef CLOUDABI_RUNTIME_HELPER
  RuntimeExecutable helper = open_executable(CLOUDABI_RUNTIME_HELPER);
  if (helper.fd >= 0) return helper;
#endif
  return open_executable("/proc/self/exe");
}

Error start(Options& options) {
  set_tracing(options.trace);
  int hidden = hidden_fd_base(options.grants.size());
  Result<int> diag_fd = hide(options.diagnostics_fd, hidden);
  if (!diag_fd) return diag_fd.error();
  set_diagnostics_fd(*diag_fd);
  Result<int> exec_fd = hide(options.executable_fd, hidden);
  if (!exec_fd) return exec_fd.error();
  UniqueFd executable(*exec_fd);
  int runtime_fd = -1;
  RuntimeExecutable runtime_exe = open_runtime_executable(options);
  if (UniqueFd runtime(runtime_exe.fd); runtime.valid()) {
    Result<int> hidden_runtime = hide(runtime.get(), hidden);
    if (!hidden_runtime) return hidden_runtime.error();
    runtime_fd = *hidden_runtime;
  }

  std::vector<int> keep = {*diag_fd, *exec_fd};
  if (runtime_fd >= 0) keep.push_back(runtime_fd);
  if (options.reexec) {
    // Lifelines of this process and of the children it keeps across proc_exec.
    if (options.reexec->lifeline_in >= 0) keep.push_back(options.reexec->lifeline_in);
    for (const ReexecContext::Child& c : options.reexec->children)
      if (c.link.lifeline >= 0) keep.push_back(c.link.lifeline);
  }
  if (Result<void> r = arrange_descriptors(options.grants, keep); !r) return r.error();
  if (Result<void> r = register_descriptors(options.grants); !r) return r.error();
  // A connected IP datagram socket could send anywhere with a raw sendmsg():
  // the program gets a relayed one instead (runtime/confine/datagram_relay.h).
  // Only with seccomp, without which it could make sockets of its own. After
  // proc_exec the descriptors are the relayed ones already.
  if (!options.reexec && options.confine.seccomp)
    for (size_t i = 0; i < options.grants.size(); ++i)
      if (is_connected_ip_datagram(static_cast<int>(i)))
        if (Result<void> r = relay_connected_datagrams(static_cast<int>(i)); !r)
          return Error{options.grants[i].origin + ": " + r.error().message};
  // With a new pid namespace this forks: only the program's process returns.
  // After proc_exec the process is already inside them, and the directories
  // it was given are already on detached mounts.
  Result<LayerStatus> namespaces =
      options.reexec ? Result<LayerStatus>(
                           LayerStatus{"namespaces", options.reexec->namespaces_active,
                                       options.reexec->namespaces_active
                                           ? "entered by the program that executed this one"
                                           : "not entered by the program that executed this one"})
                     : enter_namespaces(options.confine, *diag_fd, granted_directories());
  if (!namespaces) return namespaces.error();
  if (options.reexec) {
    if (options.reexec->lifeline_in >= 0) adopt_lifeline_in(options.reexec->lifeline_in);
    for (const ReexecContext::Child& c : options.reexec->children)
      adopt_child(static_cast<int>(c.grant), c.link);
  }
  set_exec_settings(ExecSettings{runtime_fd, namespaces->active, options.confine,
                                 runtime_fd >= 0 && runtime_exe.dynamic});

  Result<loader::Image> image = loader::load_executable(executable.get());
  if (!image) return image.error();
  executable.reset();
  add_guest_memory(image->map_start, image->map_size);

  static std::optional<loader::Vdso> vdso;
  Result<loader::Vdso> built = build_vdso(options.trace);
  if (!built) return built.error();
  vdso.emplace(std::move(*built));

  Result<MainStack> stack = build_main_stack(*image, vdso->ehdr(), options.argdata);
  if (!stack) return stack.error();

  std::vector<DirectoryGrant> dirs = granted_directories();
  reset_signals();
  Result<std::vector<LayerStatus>> layers =
      apply_confinement(options.confine, dirs, runtime_fd, namespaces->active);
  if (!layers) return layers.error();
  for (const LayerStatus& l : *layers)
    if (l.layer == "seccomp" && l.active) stop_unaddressed_sends(fd_table().descriptors());
  // After proc_exec, missing namespaces were reported when the first program
  // started; do not repeat that on every exec.
  if (!options.reexec || namespaces->active) layers->insert(layers->begin(), *namespaces);
  if (Result<void> r = report_confinement(*layers, options); !r) return r.error();
  cloudabi_enter_guest(image->entry, stack->stack_pointer, stack->auxv, 0, stack->tcb);
  // The main thread ended with thread_exit; the process lives on until the
  // last thread has ended.
  pthread_exit(nullptr);
}

}  // namespace

void run(Options options) {
  Error e = start(options);
  diag("cannot start '%s': %s", options.name.c_str(), e.message.c_str());
  _exit(127);
}

}  // namespace cloudabi::runtime
