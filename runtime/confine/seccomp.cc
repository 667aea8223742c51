// seccomp: an allowlist of exactly the Linux system calls the runtime needs.
// Anything else ends the program with a message naming the call (SIGSYS trap),
// except a few calls glibc probes, which fail quietly.
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/sched.h>
#include <seccomp.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <asm/prctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "runtime/confine/confine_impl.h"
#include "runtime/support/diag.h"
#include "runtime/support/memfd.h"
#include "runtime/support/unique_fd.h"

namespace cloudabi::runtime {

namespace {

// Calls allowed with any arguments.
// clang-format off
const int kAllowed[] = {
    // descriptors and files (paths are confined by Landlock and openat2)
    SCMP_SYS(read), SCMP_SYS(write), SCMP_SYS(readv), SCMP_SYS(writev), SCMP_SYS(pread64),
    SCMP_SYS(pwrite64), SCMP_SYS(preadv), SCMP_SYS(pwritev), SCMP_SYS(preadv2),
    SCMP_SYS(pwritev2), SCMP_SYS(lseek), SCMP_SYS(close), SCMP_SYS(close_range), SCMP_SYS(dup),
    SCMP_SYS(dup2), SCMP_SYS(dup3), SCMP_SYS(fcntl), SCMP_SYS(fstat), SCMP_SYS(newfstatat),
    SCMP_SYS(statx), SCMP_SYS(getdents64), SCMP_SYS(openat2), SCMP_SYS(mkdirat),
    SCMP_SYS(unlinkat), SCMP_SYS(renameat2), SCMP_SYS(renameat), SCMP_SYS(linkat),
    SCMP_SYS(symlinkat), SCMP_SYS(readlinkat), SCMP_SYS(utimensat), SCMP_SYS(fallocate),
    SCMP_SYS(fadvise64), SCMP_SYS(ftruncate), SCMP_SYS(fsync), SCMP_SYS(fdatasync),
    SCMP_SYS(pipe2), SCMP_SYS(fstatfs),
    // memory (mmap and mprotect are checked for W^X below)
    SCMP_SYS(munmap), SCMP_SYS(madvise), SCMP_SYS(msync), SCMP_SYS(mremap), SCMP_SYS(brk),
    SCMP_SYS(mincore),
    // threads, time, randomness
    SCMP_SYS(futex), SCMP_SYS(futex_waitv), SCMP_SYS(set_robust_list), SCMP_SYS(rseq),
    SCMP_SYS(sched_yield), SCMP_SYS(sched_getaffinity), SCMP_SYS(set_tid_address),
    SCMP_SYS(clock_gettime), SCMP_SYS(clock_getres), SCMP_SYS(clock_nanosleep),
    SCMP_SYS(nanosleep), SCMP_SYS(gettimeofday), SCMP_SYS(getrandom),
    // waiting
    SCMP_SYS(poll), SCMP_SYS(ppoll), SCMP_SYS(epoll_create1), SCMP_SYS(epoll_ctl),
    SCMP_SYS(epoll_wait), SCMP_SYS(epoll_pwait), SCMP_SYS(epoll_pwait2),
    SCMP_SYS(timerfd_create), SCMP_SYS(timerfd_settime), SCMP_SYS(timerfd_gettime),
    SCMP_SYS(eventfd2),
    // sockets that already exist (no socket(), bind(), connect() or listen())
    SCMP_SYS(sendmsg), SCMP_SYS(recvmsg), SCMP_SYS(recvfrom),
    SCMP_SYS(shutdown), SCMP_SYS(accept4), SCMP_SYS(getsockopt), SCMP_SYS(getsockname),
    SCMP_SYS(getpeername),
    // processes: fork via clone (checked below), process descriptors, exec of
    // the runtime itself (Landlock allows executing nothing else)
    SCMP_SYS(wait4), SCMP_SYS(waitid), SCMP_SYS(pidfd_open), SCMP_SYS(execveat),
    SCMP_SYS(exit), SCMP_SYS(exit_group), SCMP_SYS(rt_sigaction), SCMP_SYS(rt_sigprocmask),
    SCMP_SYS(rt_sigreturn), SCMP_SYS(sigaltstack), SCMP_SYS(gettid), SCMP_SYS(getpid),
    SCMP_SYS(getppid), SCMP_SYS(getuid), SCMP_SYS(geteuid), SCMP_SYS(getgid),
    SCMP_SYS(getegid), SCMP_SYS(uname), SCMP_SYS(getrlimit), SCMP_SYS(getrusage),
    // Landlock only ever takes access away; the runtime that proc_exec
    // starts narrows the filesystem to the new program's directories.
    SCMP_SYS(landlock_create_ruleset), SCMP_SYS(landlock_add_rule),
    SCMP_SYS(landlock_restrict_self),
};
// clang-format on

// Calls glibc may try that fail harmlessly: clone3 (glibc falls back to
// clone, whose flags can be checked) and opening by absolute path.
struct QuietDenial {
  int syscall;
  int error;
};
const QuietDenial kQuiet[] = {
    {SCMP_SYS(clone3), ENOSYS},
    {SCMP_SYS(openat), EACCES},
    {SCMP_SYS(open), EACCES},
    // Static glibc's start-up (the runtime proc_exec re-executes) looks for
    // its own path; it copes without.
    {SCMP_SYS(readlink), EACCES},
};

constexpr unsigned long kNamespaceFlags = CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS |
                                          CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID |
                                          CLONE_NEWNET;

// Names of Linux system calls, resolved before the filter is installed so the
// SIGSYS handler only reads memory.
constexpr int kMaxSyscall = 512;
const char* g_names[kMaxSyscall];

void on_sigsys(int, siginfo_t* info, void*) {
  // Runs on whatever thread made the call, possibly with the guest's value
  // at %fs:0: only raw system calls and plain memory here.
  int nr = info->si_syscall;
  // A call of another ABI (int $0x80, or an x32 number) is refused by the
  // filter's architecture check; its number means something else there.
  const char* name = info->si_arch != AUDIT_ARCH_X86_64           ? "of the 32-bit (int $0x80) ABI"
                     : (nr & __X32_SYSCALL_BIT) != 0              ? "of the x32 ABI"
                     : nr >= 0 && nr < kMaxSyscall && g_names[nr] ? g_names[nr]
                                                                  : "unknown";
  char msg[256];
  size_t len = 0;
  auto add = [&](const char* s) {
    while (*s && len < sizeof(msg) - 1) msg[len++] = *s++;
  };
  char num[16];
  int n = 0;
  for (int v = nr < 0 ? 0 : nr; n == 0 || v > 0; v /= 10)
    num[n++] = static_cast<char>('0' + v % 10);
  char digits[16];
  for (int i = 0; i < n; ++i) digits[i] = num[n - 1 - i];
  digits[n] = '\0';
  add("cloudabi-run: the program was stopped: it made the Linux system call ");
  add(name);
  add(" (");
  add(digits);
  add("), which the sandbox does not allow\n");
  syscall(SYS_write, diagnostics_fd(), msg, len);
  struct sigaction sa {};
  sa.sa_handler = SIG_DFL;
  syscall(SYS_rt_sigaction, SIGSYS, &sa, nullptr, 8);
  syscall(SYS_tgkill, syscall(SYS_getpid), syscall(SYS_gettid), SIGSYS);
  // SIGSYS is blocked while its handler runs: unblock it so that the
  // pending signal ends the process now, as killed by SIGSYS (not by exit).
  uint64_t sigsys = uint64_t{1} << (SIGSYS - 1);
  syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &sigsys, nullptr, sizeof(sigsys));
  syscall(SYS_exit_group, 128 + SIGSYS);
}

}  // namespace

