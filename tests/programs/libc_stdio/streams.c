// Unit tests of streams: memory streams, tmpfile(), buffering, ungetc(),
// getline(), seeking, stderr and fswap().
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../libc_support/libc_check.h"

TEST(fmemopen_reads_and_writes) {
  char buf[16] = "hello world";
  FILE *f = fmemopen(buf, strlen(buf), "r");
  CHECK(f != NULL);
  char word[8];
  CHECK_EQ(fscanf(f, "%7s", word), 1);
  CHECK_STREQ(word, "hello");
  CHECK_EQ(fgetc(f), ' ');
  CHECK_EQ(ungetc('W', f), 'W');
  CHECK_EQ(fgetc(f), 'W');
  CHECK_EQ(fgetc(f), 'w');
  CHECK_EQ(ftell(f), 7);
  CHECK_EQ(fseek(f, -2, SEEK_END), 0);
  CHECK_EQ(fgetc(f), 'l');
  CHECK_EQ(fgetc(f), 'd');
  CHECK_EQ(fgetc(f), EOF);
  CHECK(feof(f));
  CHECK(!ferror(f));
  errno = 0;
  CHECK_EQ(fputc('x', f), EOF);  // opened read-only
  CHECK_EQ(errno, EBADF);
  CHECK(ferror(f));
  clearerr(f);
  CHECK(!feof(f) && !ferror(f));
  CHECK_EQ(fclose(f), 0);

  memset(buf, 'x', sizeof(buf));
  f = fmemopen(buf, 8, "w");
  CHECK_EQ(fprintf(f, "%d", 1234), 4);
  CHECK_EQ(fflush(f), 0);
  CHECK_STREQ(buf, "1234");
  // Writing past the end of the buffer fails with ENOSPC when the stream's
  // buffer is flushed; what fits is written, the rest stays buffered.
  CHECK_EQ(fputs("56789", f), 0);
  errno = 0;
  CHECK_EQ(fflush(f), EOF);
  CHECK_EQ(errno, ENOSPC);
  CHECK(ferror(f));
  CHECK_EQ(memcmp(buf, "12345678", 8), 0);
  fclose(f);

  strlcpy(buf, "ab", sizeof(buf));
  f = fmemopen(buf, sizeof(buf), "a+");
  CHECK_EQ(fputs("cd", f), 0);
  CHECK_EQ(fflush(f), 0);
  CHECK_STREQ(buf, "abcd");
  rewind(f);
  CHECK_EQ(fgetc(f), 'a');
  fclose(f);

  f = fmemopen(NULL, 10, "w+");
  CHECK(f != NULL);
  CHECK_EQ(fputs("abc", f), 0);
  rewind(f);
  CHECK_EQ(fgetc(f), 'a');
  fclose(f);
  errno = 0;
  CHECK(fmemopen(buf, 4, "z") == NULL);
  CHECK_EQ(errno, EINVAL);
}

TEST(open_memstream_grows) {
  char *data;
  size_t size;
  FILE *f = open_memstream(&data, &size);
  CHECK(f != NULL);
  for (int i = 0; i < 10000; ++i) CHECK_EQ(fprintf(f, "%d,", i % 10), 2);
  CHECK_EQ(fflush(f), 0);
  CHECK_EQ(size, 20000);
  CHECK_EQ(strlen(data), 20000);
  CHECK_EQ(fseek(f, 2, SEEK_SET), 0);
  CHECK_EQ(fflush(f), 0);
  CHECK_EQ(size, 2);
  CHECK_EQ(fclose(f), 0);
  CHECK_EQ(memcmp(data, "0,1,2,", 6), 0);
  free(data);
}

TEST(tmpfile_is_in_memory) {
  FILE *f = tmpfile();
  CHECK(f != NULL);
  CHECK_EQ(fileno(f), -1);
  static char big[100000];
  memset(big, 'q', sizeof(big));
  CHECK_EQ(fwrite(big, 1, sizeof(big), f), sizeof(big));
  CHECK_EQ(fputs("tail\n", f), 0);
  CHECK_EQ(ftell(f), (long)sizeof(big) + 5);
  rewind(f);
  static char back[100000];
  CHECK_EQ(fread(back, 1, sizeof(back), f), sizeof(back));
  CHECK_EQ(memcmp(big, back, sizeof(big)), 0);
  char *line = NULL;
  size_t cap = 0;
  CHECK_EQ(getline(&line, &cap, f), 5);
  CHECK_STREQ(line, "tail\n");
  CHECK_EQ(getline(&line, &cap, f), -1);
  CHECK(feof(f));
  free(line);
  // Switching from reading to writing after a seek.
  CHECK_EQ(fseek(f, 0, SEEK_SET), 0);
  CHECK_EQ(fputc('Z', f), 'Z');
  CHECK_EQ(fseek(f, 0, SEEK_SET), 0);
  CHECK_EQ(fgetc(f), 'Z');
  CHECK_EQ(fgetc(f), 'q');
  fclose(f);
}

