// poll on descriptors: FD_READ/FD_WRITE readiness, nbytes, HANGUP, rights
// and bad descriptors as per-event errors, blocking until another thread
// makes a descriptor ready, and PROC_TERMINATE.
//
// Cases that need calls other parts of the runtime provide (fd_create2,
// file_open, proc_fork) log "SKIP" while those answer ENOSYS.
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "test_threads.h"

static cloudabi_subscription_t fd_sub(uint64_t userdata, cloudabi_eventtype_t type,
                                      cloudabi_fd_t fd) {
  cloudabi_subscription_t s;
  memset(&s, 0, sizeof(s));
  s.userdata = userdata;
  s.type = type;
  if (type == CLOUDABI_EVENTTYPE_PROC_TERMINATE) {
    s.proc_terminate.fd = fd;
  } else {
    s.fd_readwrite.fd = fd;
    s.fd_readwrite.flags = CLOUDABI_SUBSCRIPTION_FD_READWRITE_POLL;
  }
  return s;
}

static cloudabi_subscription_t clock_sub(uint64_t userdata, cloudabi_timestamp_t timeout) {
  cloudabi_subscription_t s;
  memset(&s, 0, sizeof(s));
  s.userdata = userdata;
  s.type = CLOUDABI_EVENTTYPE_CLOCK;
  s.clock.clock_id = CLOUDABI_CLOCK_MONOTONIC;
  s.clock.timeout = timeout;
  return s;
}

// Polls one subscription plus a far-away clock, so that an event that is
// not ready would block (and the runner's timeout would report it).
static cloudabi_event_t poll_one(cloudabi_subscription_t s) {
  cloudabi_subscription_t subs[2] = {s, clock_sub(0xc10c, 3600000000000ull)};
  cloudabi_event_t ev[2];
  size_t n;
  CHECK_OK(cloudabi_sys_poll(subs, ev, 2, &n));
  CHECK_EQ(n, 1);
  CHECK_EQ(ev[0].userdata, s.userdata);
  CHECK_EQ(ev[0].type, s.type);
  return ev[0];
}

// Whether s becomes ready within a short time.
static int ready_soon(cloudabi_subscription_t s) {
  cloudabi_subscription_t subs[2] = {s, clock_sub(0xc10c, 20000000)};
  cloudabi_event_t ev[2];
  size_t n;
  CHECK_OK(cloudabi_sys_poll(subs, ev, 2, &n));
  CHECK(n >= 1);
  return ev[0].userdata == s.userdata;
}

static void write_all(cloudabi_fd_t fd, const char *data, size_t len) {
  cloudabi_ciovec_t iov = {.buf = data, .buf_len = len};
  size_t written;
  CHECK_OK(cloudabi_sys_fd_write(fd, &iov, 1, &written));
  CHECK_EQ(written, len);
}

TEST(bad_descriptors) {
  static const cloudabi_fd_t bad[] = {1000, 0x7fffffff, 0xffffffff};
  for (size_t i = 0; i < 3; ++i) {
    cloudabi_event_t ev = poll_one(fd_sub(1, CLOUDABI_EVENTTYPE_FD_READ, bad[i]));
    CHECK_EQ(ev.error, CLOUDABI_EBADF);
    ev = poll_one(fd_sub(2, CLOUDABI_EVENTTYPE_FD_WRITE, bad[i]));
    CHECK_EQ(ev.error, CLOUDABI_EBADF);
    ev = poll_one(fd_sub(3, CLOUDABI_EVENTTYPE_PROC_TERMINATE, bad[i]));
    CHECK_EQ(ev.error, CLOUDABI_EBADF);
  }
}

