/*
 * run_dgram_echo: a CloudABI program for the end-to-end test of connected
 * datagram sockets under cloudabi-run (tests/run/e2e_dgram_relay_test.cc).
 *
 * Argument data: {out: <fd for the report>, sock: <connected datagram
 * socket>, count: N}. It reports the socket's type, sends "hello", then
 * echoes N datagrams back (any size up to 65507 bytes, empty ones too),
 * waits with poll for one more and receives it into a 4-byte buffer
 * (truncation), then peeks at the last one before receiving it. One line
 * per step: "STEP: ok ..." or "STEP: error N" (N is the CloudABI errno).
 */
#include <argdata.h>
#include <cloudabi_syscalls.h>
#include <program.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int out_fd = -1;

static void report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void report(const char *fmt, ...) {
  char line[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(line, sizeof(line) - 1, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n > sizeof(line) - 2) n = sizeof(line) - 2;
  line[n++] = '\n';
  cloudabi_ciovec_t iov = {.buf = line, .buf_len = (size_t)n};
  size_t written;
  cloudabi_sys_fd_write((cloudabi_fd_t)out_fd, &iov, 1, &written);
}

static cloudabi_errno_t recv_one(cloudabi_fd_t fd, char *buf, size_t len, cloudabi_riflags_t flags,
                                 cloudabi_recv_out_t *out) {
  cloudabi_iovec_t iov = {.buf = buf, .buf_len = len};
  cloudabi_recv_in_t in = {.ri_data = &iov, .ri_data_len = 1, .ri_flags = flags};
  return cloudabi_sys_sock_recv(fd, &in, out);
}

static cloudabi_errno_t send_one(cloudabi_fd_t fd, const char *buf, size_t len, size_t *sent) {
  cloudabi_ciovec_t iov = {.buf = buf, .buf_len = len};
  cloudabi_send_in_t in = {.si_data = &iov, .si_data_len = 1};
  cloudabi_send_out_t out;
  cloudabi_errno_t e = cloudabi_sys_sock_send(fd, &in, &out);
  *sent = e == 0 ? out.so_datalen : 0;
  return e;
}

/* Larger than the largest UDP payload, so that nothing is truncated. */
static char buf[70000];

void program_main(const argdata_t *ad) {
  const argdata_t *key, *value;
  argdata_map_iterator_t it;
  int sock = -1;
  uint64_t count = 0;
  for (argdata_map_iterate(ad, &it); argdata_map_get(&it, &key, &value); argdata_map_next(&it)) {
    const char *name;
    if (argdata_get_str_c(key, &name) != 0) continue;
    if (strcmp(name, "out") == 0) argdata_get_fd(value, &out_fd);
    if (strcmp(name, "sock") == 0) argdata_get_fd(value, &sock);
    if (strcmp(name, "count") == 0) argdata_get_int(value, &count);
  }
  if (out_fd < 0 || sock < 0) cloudabi_sys_proc_exit(2);
  cloudabi_fd_t fd = (cloudabi_fd_t)sock;

  cloudabi_fdstat_t st;
  cloudabi_errno_t e = cloudabi_sys_fd_stat_get(fd, &st);
  if (e != 0) {
    report("stat: error %d", e);
  } else {
    report("stat: ok type=%d", st.fs_filetype);
  }

  size_t sent;
  e = send_one(fd, "hello", 5, &sent);
  if (e != 0) {
    report("hello: error %d", e);
    cloudabi_sys_proc_exit(1);
  }
  report("hello: ok %zu", sent);

  for (uint64_t i = 0; i < count; ++i) {
    cloudabi_recv_out_t out;
    if ((e = recv_one(fd, buf, sizeof(buf), 0, &out)) == 0)
      e = send_one(fd, buf, out.ro_datalen, &sent);
    if (e != 0) {
      report("echo: error %d", e);
      cloudabi_sys_proc_exit(1);
    }
    report("echo: ok %zu bytes, sent %zu, flags %d", out.ro_datalen, sent, out.ro_flags);
  }

  /* Readiness, then a datagram larger than the buffer. */
  cloudabi_subscription_t sub = {.type = CLOUDABI_EVENTTYPE_FD_READ};
  sub.fd_readwrite.fd = fd;
  cloudabi_event_t ev;
  size_t nevents;
  e = cloudabi_sys_poll(&sub, &ev, 1, &nevents);
  if (e == 0 && nevents == 1 && ev.error == 0) {
    report("poll: ok readable");
  } else {
    report("poll: error %d", e != 0 ? e : ev.error);
  }
  cloudabi_recv_out_t out;
  char small[4];
  e = recv_one(fd, small, sizeof(small), 0, &out);
  if (e != 0) {
    report("short: error %d", e);
  } else {
    report("short: ok %.*s truncated=%d", (int)out.ro_datalen, small,
           (out.ro_flags & CLOUDABI_SOCK_RECV_DATA_TRUNCATED) != 0);
  }

  /* A peek leaves the datagram for the next receive. */
  char peeked[32], got[32];
  cloudabi_recv_out_t peek_out;
  e = recv_one(fd, peeked, sizeof(peeked), CLOUDABI_SOCK_RECV_PEEK, &peek_out);
  if (e == 0) e = recv_one(fd, got, sizeof(got), 0, &out);
  if (e != 0) {
    report("peek: error %d", e);
  } else {
    report("peek: ok %.*s then %.*s", (int)peek_out.ro_datalen, peeked, (int)out.ro_datalen, got);
  }
  cloudabi_sys_proc_exit(0);
}
