// Unit tests of the smaller headers: libgen.h, search.h, arpa/inet.h,
// netinet/in.h, libintl.h, langinfo.h, syslog.h, fnmatch.h, sys/times.h,
// sys/resource.h, link.h, stdatomic.h functions, swab().
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <langinfo.h>
#include <libgen.h>
#include <libintl.h>
#include <link.h>
#include <locale.h>
#include <search.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/times.h>
#include <syslog.h>
#include <unistd.h>

#include "../libc_support/libc_check.h"

TEST(libgen) {
  static const char *cases[][3] = {
      {"/usr/lib", "lib", "/usr"},
      {"/usr/", "usr", "/"},
      {"usr", "usr", "."},
      {"/", "/", "/"},
      {"", ".", "."},
      {"a/b/", "b", "a"},
      {"a//b//", "b", "a"},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); ++i) {
    char a[32], b[32];
    strlcpy(a, cases[i][0], sizeof(a));
    strlcpy(b, cases[i][0], sizeof(b));
    CHECK_STREQ(basename(a), cases[i][1]);
    CHECK_STREQ(dirname(b), cases[i][2]);
  }
  CHECK_STREQ(basename(NULL), ".");
}

static int compare_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return x < y ? -1 : x > y;
}

static int walked, last_seen;
static void visit(const posix_tnode *node, VISIT v, int depth) {
  (void)depth;
  if (v == postorder || v == leaf) {
    int k = *(const int *)node->key;
    CHECK(k > last_seen);
    last_seen = k;
    ++walked;
  }
}

TEST(search_trees) {
  static int keys[2000];
  posix_tnode *root = NULL;
  for (int i = 0; i < 2000; ++i) {
    keys[i] = (i * 7919) % 2000;
    posix_tnode *n = tsearch(&keys[i], &root, compare_int);
    CHECK(n != NULL && n->key == &keys[i]);
    CHECK(*(int **)n ==
          &keys[i]);  // the key pointer comes first, as code written for void ** expects
  }
  int dup = 5;
  CHECK(tsearch(&dup, &root, compare_int)->key != &dup);  // existing node
  for (int k = 0; k < 2000; k += 2) CHECK(tdelete(&k, &root, compare_int) != NULL);
  int missing = 4;
  CHECK(tdelete(&missing, &root, compare_int) == NULL);
  CHECK(tfind(&missing, &root, compare_int) == NULL);
  int present = 5;
  CHECK(tfind(&present, &root, compare_int) != NULL);
  walked = 0;
  last_seen = -1;
  twalk(root, visit);
  CHECK_EQ(walked, 1000);
  tdestroy(root, NULL);

  int table[8] = {4, 8};
  size_t n = 2;
  int k = 8;
  CHECK(lfind(&k, table, &n, sizeof(int), compare_int) == &table[1]);
  k = 15;
  CHECK(lfind(&k, table, &n, sizeof(int), compare_int) == NULL);
  CHECK(lsearch(&k, table, &n, sizeof(int), compare_int) == &table[2]);
  CHECK_EQ(n, 3);

  struct hsearch_data h = {0};
  CHECK(hcreate_r(3, &h));
  ENTRY *e;
  char *names[] = {"one", "two", "three", "four"};
  for (int i = 0; i < 3; ++i) CHECK(hsearch_r((ENTRY){names[i], (void *)(long)i}, ENTER, &e, &h));
  errno = 0;
  CHECK(!hsearch_r((ENTRY){names[3], NULL}, ENTER, &e, &h));
  CHECK_EQ(errno, ENOMEM);
  CHECK(hsearch_r((ENTRY){"two", NULL}, FIND, &e, &h));
  CHECK_EQ((long)e->data, 1);
  CHECK(!hsearch_r((ENTRY){"five", NULL}, FIND, &e, &h));
  hdestroy_r(&h);

  struct element {
    struct element *next, *prev;
  } a, b, c;
  insque(&a, NULL);
  insque(&b, &a);
  insque(&c, &b);
  CHECK(a.next == &b && b.next == &c && c.prev == &b);
  remque(&b);
  CHECK(a.next == &c && c.prev == &a);
}