bool seccomp_available() { return prctl(PR_GET_SECCOMP, 0, 0, 0, 0) >= 0; }

std::string memfd_noexec_detail(bool available) {
  return available ? "memfds never executable (MFD_NOEXEC_SEAL required)"
                   : "memfds can be executed (this kernel lacks MFD_NOEXEC_SEAL, Linux 6.3+)";
}

bool memfd_noexec_available() {
  UniqueFd fd(memfd_create("cloudabi-probe", MFD_CLOEXEC | MFD_NOEXEC_SEAL));
  return fd.valid();
}

LayerStatus apply_seccomp(const SeccompContext& context, bool simulate_missing) {
  LayerStatus s{"seccomp", false, ""};
  if (simulate_missing) {
    s.detail = "disabled to simulate a kernel without seccomp";
    return s;
  }
  for (int nr = 0; nr < kMaxSyscall; ++nr)
    if (g_names[nr] == nullptr)
      g_names[nr] = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, nr);
  struct sigaction sa {};
  sa.sa_sigaction = on_sigsys;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  if (prctl(PR_GET_SECCOMP, 0, 0, 0, 0) == 2) {
    // Inherited through proc_exec: the same allowlist is already in force.
    // execve reset the handler; a violation must still be explained.
    sigaction(SIGSYS, &sa, nullptr);
    s.active = true;
    s.detail = "allowlist inherited from the program that executed this one";
    return s;
  }

  scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_TRAP);
  if (ctx == nullptr) {
    s.detail = "cannot create a seccomp filter";
    return s;
  }
  int rc = 0;
  for (int nr : kAllowed) rc |= seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0);
  for (const QuietDenial& q : kQuiet)
    rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(q.error), q.syscall, 0);

  // W^X: memory may be writable or executable, never both at once.
  const scmp_datum_t wx = PROT_WRITE | PROT_EXEC;
  for (int nr : {SCMP_SYS(mmap), SCMP_SYS(mprotect)}) {
    rc |= seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 1, SCMP_A2(SCMP_CMP_MASKED_EQ, wx, 0));
    rc |= seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 1, SCMP_A2(SCMP_CMP_MASKED_EQ, wx, PROT_WRITE));
    rc |= seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 1, SCMP_A2(SCMP_CMP_MASKED_EQ, wx, PROT_EXEC));
  }
  // Anonymous files that can never be executed: otherwise a program could
  // write any executable into a memfd and execveat it (Landlock does not
  // see memfds). The runtime's own memfds carry the flag (noexec_memfd).
  bool memfd_noexec = memfd_noexec_available();
  if (memfd_noexec) {
    rc |=
        seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(memfd_create), 1,
                         SCMP_A1(SCMP_CMP_MASKED_EQ, MFD_NOEXEC_SEAL | MFD_EXEC, MFD_NOEXEC_SEAL));
  } else {
    rc |= seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(memfd_create), 0);
  }
  // Threads and fork, but no new namespaces.
  rc |= seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(clone), 1,
                         SCMP_A0(SCMP_CMP_MASKED_EQ, kNamespaceFlags, 0));
  // sendto without an address only (what send() does): a granted,
  // unconnected datagram socket lives in the host's network namespace, and
  // Landlock has no UDP rules before ABI 10. (sendmsg's msg_name sits behind
  // a pointer that seccomp cannot read: docs/security.md, known hole 3.)
  rc |= seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(sendto), 1, SCMP_A4(SCMP_CMP_EQ, 0));
  // Only unix socket pairs.
  rc |=
      seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(socketpair), 1, SCMP_A0(SCMP_CMP_EQ, AF_UNIX));
  // The few ioctls the runtime uses: bytes readable, terminal test, non-blocking.
  for (unsigned long req : {FIONREAD, TCGETS, FIONBIO, FIOCLEX})
    rc |= seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(ioctl), 1, SCMP_A1(SCMP_CMP_EQ, req));
  for (int option : {PR_SET_PDEATHSIG, PR_GET_PDEATHSIG, PR_SET_NAME, PR_GET_NAME, PR_GET_SECCOMP,
                     PR_SET_NO_NEW_PRIVS, PR_GET_NO_NEW_PRIVS, PR_SET_VMA})
    rc |= seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(prctl), 1,
                           SCMP_A0(SCMP_CMP_EQ, static_cast<scmp_datum_t>(option)));
  // Thread pointer set-up of a (re-executed, static) runtime starting.
  rc |= seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(arch_prctl), 1,
                         SCMP_A0(SCMP_CMP_EQ, ARCH_SET_FS));
  // Own resource limits only (pid 0).
  rc |= seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(prlimit64), 1, SCMP_A0(SCMP_CMP_EQ, 0));
  // Signals: proc_raise signals the process itself. Where neither Landlock nor
  // a pid namespace keeps signals inside the sandbox, only this process.
  // A process descriptor (pidfd_open, for proc_fork) can signal any process
  // it refers to, so pidfd_send_signal goes with kill; the runtime ends
  // children through their lifelines (runtime/proc/process.h), not signals.
  if (context.signals_scoped) {
    rc |= seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(tgkill), 0);
    rc |= seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(kill), 0);
    rc |= seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(pidfd_send_signal), 0);
  } else {
    rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(pidfd_send_signal), 0);
    rc |= seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(tgkill), 1,
                           SCMP_A0(SCMP_CMP_EQ, static_cast<scmp_datum_t>(getpid())));
  }
  // Calls of other ABIs (int $0x80, x32 numbers) trap too, so that they end
  // the whole process with a message rather than kill one thread silently.
  rc |= seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_TRAP);
  rc |= seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 1);
  rc |= seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1);
  if (rc != 0) {
    seccomp_release(ctx);
    s.detail = "cannot build the seccomp allowlist";
    return s;
  }

  sigaction(SIGSYS, &sa, nullptr);

  rc = seccomp_load(ctx);
  seccomp_release(ctx);
  if (rc != 0) {
    s.detail = std::string("cannot install the seccomp filter: ") + strerror(-rc);
    return s;
  }
  s.active = true;
  s.detail = std::string(
                 "system call allowlist (no socket, ptrace, mount, namespaces, io_uring, "
                 "bpf, keyctl, execve, W+X memory, ...); ") +
             memfd_noexec_detail(memfd_noexec);
  return s;
}

}  // namespace cloudabi::runtime
