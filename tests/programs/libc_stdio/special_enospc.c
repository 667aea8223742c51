// Streams over a descriptor whose device is full (the host test passes two
// descriptors of /dev/full as "full" and "full_unbuffered"): every way of
// writing reports ENOSPC, and buffered data is kept, not silently dropped.
#include <argdata.h>
#include <errno.h>
#include <stdio.h>

#include "../libc_support/libc_check.h"

static int arg_fd(const char *key) {
  int fd = -1;
  CHECK(harness_arg(key) != NULL && argdata_get_fd(harness_arg(key), &fd) == 0);
  return fd;
}

TEST(buffered_stream_reports_enospc) {
  FILE *f = fdopen(arg_fd("full"), "w");
  CHECK(f != NULL);
  // Buffered: nothing is written until the flush, which fails.
  CHECK(fputs("hello", f) >= 0);
  errno = 0;
  CHECK_EQ(fflush(f), EOF);
  CHECK_EQ(errno, ENOSPC);
  CHECK(ferror(f));
  // More than a buffer: fwrite takes what fits and reports the rest.
  clearerr(f);
  static char big[1 << 16];
  errno = 0;
  size_t n = fwrite(big, 1, sizeof(big), f);
  CHECK(n < sizeof(big));
  CHECK(ferror(f));
  CHECK_EQ(errno, ENOSPC);
  // fprintf cannot place its output either.
  clearerr(f);
  errno = 0;
  CHECK_EQ(fprintf(f, "%0*d", 100000, 1), -1);
  CHECK_EQ(errno, ENOSPC);
  // The data is still buffered: closing tries to write it and says so.
  errno = 0;
  CHECK_EQ(fclose(f), EOF);
  CHECK_EQ(errno, ENOSPC);
}

TEST(unbuffered_stream_and_dprintf_report_enospc) {
  int fd = arg_fd("full_unbuffered");
  errno = 0;
  CHECK_EQ(dprintf(fd, "%d", 42), -1);
  CHECK_EQ(errno, ENOSPC);
  FILE *f = fdopen(fd, "w");
  CHECK(f != NULL);
  CHECK_EQ(setvbuf(f, NULL, _IONBF, 0), 0);
  errno = 0;
  CHECK_EQ(fputc('x', f), EOF);
  CHECK_EQ(errno, ENOSPC);
  CHECK(ferror(f));
  fclose(f);
}
