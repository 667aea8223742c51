// proc_fork: the child's return values, process descriptors (type, rights,
// termination by exit and by signal, closing them kills the child, duplicates
// share it), proc_raise's default actions seen from the parent, and children
// ending with their parent.
#include "proc_util.h"
#include "test_threads.h"

TEST(child_gets_marker_and_tid) {
  cloudabi_fd_t a, b;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
  cloudabi_tid_t tid = 0;
  cloudabi_fd_t pd = fork_process(&tid);
  if (pd == CLOUDABI_PROCESS_CHILD) {
    CHECK(tid != 0);
    CHECK((tid & 0xc0000000) == 0);
    // The child's runtime state works: its descriptor table, the log.
    CHECK_OK(cloudabi_sys_fd_close(a));
    send_str(b, "child");
    CHILD_EXIT(7);
  }
  CHECK(pd != CLOUDABI_PROCESS_CHILD);
  CHECK_OK(cloudabi_sys_fd_close(b));
  expect_str(a, "child");
  expect_exit(pd, 7);
  // The child closed its end: end of stream.
  char c;
  CHECK_EQ(recv_bytes(a, &c, 1), 0);
  CHECK_OK(cloudabi_sys_fd_close(a));
}

TEST(process_descriptor_type_and_rights) {
  cloudabi_fd_t pd = fork_process(NULL);
  if (pd == CLOUDABI_PROCESS_CHILD) CHILD_EXIT(0);
  cloudabi_fdstat_t st;
  CHECK_OK(cloudabi_sys_fd_stat_get(pd, &st));
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_PROCESS);
  CHECK_EQ(st.fs_rights_base, CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_POLL_PROC_TERMINATE);
  CHECK_EQ(st.fs_rights_inheriting, 0);
  expect_exit(pd, 0);
}

TEST(exit_codes_reach_the_parent) {
  static const cloudabi_exitcode_t codes[] = {0, 1, 42, 127, 255};
  for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); ++i) {
    cloudabi_fd_t pd = fork_process(NULL);
    if (pd == CLOUDABI_PROCESS_CHILD) CHILD_EXIT(codes[i]);
    expect_exit(pd, codes[i]);
  }
}

TEST(raise_abrt_ends_the_child) {
  cloudabi_fd_t pd = fork_process(NULL);
  if (pd == CLOUDABI_PROCESS_CHILD) {
    cloudabi_sys_proc_raise(CLOUDABI_SIGABRT);
    CHILD_EXIT(99);  // not reached
  }
  expect_signal(pd, CLOUDABI_SIGABRT);
}

TEST(terminating_signals_end_the_child) {
  static const cloudabi_signal_t sigs[] = {
      CLOUDABI_SIGALRM, CLOUDABI_SIGBUS,  CLOUDABI_SIGFPE,  CLOUDABI_SIGHUP,  CLOUDABI_SIGILL,
      CLOUDABI_SIGINT,  CLOUDABI_SIGKILL, CLOUDABI_SIGQUIT, CLOUDABI_SIGSEGV, CLOUDABI_SIGSYS,
      CLOUDABI_SIGTERM, CLOUDABI_SIGTRAP, CLOUDABI_SIGUSR1, CLOUDABI_SIGUSR2, CLOUDABI_SIGVTALRM,
      CLOUDABI_SIGXCPU, CLOUDABI_SIGXFSZ,
  };
  for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); ++i) {
    cloudabi_fd_t pd = fork_process(NULL);
    if (pd == CLOUDABI_PROCESS_CHILD) {
      cloudabi_sys_proc_raise(sigs[i]);
      CHILD_EXIT(99);
    }
    expect_signal(pd, sigs[i]);
  }
}

TEST(ignored_signals_leave_the_child_running) {
  cloudabi_fd_t pd = fork_process(NULL);
  if (pd == CLOUDABI_PROCESS_CHILD) {
    CHECK_OK(cloudabi_sys_proc_raise(CLOUDABI_SIGPIPE));
    CHECK_OK(cloudabi_sys_proc_raise(CLOUDABI_SIGCHLD));
    CHECK_OK(cloudabi_sys_proc_raise(CLOUDABI_SIGURG));
    CHECK_OK(cloudabi_sys_proc_raise(CLOUDABI_SIGCONT));
    CHILD_EXIT(3);
  }
  expect_exit(pd, 3);
}

