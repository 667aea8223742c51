/*
 * argdata.h - structured argument data for CloudABI programs.
 *
 * Part of cloudabi, an independent reimplementation of CloudABI for Linux.
 * This header is binary compatible with the argdata library that shipped
 * with cloudlibc: the same functions, the same iterator layout and the same
 * wire format (see docs and argdata/README.md).
 */

#ifndef ARGDATA_H
#define ARGDATA_H

#include <limits.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The library core (everything except argdata_print_yaml and the stream
 * reader/writer) is built without <stdio.h>; it defines ARGDATA_NO_STDIO. */
#ifndef ARGDATA_NO_STDIO
#include <stdio.h>
#endif

struct timespec;

/* An argdata value. Opaque: only pointers to it are ever handed out. */
#ifndef argdata_t
typedef struct argdata_t argdata_t;
#define argdata_t argdata_t
#endif

/* Iterators over maps and sequences. The layout is part of the ABI: programs
 * allocate these on their own stack. `index' is the position of the current
 * element, ARGDATA_ITERATOR_END once all elements have been visited, or
 * ARGDATA_ITERATOR_INVALID if the value is not a map/sequence or is corrupt.
 * `data' is private to the library. */
typedef struct {
  alignas(max_align_t) size_t index;
  char data[128];
} argdata_map_iterator_t;

typedef struct {
  alignas(max_align_t) size_t index;
  char data[128];
} argdata_seq_iterator_t;

#define ARGDATA_ITERATOR_END SIZE_MAX
#define ARGDATA_ITERATOR_INVALID (SIZE_MAX - 1)

/* Reads argdata messages from a stream (pipe, socket, file). */
#ifndef argdata_reader_t
typedef struct argdata_reader_t argdata_reader_t;
#define argdata_reader_t argdata_reader_t
#endif

/* Writes argdata messages to a stream (pipe, socket, file). */
#ifndef argdata_writer_t
typedef struct argdata_writer_t argdata_writer_t;
#define argdata_writer_t argdata_writer_t
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Constant values: boolean false, boolean true and null. */
extern const argdata_t argdata_false;
extern const argdata_t argdata_true;
extern const argdata_t argdata_null;

/* Wraps a serialized value; the buffer is neither copied nor decoded. File
 * descriptor values are translated with convert_fd(convert_fd_arg, index)
 * when read; a negative result means "not available" (EBADF). A NULL
 * convert_fd disallows access to file descriptors. */
argdata_t *argdata_from_buffer(const void *buf, size_t len, int (*convert_fd)(void *, size_t),
                               void *convert_fd_arg);

/* Constructors. Buffers and arrays passed in are referenced, not copied;
 * integers, floats and timestamps are encoded immediately. All return NULL
 * and set errno on failure (ENOMEM; EILSEQ for strings that are not valid
 * UTF-8; EINVAL for a timestamp whose tv_nsec is not in [0, 1e9)). */
argdata_t *argdata_create_binary(const void *buf, size_t len);
argdata_t *argdata_create_fd(int fd);
argdata_t *argdata_create_float(double value);
argdata_t *argdata_create_int_s(intmax_t value);
argdata_t *argdata_create_int_u(uintmax_t value);
argdata_t *argdata_create_map(argdata_t const *const *keys, argdata_t const *const *values,
                              size_t n_key_value_pairs);
argdata_t *argdata_create_seq(argdata_t const *const *elements, size_t n_elements);
argdata_t *argdata_create_str(const char *str, size_t len);
argdata_t *argdata_create_str_c(const char *str);
argdata_t *argdata_create_timestamp(const struct timespec *ts);

/* Frees a value returned by argdata_from_buffer or argdata_create_*. */
void argdata_free(argdata_t *ad);

/* Computes the size of the serialized form and, if n_fds is not NULL, the
 * number of file descriptor occurrences (an upper bound on the number of
 * entries argdata_serialize stores in fds). */
