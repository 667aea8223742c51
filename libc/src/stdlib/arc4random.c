// A cryptographically secure generator: ChaCha20 as a stream cipher in
// "fast key erasure" mode. Each refill computes sixteen blocks; the first 32
// bytes replace the key and the rest is handed out and erased as it is used,
// so earlier output cannot be reconstructed from the state. Every thread has
// its own state, seeded from the system's random_get() when first used and
// again after every MiB of output. Failing to get entropy aborts.
#include <cloudabi_syscalls.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BLOCKS 16
#define RESEED_BYTES (1 << 20)

static _Thread_local struct {
  uint32_t key[8];
  unsigned char buf[64 * BLOCKS];
  size_t avail;  // unused bytes at the end of buf
  size_t since_seed;
  bool seeded;
} rng;

static inline uint32_t rotl(uint32_t v, int n) { return v << n | v >> (32 - n); }

#define QR(a, b, c, d) \
  a += b;              \
  d = rotl(d ^ a, 16); \
  c += d;              \
  b = rotl(b ^ c, 12); \
  a += b;              \
  d = rotl(d ^ a, 8);  \
  c += d;              \
  b = rotl(b ^ c, 7)

static void chacha20_block(const uint32_t key[8], uint64_t counter, unsigned char out[64]) {
  uint32_t in[16] = {0x61707865,
                     0x3320646e,
                     0x79622d32,
                     0x6b206574,
                     key[0],
                     key[1],
                     key[2],
                     key[3],
                     key[4],
                     key[5],
                     key[6],
                     key[7],
                     (uint32_t)counter,
                     (uint32_t)(counter >> 32),
                     0,
                     0};
  uint32_t x[16];
  memcpy(x, in, sizeof(x));
  for (int i = 0; i < 10; ++i) {
    QR(x[0], x[4], x[8], x[12]);
    QR(x[1], x[5], x[9], x[13]);
    QR(x[2], x[6], x[10], x[14]);
    QR(x[3], x[7], x[11], x[15]);
    QR(x[0], x[5], x[10], x[15]);
    QR(x[1], x[6], x[11], x[12]);
    QR(x[2], x[7], x[8], x[13]);
    QR(x[3], x[4], x[9], x[14]);
  }
  for (int i = 0; i < 16; ++i) {
    uint32_t v = x[i] + in[i];
    out[4 * i] = (unsigned char)v;
    out[4 * i + 1] = (unsigned char)(v >> 8);
    out[4 * i + 2] = (unsigned char)(v >> 16);
    out[4 * i + 3] = (unsigned char)(v >> 24);
  }
}

static void reseed(void) {
  uint32_t entropy[8];
  if (cloudabi_sys_random_get(entropy, sizeof(entropy)) != 0) abort();
  for (int i = 0; i < 8; ++i) rng.key[i] ^= entropy[i];
  memset(entropy, 0, sizeof(entropy));
  rng.since_seed = 0;
  rng.seeded = true;
}

static void refill(void) {
  if (!rng.seeded || rng.since_seed >= RESEED_BYTES) reseed();
  for (uint64_t i = 0; i < BLOCKS; ++i) chacha20_block(rng.key, i, rng.buf + 64 * i);
  memcpy(rng.key, rng.buf, sizeof(rng.key));
  memset(rng.buf, 0, sizeof(rng.key));
  rng.avail = sizeof(rng.buf) - sizeof(rng.key);
}

void arc4random_buf(void *buf, size_t len) {
  unsigned char *out = buf;
  while (len > 0) {
    if (rng.avail == 0) refill();
    size_t n = len < rng.avail ? len : rng.avail;
    unsigned char *src = rng.buf + sizeof(rng.buf) - rng.avail;
    memcpy(out, src, n);
    memset(src, 0, n);
    rng.avail -= n;
    rng.since_seed += n;
    out += n;
    len -= n;
  }
}

uint32_t arc4random(void) {
  uint32_t v;
  arc4random_buf(&v, sizeof(v));
  return v;
}

uint32_t arc4random_uniform(uint32_t upper) {
  if (upper < 2) return 0;
  // Values below 2^32 mod upper would make the low results more likely.
  uint32_t min = -upper % upper;
  for (;;) {
    uint32_t r = arc4random();
    if (r >= min) return r % upper;
  }
}

// pdfork: the child has a copy of this thread's state. Discarding the
// buffered bytes and mixing fresh entropy into the key makes its output
// differ from the parent's.
void __arc4random_fork_child(void);
void __arc4random_fork_child(void) {
  memset(rng.buf, 0, sizeof(rng.buf));
  rng.avail = 0;
  rng.seeded = false;
}