// SIGSTOP stops the child; closing its descriptor still ends it.
TEST(raise_stop_stops_the_child) {
  cloudabi_fd_t a, b;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
  cloudabi_fd_t pd = fork_process(NULL);
  if (pd == CLOUDABI_PROCESS_CHILD) {
    send_str(b, "stopping");
    cloudabi_sys_proc_raise(CLOUDABI_SIGSTOP);
    send_str(b, "resumed");
    CHILD_EXIT(0);
  }
  CHECK_OK(cloudabi_sys_fd_close(b));
  expect_str(a, "stopping");
  CHECK(!readable_within(a, 200));
  CHECK_OK(cloudabi_sys_fd_close(pd));
  // The child is gone: its end of the pair is closed.
  char c;
  CHECK_EQ(recv_bytes(a, &c, 1), 0);
  CHECK_OK(cloudabi_sys_fd_close(a));
}

TEST(closing_the_descriptor_kills_the_child) {
  cloudabi_fd_t a, b;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
  cloudabi_fd_t pd = fork_process(NULL);
  if (pd == CLOUDABI_PROCESS_CHILD) {
    CHECK_OK(cloudabi_sys_fd_close(a));
    send_str(b, "ready");
    char c;
    recv_bytes(b, &c, 1);  // blocks until killed
    CHILD_EXIT(1);
  }
  CHECK_OK(cloudabi_sys_fd_close(b));
  expect_str(a, "ready");
  CHECK_OK(cloudabi_sys_fd_close(pd));
  char c;
  CHECK_EQ(recv_bytes(a, &c, 1), 0);
  CHECK_OK(cloudabi_sys_fd_close(a));
}

TEST(duplicates_share_the_child) {
  cloudabi_fd_t a, b;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
  cloudabi_fd_t pd = fork_process(NULL);
  if (pd == CLOUDABI_PROCESS_CHILD) {
    CHECK_OK(cloudabi_sys_fd_close(a));
    for (;;) {
      char c;
      if (recv_bytes(b, &c, 1) != 1) CHILD_EXIT(0);
      send_bytes(b, &c, 1);
    }
  }
  CHECK_OK(cloudabi_sys_fd_close(b));
  cloudabi_fd_t dup;
  CHECK_OK(cloudabi_sys_fd_dup(pd, &dup));
  CHECK_OK(cloudabi_sys_fd_close(pd));
  // The duplicate still refers to the child, so it lives.
  send_str(a, "x");
  expect_str(a, "x");
  // Replacing another descriptor by a copy keeps it alive as well.
  cloudabi_fd_t c, d;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_DGRAM, &c, &d);
  CHECK_OK(cloudabi_sys_fd_replace(dup, c));
  CHECK_OK(cloudabi_sys_fd_close(dup));
  send_str(a, "y");
  expect_str(a, "y");
  cloudabi_fdstat_t st;
  CHECK_OK(cloudabi_sys_fd_stat_get(c, &st));
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_PROCESS);
  // The last one closed ends it.
  CHECK_OK(cloudabi_sys_fd_close(c));
  char ch;
  CHECK_EQ(recv_bytes(a, &ch, 1), 0);
  CHECK_OK(cloudabi_sys_fd_close(a));
  CHECK_OK(cloudabi_sys_fd_close(d));
}