TEST(missing_rights) {
  // The log is the write end of a pipe: no FD_READ.
  cloudabi_event_t ev =
      poll_one(fd_sub(1, CLOUDABI_EVENTTYPE_FD_READ, (cloudabi_fd_t)harness_log_fd));
  CHECK_EQ(ev.error, CLOUDABI_ENOTCAPABLE);
  // Directories have neither FD_READ nor FD_WRITE.
  ev = poll_one(fd_sub(2, CLOUDABI_EVENTTYPE_FD_READ, (cloudabi_fd_t)harness_tmp_fd));
  CHECK_EQ(ev.error, CLOUDABI_ENOTCAPABLE);
  ev = poll_one(fd_sub(3, CLOUDABI_EVENTTYPE_FD_WRITE, (cloudabi_fd_t)harness_tmp_fd));
  CHECK_EQ(ev.error, CLOUDABI_ENOTCAPABLE);
  // Only process descriptors have POLL_PROC_TERMINATE.
  ev = poll_one(fd_sub(4, CLOUDABI_EVENTTYPE_PROC_TERMINATE, (cloudabi_fd_t)harness_log_fd));
  CHECK_EQ(ev.error, CLOUDABI_ENOTCAPABLE);
}

TEST(pipe_is_writable) {
  cloudabi_event_t ev =
      poll_one(fd_sub(1, CLOUDABI_EVENTTYPE_FD_WRITE, (cloudabi_fd_t)harness_log_fd));
  CHECK_EQ(ev.error, 0);
  CHECK_EQ(ev.fd_readwrite.flags, 0);
  for (size_t i = 24; i < 28; ++i) CHECK_EQ(((unsigned char *)&ev)[i], 0);
}

TEST(errors_and_ready_events_together) {
  cloudabi_subscription_t subs[4] = {
      fd_sub(1, CLOUDABI_EVENTTYPE_FD_READ, 1000),
      clock_sub(2, 3600000000000ull),
      fd_sub(3, CLOUDABI_EVENTTYPE_FD_WRITE, (cloudabi_fd_t)harness_log_fd),
      fd_sub(4, CLOUDABI_EVENTTYPE_FD_READ, (cloudabi_fd_t)harness_log_fd),
  };
  cloudabi_event_t ev[4];
  size_t n;
  CHECK_OK(cloudabi_sys_poll(subs, ev, 4, &n));
  CHECK_EQ(n, 3);
  CHECK_EQ(ev[0].userdata, 1);
  CHECK_EQ(ev[0].error, CLOUDABI_EBADF);
  CHECK_EQ(ev[1].userdata, 3);
  CHECK_EQ(ev[1].error, 0);
  CHECK_EQ(ev[2].userdata, 4);
  CHECK_EQ(ev[2].error, CLOUDABI_ENOTCAPABLE);
}

// --- socket pairs (fd_create2)

static int socketpair_or_skip(cloudabi_filetype_t type, cloudabi_fd_t *a, cloudabi_fd_t *b) {
  cloudabi_errno_t e = cloudabi_sys_fd_create2(type, a, b);
  if (e == CLOUDABI_ENOSYS) {
    harness_log("SKIP: fd_create2 is not implemented yet\n");
    return 0;
  }
  CHECK_OK(e);
  return 1;
}

