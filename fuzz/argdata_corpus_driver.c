/*
 * Runs LLVMFuzzerTestOneInput over the files named on the command line, for
 * builds without libFuzzer (the argdata_decode_corpus test).
 */

#define _POSIX_C_SOURCE 200809L

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s file...\n", argv[0]);
    return 2;
  }
  for (int i = 1; i < argc; ++i) {
    FILE *fp = fopen(argv[i], "rb");
    if (fp == NULL) {
      perror(argv[i]);
      return 1;
    }
    unsigned char *buf = NULL;
    size_t len = 0, capacity = 0;
    for (;;) {
      if (len == capacity) {
        capacity = capacity == 0 ? 4096 : 2 * capacity;
        unsigned char *grown = realloc(buf, capacity);
        if (grown == NULL) {
          perror("realloc");
          return 1;
        }
        buf = grown;
      }
      size_t n = fread(buf + len, 1, capacity - len, fp);
      if (n == 0) break;
      len += n;
    }
    if (ferror(fp)) {
      perror(argv[i]);
      return 1;
    }
    fclose(fp);
    LLVMFuzzerTestOneInput(buf, len);
    free(buf);
    printf("ok %s (%zu bytes)\n", argv[i], len);
  }
  return 0;
}