TEST(grandchild_ends_with_its_parent) {
  cloudabi_fd_t a, b, c, d;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);  // grandchild -> here
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &c, &d);  // here -> child
  cloudabi_fd_t pd = fork_process(NULL);
  if (pd == CLOUDABI_PROCESS_CHILD) {
    CHECK_OK(cloudabi_sys_fd_close(a));
    CHECK_OK(cloudabi_sys_fd_close(c));
    cloudabi_fd_t grandchild = fork_process(NULL);
    if (grandchild == CLOUDABI_PROCESS_CHILD) {
      send_str(b, "grandchild");
      char ch;
      recv_bytes(b, &ch, 1);  // blocks until its parent's end ends it
      CHILD_EXIT(1);
    }
    CHECK_OK(cloudabi_sys_fd_close(b));
    // Ends when told, without closing the grandchild's descriptor.
    char ch;
    recv_bytes(d, &ch, 1);
    CHILD_EXIT(5);
  }
  CHECK_OK(cloudabi_sys_fd_close(b));
  CHECK_OK(cloudabi_sys_fd_close(d));
  expect_str(a, "grandchild");
  send_str(c, "x");
  expect_exit(pd, 5);
  // The grandchild held the last copy of b.
  char ch;
  CHECK_EQ(recv_bytes(a, &ch, 1), 0);
  CHECK_OK(cloudabi_sys_fd_close(a));
  CHECK_OK(cloudabi_sys_fd_close(c));
}

TEST(nested_forks_and_many_children) {
  cloudabi_fd_t pds[16];
  for (size_t i = 0; i < 16; ++i) {
    pds[i] = fork_process(NULL);
    if (pds[i] == CLOUDABI_PROCESS_CHILD) {
      // A child can fork in turn and wait for its own child.
      cloudabi_fd_t inner = fork_process(NULL);
      if (inner == CLOUDABI_PROCESS_CHILD) CHILD_EXIT(100 + (cloudabi_exitcode_t)i);
      expect_exit(inner, 100 + (cloudabi_exitcode_t)i);
      CHILD_EXIT((cloudabi_exitcode_t)i);
    }
  }
  for (size_t i = 16; i > 0; --i) expect_exit(pds[i - 1], (cloudabi_exitcode_t)(i - 1));
}

TEST(inherited_sibling_descriptors_do_not_kill) {
  cloudabi_fd_t a, b;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
  cloudabi_fd_t first = fork_process(NULL);
  if (first == CLOUDABI_PROCESS_CHILD) {
    CHECK_OK(cloudabi_sys_fd_close(a));
    char c;
    while (recv_bytes(b, &c, 1) == 1) send_bytes(b, &c, 1);
    CHILD_EXIT(0);
  }
  CHECK_OK(cloudabi_sys_fd_close(b));
  cloudabi_fd_t second = fork_process(NULL);
  if (second == CLOUDABI_PROCESS_CHILD) {
    // This copy of the first child's descriptor is not the parent's: closing
    // it must not end the first child.
    CHECK_OK(cloudabi_sys_fd_close(first));
    CHILD_EXIT(0);
  }
  expect_exit(second, 0);
  send_str(a, "z");
  expect_str(a, "z");
  CHECK_OK(cloudabi_sys_fd_close(first));
  char c;
  CHECK_EQ(recv_bytes(a, &c, 1), 0);
  CHECK_OK(cloudabi_sys_fd_close(a));
}

// A child's life is tied to its parent process, not to the thread that
// forked it.
static cloudabi_fd_t thread_a, thread_b, thread_pd;

static void fork_in_thread(cloudabi_tid_t tid, void *arg) {
  (void)tid;
  (void)arg;
  cloudabi_fd_t pd = fork_process(NULL);
  if (pd == CLOUDABI_PROCESS_CHILD) {
    // The child's only thread is the copy of this one.
    CHECK_OK(cloudabi_sys_fd_close(thread_a));
    char c;
    while (recv_bytes(thread_b, &c, 1) == 1) send_bytes(thread_b, &c, 1);
    CHILD_EXIT(0);
  }
  thread_pd = pd;
}

TEST(child_outlives_the_thread_that_forked_it) {
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &thread_a, &thread_b);
  struct test_thread t;
  CHECK_OK(test_thread_start(&t, fork_in_thread, NULL));
  test_thread_join(&t);
  CHECK_OK(cloudabi_sys_fd_close(thread_b));
  send_str(thread_a, "t");
  expect_str(thread_a, "t");
  CHECK_OK(cloudabi_sys_fd_close(thread_pd));
  char c;
  CHECK_EQ(recv_bytes(thread_a, &c, 1), 0);
  CHECK_OK(cloudabi_sys_fd_close(thread_a));
}
