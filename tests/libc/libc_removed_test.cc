// The functions cloudlibc leaves out on purpose (they need a global file
// system or process namespace, standard descriptors, signal handlers, are
// not thread-safe, or cannot know buffer sizes) must not be declared, so
// that code using them fails at compile time rather than at run time. Each
// case compiles a small program that calls one of them with the CloudABI
// compiler and expects an error naming it; a control program that uses the
// replacements compiles, links and runs nowhere but builds cleanly.
#include <gtest/gtest.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <string>
#include <vector>

namespace {

struct Removed {
  const char* header;
  const char* name;
  const char* use;  // an expression using it
};

const Removed kRemoved[] = {
    // fcntl.h: global file system namespace.
    {"fcntl.h", "open", "open(\"f\", O_RDONLY)"},
    {"fcntl.h", "creat", "creat(\"f\", 0)"},
    {"fcntl.h", "F_DUPFD", "F_DUPFD"},
    {"fcntl.h", "F_SETLK", "F_SETLK"},
    {"fcntl.h", "AT_FDCWD", "AT_FDCWD"},
    // sys/stat.h.
    {"sys/stat.h", "stat", "stat(\"f\", 0)"},
    {"sys/stat.h", "lstat", "lstat(\"f\", 0)"},
    {"sys/stat.h", "chmod", "chmod(\"f\", 0)"},
    {"sys/stat.h", "mkdir", "mkdir(\"f\", 0)"},
    {"sys/stat.h", "mkfifo", "mkfifo(\"f\", 0)"},
    {"sys/stat.h", "mkfifoat", "mkfifoat(0, \"f\", 0)"},
    {"sys/stat.h", "fchmod", "fchmod(0, 0)"},
    {"sys/stat.h", "fchmodat", "fchmodat(0, \"f\", 0, 0)"},
    {"sys/stat.h", "umask", "umask(0)"},
    // unistd.h.
    {"unistd.h", "access", "access(\"f\", 0)"},
    {"unistd.h", "chown", "chown(\"f\", 0, 0)"},
    {"unistd.h", "execl", "execl(\"f\", \"f\", 0)"},
    {"unistd.h", "execle", "execle(\"f\", \"f\", 0)"},
    {"unistd.h", "execlp", "execlp(\"f\", \"f\", 0)"},
    {"unistd.h", "execv", "execv(\"f\", 0)"},
    {"unistd.h", "execve", "execve(\"f\", 0, 0)"},
    {"unistd.h", "execvp", "execvp(\"f\", 0)"},
    {"unistd.h", "fexecve", "fexecve(0, 0, 0)"},
    {"unistd.h", "lchown", "lchown(\"f\", 0, 0)"},
    {"unistd.h", "link", "link(\"a\", \"b\")"},
    {"unistd.h", "pathconf", "pathconf(\"f\", 0)"},
    {"unistd.h", "readlink", "readlink(\"f\", 0, 0)"},
    {"unistd.h", "rmdir", "rmdir(\"f\")"},
    {"unistd.h", "symlink", "symlink(\"a\", \"b\")"},
    {"unistd.h", "truncate", "truncate(\"f\", 0)"},
    {"unistd.h", "unlink", "unlink(\"f\")"},
    {"unistd.h", "chdir", "chdir(\"d\")"},
    {"unistd.h", "fchdir", "fchdir(0)"},
    {"unistd.h", "getcwd", "getcwd(0, 0)"},
    {"unistd.h", "fork", "fork()"},
    {"unistd.h", "getpid", "getpid()"},
    {"unistd.h", "getppid", "getppid()"},
    {"unistd.h", "getpgid", "getpgid(0)"},
    {"unistd.h", "getpgrp", "getpgrp()"},
    {"unistd.h", "getsid", "getsid(0)"},
    {"unistd.h", "setpgid", "setpgid(0, 0)"},
    {"unistd.h", "setsid", "setsid()"},
    {"unistd.h", "getuid", "getuid()"},
    {"unistd.h", "geteuid", "geteuid()"},
    {"unistd.h", "getgid", "getgid()"},
    {"unistd.h", "getegid", "getegid()"},
    {"unistd.h", "getgroups", "getgroups(0, 0)"},
    {"unistd.h", "getlogin", "getlogin()"},
    {"unistd.h", "getlogin_r", "getlogin_r(0, 0)"},
    {"unistd.h", "setuid", "setuid(0)"},
    {"unistd.h", "seteuid", "seteuid(0)"},
    {"unistd.h", "setgid", "setgid(0)"},
    {"unistd.h", "setegid", "setegid(0)"},
    {"unistd.h", "setreuid", "setreuid(0, 0)"},
    {"unistd.h", "setregid", "setregid(0, 0)"},
    {"unistd.h", "isatty", "isatty(0)"},
    {"unistd.h", "tcgetpgrp", "tcgetpgrp(0)"},
    {"unistd.h", "tcsetpgrp", "tcsetpgrp(0, 0)"},
    {"unistd.h", "ttyname", "ttyname(0)"},
    {"unistd.h", "ttyname_r", "ttyname_r(0, 0, 0)"},
    {"unistd.h", "STDIN_FILENO", "STDIN_FILENO"},
    {"unistd.h", "STDOUT_FILENO", "STDOUT_FILENO"},
    {"unistd.h", "STDERR_FILENO", "STDERR_FILENO"},
    {"unistd.h", "alarm", "alarm(1)"},
    {"unistd.h", "pause", "pause()"},
    {"unistd.h", "nice", "nice(1)"},
    {"unistd.h", "sync", "sync()"},
    {"unistd.h", "lockf", "lockf(0, 0, 0)"},
    {"unistd.h", "confstr", "confstr(0, 0, 0)"},
    {"unistd.h", "gethostid", "gethostid()"},
    {"unistd.h", "gethostname", "gethostname(0, 0)"},
    {"unistd.h", "getopt", "getopt(0, 0, \"\")"},
    {"unistd.h", "optarg", "optarg"},
    {"unistd.h", "crypt", "crypt(\"a\", \"b\")"},
    {"unistd.h", "encrypt", "encrypt(0, 0)"},
    {"unistd.h", "fchown", "fchown(0, 0, 0)"},
    {"unistd.h", "fchownat", "fchownat(0, \"f\", 0, 0, 0)"},
    {"unistd.h", "getpagesize", "getpagesize()"},
    // stdio.h: no global file system, no standard input or output.
    {"stdio.h", "fopen", "fopen(\"f\", \"r\")"},
    {"stdio.h", "freopen", "freopen(\"f\", \"r\", 0)"},
    {"stdio.h", "rename", "rename(\"a\", \"b\")"},
    {"stdio.h", "remove", "remove(\"f\")"},
    {"stdio.h", "ctermid", "ctermid(0)"},
    {"stdio.h", "tempnam", "tempnam(0, 0)"},
    {"stdio.h", "tmpnam", "tmpnam(0)"},
    {"stdio.h", "L_tmpnam", "L_tmpnam"},
    {"stdio.h", "P_tmpdir", "P_tmpdir"},
    {"stdio.h", "TMP_MAX", "TMP_MAX"},
    {"stdio.h", "stdin", "stdin"},
    {"stdio.h", "stdout", "stdout"},
    {"stdio.h", "printf", "printf(\"x\")"},
    {"stdio.h", "scanf", "scanf(\"x\")"},
    {"stdio.h", "vprintf", "vprintf(\"x\", 0)"},
    {"stdio.h", "vscanf", "vscanf(\"x\", 0)"},
    {"stdio.h", "puts", "puts(\"x\")"},
    {"stdio.h", "putchar", "putchar('x')"},
    {"stdio.h", "putchar_unlocked", "putchar_unlocked('x')"},
    {"stdio.h", "getchar", "getchar()"},
    {"stdio.h", "getchar_unlocked", "getchar_unlocked()"},
    {"stdio.h", "gets", "gets(0)"},
    {"stdio.h", "popen", "popen(\"x\", \"r\")"},
    {"stdio.h", "pclose", "pclose(0)"},
    {"stdio.h", "sprintf", "sprintf(0, \"x\")"},
    {"stdio.h", "vsprintf", "vsprintf(0, \"x\", 0)"},
    // stdlib.h.
    {"stdlib.h", "srand", "srand(1)"},
    {"stdlib.h", "srandom", "srandom(1)"},
    {"stdlib.h", "srand48", "srand48(1)"},
    {"stdlib.h", "seed48", "seed48(0)"},
    {"stdlib.h", "lcong48", "lcong48(0)"},
    {"stdlib.h", "initstate", "initstate(0, 0, 0)"},
    {"stdlib.h", "setstate", "setstate(0)"},
    {"stdlib.h", "putenv", "putenv(0)"},
    {"stdlib.h", "setenv", "setenv(\"a\", \"b\", 1)"},
    {"stdlib.h", "unsetenv", "unsetenv(\"a\")"},
    {"stdlib.h", "mkstemp", "mkstemp(0)"},
    {"stdlib.h", "mkdtemp", "mkdtemp(0)"},
    {"stdlib.h", "realpath", "realpath(\"a\", 0)"},
    {"stdlib.h", "system", "system(\"ls\")"},
    {"stdlib.h", "WEXITSTATUS", "WEXITSTATUS(0)"},
    {"stdlib.h", "l64a", "l64a(0)"},
    {"stdlib.h", "setkey", "setkey(0)"},
    {"stdlib.h", "grantpt", "grantpt(0)"},
    {"stdlib.h", "posix_openpt", "posix_openpt(0)"},
    {"stdlib.h", "ptsname", "ptsname(0)"},
    {"stdlib.h", "unlockpt", "unlockpt(0)"},
    // string.h and wchar.h: not thread-safe, or unsafe.
    {"string.h", "strtok", "strtok(0, \" \")"},
    {"string.h", "strcpy", "strcpy(0, \"x\")"},
    {"string.h", "strcat", "strcat(0, \"x\")"},
    {"string.h", "strncat", "strncat(0, \"x\", 1)"},
    {"string.h", "stpcpy", "stpcpy(0, \"x\")"},
    {"wchar.h", "wcscpy", "wcscpy(0, L\"x\")"},
    {"wchar.h", "wcscat", "wcscat(0, L\"x\")"},
    {"wchar.h", "wcsncat", "wcsncat(0, L\"x\", 1)"},
    {"wchar.h", "wcpcpy", "wcpcpy(0, L\"x\")"},
    {"wchar.h", "getwchar", "getwchar()"},
    {"wchar.h", "putwchar", "putwchar(L'x')"},
    {"wchar.h", "wprintf", "wprintf(L\"x\")"},
    {"wchar.h", "wscanf", "wscanf(L\"x\")"},
    {"wchar.h", "vwprintf", "vwprintf(L\"x\", 0)"},
    {"wchar.h", "vwscanf", "vwscanf(L\"x\", 0)"},
    {"wchar.h", "open_wmemstream", "open_wmemstream(0, 0)"},
    // time.h.
    {"time.h", "asctime", "asctime(0)"},
    {"time.h", "ctime", "ctime(0)"},
    {"time.h", "gmtime", "gmtime(0)"},
    {"time.h", "localtime", "localtime(0)"},
    {"time.h", "clock_getcpuclockid", "clock_getcpuclockid(0, 0)"},
    {"time.h", "clock_settime", "clock_settime(CLOCK_REALTIME, 0)"},
    {"time.h", "timer_create", "timer_create(CLOCK_REALTIME, 0, 0)"},
    {"time.h", "timer_settime", "timer_settime(0, 0, 0, 0)"},
    {"sys/time.h", "utimes", "utimes(\"f\", 0)"},
    // signal.h: no signal handlers, no global process namespace.
    {"signal.h", "kill", "kill(1, SIGTERM)"},
    {"signal.h", "killpg", "killpg(1, SIGTERM)"},
    {"signal.h", "signal", "signal(SIGTERM, 0)"},
    {"signal.h", "sigaction", "sigaction(SIGTERM, 0, 0)"},
    {"signal.h", "sigprocmask", "sigprocmask(0, 0, 0)"},
    {"signal.h", "sigwait", "sigwait(0, 0)"},
    {"signal.h", "sigsuspend", "sigsuspend(0)"},
    {"signal.h", "SIG_IGN", "SIG_IGN"},
    // sys/socket.h: sockets have no addresses.
    {"sys/socket.h", "socket", "socket(AF_INET, SOCK_STREAM, 0)"},
    {"sys/socket.h", "bind", "bind(0, 0, 0)"},
    {"sys/socket.h", "connect", "connect(0, 0, 0)"},
    {"sys/socket.h", "listen", "listen(0, 1)"},
    {"sys/socket.h", "getpeername", "getpeername(0, 0, 0)"},
    {"sys/socket.h", "getsockname", "getsockname(0, 0, 0)"},
    {"sys/socket.h", "recvfrom", "recvfrom(0, 0, 0, 0, 0, 0)"},
    {"sys/socket.h", "sendto", "sendto(0, 0, 0, 0, 0, 0)"},
    {"sys/socket.h", "setsockopt", "setsockopt(0, 0, 0, 0, 0)"},
    {"sys/socket.h", "sockatmark", "sockatmark(0)"},
    {"sys/socket.h", "SOMAXCONN", "SOMAXCONN"},
    {"sys/socket.h", "SOCK_SEQPACKET", "SOCK_SEQPACKET"},
    // dirent.h, sys/mman.h, locale.h.
    {"dirent.h", "opendir", "opendir(\"d\")"},
    {"dirent.h", "scandir", "scandir(\"d\", 0, 0, 0)"},
    {"dirent.h", "readdir_r", "readdir_r(0, 0, 0)"},
    {"sys/mman.h", "shm_unlink", "shm_unlink(\"x\")"},
    {"sys/mman.h", "mlock", "mlock(0, 0)"},
    {"sys/mman.h", "mlockall", "mlockall(0)"},
    {"sys/mman.h", "munlock", "munlock(0, 0)"},
    {"sys/mman.h", "munlockall", "munlockall()"},
    {"locale.h", "uselocale", "uselocale(0)"},
    {"limits.h", "LINE_MAX", "LINE_MAX"},
    {"limits.h", "NZERO", "NZERO"},
    // Headers of the smaller families.
    {"arpa/inet.h", "inet_addr", "inet_addr(\"1.2.3.4\")"},
    {"arpa/inet.h", "inet_ntoa", "inet_ntoa((struct in_addr){0})"},
    {"netinet/in.h", "IPV6_V6ONLY", "IPV6_V6ONLY"},
    {"libintl.h", "textdomain", "textdomain(\"d\")"},
    {"libintl.h", "bindtextdomain", "bindtextdomain(\"d\", \"/\")"},
    {"search.h", "hcreate", "hcreate(1)"},
    {"search.h", "hsearch", "hsearch((ENTRY){0}, FIND)"},
    {"search.h", "hdestroy", "hdestroy()"},
    {"sys/resource.h", "getrlimit", "getrlimit(0, 0)"},
    {"sys/resource.h", "setrlimit", "setrlimit(0, 0)"},
    {"sys/resource.h", "RLIMIT_NOFILE", "RLIMIT_NOFILE"},
    {"sys/resource.h", "getpriority", "getpriority(0, 0)"},
    {"fnmatch.h", "FNM_CASEFOLD", "FNM_CASEFOLD"},
    // pthread.h: cancellation cannot be made safe; error-checking and robust
    // mutexes, priority ceilings, guard sizes and scheduling are left out.
    {"pthread.h", "pthread_cancel", "pthread_cancel(0)"},
    {"pthread.h", "pthread_setcancelstate", "pthread_setcancelstate(0, 0)"},
    {"pthread.h", "pthread_testcancel", "pthread_testcancel()"},
    {"pthread.h", "PTHREAD_CANCELED", "PTHREAD_CANCELED"},
    {"pthread.h", "PTHREAD_MUTEX_ERRORCHECK", "PTHREAD_MUTEX_ERRORCHECK"},
    {"pthread.h", "PTHREAD_MUTEX_ROBUST", "PTHREAD_MUTEX_ROBUST"},
    {"pthread.h", "pthread_mutex_consistent", "pthread_mutex_consistent(0)"},
    {"pthread.h", "PTHREAD_PRIO_PROTECT", "PTHREAD_PRIO_PROTECT"},
    {"pthread.h", "pthread_mutex_setprioceiling", "pthread_mutex_setprioceiling(0, 0, 0)"},
    {"pthread.h", "pthread_attr_setguardsize", "pthread_attr_setguardsize(0, 0)"},
    {"pthread.h", "pthread_attr_setschedparam", "pthread_attr_setschedparam(0, 0)"},
    // semaphore.h: named semaphores need a global namespace.
    {"semaphore.h", "sem_open", "sem_open(\"s\", 0)"},
    {"semaphore.h", "sem_close", "sem_close(0)"},
    {"semaphore.h", "sem_unlink", "sem_unlink(\"s\")"},
    {"semaphore.h", "SEM_FAILED", "SEM_FAILED"},
};

struct Compiled {
  int status;
  std::string output;
};

Compiled compile(const std::string& source, const std::string& extra) {
  char path[] = "/tmp/libc-removed-XXXXXX";
  int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  FILE* f = fdopen(fd, "w");
  fputs(source.c_str(), f);
  fclose(f);
  std::string cmd = std::string(CLOUDABI_CC) +
                    " -x c -std=c11 -Werror=implicit-function-declaration " + extra + " " + path +
                    " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  Compiled c;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), p)) > 0) c.output.append(buf, n);
  c.status = pclose(p);
  unlink(path);
  return c;
}

class RemovedFunction : public ::testing::TestWithParam<Removed> {};

TEST_P(RemovedFunction, IsNotDeclared) {
  const Removed& r = GetParam();
  std::string source = std::string("#include <") + r.header +
                       ">\nvoid use(void);\nvoid use(void) { (void)(" + r.use + "); }\n";
  Compiled c = compile(source, "-fsyntax-only");
  EXPECT_NE(c.status, 0) << r.name << " compiles:\n" << source;
  // The diagnostic is about the missing declaration of that very name.
  std::string quoted = std::string("'") + r.name + "'";
  EXPECT_NE(c.output.find(quoted), std::string::npos) << c.output;
  EXPECT_TRUE(c.output.find("undeclared") != std::string::npos ||
              c.output.find("implicit") != std::string::npos)
      << c.output;
}

INSTANTIATE_TEST_SUITE_P(Libc, RemovedFunction, ::testing::ValuesIn(kRemoved),
                         [](const ::testing::TestParamInfo<Removed>& info) {
                           std::string name = info.param.name;
                           return name + "_" + std::to_string(info.index);
                         });

// The replacements compile and link.
TEST(RemovedFunction, ReplacementsCompileAndLink) {
  const char* source = R"(
#include <dirent.h>
#include <fcntl.h>
#include <program.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void program_main(const argdata_t *ad) {
  (void)ad;
  int dir = 3;
  int fd = openat(dir, "f", O_RDWR | O_CREAT);
  struct stat st;
  fstatat(dir, "f", &st, 0);
  mkdirat(dir, "d");
  unlinkat(dir, "d", AT_REMOVEDIR);
  linkat(dir, "a", dir, "b", 0);
  FILE *f = fopenat(dir, "f", "r");
  fprintf(stderr, "%d\n", fd);
  dprintf(fd, "x");
  DIR *d = opendirat(dir, ".");
  char buf[8];
  strlcpy(buf, "abc", sizeof(buf));
  char *save;
  strtok_r(buf, " ", &save);
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  arc4random();
  raise(SIGABRT);
  renameat(dir, "a", dir, "b");
  shm_open(SHM_ANON, O_RDWR);
  (void)f;
  (void)d;
  exit(0);
}
)";
  char out[] = "/tmp/libc-replacements-XXXXXX";
  int fd = mkstemp(out);
  ASSERT_GE(fd, 0);
  close(fd);
  Compiled c = compile(source, std::string("-Wall -Werror -o ") + out);
  unlink(out);
  EXPECT_EQ(c.status, 0) << c.output;
}

}  // namespace
