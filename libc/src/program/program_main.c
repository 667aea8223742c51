// The fallback program_main(), used when a program defines main() instead.
// Argument data that starts with a printable byte is a list of
// null-terminated strings (what a kernel makes of execve() arguments) and
// becomes argv; structured argument data gives argv = {"", NULL}.
#include <program.h>
#include <stdlib.h>
#include <string.h>

#include "libc_start.h"

int main(int, char **, char **);

void program_main(const argdata_t *ad) {
  (void)ad;
  const char *raw = __at_argdata;
  size_t len = __at_argdatalen;
  static char *empty_env[] = {NULL};
  if (raw == NULL || len == 0 || (unsigned char)raw[0] < 0x20) {
    char name[] = "";
    char *argv[] = {name, NULL};
    exit(main(1, argv, empty_env));
  }
  // Copy the strings to writable memory and split them.
  char *copy = malloc(len + 1);
  if (copy == NULL) abort();
  memcpy(copy, raw, len);
  copy[len] = '\0';
  size_t argc = 0;
  for (size_t i = 0; i < len; ++i)
    if (copy[i] == '\0' || i == len - 1) ++argc;
  char **argv = calloc(argc + 1, sizeof(char *));
  if (argv == NULL) abort();
  size_t k = 0;
  for (size_t i = 0; i < len && k < argc; i += strlen(copy + i) + 1) argv[k++] = copy + i;
  exit(main((int)k, argv, empty_env));
}