TEST(getdelim_and_fgets) {
  const char text[] = "one\ntwo\n\nlast";
  FILE *f = fmemopen((void *)text, sizeof(text) - 1, "r");
  char *line = NULL;
  size_t cap = 0;
  CHECK_EQ(getline(&line, &cap, f), 4);
  CHECK_STREQ(line, "one\n");
  CHECK_EQ(getdelim(&line, &cap, 'o', f), 3);
  CHECK_STREQ(line, "two");
  char buf[4];
  CHECK(fgets(buf, sizeof(buf), f) == buf);
  CHECK_STREQ(buf, "\n");
  CHECK(fgets(buf, sizeof(buf), f) == buf);
  CHECK_STREQ(buf, "\n");
  CHECK(fgets(buf, sizeof(buf), f) == buf);
  CHECK_STREQ(buf, "las");
  CHECK(fgets(buf, sizeof(buf), f) == buf);
  CHECK_STREQ(buf, "t");
  CHECK(fgets(buf, sizeof(buf), f) == NULL);
  free(line);
  fclose(f);
}

TEST(fread_fwrite_items) {
  FILE *f = tmpfile();
  int v[4] = {1, 2, 3, 4};
  CHECK_EQ(fwrite(v, sizeof(int), 4, f), 4);
  CHECK_EQ(fwrite(v, 0, 4, f), 0);
  rewind(f);
  int w[8];
  CHECK_EQ(fread(w, sizeof(int), 8, f), 4);
  CHECK(feof(f));
  CHECK_EQ(w[3], 4);
  // A partial item at the end does not count.
  rewind(f);
  CHECK_EQ(fread(w, 3 * sizeof(int), 2, f), 1);
  fclose(f);
}

TEST(setvbuf_modes) {
  char *data;
  size_t size;
  FILE *f = open_memstream(&data, &size);
  CHECK_EQ(setvbuf(f, NULL, _IOLBF, 0), 0);
  CHECK_EQ(fputs("partial", f), 0);
  CHECK_EQ(size, 0);  // still buffered
  CHECK_EQ(fputs(" line\nmore", f), 0);
  CHECK_EQ(size, 13);                         // flushed up to the newline; "more" waits
  CHECK_EQ(setvbuf(f, NULL, _IONBF, 0), -1);  // too late
  CHECK_EQ(errno, EBUSY);
  fclose(f);
  free(data);

  f = open_memstream(&data, &size);
  CHECK_EQ(setvbuf(f, NULL, _IONBF, 0), 0);
  CHECK_EQ(fputc('a', f), 'a');
  CHECK_EQ(size, 1);
  CHECK_EQ(setvbuf(f, NULL, 42, 0), -1);
  fclose(f);
  free(data);

  char mine[64];
  f = open_memstream(&data, &size);
  CHECK_EQ(setvbuf(f, mine, _IOFBF, sizeof(mine)), 0);
  CHECK_EQ(fputs("x", f), 0);
  CHECK_EQ(size, 0);
  fclose(f);
  CHECK_STREQ(data, "x");
  free(data);
}

TEST(stderr_discards_until_swapped) {
  // The initial stderr accepts and drops output.
  CHECK_EQ(fprintf(stderr, "into the void\n"), 14);
  CHECK_EQ(fflush(stderr), 0);
  CHECK(!ferror(stderr));
  errno = 0;
  CHECK_EQ(fgetc(stderr), EOF);
  CHECK_EQ(errno, EBADF);
  clearerr(stderr);
  errno = 0;
  CHECK_EQ(fseek(stderr, 0, SEEK_SET), -1);
  CHECK_EQ(errno, ESPIPE);
  CHECK_EQ(fileno(stderr), -1);

  // Attach a memory stream, then the log descriptor.
  char *data;
  size_t size;
  FILE *m = open_memstream(&data, &size);
  fswap(stderr, m);
  fprintf(stderr, "captured %d", 7);
  perror("oops");
  fflush(stderr);
  CHECK_STREQ(data, "captured 7oops: Bad file descriptor\n");
  fswap(stderr, m);  // back to the sink; m holds the memory stream again
  CHECK_EQ(fclose(m), 0);
  free(data);

  FILE *log = fdopen(harness_log_fd, "w");
  CHECK(log != NULL);
  fswap(stderr, log);
  CHECK_EQ(fileno(stderr), harness_log_fd);
  CHECK_EQ(fclose(log), 0);  // closes the old sink
  CHECK(fprintf(stderr, "stderr now reaches the log\n") > 0);
  CHECK_EQ(fflush(stderr), 0);
}

TEST(fdopen_checks) {
  errno = 0;
  CHECK(fdopen(12345, "w") == NULL);
  CHECK_EQ(errno, EBADF);
  errno = 0;
  CHECK(fdopen(harness_log_fd, "q") == NULL);
  CHECK_EQ(errno, EINVAL);
}

TEST(fflush_null_flushes_everything) {
  char *d1, *d2;
  size_t s1, s2;
  FILE *a = open_memstream(&d1, &s1), *b = open_memstream(&d2, &s2);
  fputs("a", a);
  fputs("bb", b);
  CHECK_EQ(fflush(NULL), 0);
  CHECK_EQ(s1, 1);
  CHECK_EQ(s2, 2);
  fclose(a);
  fclose(b);
  free(d1);
  free(d2);
}
