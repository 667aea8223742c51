// The libm differential test. The same source runs twice with the same
// seed: as a CloudABI program against this libc, writing every result it
// computes to a file (math_diff_write), and on the host against glibc,
// reading that file back and comparing each result with glibc's for the same
// input (math_diff_compare). Exact functions must agree bit for bit (NaNs
// only as NaN); the others within a per-function bound in ulps. The host
// prints the largest difference seen for each function.
#ifndef TESTS_LIBC_MATH_DIFF_H
#define TESTS_LIBC_MATH_DIFF_H

#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

// Runs `count` cases of `suite` from `seed`, writing results to `out`.
// Returns 0, or -1 for an unknown suite or a write error.
int math_diff_write(const char *suite, uint64_t seed, long count, FILE *out);

// Recomputes the suite with the host's libm and compares it with `guest`
// (what math_diff_write wrote). Writes a report (max ulp per function, the
// first mismatches) to `report`; returns the number of mismatches, or -1 for
// an unknown suite or a short file.
long math_diff_compare(const char *suite, uint64_t seed, long count, FILE *guest, FILE *report);

#ifdef __cplusplus
}
#endif

#endif
