// Workload 2, pure computation: no system calls and no C library calls inside
// the timed part, so a sandbox that only interposes on system calls should
// cost nothing here. What remains is code generation (gcc natively, clang-14
// for CloudABI) and the cost of the runtime being present at all.
//
// Each round: a Mandelbrot set on a 96x64 grid (floating point), a sieve of
// Eratosthenes up to 2^16 (memory), and 2^15 steps of an integer hash chain.
// `iterations` is the number of rounds (about a second natively by default).
//
// Reports: ns, cpu_ns, iterations, checksum (the same on every platform).
#include "bench.h"

#define SIEVE 65536

static unsigned char composite[SIEVE];

static uint64_t mandelbrot(void) {
  uint64_t inside = 0;
  for (int y = 0; y < 64; ++y) {
    for (int x = 0; x < 96; ++x) {
      double cr = -2.0 + 3.0 * x / 96.0, ci = -1.0 + 2.0 * y / 64.0;
      double zr = 0.0, zi = 0.0;
      int k = 0;
      while (k < 64 && zr * zr + zi * zi <= 4.0) {
        double t = zr * zr - zi * zi + cr;
        zi = 2.0 * zr * zi + ci;
        zr = t;
        ++k;
      }
      inside += (uint64_t)k;
    }
  }
  return inside;
}

static uint64_t sieve(void) {
  for (unsigned i = 0; i < SIEVE; ++i) composite[i] = 0;
  uint64_t primes = 0;
  for (unsigned i = 2; i < SIEVE; ++i) {
    if (composite[i]) continue;
    ++primes;
    for (unsigned j = i * 2; j < SIEVE; j += i) composite[j] = 1;
  }
  return primes;
}

static uint64_t hash_chain(uint64_t x) {
  for (int i = 0; i < 32768; ++i) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 29;
    x += (uint64_t)i;
  }
  return x;
}

int bench_main(const bench_args *args) {
  long long rounds = bench_int(args, "iterations", 1800);
  if (rounds < 0) rounds = 0;
  uint64_t checksum = 0;
  uint64_t start = bench_now_ns(), cpu_start = bench_cpu_ns();
  for (long long r = 0; r < rounds; ++r) {
    checksum += mandelbrot();
    checksum += sieve();
    checksum ^= hash_chain(checksum + (uint64_t)r);
  }
  uint64_t elapsed = bench_now_ns() - start, cpu = bench_cpu_ns() - cpu_start;
  bench_keep(checksum);

  bench_report rep = {.len = 0};
  bench_report_u64(&rep, "ns", elapsed);
  if (cpu != 0) bench_report_u64(&rep, "cpu_ns", cpu);
  bench_report_u64(&rep, "iterations", (uint64_t)rounds);
  bench_report_u64(&rep, "checksum", checksum);
  return bench_report_send(args, &rep) == 0 ? 0 : 1;
}
