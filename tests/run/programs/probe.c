/*
 * run_probe: a CloudABI program for the end-to-end tests of cloudabi-run
 * (tests/run/e2e_test.cc). It reports what it received and what it can do
 * with it, so that the host test can check every resource tag of the
 * configuration through a real program.
 *
 * Argument data: {out: <fd for the report>, steps: [[OP, ARG...], ...]}.
 * Each step writes exactly one line "OP: ok ..." or "OP: error N" (N is the
 * CloudABI errno), so a failing step never stops the ones after it:
 *
 *   [stat, FD]             type, flags and rights from fd_stat_get (FD may
 *                          also be a plain number)
 *   [write, FD, TEXT]      fd_write
 *   [read, FD, N]          fd_read of at most N bytes (shown escaped)
 *   [seek, FD, OFFSET]     fd_seek from the start
 *   [setflags, FD, FLAGS]  fd_stat_put of the descriptor flags
 *   [setsize, FD, SIZE]    file_stat_fput of the size (truncation)
 *   [open, DIR, PATH]      file_open of PATH for reading
 *   [accept, FD]           sock_accept, then a line in, "echo:" + line out
 *   [send, FD, TEXT]       sock_send
 *   [recv, FD]             sock_recv of one message (or up to a newline)
 *   [echo, VALUE]          VALUE decoded, rebuilt with the argdata_create_*
 *                          functions and serialized again (shown as hex)
 */
#include <argdata.h>
#include <cloudabi_syscalls.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int out_fd = -1;

/* One line of the report, written with a single fd_write. */
static void report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void report(const char *fmt, ...) {
  char line[8192];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(line, sizeof(line) - 1, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  size_t len = (size_t)n < sizeof(line) - 1 ? (size_t)n : sizeof(line) - 2;
  line[len++] = '\n';
  size_t done = 0;
  while (done < len) {
    cloudabi_ciovec_t iov = {.buf = line + done, .buf_len = len - done};
    size_t written;
    if (cloudabi_sys_fd_write((cloudabi_fd_t)out_fd, &iov, 1, &written) != 0 || written == 0)
      cloudabi_sys_proc_exit(3);
    done += written;
  }
}

/* Printable text: bytes outside 0x20..0x7e as \xNN. */
static void escape(const char *in, size_t len, char *out, size_t out_size) {
  size_t o = 0;
  for (size_t i = 0; i < len && o + 5 < out_size; ++i) {
    unsigned char c = (unsigned char)in[i];
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out[o++] = (char)c;
    } else {
      o += (size_t)snprintf(out + o, out_size - o, "\\x%02x", c);
    }
  }
  out[o] = '\0';
}

static const argdata_t *element(const argdata_t *step, size_t index) {
  argdata_seq_iterator_t it;
  const argdata_t *e;
  size_t i = 0;
  for (argdata_seq_iterate(step, &it); argdata_seq_get(&it, &e); argdata_seq_next(&it)) {
    if (i++ == index) return e;
  }
  return NULL;
}

/* A descriptor from the argument data, or a plain number (to try
 * descriptors the program was not given). */
static cloudabi_fd_t fd_arg(const argdata_t *step, size_t index) {
  int fd;
  uintmax_t number;
  const argdata_t *e = element(step, index);
  if (e != NULL && argdata_get_int_u(e, &number, UINT32_MAX) == 0) return (cloudabi_fd_t)number;
  if (e == NULL || argdata_get_fd(e, &fd) != 0) {
    report("bad step: argument %zu is not a descriptor", index);
    cloudabi_sys_proc_exit(2);
  }
  return (cloudabi_fd_t)fd;
}

static const char *str_arg(const argdata_t *step, size_t index, size_t *len) {
  const char *s;
  const argdata_t *e = element(step, index);
  if (e == NULL || argdata_get_str(e, &s, len) != 0) {
    report("bad step: argument %zu is not a string", index);
    cloudabi_sys_proc_exit(2);
  }
  return s;
}

static uint64_t int_arg(const argdata_t *step, size_t index) {
  uintmax_t v;
  const argdata_t *e = element(step, index);
  if (e == NULL || argdata_get_int_u(e, &v, UINT64_MAX) != 0) {
    report("bad step: argument %zu is not a non-negative integer", index);
    cloudabi_sys_proc_exit(2);
  }
  return v;
}