TEST(stream_socket_readiness_and_hangup) {
  cloudabi_fd_t a, b;
  if (!socketpair_or_skip(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b)) return;
  cloudabi_event_t ev = poll_one(fd_sub(1, CLOUDABI_EVENTTYPE_FD_WRITE, a));
  CHECK_EQ(ev.error, 0);
  CHECK_EQ(ev.fd_readwrite.flags, 0);
  CHECK(!ready_soon(fd_sub(2, CLOUDABI_EVENTTYPE_FD_READ, a)));

  write_all(b, "hello", 5);
  ev = poll_one(fd_sub(3, CLOUDABI_EVENTTYPE_FD_READ, a));
  CHECK_EQ(ev.error, 0);
  CHECK_EQ(ev.fd_readwrite.nbytes, 5);
  CHECK_EQ(ev.fd_readwrite.flags, 0);

  // Both directions at once, on both ends.
  cloudabi_subscription_t subs[4] = {
      fd_sub(10, CLOUDABI_EVENTTYPE_FD_READ, a), fd_sub(11, CLOUDABI_EVENTTYPE_FD_WRITE, a),
      fd_sub(12, CLOUDABI_EVENTTYPE_FD_READ, b), fd_sub(13, CLOUDABI_EVENTTYPE_FD_WRITE, b)};
  cloudabi_event_t evs[4];
  size_t n;
  CHECK_OK(cloudabi_sys_poll(subs, evs, 4, &n));
  CHECK_EQ(n, 3);  // b has nothing to read
  CHECK_EQ(evs[0].userdata, 10);
  CHECK_EQ(evs[1].userdata, 11);
  CHECK_EQ(evs[2].userdata, 13);

  // The peer goes away: reading reports HANGUP (the data is still there).
  CHECK_OK(cloudabi_sys_fd_close(b));
  ev = poll_one(fd_sub(4, CLOUDABI_EVENTTYPE_FD_READ, a));
  CHECK_EQ(ev.error, 0);
  CHECK_EQ(ev.fd_readwrite.nbytes, 5);
  CHECK_EQ(ev.fd_readwrite.flags, CLOUDABI_EVENT_FD_READWRITE_HANGUP);
  ev = poll_one(fd_sub(5, CLOUDABI_EVENTTYPE_FD_WRITE, a));
  CHECK(ev.error == CLOUDABI_EPIPE ||
        (ev.error == 0 && ev.fd_readwrite.flags == CLOUDABI_EVENT_FD_READWRITE_HANGUP));
  CHECK_OK(cloudabi_sys_fd_close(a));
  // Closed descriptors are EBADF.
  ev = poll_one(fd_sub(6, CLOUDABI_EVENTTYPE_FD_READ, a));
  CHECK_EQ(ev.error, CLOUDABI_EBADF);
}

TEST(datagram_socket_nbytes) {
  cloudabi_fd_t a, b;
  if (!socketpair_or_skip(CLOUDABI_FILETYPE_SOCKET_DGRAM, &a, &b)) return;
  write_all(b, "0123456789", 10);
  cloudabi_event_t ev = poll_one(fd_sub(1, CLOUDABI_EVENTTYPE_FD_READ, a));
  CHECK_EQ(ev.error, 0);
  CHECK_EQ(ev.fd_readwrite.nbytes, 10);
  CHECK_OK(cloudabi_sys_fd_close(a));
  CHECK_OK(cloudabi_sys_fd_close(b));
}

static cloudabi_fd_t writer_fd;
static void delayed_writer(cloudabi_tid_t tid, void *arg) {
  (void)tid;
  (void)arg;
  cloudabi_subscription_t s = clock_sub(1, 10000000);
  cloudabi_event_t ev;
  size_t n;
  CHECK_OK(cloudabi_sys_poll(&s, &ev, 1, &n));
  write_all(writer_fd, "x", 1);
}

TEST(blocks_until_another_thread_writes) {
  cloudabi_fd_t a, b;
  if (!socketpair_or_skip(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b)) return;
  writer_fd = b;
  struct test_thread t;
  CHECK_OK(test_thread_start(&t, delayed_writer, NULL));
  // No clock at all: only the write can end this poll.
  cloudabi_subscription_t s = fd_sub(7, CLOUDABI_EVENTTYPE_FD_READ, a);
  cloudabi_event_t ev;
  size_t n;
  CHECK_OK(cloudabi_sys_poll(&s, &ev, 1, &n));
  CHECK_EQ(n, 1);
  CHECK_EQ(ev.userdata, 7);
  CHECK_EQ(ev.error, 0);
  CHECK_EQ(ev.fd_readwrite.nbytes, 1);
  test_thread_join(&t);
  CHECK_OK(cloudabi_sys_fd_close(a));
  CHECK_OK(cloudabi_sys_fd_close(b));
}

// --- regular files (file_open)

