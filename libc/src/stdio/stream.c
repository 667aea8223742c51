// The core of the streams: buffering, direction changes and the list of
// open streams.
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "locale_impl.h"
#include "stdio_impl.h"

_Thread_local char __libc_thread_token;

// Every open stream, for fflush(NULL) and exit(). stderr is the first.
static struct libc_lock list_lock;
static FILE *list_head = &__stderr;

void __stream_init(FILE *f, const struct stream_ops *ops, unsigned int flags, locale_t locale) {
  *f = (FILE){0};
  f->ops = ops;
  f->fd = -1;
  f->flags = flags;
  f->buftype = _IOFBF;
  f->locale = locale != NULL ? locale : LC_C_LOCALE;
  libc_lock(&list_lock);
  f->next = list_head;
  if (list_head != NULL) list_head->prev = f;
  list_head = f;
  libc_unlock(&list_lock);
}

void __stream_release(FILE *f) {
  libc_lock(&list_lock);
  if (f->prev != NULL) f->prev->next = f->next;
  if (f->next != NULL) f->next->prev = f->prev;
  if (list_head == f) list_head = f->next;
  f->prev = f->next = NULL;
  libc_unlock(&list_lock);
  if (f->flags & F_OWNBUF) free(f->bufbase);
  f->bufbase = f->buf = NULL;
  f->flags &= ~F_OWNBUF;
  if (!(f->flags & F_STATIC)) free(f);
}

int __stream_parse_mode(const char *mode, int *oflags) {
  int flags, o;
  switch (*mode++) {
    case 'r':
      flags = F_READ;
      o = 0;
      break;
    case 'w':
      flags = F_WRITE;
      o = 1;  // create and truncate
      break;
    case 'a':
      flags = F_WRITE;
      o = 2;  // create and append
      break;
    default:
      errno = EINVAL;
      return -1;
  }
  int extra = 0;
  for (; *mode != '\0'; ++mode) {
    if (*mode == '+') {
      flags = F_READ | F_WRITE;
    } else if (*mode == 'x') {
      extra |= 4;  // exclusive creation
    } else if (*mode != 'b' && *mode != 'e') {
      // 'b' has no meaning on POSIX systems; descriptors are never
      // inherited implicitly, so 'e' (close on exec) is the default.
      errno = EINVAL;
      return -1;
    }
  }
  if (oflags != NULL) *oflags = o | extra;
  return flags;
}

// Allocates the buffer on first use. Without memory the stream becomes
// unbuffered, using the one-byte buffer inside its UNGET area.
static void ensure_buffer(FILE *f) {
  if (f->buf != NULL) return;
  size_t size = f->buftype == _IONBF ? 1 : BUFSIZ;
  f->bufbase = malloc(UNGET + size);
  if (f->bufbase == NULL) {
    f->bufbase = NULL;
    static _Thread_local unsigned char fallback[UNGET + 1];
    f->buftype = _IONBF;
    f->buf = fallback + UNGET;
    f->bufsize = 1;
    return;
  }
  f->flags |= F_OWNBUF;
  f->buf = f->bufbase + UNGET;
  f->bufsize = size;
}

static int write_all(FILE *f, const unsigned char *data, size_t len, size_t *done) {
  *done = 0;
  while (*done < len) {
    ssize_t n = f->ops->write(f, data + *done, len - *done);
    if (n <= 0) {
      f->flags |= F_ERR;
      return EOF;
    }
    *done += (size_t)n;
  }
  return 0;
}

int __stream_flush(FILE *f) {
  if (f->mode == MODE_WRITE) {
    size_t done;
    if (write_all(f, f->buf, f->wpos, &done) != 0) {
      // Keep what was not written, so that no byte is lost.
      memmove(f->buf, f->buf + done, f->wpos - done);
      f->wpos -= done;
      return EOF;
    }
    f->wpos = 0;
  } else if (f->mode == MODE_READ && f->rpos < f->rend) {
    // Give back the read-ahead data if the backing store can seek.
    if (f->ops->seek(f, -(off_t)(f->rend - f->rpos), SEEK_CUR) < 0) return 0;
    f->rpos = f->rend = f->buf;
  }
  return 0;
}

