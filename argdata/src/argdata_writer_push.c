#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "argdata_writer_impl.h"

/* Sends data together with all descriptors as one SCM_RIGHTS message. */
static ssize_t send_with_fds(argdata_writer_t *w, int fd) {
  size_t control_len = CMSG_SPACE(w->n_fds * sizeof(int));
  void *control = calloc(1, control_len);
  if (control == NULL) {
    errno = ENOMEM;
    return -1;
  }
  struct iovec iov = {
      .iov_base = w->message + w->written,
      .iov_len = w->length - w->written,
  };
  struct msghdr msg;
  memset(&msg, 0, sizeof(msg));
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = control_len;
  struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
  cmsg->cmsg_level = SOL_SOCKET;
  cmsg->cmsg_type = SCM_RIGHTS;
  cmsg->cmsg_len = CMSG_LEN(w->n_fds * sizeof(int));
  memcpy(CMSG_DATA(cmsg), w->fds, w->n_fds * sizeof(int));

  int flags = 0;
#ifdef MSG_NOSIGNAL
  flags |= MSG_NOSIGNAL;
#endif
  ssize_t n = sendmsg(fd, &msg, flags);
  int saved = errno;
  free(control);
  errno = saved;
  return n;
}

int argdata_writer_push(argdata_writer_t *w, int fd) {
  if (w->error != 0) {
    int error = w->error;
    w->error = 0;
    return error;
  }
  while (w->written < w->length) {
    ssize_t n;
    if (w->n_fds > 0 && !w->fds_sent) {
      n = send_with_fds(w, fd);
      if (n >= 0) w->fds_sent = true;
    } else {
      n = write(fd, w->message + w->written, w->length - w->written);
    }
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    w->written += (size_t)n;
  }
  __argdata_writer_clear(w);
  return 0;
}
