/*
 * Internal definitions shared by the libargdata sources. Not installed.
 *
 * Cross-file helpers are named __argdata_* so that they stay out of the
 * application namespace when the library is linked into libc.
 */

#ifndef ARGDATA_IMPL_H
#define ARGDATA_IMPL_H

#ifndef ARGDATA_H
#define ARGDATA_NO_STDIO 1
#endif
#include <argdata.h>

#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Type tags: the first byte of every non-null serialized value. */
enum {
  ADT_BINARY = 1,
  ADT_BOOL = 2,
  ADT_FD = 3,
  ADT_FLOAT = 4,
  ADT_INT = 5,
  ADT_MAP = 6,
  ADT_SEQ = 7,
  ADT_STR = 8,
  ADT_TIMESTAMP = 9,
};

/* Serialized file descriptor value meaning "no descriptor". */
#define ARGDATA_FD_INVALID_RAW UINT32_C(0xffffffff)

/* Longest encodings produced by the constructors (tag included). */
#define ARGDATA_INT_MAX_ENCODED 10       /* tag, 00, 8 bytes */
#define ARGDATA_TIMESTAMP_MAX_ENCODED 13 /* tag, 12 bytes */

/* How an argdata_t holds its value. */
enum argdata_kind {
  AD_BUFFER, /* serialized bytes (from a buffer, or encoded on creation) */
  AD_BINARY, /* argdata_create_binary: caller's bytes */
  AD_STR,    /* argdata_create_str: caller's (validated) UTF-8 */
  AD_FD,     /* argdata_create_fd: a process-local descriptor number */
  AD_MAP,    /* argdata_create_map: caller's arrays of keys and values */
  AD_SEQ,    /* argdata_create_seq: caller's array of elements */
};

typedef int argdata_convert_fd_t(void *, size_t);

struct argdata_t {
  unsigned char kind;
  union {
    struct {
      const unsigned char *ptr;
      size_t len;
      argdata_convert_fd_t *convert_fd;
      void *convert_fd_arg;
    } buffer;
    struct {
      const void *ptr;
      size_t len;
    } binary;
    struct {
      const char *ptr;
      size_t len;
    } str;
    int fd;
    struct {
      const argdata_t *const *keys;
      const argdata_t *const *values;
      size_t count;
    } map;
    struct {
      const argdata_t *const *elements;
      size_t count;
    } seq;
  } u;
};

/* Makes *ad refer to a serialized value without allocating (used by
 * cloudlibc's crt0 for the program's argdata, and by the stream reader). */
static inline void argdata_init_buffer(argdata_t *ad, const void *buf, size_t len,
                                       argdata_convert_fd_t *convert_fd, void *convert_fd_arg) {
  ad->kind = AD_BUFFER;
  ad->u.buffer.ptr = (const unsigned char *)buf;
  ad->u.buffer.len = len;
  ad->u.buffer.convert_fd = convert_fd;
  ad->u.buffer.convert_fd_arg = convert_fd_arg;
}

/* If ad is a serialized value carrying the given tag, stores its payload
 * (the bytes after the tag) and returns true. */
static inline bool __argdata_payload(const argdata_t *ad, unsigned char tag,
                                     const unsigned char **payload, size_t *len) {
  if (ad->kind != AD_BUFFER || ad->u.buffer.len == 0 || ad->u.buffer.ptr[0] != tag) return false;
  *payload = ad->u.buffer.ptr + 1;
  *len = ad->u.buffer.len - 1;
  return true;
}

/* Allocates a value holding `len' serialized bytes in trailing storage and
 * returns a pointer to that storage through *bytes. */
argdata_t *__argdata_alloc_encoded(size_t len, unsigned char **bytes);

/* Subfields: big-endian base-128 length whose last byte has the high bit
 * set, followed by that many bytes. __argdata_read_subfield consumes one
 * subfield from [*pos, *pos + *remaining); it returns false for an overlong
 * length (first byte 00), a truncated length, a length overflowing size_t or
 * a length beyond the remaining bytes. */
bool __argdata_read_subfield(const unsigned char **pos, size_t *remaining,
                             const unsigned char **value, size_t *value_len);
size_t __argdata_varint_size(size_t value);
unsigned char *__argdata_varint_put(unsigned char *out, size_t value);

/* Returns true if [buf, buf + len) is well-formed UTF-8 (NUL allowed). */
bool __argdata_utf8_valid(const unsigned char *buf, size_t len);

/* Shortest two's complement big-endian form of the `len'-byte two's
 * complement number in buf: returns the offset of the first byte to keep. */
size_t __argdata_int_trim(const unsigned char *buf, size_t len);

/* Calls visit(ctx, offset) for the 4-byte payload of every reachable file
 * descriptor value in a serialized value, depth first, keys before values.
 * Iterative; does not recurse on the input's nesting. */
typedef void __argdata_fd_visitor(void *ctx, size_t offset);
void __argdata_scan_fds(const unsigned char *buf, size_t len, __argdata_fd_visitor *visit,
                        void *ctx);

/* Serialization of a tree. */
struct __argdata_fd_table {
  int *fds; /* NULL: write descriptor numbers literally */
  size_t count;
};
size_t __argdata_length(const argdata_t *ad);
size_t __argdata_count_fds(const argdata_t *ad);
size_t __argdata_write(const argdata_t *ad, unsigned char *out, struct __argdata_fd_table *table);
/* Converts a process-local descriptor into the value to store (an index, the
 * number itself, or 0xffffffff for a negative descriptor). */
uint32_t __argdata_fd_table_add(struct __argdata_fd_table *table, int fd);

static inline uint32_t __argdata_load_be32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static inline void __argdata_store_be32(unsigned char *p, uint32_t v) {
  p[0] = (unsigned char)(v >> 24);
  p[1] = (unsigned char)(v >> 16);
  p[2] = (unsigned char)(v >> 8);
  p[3] = (unsigned char)v;
}

/* Converts a serialized descriptor through the value's callback; negative
 * if unavailable. */
static inline int __argdata_convert_fd(argdata_convert_fd_t *convert_fd, void *arg, uint32_t raw) {
  if (convert_fd == NULL || raw == ARGDATA_FD_INVALID_RAW) return -1;
  int fd = convert_fd(arg, (size_t)raw);
  return fd < 0 ? -1 : fd;
}

/* Private layout of both iterator types. */
struct __argdata_iterator {
  size_t index;
  unsigned char created; /* iterating over an AD_MAP/AD_SEQ */
  union {
    struct {
      const unsigned char *pos;
      size_t remaining;
      argdata_convert_fd_t *convert_fd;
      void *convert_fd_arg;
      argdata_t current[2]; /* key and value, or element */
    } buffer;
    const argdata_t *container;
  } u;
};

/* Fill in the current entry of a buffer-backed iterator after its position
 * moved; set index to END or INVALID when there is none. */
void __argdata_map_load(struct __argdata_iterator *it);
void __argdata_seq_load(struct __argdata_iterator *it);

_Static_assert(sizeof(struct __argdata_iterator) <= sizeof(argdata_map_iterator_t),
               "map iterator too small");
_Static_assert(sizeof(struct __argdata_iterator) <= sizeof(argdata_seq_iterator_t),
               "seq iterator too small");
_Static_assert(alignof(struct __argdata_iterator) <= alignof(argdata_map_iterator_t),
               "map iterator underaligned");
_Static_assert(offsetof(argdata_map_iterator_t, index) == 0, "index must come first");
_Static_assert(offsetof(argdata_seq_iterator_t, index) == 0, "index must come first");

#endif