static void do_stat(const argdata_t *step) {
  cloudabi_fd_t fd = fd_arg(step, 1);
  cloudabi_fdstat_t st;
  cloudabi_errno_t e = cloudabi_sys_fd_stat_get(fd, &st);
  if (e != 0) {
    report("stat: error %d", e);
    return;
  }
  report("stat: ok fd=%u type=%d flags=%#x base=%#" PRIx64 " inheriting=%#" PRIx64, fd,
         st.fs_filetype, st.fs_flags, st.fs_rights_base, st.fs_rights_inheriting);
}

static void do_write(const argdata_t *step) {
  size_t len;
  cloudabi_fd_t fd = fd_arg(step, 1);
  const char *s = str_arg(step, 2, &len);
  cloudabi_ciovec_t iov = {.buf = s, .buf_len = len};
  size_t written;
  cloudabi_errno_t e = cloudabi_sys_fd_write(fd, &iov, 1, &written);
  if (e != 0) {
    report("write: error %d", e);
  } else {
    report("write: ok %zu", written);
  }
}

static void do_read(const argdata_t *step) {
  cloudabi_fd_t fd = fd_arg(step, 1);
  char buf[1024], text[4100];
  size_t want = int_arg(step, 2);
  if (want > sizeof(buf)) want = sizeof(buf);
  cloudabi_iovec_t iov = {.buf = buf, .buf_len = want};
  size_t got;
  cloudabi_errno_t e = cloudabi_sys_fd_read(fd, &iov, 1, &got);
  if (e != 0) {
    report("read: error %d", e);
    return;
  }
  escape(buf, got, text, sizeof(text));
  report("read: ok %s", text);
}

static void do_seek(const argdata_t *step) {
  cloudabi_fd_t fd = fd_arg(step, 1);
  cloudabi_filesize_t at;
  cloudabi_errno_t e =
      cloudabi_sys_fd_seek(fd, (cloudabi_filedelta_t)int_arg(step, 2), CLOUDABI_WHENCE_SET, &at);
  if (e != 0) {
    report("seek: error %d", e);
  } else {
    report("seek: ok %" PRIu64, at);
  }
}

static void do_setflags(const argdata_t *step) {
  cloudabi_fd_t fd = fd_arg(step, 1);
  cloudabi_fdstat_t st;
  memset(&st, 0, sizeof(st));
  st.fs_flags = (cloudabi_fdflags_t)int_arg(step, 2);
  cloudabi_errno_t e = cloudabi_sys_fd_stat_put(fd, &st, CLOUDABI_FDSTAT_FLAGS);
  if (e != 0) {
    report("setflags: error %d", e);
  } else {
    report("setflags: ok");
  }
}

static void do_setsize(const argdata_t *step) {
  cloudabi_fd_t fd = fd_arg(step, 1);
  cloudabi_filestat_t st;
  memset(&st, 0, sizeof(st));
  st.st_size = int_arg(step, 2);
  cloudabi_errno_t e = cloudabi_sys_file_stat_fput(fd, &st, CLOUDABI_FILESTAT_SIZE);
  if (e != 0) {
    report("setsize: error %d", e);
  } else {
    report("setsize: ok");
  }
}

static void do_open(const argdata_t *step) {
  cloudabi_fd_t dir = fd_arg(step, 1);
  size_t len;
  const char *path = str_arg(step, 2, &len);
  cloudabi_lookup_t lookup = {.fd = dir, .flags = 0};
  cloudabi_fdstat_t st;
  memset(&st, 0, sizeof(st));
  st.fs_rights_base = CLOUDABI_RIGHT_FD_READ;
  cloudabi_fd_t fd;
  cloudabi_errno_t e = cloudabi_sys_file_open(lookup, path, len, 0, &st, &fd);
  if (e != 0) {
    report("open: error %d", e);
    return;
  }
  report("open: ok");
  cloudabi_sys_fd_close(fd);
}

static size_t recv_some(cloudabi_fd_t fd, char *buf, size_t len, cloudabi_errno_t *e) {
  cloudabi_iovec_t iov = {.buf = buf, .buf_len = len};
  cloudabi_recv_in_t in = {.ri_data = &iov, .ri_data_len = 1};
  cloudabi_recv_out_t out;
  *e = cloudabi_sys_sock_recv(fd, &in, &out);
  return *e == 0 ? out.ro_datalen : 0;
}

/* A datagram arrives whole; on a stream, bytes are collected up to a
 * newline or the end of the stream. */
