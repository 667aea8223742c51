// Streams under several threads: each fprintf call writes its whole line
// without other threads' output inside it (the stream is locked per call),
// and flockfile groups several calls.
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define THREADS 4
#define LINES 500

static FILE *shared;

static void *write_lines(void *arg) {
  int id = (int)(intptr_t)arg;
  char fill[61];
  memset(fill, 'a' + id, 60);
  fill[60] = '\0';
  for (int i = 0; i < LINES; ++i) {
    if (i % 10 == 0) {
      // Two calls that must stay together.
      flockfile(shared);
      CHECK(fprintf(shared, "%d:%s", id, fill) > 0);
      CHECK(fprintf(shared, "\n") == 1);
      funlockfile(shared);
    } else {
      CHECK(fprintf(shared, "%d:%s\n", id, fill) > 0);
    }
  }
  return NULL;
}

TEST(lines_stay_whole) {
  char *buf = NULL;
  size_t len = 0;
  shared = open_memstream(&buf, &len);
  CHECK(shared != NULL);
  pthread_t t[THREADS];
  for (int i = 0; i < THREADS; ++i)
    CHECK_OK(pthread_create(&t[i], NULL, write_lines, (void *)(intptr_t)i));
  for (int i = 0; i < THREADS; ++i) CHECK_OK(pthread_join(t[i], NULL));
  CHECK_OK(fclose(shared));
  CHECK_EQ(len, (size_t)THREADS * LINES * 63);
  int count[THREADS] = {0};
  for (size_t off = 0; off < len; off += 63) {
    const char *line = buf + off;
    int id = line[0] - '0';
    CHECK(id >= 0 && id < THREADS);
    CHECK_EQ(line[1], ':');
    for (int j = 2; j < 62; ++j) CHECK_EQ(line[j], 'a' + id);
    CHECK_EQ(line[62], '\n');
    ++count[id];
  }
  for (int i = 0; i < THREADS; ++i) CHECK_EQ(count[i], LINES);
  free(buf);
}
