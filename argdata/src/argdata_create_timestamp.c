#include <errno.h>
#include <string.h>
#include <time.h>

#include "argdata_impl.h"

/* A timestamp is the number of nanoseconds since the epoch as a two's
 * complement integer of at most 96 bits, held here as three 32-bit limbs,
 * most significant first. */

argdata_t *argdata_create_timestamp(const struct timespec *ts) {
  if (ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000) {
    errno = EINVAL;
    return NULL;
  }

  /* |tv_sec| * 10^9 */
  intmax_t sec = (intmax_t)ts->tv_sec;
  uintmax_t mag = sec < 0 ? (uintmax_t)0 - (uintmax_t)sec : (uintmax_t)sec;
  uint64_t lo = (uint64_t)(mag & 0xffffffff) * 1000000000;
  uint64_t hi = (uint64_t)(mag >> 32) * 1000000000;
  uint32_t limb[3];
  limb[2] = (uint32_t)lo;
  uint64_t mid = (hi & 0xffffffff) + (lo >> 32);
  limb[1] = (uint32_t)mid;
  limb[0] = (uint32_t)((hi >> 32) + (mid >> 32));

  /* Negate for negative seconds. */
  if (sec < 0) {
    uint64_t carry = 1;
    for (size_t i = 3; i-- > 0;) {
      uint64_t sum = (uint64_t)(uint32_t)~limb[i] + carry;
      limb[i] = (uint32_t)sum;
      carry = sum >> 32;
    }
  }

  /* + tv_nsec */
  uint64_t carry = (uint64_t)ts->tv_nsec;
  for (size_t i = 3; i-- > 0;) {
    uint64_t sum = (uint64_t)limb[i] + carry;
    limb[i] = (uint32_t)sum;
    carry = sum >> 32;
  }

  unsigned char be[12];
  for (size_t i = 0; i < 3; ++i) __argdata_store_be32(be + 4 * i, limb[i]);
  size_t skip = __argdata_int_trim(be, sizeof(be));

  unsigned char *out;
  argdata_t *ad = __argdata_alloc_encoded(1 + sizeof(be) - skip, &out);
  if (ad == NULL) return NULL;
  out[0] = ADT_TIMESTAMP;
  memcpy(out + 1, be + skip, sizeof(be) - skip);
  return ad;
}
