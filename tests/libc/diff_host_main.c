// The differential generator built for the host: diff_host <suite> <seed>
// <count> writes the suite's output to standard output.
#include <stdio.h>
#include <stdlib.h>

#include "diff_generator.h"

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s suite seed count\n", argv[0]);
    return 2;
  }
  static char buf[1 << 16];
  setvbuf(stdout, buf, _IOFBF, sizeof(buf));
  if (diff_run_suite(argv[1], strtoull(argv[2], NULL, 0), strtol(argv[3], NULL, 0), stdout) != 0) {
    fprintf(stderr, "unknown suite %s\n", argv[1]);
    return 2;
  }
  return fflush(stdout) == 0 ? 0 : 1;
}