void argdata_serialized_length(const argdata_t *ad, size_t *size, size_t *n_fds);

/* Serializes into buf. With fds != NULL, every distinct file descriptor is
 * stored once in fds[] in order of first appearance and the value carries its
 * index; the number of distinct descriptors is returned. With fds == NULL the
 * descriptor numbers themselves are written and 0 is returned. Unavailable
 * descriptors are written as 0xffffffff. */
size_t argdata_serialize(const argdata_t *ad, void *buf, int *fds);

/* Getters: return 0 on success, EINVAL if the value has another type or is
 * malformed, ERANGE if it does not fit, EILSEQ for strings that are not
 * valid UTF-8 (and, for argdata_get_str_c, strings with embedded NULs) and
 * EBADF if a file descriptor cannot be made available. */
int argdata_get_binary(const argdata_t *ad, const void **buf, size_t *len);
int argdata_get_bool(const argdata_t *ad, bool *value);
int argdata_get_fd(const argdata_t *ad, int *fd);
int argdata_get_float(const argdata_t *ad, double *value);
int argdata_get_int_s(const argdata_t *ad, intmax_t *value, intmax_t min, intmax_t max);
int argdata_get_int_u(const argdata_t *ad, uintmax_t *value, uintmax_t max);
int argdata_get_str(const argdata_t *ad, const char **str, size_t *len);
int argdata_get_str_c(const argdata_t *ad, const char **str);
int argdata_get_timestamp(const argdata_t *ad, struct timespec *ts);

/* Iteration. argdata_*_get return false at the end of the container or
 * after an error; returned pointers stay valid until the iterator is
 * advanced or reinitialized. */
void argdata_map_iterate(const argdata_t *ad, argdata_map_iterator_t *it);
bool argdata_map_get(const argdata_map_iterator_t *it, const argdata_t **key,
                     const argdata_t **value);
void argdata_map_next(argdata_map_iterator_t *it);
void argdata_seq_iterate(const argdata_t *ad, argdata_seq_iterator_t *it);
bool argdata_seq_get(const argdata_seq_iterator_t *it, const argdata_t **element);
void argdata_seq_next(argdata_seq_iterator_t *it);

#ifndef ARGDATA_NO_STDIO
/* Writes a YAML document describing the value, for debugging. */
void argdata_print_yaml(const argdata_t *ad, FILE *fp);
#endif

/* Stream reader: messages are an 8-byte big-endian length followed by the
 * serialized value; descriptors arrive as SCM_RIGHTS. */
argdata_reader_t *argdata_reader_create(size_t max_data_len, size_t max_fds_len);
void argdata_reader_free(argdata_reader_t *r);
const argdata_t *argdata_reader_get(const argdata_reader_t *r);
void argdata_reader_release_fd(argdata_reader_t *r, int fd);
int argdata_reader_pull(argdata_reader_t *r, int fd);

/* Stream writer. */
argdata_writer_t *argdata_writer_create(void);
void argdata_writer_free(argdata_writer_t *w);
int argdata_writer_push(argdata_writer_t *w, int fd);
void argdata_writer_set(argdata_writer_t *w, const argdata_t *ad);

#ifdef __cplusplus
}
#endif

/* Range-checked integer getters for every standard integer type. */
#define ARGDATA_GET_INT_S_(type, name, min, max)                                 \
  static inline int argdata_get_int_##name(const argdata_t *ad_, type *value_) { \
    intmax_t v_;                                                                 \
    int error_ = argdata_get_int_s(ad_, &v_, (min), (max));                      \
    if (error_ == 0) *value_ = (type)v_;                                         \
    return error_;                                                               \
  }
#define ARGDATA_GET_INT_U_(type, name, max)                                      \
  static inline int argdata_get_int_##name(const argdata_t *ad_, type *value_) { \
    uintmax_t v_;                                                                \
    int error_ = argdata_get_int_u(ad_, &v_, (max));                             \
    if (error_ == 0) *value_ = (type)v_;                                         \
    return error_;                                                               \
  }
