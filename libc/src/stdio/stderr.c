// stderr. Until the program attaches a descriptor with fswap(), it is a sink:
// writes succeed and vanish, reads fail with EBADF, seeks with ESPIPE.
#include <errno.h>
#include <locale.h>

#include "stdio_impl.h"

static ssize_t sink_read(FILE *f, void *buf, size_t len) {
  (void)f;
  (void)buf;
  (void)len;
  errno = EBADF;
  return -1;
}

static ssize_t sink_write(FILE *f, const void *buf, size_t len) {
  (void)f;
  (void)buf;
  return (ssize_t)len;
}

static off_t sink_seek(FILE *f, off_t offset, int whence) {
  (void)f;
  (void)offset;
  (void)whence;
  errno = ESPIPE;
  return -1;
}

static int sink_close(FILE *f) {
  (void)f;
  return 0;
}

static const struct stream_ops sink_ops = {sink_read, sink_write, sink_seek, sink_close};

static unsigned char sink_buffer[UNGET + 1];

struct __FILE __stderr = {
    .ops = &sink_ops,
    .fd = -1,
    .flags = F_READ | F_WRITE | F_STATIC,
    .buftype = _IONBF,
    .bufbase = sink_buffer,
    .buf = sink_buffer + UNGET,
    .bufsize = 1,
    .locale = &__locale_c,
};

// Called by abort(): the diagnostics written so far must not be lost.
void __stdio_flush_stderr(void);
void __stdio_flush_stderr(void) {
  if (libc_lock_try(&__stderr.lock)) {
    __stream_flush(&__stderr);
    libc_unlock(&__stderr.lock);
  }
}
