#include <errno.h>
#include <limits.h>
#include <time.h>

#include "argdata_impl.h"

_Static_assert(sizeof(time_t) <= sizeof(intmax_t), "time_t wider than intmax_t");
_Static_assert((time_t)-1 < 0, "time_t must be a signed integer type");

int argdata_get_timestamp(const argdata_t *ad, struct timespec *ts) {
  const unsigned char *p;
  size_t len;
  if (!__argdata_payload(ad, ADT_TIMESTAMP, &p, &len)) return EINVAL;

  /* Up to 96 bits. */
  if (len > 12) return ERANGE;

  /* Sign-extend to 96 bits. */
  bool negative = len > 0 && (p[0] & 0x80) != 0;
  unsigned char be[12];
  for (size_t i = 0; i < 12 - len; ++i) be[i] = negative ? 0xff : 0x00;
  for (size_t i = 0; i < len; ++i) be[12 - len + i] = p[i];
  uint32_t limb[3];
  for (size_t i = 0; i < 3; ++i) limb[i] = __argdata_load_be32(be + 4 * i);

  /* Magnitude. */
  if (negative) {
    uint64_t carry = 1;
    for (size_t i = 3; i-- > 0;) {
      uint64_t sum = (uint64_t)(uint32_t)~limb[i] + carry;
      limb[i] = (uint32_t)sum;
      carry = sum >> 32;
    }
  }

  /* Divide the magnitude by 10^9. */
  uint32_t quotient[3];
  uint64_t rem = 0;
  for (size_t i = 0; i < 3; ++i) {
    uint64_t cur = rem << 32 | limb[i];
    quotient[i] = (uint32_t)(cur / 1000000000);
    rem = cur % 1000000000;
  }
  if (quotient[0] != 0) return ERANGE;
  uint64_t q = (uint64_t)quotient[1] << 32 | quotient[2];

  const uintmax_t time_max = ((uintmax_t)1 << (sizeof(time_t) * CHAR_BIT - 1)) - 1;
  if (!negative) {
    if (q > time_max) return ERANGE;
    ts->tv_sec = (time_t)q;
    ts->tv_nsec = (long)rem;
  } else if (rem == 0) {
    /* -q, where q may be time_max + 1 */
    if (q > time_max + 1) return ERANGE;
    ts->tv_sec = q == 0 ? 0 : (time_t)(-(intmax_t)(q - 1) - 1);
    ts->tv_nsec = 0;
  } else {
    /* Round towards negative infinity: -(q + 1) seconds + (10^9 - rem). */
    if (q > time_max) return ERANGE;
    ts->tv_sec = (time_t)(-(intmax_t)q - 1);
    ts->tv_nsec = (long)(1000000000 - rem);
  }
  return 0;
}