int __stream_to_read(FILE *f) {
  if (f->mode == MODE_READ) return 0;
  if (!(f->flags & F_READ)) {
    f->flags |= F_ERR;
    errno = EBADF;
    return EOF;
  }
  if (f->mode == MODE_WRITE && __stream_flush(f) != 0) return EOF;
  ensure_buffer(f);
  f->mode = MODE_READ;
  f->rpos = f->rend = f->buf;
  return 0;
}

int __stream_to_write(FILE *f) {
  if (f->mode == MODE_WRITE) return 0;
  if (!(f->flags & F_WRITE)) {
    f->flags |= F_ERR;
    errno = EBADF;
    return EOF;
  }
  if (f->mode == MODE_READ && f->rpos < f->rend) {
    if (f->ops->seek(f, -(off_t)(f->rend - f->rpos), SEEK_CUR) < 0) {
      f->flags |= F_ERR;
      return EOF;
    }
  }
  ensure_buffer(f);
  f->mode = MODE_WRITE;
  f->rpos = f->rend = NULL;
  f->wpos = 0;
  return 0;
}

int __stream_fill(FILE *f) {
  if (f->flags & F_EOF) return 0;
  if (__stream_to_read(f) != 0) return -1;
  ssize_t n = f->ops->read(f, f->buf, f->bufsize);
  if (n < 0) {
    f->flags |= F_ERR;
    return -1;
  }
  if (n == 0) {
    f->flags |= F_EOF;
    return 0;
  }
  f->rpos = f->buf;
  f->rend = f->buf + n;
  return 1;
}

int __stream_getc(FILE *f) {
  if (f->mode == MODE_READ && f->rpos < f->rend) return *f->rpos++;
  if (__stream_fill(f) <= 0) return EOF;
  return *f->rpos++;
}

size_t __stream_read(FILE *f, void *buf, size_t len) {
  unsigned char *out = buf;
  size_t done = 0;
  if (__stream_to_read(f) != 0) return 0;
  while (done < len) {
    if (f->rpos < f->rend) {
      size_t n = (size_t)(f->rend - f->rpos);
      if (n > len - done) n = len - done;
      memcpy(out + done, f->rpos, n);
      f->rpos += n;
      done += n;
    } else if (len - done >= f->bufsize) {
      // Large reads bypass the buffer.
      if (f->flags & F_EOF) break;
      ssize_t n = f->ops->read(f, out + done, len - done);
      if (n < 0) {
        f->flags |= F_ERR;
        break;
      }
      if (n == 0) {
        f->flags |= F_EOF;
        break;
      }
      done += (size_t)n;
    } else if (__stream_fill(f) <= 0) {
      break;
    }
  }
  return done;
}

static size_t buffered_write(FILE *f, const unsigned char *in, size_t len);

size_t __stream_write(FILE *f, const void *data, size_t len) {
  const unsigned char *in = data;
  if (len == 0) return 0;
  if (__stream_to_write(f) != 0) return 0;
  if (f->buftype == _IOLBF) {
    // Everything up to the last newline goes out now; the rest waits. A
    // failed flush leaves the data in the buffer, where the next flush tries
    // again; the error indicator reports it.
    const unsigned char *nl = NULL;
    for (size_t i = len; i-- > 0;)
      if (in[i] == '\n') {
        nl = in + i;
        break;
      }
    if (nl != NULL) {
      size_t head = (size_t)(nl - in) + 1;
      size_t done = buffered_write(f, in, head);
      if (done < head) return done;
      __stream_flush(f);
      return head + buffered_write(f, in + head, len - head);
    }
  }
  return buffered_write(f, in, len);
}