static size_t recv_message(cloudabi_fd_t fd, char *buf, size_t len, cloudabi_errno_t *e) {
  cloudabi_fdstat_t st;
  if ((*e = cloudabi_sys_fd_stat_get(fd, &st)) != 0) return 0;
  size_t got = recv_some(fd, buf, len, e);
  if (st.fs_filetype != CLOUDABI_FILETYPE_SOCKET_STREAM) return got;
  while (*e == 0 && got > 0 && got < len && memchr(buf, '\n', got) == NULL) {
    size_t n = recv_some(fd, buf + got, len - got, e);
    if (n == 0) break;
    got += n;
  }
  return got;
}

static cloudabi_errno_t send_all(cloudabi_fd_t fd, const char *data, size_t len) {
  while (len > 0) {
    cloudabi_ciovec_t iov = {.buf = data, .buf_len = len};
    cloudabi_send_in_t in = {.si_data = &iov, .si_data_len = 1};
    cloudabi_send_out_t out;
    cloudabi_errno_t e = cloudabi_sys_sock_send(fd, &in, &out);
    if (e != 0) return e;
    data += out.so_datalen;
    len -= out.so_datalen;
  }
  return 0;
}

static void do_accept(const argdata_t *step) {
  cloudabi_fd_t fd = fd_arg(step, 1), conn;
  cloudabi_errno_t e = cloudabi_sys_sock_accept(fd, &conn);
  if (e != 0) {
    report("accept: error %d", e);
    return;
  }
  char buf[512], reply[600], text[2100];
  size_t got = recv_message(conn, buf, sizeof(buf), &e);
  if (e == 0) {
    memcpy(reply, "echo:", 5);
    memcpy(reply + 5, buf, got);
    e = send_all(conn, reply, got + 5);
  }
  cloudabi_sys_fd_close(conn);
  if (e != 0) {
    report("accept: error %d after accepting", e);
    return;
  }
  escape(buf, got, text, sizeof(text));
  report("accept: ok %s", text);
}

static void do_send(const argdata_t *step) {
  size_t len;
  cloudabi_fd_t fd = fd_arg(step, 1);
  const char *s = str_arg(step, 2, &len);
  cloudabi_errno_t e = send_all(fd, s, len);
  if (e != 0) {
    report("send: error %d", e);
  } else {
    report("send: ok %zu", len);
  }
}

static void do_recv(const argdata_t *step) {
  cloudabi_fd_t fd = fd_arg(step, 1);
  char buf[512], text[2100];
  cloudabi_errno_t e;
  size_t got = recv_message(fd, buf, sizeof(buf), &e);
  if (e != 0) {
    report("recv: error %d", e);
    return;
  }
  escape(buf, got, text, sizeof(text));
  report("recv: ok %s", text);
}

/* Rebuilding a value with the constructors, which checks that every getter
 * and iterator decodes what cloudabi-run encoded. Everything allocated is
 * leaked: the program is short-lived. */
