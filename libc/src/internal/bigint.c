#include "bigint.h"

#include <string.h>

void __bigint_muladd_small(bigint_t *b, uint32_t m, uint32_t a) {
  uint64_t carry = a;
  for (size_t i = 0; i < b->len; ++i) {
    uint64_t v = (uint64_t)b->w[i] * m + carry;
    b->w[i] = (uint32_t)v;
    carry = v >> 32;
  }
  if (carry != 0 && b->len < BIGINT_WORDS) b->w[b->len++] = (uint32_t)carry;
}

void __bigint_mul_pow10(bigint_t *b, unsigned int k) {
  for (; k >= 9; k -= 9) __bigint_muladd_small(b, 1000000000, 0);
  static const uint32_t small[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
  if (k > 0) __bigint_muladd_small(b, small[k], 0);
}

void __bigint_mul_pow5(bigint_t *b, unsigned int k) {
  // 5^13 is the largest power of five below 2^32.
  for (; k >= 13; k -= 13) __bigint_muladd_small(b, 1220703125, 0);
  uint32_t m = 1;
  for (; k > 0; --k) m *= 5;
  if (m > 1) __bigint_muladd_small(b, m, 0);
}

void __bigint_shl(bigint_t *b, unsigned int k) {
  if (b->len == 0) return;
  size_t words = k / 32;
  unsigned int bits = k % 32;
  size_t len = b->len;
  if (bits != 0) {
    uint32_t top = b->w[len - 1] >> (32 - bits);
    for (size_t i = len - 1; i > 0; --i) b->w[i] = b->w[i] << bits | b->w[i - 1] >> (32 - bits);
    b->w[0] <<= bits;
    if (top != 0) b->w[len++] = top;
  }
  if (words != 0) {
    memmove(&b->w[words], &b->w[0], len * sizeof(uint32_t));
    memset(&b->w[0], 0, words * sizeof(uint32_t));
    len += words;
  }
  b->len = len;
}

size_t __bigint_bitlen(const bigint_t *b) {
  if (b->len == 0) return 0;
  return b->len * 32 - (size_t)__builtin_clz(b->w[b->len - 1]);
}

uint32_t __bigint_divmod_small(bigint_t *b, uint32_t d) {
  uint64_t rem = 0;
  for (size_t i = b->len; i-- > 0;) {
    uint64_t cur = rem << 32 | b->w[i];
    b->w[i] = (uint32_t)(cur / d);
    rem = cur % d;
  }
  while (b->len > 0 && b->w[b->len - 1] == 0) --b->len;
  return (uint32_t)rem;
}

// Knuth's algorithm D (TAOCP vol. 2, 4.3.1) with 32-bit digits.
void __bigint_div(bigint_t *n, const bigint_t *d, bigint_t *q, bool *remainder) {
  if (n->len < d->len) {
    q->len = 0;
    *remainder = n->len != 0;
    return;
  }
  if (d->len == 1) {
    *q = *n;
    *remainder = __bigint_divmod_small(q, d->w[0]) != 0;
    return;
  }
  // Normalize so that the divisor's top word has its high bit set, and give
  // the dividend an extra top word.
  bigint_t v;
  unsigned int s = (unsigned int)__builtin_clz(d->w[d->len - 1]);
  memcpy(v.w, d->w, d->len * sizeof(uint32_t));
  v.len = d->len;
  __bigint_shl(&v, s);
  __bigint_shl(n, s);
  size_t nd = v.len;
  size_t nn = n->len + 1;
  n->w[nn - 1] = 0;
  q->len = nn - nd;
  for (size_t j = nn - nd; j-- > 0;) {
    uint64_t num = (uint64_t)n->w[j + nd] << 32 | n->w[j + nd - 1];
    uint64_t qhat = num / v.w[nd - 1];
    uint64_t rhat = num % v.w[nd - 1];
    while (qhat > 0xffffffff || qhat * v.w[nd - 2] > (rhat << 32 | n->w[j + nd - 2])) {
      --qhat;
      rhat += v.w[nd - 1];
      if (rhat > 0xffffffff) break;
    }
    // n[j..j+nd] -= qhat * v.
    int64_t borrow = 0;
    uint64_t carry = 0;
    for (size_t i = 0; i < nd; ++i) {
      uint64_t p = qhat * v.w[i] + carry;
      carry = p >> 32;
      int64_t t = (int64_t)n->w[i + j] - (int64_t)(uint32_t)p + borrow;
      n->w[i + j] = (uint32_t)t;
      borrow = t >> 32;
    }
    int64_t t = (int64_t)n->w[j + nd] - (int64_t)carry + borrow;
    n->w[j + nd] = (uint32_t)t;
    if (t < 0) {
      // qhat was one too large: add the divisor back.
      --qhat;
      uint64_t c = 0;
      for (size_t i = 0; i < nd; ++i) {
        uint64_t sum = (uint64_t)n->w[i + j] + v.w[i] + c;
        n->w[i + j] = (uint32_t)sum;
        c = sum >> 32;
      }
      n->w[j + nd] += (uint32_t)c;
    }
    q->w[j] = (uint32_t)qhat;
  }
  while (q->len > 0 && q->w[q->len - 1] == 0) --q->len;
  bool rem = false;
  for (size_t i = 0; i < nd && !rem; ++i) rem = n->w[i] != 0;
  *remainder = rem;
}

unsigned __int128 __bigint_div128(bigint_t *n, const bigint_t *d, bool *remainder) {
  bigint_t q;
  __bigint_div(n, d, &q, remainder);
  unsigned __int128 v = 0;
  for (size_t i = q.len; i-- > 0;) v = v << 32 | q.w[i];
  return v;
}
