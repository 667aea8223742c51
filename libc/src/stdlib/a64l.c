#include <stdint.h>
#include <stdlib.h>

// Radix-64 numbers: least significant digit first, with the digits
// "./0-9A-Za-z", of up to 32 bits.
static const char digits[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

static int digit_value(char c) {
  if (c == '.') return 0;
  if (c == '/') return 1;
  if (c >= '0' && c <= '9') return c - '0' + 2;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 12;
  if (c >= 'a' && c <= 'z') return c - 'a' + 38;
  return -1;
}

long a64l(const char *s) {
  uint32_t v = 0;
  for (int shift = 0; shift < 36; shift += 6) {
    int d = digit_value(*s++);
    if (d < 0) break;
    v |= (uint32_t)d << shift;
  }
  return (long)(int32_t)v;
}

int l64a_r(long value, char *buf, int size) {
  uint32_t v = (uint32_t)value;
  for (; size > 0; --size) {
    if (v == 0) {
      *buf = '\0';
      return 0;
    }
    *buf++ = digits[v & 0x3f];
    v >>= 6;
  }
  return -1;
}
