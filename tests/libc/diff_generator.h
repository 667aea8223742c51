// The differential test generator. The same source is built for the host
// (against glibc) and as a CloudABI program (against this libc); both write
// one line per case, and the host test compares the two outputs byte for
// byte. Everything random comes from a seeded generator in this file.
#ifndef TESTS_LIBC_DIFF_GENERATOR_H
#define TESTS_LIBC_DIFF_GENERATOR_H

#include <stdint.h>
#include <stdio.h>

// Runs `count` cases of the named suite from `seed`, writing to `out`.
// Returns 0, or -1 for an unknown suite.
int diff_run_suite(const char *suite, uint64_t seed, long count, FILE *out);

#endif