TEST(internet_addresses) {
  CHECK_EQ(htonl(0x01020304), 0x04030201);
  CHECK_EQ(ntohs(0x0102), 0x0201);
  struct in_addr a;
  CHECK_EQ(inet_aton("127.0.0.1", &a), 1);
  CHECK_EQ(ntohl(a.s_addr), 0x7f000001);
  CHECK_EQ(inet_aton("0x7f.1", &a), 1);
  CHECK_EQ(ntohl(a.s_addr), 0x7f000001);
  CHECK_EQ(inet_aton("255.255.255.255", &a), 1);
  CHECK_EQ(inet_aton("256.0.0.1", &a), 0);
  CHECK_EQ(inet_aton("1.2.3.4.5", &a), 0);
  unsigned char b[16];
  CHECK_EQ(inet_pton(AF_INET, "10.0.0.1", b), 1);
  CHECK_EQ(inet_pton(AF_INET, "010.0.0.1", b), 0);
  CHECK_EQ(inet_pton(AF_INET, "1.2.3", b), 0);
  static const char *v6[][2] = {
      {"::", "::"},
      {"::1", "::1"},
      {"1::", "1::"},
      {"fe80::1:2", "fe80::1:2"},
      {"::ffff:1.2.3.4", "::ffff:1.2.3.4"},
      {"1:0:0:2:0:0:0:3", "1:0:0:2::3"},
      {"2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"},
      {"0:0:0:0:0:0:0:1", "::1"},
      {"1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"},
      {"ABCD::EF", "abcd::ef"},
  };
  for (size_t i = 0; i < sizeof(v6) / sizeof(v6[0]); ++i) {
    char out[INET6_ADDRSTRLEN];
    CHECK_EQ(inet_pton(AF_INET6, v6[i][0], b), 1);
    CHECK_STREQ(inet_ntop(AF_INET6, b, out, sizeof(out)), v6[i][1]);
  }
  CHECK_EQ(inet_pton(AF_INET6, "1:::2", b), 0);
  CHECK_EQ(inet_pton(AF_INET6, "1:2:3:4:5:6:7:8:9", b), 0);
  CHECK_EQ(inet_pton(AF_INET6, "12345::", b), 0);
  errno = 0;
  CHECK_EQ(inet_pton(99, "x", b), -1);
  CHECK_EQ(errno, EAFNOSUPPORT);
  char small[4];
  CHECK(inet_ntop(AF_INET, b, small, sizeof(small)) == NULL);
  CHECK_EQ(errno, ENOSPC);
  CHECK(IN6_IS_ADDR_LOOPBACK(&in6addr_loopback));
  CHECK(IN6_IS_ADDR_UNSPECIFIED(&in6addr_any));
  struct in6_addr x;
  inet_pton(AF_INET6, "fe80::1", &x);
  CHECK(IN6_IS_ADDR_LINKLOCAL(&x) && !IN6_IS_ADDR_MULTICAST(&x));
  inet_pton(AF_INET6, "ff02::1", &x);
  CHECK(IN6_IS_ADDR_MULTICAST(&x) && IN6_IS_ADDR_MC_LINKLOCAL(&x) && !IN6_IS_ADDR_MC_GLOBAL(&x));
  inet_pton(AF_INET6, "::ffff:10.0.0.1", &x);
  CHECK(IN6_IS_ADDR_V4MAPPED(&x) && !IN6_IS_ADDR_V4COMPAT(&x));
}

TEST(messages_and_langinfo) {
  CHECK_STREQ(gettext("hello"), "hello");
  CHECK_STREQ(ngettext("file", "files", 1), "file");
  CHECK_STREQ(dngettext("d", "file", "files", 2), "files");
  CHECK_STREQ(nl_langinfo(CODESET), "US-ASCII");
  CHECK_STREQ(nl_langinfo_l(CODESET, LC_C_UNICODE_LOCALE), "UTF-8");
  CHECK_STREQ(nl_langinfo(DAY_2), "Monday");
  CHECK_STREQ(nl_langinfo(ABMON_12), "Dec");
  CHECK_STREQ(nl_langinfo(RADIXCHAR), ".");
  CHECK_STREQ(nl_langinfo(12345), "");
  CHECK_STREQ(nl_langinfo(0), "");
  CHECK_EQ(CODESET, 1);  // cloudlibc's numbering
  CHECK_EQ(CRNCYSTR, 55);
  CHECK_STREQ(nl_langinfo(ALT_DIGITS), "");
  CHECK_STREQ(nl_langinfo(D_T_FMT), "%a %b %e %H:%M:%S %Y");
}

TEST(syslog_goes_to_stderr) {
  char *text;
  size_t size;
  FILE *m = open_memstream(&text, &size);
  fswap(stderr, m);
  syslog(LOG_WARNING, "disk %d%% full", 93);
  setlogmask(LOG_UPTO(LOG_ERR));
  syslog(LOG_INFO, "filtered out");
  syslog(LOG_ERR, "kept\n");
  setlogmask(LOG_UPTO(LOG_DEBUG));
  fswap(stderr, m);
  fclose(m);
  CHECK(strstr(text, "Z WARNING   disk 93% full\n") != NULL);
  CHECK(strstr(text, "filtered") == NULL);
  CHECK(strstr(text, "ERROR     kept\n") != NULL);
  CHECK_EQ(text[4], '-');
  free(text);
  openlog("x", LOG_PID, LOG_USER);
  closelog();
}

