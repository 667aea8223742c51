// Extra checks for the libc test programs, on top of harness.h.
#ifndef LIBC_CHECK_H
#define LIBC_CHECK_H

#include <string.h>

#include "harness.h"

// Logs both strings when they differ.
static inline void libc_check_streq(const char *file, int line, const char *expr, const char *got,
                                    const char *want) {
  if (got != NULL && want != NULL && strcmp(got, want) == 0) return;
  if (got == NULL && want == NULL) return;
  harness_log("  got:  \"");
  harness_log(got != NULL ? got : "(null)");
  harness_log("\"\n  want: \"");
  harness_log(want != NULL ? want : "(null)");
  harness_log("\"\n");
  harness_fail(file, line, expr, 0, 0, 0);
}

#define CHECK_STREQ(got, want) \
  libc_check_streq(__FILE__, __LINE__, #got " == " #want, (got), (want))

#endif
