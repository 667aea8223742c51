#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "argdata_reader_impl.h"

static int convert_fd(void *arg, size_t index) {
  const argdata_reader_t *r = arg;
  return index < r->n_fds ? r->fds[index] : -1;
}

/* Takes ownership of the descriptors in the control messages. Returns false
 * if they exceed the reader's limit (all of them are closed then). */
static bool take_fds(argdata_reader_t *r, struct msghdr *msg) {
  bool ok = (msg->msg_flags & MSG_CTRUNC) == 0;
  for (struct cmsghdr *cmsg = CMSG_FIRSTHDR(msg); cmsg != NULL; cmsg = CMSG_NXTHDR(msg, cmsg)) {
    if (cmsg->cmsg_level != SOL_SOCKET || cmsg->cmsg_type != SCM_RIGHTS) continue;
    size_t n = (cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    const unsigned char *data = CMSG_DATA(cmsg);
    for (size_t i = 0; i < n; ++i) {
      int fd;
      memcpy(&fd, data + i * sizeof(int), sizeof(int));
      if (ok && r->n_fds >= r->max_fds_len) ok = false;
      if (ok && r->n_fds == r->fds_capacity) {
        size_t capacity = r->fds_capacity == 0 ? 8 : 2 * r->fds_capacity;
        if (capacity > r->max_fds_len) capacity = r->max_fds_len;
        int *grown = realloc(r->fds, capacity * sizeof(*grown));
        if (grown == NULL) {
          ok = false;
        } else {
          r->fds = grown;
          r->fds_capacity = capacity;
        }
      }
      if (ok) {
        r->fds[r->n_fds++] = fd;
      } else {
        close(fd);
      }
    }
  }
  return ok;
}

/* Reads header bytes, collecting descriptors. Returns the byte count, 0 at
 * end-of-file or -1 with errno set. */
static ssize_t read_header(argdata_reader_t *r, int fd, bool *fds_ok) {
  struct iovec iov = {
      .iov_base = r->header + r->header_read,
      .iov_len = sizeof(r->header) - r->header_read,
  };
  struct msghdr msg;
  memset(&msg, 0, sizeof(msg));
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  if (r->control_len > 0) {
    msg.msg_control = r->control;
    msg.msg_controllen = r->control_len;
  }
  int flags = 0;
#ifdef MSG_CMSG_CLOEXEC
  flags |= MSG_CMSG_CLOEXEC;
#endif
  ssize_t n = recvmsg(fd, &msg, flags);
  if (n < 0) {
    /* Not a socket: descriptors cannot arrive, plain reads will do. */
    if (errno == ENOTSOCK) return read(fd, iov.iov_base, iov.iov_len);
    return -1;
  }
  *fds_ok = take_fds(r, &msg);
  return n;
}

int argdata_reader_pull(argdata_reader_t *r, int fd) {
  /* Drop the previous message and its unreleased descriptors. */
  if (r->complete) __argdata_reader_reset(r);

  while (r->header_read < sizeof(r->header)) {
    bool fds_ok = true;
    ssize_t n = read_header(r, fd, &fds_ok);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (!fds_ok) {
      __argdata_reader_reset(r);
      return EMSGSIZE;
    }
    if (n == 0) {
      if (r->header_read == 0 && r->n_fds == 0) {
        /* End-of-file at a message boundary. */
        r->complete = true;
        return 0;
      }
      __argdata_reader_reset(r);
      return EBADMSG;
    }
    r->header_read += (size_t)n;
    if (r->header_read == sizeof(r->header)) {
      uint64_t len = 0;
      for (size_t i = 0; i < sizeof(r->header); ++i) len = len << 8 | r->header[i];
      if (len > r->max_data_len) {
        __argdata_reader_reset(r);
        return EMSGSIZE;
      }
      r->data_len = (size_t)len;
      r->data_read = 0;
    }
  }

  /* The buffer grows with the data actually received, so that a large
   * announced length alone does not allocate anything. */
  while (r->data_read < r->data_len) {
    if (r->data_read == r->data_capacity) {
      size_t capacity = r->data_capacity < 4096            ? 4096
                        : r->data_capacity <= SIZE_MAX / 2 ? 2 * r->data_capacity
                                                           : SIZE_MAX;
      if (capacity > r->data_len) capacity = r->data_len;
      unsigned char *grown = realloc(r->data, capacity);
      if (grown == NULL) return ENOMEM;
      r->data = grown;
      r->data_capacity = capacity;
    }
    ssize_t n = read(fd, r->data + r->data_read, r->data_capacity - r->data_read);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) {
      __argdata_reader_reset(r);
      return EBADMSG;
    }
    r->data_read += (size_t)n;
  }

  argdata_init_buffer(&r->value, r->data, r->data_len, convert_fd, r);
  r->complete = true;
  r->has_value = true;
  return 0;
}