static argdata_t *rebuild(const argdata_t *ad, unsigned depth) {
  const void *bin;
  const char *s;
  size_t len;
  bool b;
  int fd;
  double f;
  intmax_t i;
  uintmax_t u;
  struct timespec ts;

  if (depth > 64) return NULL;
  if (argdata_get_binary(ad, &bin, &len) == 0) return argdata_create_binary(bin, len);
  if (argdata_get_bool(ad, &b) == 0) return (argdata_t *)(b ? &argdata_true : &argdata_false);
  if (argdata_get_fd(ad, &fd) == 0) return argdata_create_fd(fd);
  if (argdata_get_float(ad, &f) == 0) return argdata_create_float(f);
  if (argdata_get_int_s(ad, &i, INTMAX_MIN, INTMAX_MAX) == 0) return argdata_create_int_s(i);
  if (argdata_get_int_u(ad, &u, UINTMAX_MAX) == 0) return argdata_create_int_u(u);
  if (argdata_get_str(ad, &s, &len) == 0) return argdata_create_str(s, len);
  if (argdata_get_timestamp(ad, &ts) == 0) return argdata_create_timestamp(&ts);

  argdata_map_iterator_t mit;
  argdata_map_iterate(ad, &mit);
  if (mit.index != ARGDATA_ITERATOR_INVALID) {
    const argdata_t *k, *v;
    size_t n = 0;
    for (; argdata_map_get(&mit, &k, &v); argdata_map_next(&mit)) ++n;
    const argdata_t **keys = calloc(n + 1, sizeof(*keys));
    const argdata_t **values = calloc(n + 1, sizeof(*values));
    if (keys == NULL || values == NULL) return NULL;
    n = 0;
    for (argdata_map_iterate(ad, &mit); argdata_map_get(&mit, &k, &v); argdata_map_next(&mit)) {
      if ((keys[n] = rebuild(k, depth + 1)) == NULL) return NULL;
      if ((values[n] = rebuild(v, depth + 1)) == NULL) return NULL;
      ++n;
    }
    return argdata_create_map(keys, values, n);
  }
  argdata_seq_iterator_t sit;
  argdata_seq_iterate(ad, &sit);
  if (sit.index != ARGDATA_ITERATOR_INVALID) {
    const argdata_t *e;
    size_t n = 0;
    for (; argdata_seq_get(&sit, &e); argdata_seq_next(&sit)) ++n;
    const argdata_t **elements = calloc(n + 1, sizeof(*elements));
    if (elements == NULL) return NULL;
    n = 0;
    for (argdata_seq_iterate(ad, &sit); argdata_seq_get(&sit, &e); argdata_seq_next(&sit)) {
      if ((elements[n++] = rebuild(e, depth + 1)) == NULL) return NULL;
    }
    return argdata_create_seq(elements, n);
  }
  /* Null is the only value without a getter: it serializes to nothing. */
  size_t length;
  argdata_serialized_length(ad, &length, NULL);
  return length == 0 ? (argdata_t *)&argdata_null : NULL;
}

static void do_echo(const argdata_t *step) {
  const argdata_t *value = element(step, 1);
  argdata_t *copy = value == NULL ? NULL : rebuild(value, 0);
  if (copy == NULL) {
    report("echo: error %d", EINVAL);
    return;
  }
  size_t len, nfds;
  argdata_serialized_length(copy, &len, &nfds);
  unsigned char *buf = malloc(len + 1);
  int *fds = malloc((nfds + 1) * sizeof(int));
  char *hex = malloc(3 * len + 1);
  if (buf == NULL || fds == NULL || hex == NULL) {
    report("echo: error %d", ENOMEM);
    return;
  }
  argdata_serialize(copy, buf, fds);
  size_t o = 0;
  hex[0] = '\0';
  for (size_t i = 0; i < len; ++i)
    o += (size_t)snprintf(hex + o, 3 * len + 1 - o, i == 0 ? "%02x" : " %02x", buf[i]);
  report("echo: ok %s", hex);
}

void program_main(const argdata_t *ad) {
  const argdata_t *key, *value, *steps = NULL;
  argdata_map_iterator_t it;
  for (argdata_map_iterate(ad, &it); argdata_map_get(&it, &key, &value); argdata_map_next(&it)) {
    const char *name;
    if (argdata_get_str_c(key, &name) != 0) continue;
    if (strcmp(name, "out") == 0) argdata_get_fd(value, &out_fd);
    if (strcmp(name, "steps") == 0) steps = value;
  }
  if (out_fd < 0) cloudabi_sys_proc_exit(2);
  if (steps == NULL) {
    report("bad configuration: no steps");
    cloudabi_sys_proc_exit(2);
  }

  static const struct {
    const char *name;
    void (*run)(const argdata_t *);
  } ops[] = {{"stat", do_stat}, {"write", do_write},       {"read", do_read},
             {"seek", do_seek}, {"setflags", do_setflags}, {"setsize", do_setsize},
             {"open", do_open}, {"accept", do_accept},     {"send", do_send},
             {"recv", do_recv}, {"echo", do_echo}};
  argdata_seq_iterator_t sit;
  const argdata_t *step;
  for (argdata_seq_iterate(steps, &sit); argdata_seq_get(&sit, &step); argdata_seq_next(&sit)) {
    size_t len;
    const char *op = str_arg(step, 0, &len);
    size_t i = 0;
    while (i < sizeof(ops) / sizeof(ops[0]) && strcmp(ops[i].name, op) != 0) ++i;
    if (i == sizeof(ops) / sizeof(ops[0])) {
      report("bad step: unknown operation '%s'", op);
      cloudabi_sys_proc_exit(2);
    }
    ops[i].run(step);
  }
  cloudabi_sys_proc_exit(0);
}
