#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

void __assertion_failed(const char *func, const char *file, int line, const char *expression) {
  fprintf(stderr, "Assertion failed: %s (%s:%d, function %s)\n", expression, file, line, func);
  abort();
}
