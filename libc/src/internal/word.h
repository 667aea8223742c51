// Word-at-a-time helpers for the string functions.
#ifndef LIBC_WORD_H
#define LIBC_WORD_H

#include <stdbool.h>
#include <stdint.h>

// A word that may alias any object (the string functions read strings a
// word at a time).
typedef uintptr_t __attribute__((__may_alias__)) word_t;

#define WORD_ONES (UINTPTR_MAX / 0xff)
#define WORD_HIGHS (WORD_ONES * 0x80)

// True if one of the bytes of w is zero.
static inline bool word_has_zero(uintptr_t w) { return ((w - WORD_ONES) & ~w & WORD_HIGHS) != 0; }

#endif
