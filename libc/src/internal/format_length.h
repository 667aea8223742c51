#ifndef LIBC_INTERNAL_FORMAT_LENGTH_H
#define LIBC_INTERNAL_FORMAT_LENGTH_H

// The length modifiers of printf and scanf conversions, which both families
// parse the same way.
enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T, LEN_BIG_L };

// Consumes the length modifier at *p, if any ("q" is BSD's "ll").
static inline enum length parse_length(const char **p) {
  switch (*(*p)++) {
    case 'h':
      if (**p == 'h') {
        ++*p;
        return LEN_HH;
      }
      return LEN_H;
    case 'l':
      if (**p == 'l') {
        ++*p;
        return LEN_LL;
      }
      return LEN_L;
    case 'j':
      return LEN_J;
    case 'z':
      return LEN_Z;
    case 't':
      return LEN_T;
    case 'L':
      return LEN_BIG_L;
    case 'q':
      return LEN_LL;
    default:
      --*p;
      return LEN_NONE;
  }
}

#endif