ARGDATA_GET_INT_S_(char, char, CHAR_MIN, CHAR_MAX)
ARGDATA_GET_INT_S_(signed char, schar, SCHAR_MIN, SCHAR_MAX)
ARGDATA_GET_INT_U_(unsigned char, uchar, UCHAR_MAX)
ARGDATA_GET_INT_S_(short, short, SHRT_MIN, SHRT_MAX)
ARGDATA_GET_INT_U_(unsigned short, ushort, USHRT_MAX)
ARGDATA_GET_INT_S_(int, int, INT_MIN, INT_MAX)
ARGDATA_GET_INT_U_(unsigned int, uint, UINT_MAX)
ARGDATA_GET_INT_S_(long, long, LONG_MIN, LONG_MAX)
ARGDATA_GET_INT_U_(unsigned long, ulong, ULONG_MAX)
ARGDATA_GET_INT_S_(long long, llong, LLONG_MIN, LLONG_MAX)
ARGDATA_GET_INT_U_(unsigned long long, ullong, ULLONG_MAX)
#undef ARGDATA_GET_INT_S_
#undef ARGDATA_GET_INT_U_

#ifdef __cplusplus

/* C++: argdata_create_int and argdata_get_int are overloaded functions. */
#define ARGDATA_INT_OVERLOADS_(type, name, sign)                                                \
  inline argdata_t *argdata_create_int(type value) { return argdata_create_int_##sign(value); } \
  inline int argdata_get_int(const argdata_t *ad, type *value) {                                \
    return argdata_get_int_##name(ad, value);                                                   \
  }
ARGDATA_INT_OVERLOADS_(char, char, s)
ARGDATA_INT_OVERLOADS_(signed char, schar, s)
ARGDATA_INT_OVERLOADS_(unsigned char, uchar, u)
ARGDATA_INT_OVERLOADS_(short, short, s)
ARGDATA_INT_OVERLOADS_(unsigned short, ushort, u)
ARGDATA_INT_OVERLOADS_(int, int, s)
ARGDATA_INT_OVERLOADS_(unsigned int, uint, u)
ARGDATA_INT_OVERLOADS_(long, long, s)
ARGDATA_INT_OVERLOADS_(unsigned long, ulong, u)
ARGDATA_INT_OVERLOADS_(long long, llong, s)
ARGDATA_INT_OVERLOADS_(unsigned long long, ullong, u)
#undef ARGDATA_INT_OVERLOADS_

#else

/* C11: argdata_create_int(v) and argdata_get_int(ad, &v) dispatch on the
 * type of v. */
/* clang-format off */
#define argdata_create_int(value)                 \
  _Generic((value),                               \
           char: argdata_create_int_s,            \
           signed char: argdata_create_int_s,     \
           unsigned char: argdata_create_int_u,   \
           short: argdata_create_int_s,           \
           unsigned short: argdata_create_int_u,  \
           int: argdata_create_int_s,             \
           unsigned int: argdata_create_int_u,    \
           long: argdata_create_int_s,            \
           unsigned long: argdata_create_int_u,   \
           long long: argdata_create_int_s,       \
           unsigned long long: argdata_create_int_u)(value)
#define argdata_get_int(ad, value)                  \
  _Generic(*(value),                                \
           char: argdata_get_int_char,              \
           signed char: argdata_get_int_schar,      \
           unsigned char: argdata_get_int_uchar,    \
           short: argdata_get_int_short,            \
           unsigned short: argdata_get_int_ushort,  \
           int: argdata_get_int_int,                \
           unsigned int: argdata_get_int_uint,      \
           long: argdata_get_int_long,              \
           unsigned long: argdata_get_int_ulong,    \
           long long: argdata_get_int_llong,        \
           unsigned long long: argdata_get_int_ullong)(ad, value)
/* clang-format on */

#endif

#endif