TEST(regular_files_are_always_ready) {
  if (cloudabi_sys_fd_close(0xffffffff) == CLOUDABI_ENOSYS) {
    harness_log("SKIP: fd_close is not implemented yet\n");
    return;
  }
  cloudabi_fdstat_t fds = {
      .fs_filetype = CLOUDABI_FILETYPE_REGULAR_FILE,
      .fs_rights_base = CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FD_SEEK |
                        CLOUDABI_RIGHT_FD_TELL | CLOUDABI_RIGHT_POLL_FD_READWRITE,
  };
  cloudabi_lookup_t dir = {.fd = (cloudabi_fd_t)harness_tmp_fd, .flags = 0};
  cloudabi_fd_t fd;
  cloudabi_errno_t e = cloudabi_sys_file_open(dir, "poll_file", 9, CLOUDABI_O_CREAT, &fds, &fd);
  if (e == CLOUDABI_ENOSYS) {
    harness_log("SKIP: file_open is not implemented yet\n");
    return;
  }
  CHECK_OK(e);
  write_all(fd, "0123456789", 10);
  cloudabi_event_t ev = poll_one(fd_sub(1, CLOUDABI_EVENTTYPE_FD_READ, fd));
  CHECK_EQ(ev.error, 0);
  CHECK_EQ(ev.fd_readwrite.nbytes, 0);  // at the end
  ev = poll_one(fd_sub(2, CLOUDABI_EVENTTYPE_FD_WRITE, fd));
  CHECK_EQ(ev.error, 0);
  // A second descriptor starts at offset 0: all ten bytes are ahead.
  cloudabi_fd_t fd2;
  CHECK_OK(cloudabi_sys_file_open(dir, "poll_file", 9, 0, &fds, &fd2));
  ev = poll_one(fd_sub(3, CLOUDABI_EVENTTYPE_FD_READ, fd2));
  CHECK_EQ(ev.error, 0);
  CHECK_EQ(ev.fd_readwrite.nbytes, 10);
  CHECK_OK(cloudabi_sys_fd_close(fd2));
  CHECK_OK(cloudabi_sys_fd_close(fd));
}

// --- process termination (proc_fork)

static void expect_termination(cloudabi_fd_t proc, cloudabi_signal_t sig,
                               cloudabi_exitcode_t code) {
  cloudabi_subscription_t s = fd_sub(0x9e, CLOUDABI_EVENTTYPE_PROC_TERMINATE, proc);
  cloudabi_event_t ev;
  size_t n;
  CHECK_OK(cloudabi_sys_poll(&s, &ev, 1, &n));
  CHECK_EQ(n, 1);
  CHECK_EQ(ev.userdata, 0x9e);
  CHECK_EQ(ev.type, CLOUDABI_EVENTTYPE_PROC_TERMINATE);
  CHECK_EQ(ev.error, 0);
  CHECK_EQ(ev.proc_terminate.signal, sig);
  CHECK_EQ(ev.proc_terminate.exitcode, code);
  // Still reported when asked again.
  CHECK_OK(cloudabi_sys_poll(&s, &ev, 1, &n));
  CHECK_EQ(ev.proc_terminate.signal, sig);
}

TEST(proc_terminate) {
  cloudabi_fd_t proc;
  cloudabi_tid_t tid;
  cloudabi_errno_t e = cloudabi_sys_proc_fork(&proc, &tid);
  if (e == CLOUDABI_ENOSYS) {
    harness_log("SKIP: proc_fork is not implemented yet\n");
    return;
  }
  CHECK_OK(e);
  if (proc == CLOUDABI_PROCESS_CHILD) cloudabi_sys_proc_exit(7);
  expect_termination(proc, 0, 7);
  CHECK_OK(cloudabi_sys_fd_close(proc));

  CHECK_OK(cloudabi_sys_proc_fork(&proc, &tid));
  if (proc == CLOUDABI_PROCESS_CHILD) {
    cloudabi_sys_proc_raise(CLOUDABI_SIGABRT);
    cloudabi_sys_proc_exit(1);
  }
  expect_termination(proc, CLOUDABI_SIGABRT, 0);
  CHECK_OK(cloudabi_sys_fd_close(proc));
}
