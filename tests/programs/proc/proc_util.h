// Helpers for the proc and sock test programs: sockets, forked children,
// waiting. Everything calls cloudabi_sys_* directly and CHECKs the results.
#ifndef PROC_UTIL_H
#define PROC_UTIL_H

#include <string.h>

#include "harness.h"

static inline void socket_pair(cloudabi_filetype_t type, cloudabi_fd_t *a, cloudabi_fd_t *b) {
  CHECK_OK(cloudabi_sys_fd_create2(type, a, b));
}

static inline size_t send_bytes(cloudabi_fd_t fd, const void *data, size_t len) {
  cloudabi_ciovec_t iov = {.buf = data, .buf_len = len};
  cloudabi_send_in_t in = {.si_data = &iov, .si_data_len = 1};
  cloudabi_send_out_t out;
  CHECK_OK(cloudabi_sys_sock_send(fd, &in, &out));
  return out.so_datalen;
}

static inline void send_str(cloudabi_fd_t fd, const char *s) {
  CHECK_EQ(send_bytes(fd, s, strlen(s)), strlen(s));
}

// Sends data with descriptors attached.
static inline void send_fds(cloudabi_fd_t sock, const char *data, const cloudabi_fd_t *fds,
                            size_t n) {
  cloudabi_ciovec_t iov = {.buf = data, .buf_len = strlen(data)};
  cloudabi_send_in_t in = {.si_data = &iov, .si_data_len = 1, .si_fds = fds, .si_fds_len = n};
  cloudabi_send_out_t out;
  CHECK_OK(cloudabi_sys_sock_send(sock, &in, &out));
  CHECK_EQ(out.so_datalen, strlen(data));
}

static inline size_t recv_bytes(cloudabi_fd_t fd, void *buf, size_t len) {
  cloudabi_iovec_t iov = {.buf = buf, .buf_len = len};
  cloudabi_recv_in_t in = {.ri_data = &iov, .ri_data_len = 1};
  cloudabi_recv_out_t out;
  CHECK_OK(cloudabi_sys_sock_recv(fd, &in, &out));
  return out.ro_datalen;
}

// Receives exactly strlen(want) bytes and checks they are `want`.
static inline void expect_str(cloudabi_fd_t fd, const char *want) {
  char buf[256];
  size_t len = strlen(want), got = 0;
  while (got < len) {
    size_t n = recv_bytes(fd, buf + got, len - got);
    CHECK(n > 0);
    got += n;
  }
  CHECK(memcmp(buf, want, len) == 0);
}

static inline cloudabi_fd_t fork_process(cloudabi_tid_t *tid) {
  cloudabi_fd_t fd = 0;
  cloudabi_tid_t t = 0;
  CHECK_OK(cloudabi_sys_proc_fork(&fd, &t));
  if (tid != NULL) *tid = t;
  return fd;
}

// Waits for the child behind a process descriptor to end.
static inline void wait_child(cloudabi_fd_t pd, cloudabi_signal_t *signal,
                              cloudabi_exitcode_t *exitcode) {
  cloudabi_subscription_t sub;
  memset(&sub, 0, sizeof(sub));
  sub.userdata = 42;
  sub.type = CLOUDABI_EVENTTYPE_PROC_TERMINATE;
  sub.proc_terminate.fd = pd;
  cloudabi_event_t ev;
  size_t n;
  CHECK_OK(cloudabi_sys_poll(&sub, &ev, 1, &n));
  CHECK_EQ(n, 1);
  CHECK_EQ(ev.userdata, 42);
  CHECK_EQ(ev.error, 0);
  CHECK_EQ(ev.type, CLOUDABI_EVENTTYPE_PROC_TERMINATE);
  *signal = ev.proc_terminate.signal;
  *exitcode = ev.proc_terminate.exitcode;
}

// Waits for the child to exit with `code`, then closes its descriptor.
static inline void expect_exit(cloudabi_fd_t pd, cloudabi_exitcode_t code) {
  cloudabi_signal_t sig;
  cloudabi_exitcode_t exitcode;
  wait_child(pd, &sig, &exitcode);
  CHECK_EQ(sig, 0);
  CHECK_EQ(exitcode, code);
  CHECK_OK(cloudabi_sys_fd_close(pd));
}

// Waits for the child to be ended by `signal`, then closes its descriptor.
static inline void expect_signal(cloudabi_fd_t pd, cloudabi_signal_t signal) {
  cloudabi_signal_t sig;
  cloudabi_exitcode_t exitcode;
  wait_child(pd, &sig, &exitcode);
  CHECK_EQ(sig, signal);
  CHECK_OK(cloudabi_sys_fd_close(pd));
}

// Whether `fd` becomes readable within `ms` milliseconds.
static inline int readable_within(cloudabi_fd_t fd, unsigned ms) {
  cloudabi_subscription_t subs[2];
  memset(subs, 0, sizeof(subs));
  subs[0].userdata = 1;
  subs[0].type = CLOUDABI_EVENTTYPE_FD_READ;
  subs[0].fd_readwrite.fd = fd;
  subs[0].fd_readwrite.flags = CLOUDABI_SUBSCRIPTION_FD_READWRITE_POLL;
  subs[1].userdata = 2;
  subs[1].type = CLOUDABI_EVENTTYPE_CLOCK;
  subs[1].clock.clock_id = CLOUDABI_CLOCK_MONOTONIC;
  subs[1].clock.timeout = (cloudabi_timestamp_t)ms * 1000000;
  cloudabi_event_t ev[2];
  size_t n;
  CHECK_OK(cloudabi_sys_poll(subs, ev, 2, &n));
  for (size_t i = 0; i < n; ++i)
    if (ev[i].userdata == 1) return 1;
  return 0;
}

static inline void sleep_ms(unsigned ms) {
  cloudabi_subscription_t sub;
  memset(&sub, 0, sizeof(sub));
  sub.type = CLOUDABI_EVENTTYPE_CLOCK;
  sub.clock.clock_id = CLOUDABI_CLOCK_MONOTONIC;
  sub.clock.timeout = (cloudabi_timestamp_t)ms * 1000000;
  cloudabi_event_t ev;
  size_t n;
  CHECK_OK(cloudabi_sys_poll(&sub, &ev, 1, &n));
}

// In a child: ends it, whatever happens to the test.
#define CHILD_EXIT(code) cloudabi_sys_proc_exit(code)

#endif