static size_t buffered_write(FILE *f, const unsigned char *in, size_t len) {
  if (len == 0) return 0;
  if (f->buftype == _IONBF) {
    if (__stream_flush(f) != 0) return 0;
    size_t done;
    write_all(f, in, len, &done);
    return done;
  }
  size_t accepted = 0;
  if (f->wpos + len > f->bufsize) {
    // Fill the buffer up, write it, and write what remains of a large
    // request directly.
    size_t n = f->bufsize - f->wpos;
    memcpy(f->buf + f->wpos, in, n);
    f->wpos += n;
    accepted = n;
    if (__stream_flush(f) != 0) return accepted;
    if (len - accepted >= f->bufsize) {
      size_t done;
      write_all(f, in + accepted, len - accepted, &done);
      return accepted + done;
    }
  }
  memcpy(f->buf + f->wpos, in + accepted, len - accepted);
  f->wpos += len - accepted;
  return len;
}

int __stream_putc(FILE *f, int c) {
  unsigned char byte = (unsigned char)c;
  return __stream_write(f, &byte, 1) == 1 ? byte : EOF;
}

off_t __stream_tell(FILE *f) {
  off_t pos = f->ops->seek(f, 0, SEEK_CUR);
  if (pos < 0) return -1;
  if (f->mode == MODE_READ) pos -= f->rend - f->rpos;
  if (f->mode == MODE_WRITE) pos += (off_t)f->wpos;
  return pos;
}

int __stream_seek(FILE *f, off_t offset, int whence) {
  if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
    errno = EINVAL;
    return -1;
  }
  if (f->mode == MODE_WRITE && __stream_flush(f) != 0) return -1;
  if (whence == SEEK_CUR && f->mode == MODE_READ) offset -= f->rend - f->rpos;
  if (f->ops->seek(f, offset, whence) < 0) return -1;
  if (f->mode == MODE_READ) f->rpos = f->rend = f->buf;
  f->mode = MODE_NONE;
  f->flags &= ~F_EOF;
  return 0;
}

// Called by exit(): flushes every stream that is not locked by another
// thread.
void __stdio_exit(void) {
  if (!libc_lock_try(&list_lock)) return;
  for (FILE *f = list_head; f != NULL; f = f->next) {
    if (libc_lock_try(&f->lock)) {
      __stream_flush(f);
      libc_unlock(&f->lock);
    }
  }
  libc_unlock(&list_lock);
}

int fflush(FILE *f) {
  if (f != NULL) {
    libc_lock(&f->lock);
    int r = __stream_flush(f);
    libc_unlock(&f->lock);
    return r;
  }
  // Every open stream.
  int result = 0;
  libc_lock(&list_lock);
  for (FILE *g = list_head; g != NULL; g = g->next) {
    libc_lock(&g->lock);
    if (g->mode == MODE_WRITE && __stream_flush(g) != 0) result = EOF;
    libc_unlock(&g->lock);
  }
  libc_unlock(&list_lock);
  return result;
}

// pdfork: the list of streams must not change while the process is copied.
// Stream locks are not taken, since a thread may hold one for a long time
// (blocked reading a pipe, or by flockfile); instead the child releases the
// locks of threads that it does not have, like other C libraries do. Such a
// stream may be left in the middle of an operation; the child can still use
// it without waiting forever.
void __stdio_fork_prepare(void);
void __stdio_fork_prepare(void) { libc_lock(&list_lock); }

void __stdio_fork_parent(void);
void __stdio_fork_parent(void) { libc_unlock(&list_lock); }

void __stdio_fork_child(void);
void __stdio_fork_child(void) {
  uintptr_t self = libc_thread_self();
  for (FILE *f = list_head; f != NULL; f = f->next) {
    if (atomic_load_explicit(&f->lock.owner, memory_order_relaxed) != self) {
      f->lock.depth = 0;
      atomic_store_explicit(&f->lock.owner, 0, memory_order_relaxed);
    }
  }
  libc_unlock(&list_lock);
}
