// The internals of streams.
//
// A stream is a buffer plus four operations (read, write, seek, close) on
// its backing store: a descriptor, memory, or nothing at all (the initial
// stderr). The buffer is used in one direction at a time:
// - reading: buf[rpos..rend) holds data read ahead; ungetc() may back rpos
//   into the UNGET bytes kept in front of the buffer;
// - writing: buf[0..wpos) holds data not yet passed to the write operation.
// Switching direction flushes written data or gives back read-ahead data by
// seeking backwards.
#ifndef LIBC_STDIO_IMPL_H
#define LIBC_STDIO_IMPL_H

#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "lock.h"

#define UNGET 8

struct stream_ops {
  // Reads at most len bytes: returns the count, 0 at end of file, or -1
  // with errno set.
  ssize_t (*read)(FILE *f, void *buf, size_t len);
  // Writes at most len bytes (len > 0): returns the count, which may be
  // short but not 0, or -1 with errno set.
  ssize_t (*write)(FILE *f, const void *buf, size_t len);
  // Returns the new offset or -1 with errno set.
  off_t (*seek)(FILE *f, off_t offset, int whence);
  // Releases the backing store; returns 0 or -1 with errno set.
  int (*close)(FILE *f);
};

// Flags.
#define F_READ 0x1     // opened for reading
#define F_WRITE 0x2    // opened for writing
#define F_EOF 0x4      // end-of-file indicator
#define F_ERR 0x8      // error indicator
#define F_OWNBUF 0x10  // buf was allocated by the stream
#define F_STATIC 0x20  // the FILE object itself is not to be freed

enum stream_mode { MODE_NONE, MODE_READ, MODE_WRITE };

struct memory_store {
  char *data;        // the buffer
  size_t size;       // its capacity
  size_t length;     // the extent of the contents
  size_t position;   // the current position
  bool grow;         // may be reallocated (open_memstream, tmpfile)
  bool append;       // writes go to the end (fmemopen "a")
  bool owned;        // data is freed on close
  bool terminate;    // keep a null byte after the contents
  char **user_data;  // open_memstream: where to publish data and length
  size_t *user_size;
};

struct __FILE {
  struct libc_lock lock;
  const struct stream_ops *ops;
  int fd;                      // descriptor streams; -1 otherwise
  struct memory_store memory;  // memory streams
  unsigned int flags;
  enum stream_mode mode;
  int buftype;             // _IOFBF, _IOLBF or _IONBF
  unsigned char *bufbase;  // allocation, with UNGET bytes in front of buf
  unsigned char *buf;
  size_t bufsize;
  unsigned char *rpos, *rend;  // reading
  size_t wpos;                 // writing
  locale_t locale;
  int orientation;  // fwide(): <0 byte, >0 wide, 0 undecided
  __mbstate_t mbstate;
  struct __FILE *prev, *next;  // the list of open streams
};

extern const struct stream_ops __stream_fd_ops;
extern const struct stream_ops __stream_memory_ops;

// Initializes a stream object and links it into the list of open streams.
void __stream_init(FILE *f, const struct stream_ops *ops, unsigned int flags, locale_t locale);
// Unlinks and frees a stream after closing it.
void __stream_release(FILE *f);
// Parses an fopen()-style mode: returns F_READ/F_WRITE and sets the
// CloudABI open flags; -1 with EINVAL for an invalid mode.
int __stream_parse_mode(const char *mode, int *oflags);

// Unlocked operations; the caller holds the lock.
int __stream_flush(FILE *f);
int __stream_to_read(FILE *f);
int __stream_to_write(FILE *f);
int __stream_fill(FILE *f);  // refills an empty read buffer: 1, 0 at EOF, -1 on error
size_t __stream_write(FILE *f, const void *buf, size_t len);
size_t __stream_read(FILE *f, void *buf, size_t len);
int __stream_getc(FILE *f);
int __stream_putc(FILE *f, int c);
off_t __stream_tell(FILE *f);
int __stream_seek(FILE *f, off_t offset, int whence);

// Formatting engines, on a locked stream.
int __vfprintf_unlocked(FILE *f, locale_t locale, const char *format, va_list ap);
int __vfscanf_unlocked(FILE *f, locale_t locale, const char *format, va_list ap);

// An unbuffered-looking stream that writes into a caller-supplied region,
// for snprintf() and friends: writes past the end are counted and dropped.
void __stream_string_init(FILE *f, unsigned char *buf, size_t bufsize, char *dst, size_t size);
// A read-only stream over a string, for sscanf().
void __stream_string_reader_init(FILE *f, const char *s);

static inline int stream_getc(FILE *f) {
  if (f->rpos < f->rend) return *f->rpos++;
  return __stream_getc(f);
}

static inline int stream_putc(FILE *f, int c) {
  if (f->mode == MODE_WRITE && f->wpos < f->bufsize && f->buftype == _IOFBF) {
    f->buf[f->wpos++] = (unsigned char)c;
    return (unsigned char)c;
  }
  return __stream_putc(f, c);
}

#endif