TEST(filename_matching) {
  // Expected results from glibc, for flags 0, PATHNAME, PERIOD and both.
  static const struct {
    const char *pattern, *string;
    int match[4];
  } cases[] = {
      {"*.c", "main.c", {1, 1, 1, 1}},
      {"*.c", "dir/main.c", {1, 0, 1, 0}},
      {"a?c", "abc", {1, 1, 1, 1}},
      {"a?c", "ac", {0, 0, 0, 0}},
      {"[a-c]x", "bx", {1, 1, 1, 1}},
      {"[!a-c]x", "bx", {0, 0, 0, 0}},
      {"[]a]", "]", {1, 1, 1, 1}},
      {"\\*", "*", {1, 1, 1, 1}},
      {"*", "x/y", {1, 0, 1, 0}},
      {"a*b*c", "aXbYc", {1, 1, 1, 1}},
      {"*.txt", ".hidden.txt", {1, 1, 0, 0}},
      {"[^x]", "y", {1, 1, 1, 1}},
      {"a[", "a[", {1, 1, 1, 1}},
      {"*a*a*a", "aaaa", {1, 1, 1, 1}},
      {"*/b", "a/b", {1, 1, 1, 1}},
  };
  static const int flags[4] = {0, FNM_PATHNAME, FNM_PERIOD, FNM_PATHNAME | FNM_PERIOD};
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); ++i)
    for (int f = 0; f < 4; ++f)
      CHECK_EQ(fnmatch(cases[i].pattern, cases[i].string, flags[f]) == 0, cases[i].match[f]);
  CHECK_EQ(fnmatch("*.C", "x.c", 0), FNM_NOMATCH);  // no case folding
  CHECK_EQ(fnmatch("dir", "dir/file", 0), FNM_NOMATCH);
  CHECK_EQ(fnmatch("\\*", "\\*", FNM_NOESCAPE), 0);
  // Many stars against a long string finish quickly.
  char s[4000];
  memset(s, 'a', sizeof(s) - 1);
  s[sizeof(s) - 1] = '\0';
  CHECK_EQ(fnmatch("*a*a*a*a*a*a*a*b", s, 0), FNM_NOMATCH);
}

static int count_phdrs(struct dl_phdr_info *info, size_t size, void *data) {
  CHECK_EQ(size, sizeof(*info));
  *(int *)data = info->dlpi_phnum;
  return 7;
}

TEST(process_information) {
  struct tms t;
  CHECK(times(&t) > 0);
  CHECK(t.tms_utime >= 0);
  struct rusage ru;
  CHECK_EQ(getrusage(RUSAGE_SELF, &ru), 0);
  CHECK(ru.ru_utime.tv_usec < 1000000);
  CHECK_EQ(getrusage(RUSAGE_CHILDREN, &ru), 0);
  CHECK_EQ(ru.ru_utime.tv_sec, 0);
  CHECK_EQ(getrusage(0, &ru), -1);
  CHECK_EQ(errno, EINVAL);
  int phnum = 0;
  CHECK_EQ(dl_iterate_phdr(count_phdrs, &phnum), 7);
  CHECK(phnum > 2);
  atomic_flag flag = ATOMIC_FLAG_INIT;
  CHECK(!(atomic_flag_test_and_set)(&flag));
  CHECK((atomic_flag_test_and_set)(&flag));
  (atomic_flag_clear)(&flag);
  CHECK(!(atomic_flag_test_and_set_explicit)(&flag, memory_order_relaxed));
  (atomic_thread_fence)(memory_order_seq_cst);
  char from[] = "abcdef", to[7] = {0};
  swab(from, to, 5);
  CHECK_EQ(memcmp(to, "badc", 4), 0);
}

TEST(signal_descriptions) {
  char *text;
  size_t size;
  FILE *m = open_memstream(&text, &size);
  fswap(stderr, m);
  psignal(SIGTERM, "worker");
  siginfo_t info = {.si_signo = SIGKILL, .si_code = CLD_KILLED, .si_status = SIGKILL};
  psiginfo(&info, "child");
  psignal_l(SIGPIPE, NULL, LC_C_LOCALE);
  fswap(stderr, m);
  fclose(m);
  char want[300];
  snprintf(want, sizeof(want), "worker: %s\nchild: %s\n%s\n", strsignal(SIGTERM),
           strsignal(SIGKILL), strsignal(SIGPIPE));
  CHECK_STREQ(text, want);
  free(text);
}

TEST(ioctl_fionread) {
  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  int n = -1;
  CHECK_EQ(ioctl(sv[1], FIONREAD, &n), 0);
  CHECK_EQ(n, 0);
  CHECK_EQ(write(sv[0], "hello", 5), 5);
  CHECK_EQ(ioctl(sv[1], FIONREAD, &n), 0);
  CHECK_EQ(n, 5);
  char buf[2];
  CHECK_EQ(read(sv[1], buf, 2), 2);
  CHECK_EQ(ioctl(sv[1], FIONREAD, &n), 0);
  CHECK_EQ(n, 3);
  // A file: the bytes from the offset to the end.
  int fd = openat(harness_tmp_fd, "fionread", O_RDWR | O_CREAT);
  CHECK(fd >= 0);
  CHECK_EQ(write(fd, "0123456789", 10), 10);
  CHECK_EQ(lseek(fd, 4, SEEK_SET), 4);
  CHECK_EQ(ioctl(fd, FIONREAD, &n), 0);
  CHECK_EQ(n, 6);
  errno = 0;
  CHECK_EQ(ioctl(fd, 12345, &n), -1);
  CHECK_EQ(errno, EINVAL);
  close(fd);
  close(sv[0]);
  close(sv[1]);
}
