// csv2json: converts CSV to JSON, the "if you run it on data someone else
// provided, sandbox it" case. It is given one descriptor to read and one to
// write (and optionally one for error messages); that is all it can touch, so
// a bug in its parser, triggered by a malicious file, can at worst write
// garbage to its output.
//
//   cloudabi-run csv2json csv2json.yaml < people.csv > people.json
//
// Configuration: {input: fd, output: fd, errors: fd, header: bool (true),
// numbers: bool (false), separator: string (",")}. The conversion itself is
// in convert.c (see convert.h for the accepted input and the errors).
//
// Exit status: 0 converted; 1 malformed input (the message names the line
// and column; the output is incomplete); 2 bad configuration; 3 I/O error.
#include <argdata.h>
#include <errno.h>
#include <program.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "convert.h"

static int errors_fd = -1;

static void write_all(int fd, const char *buf, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, buf, len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    buf += n;
    len -= (size_t)n;
  }
}

static _Noreturn void die(int status, const char *message, unsigned long line,
                          unsigned long column) {
  if (errors_fd >= 0) {
    char buf[300];
    int n = line > 0 ? snprintf(buf, sizeof(buf), "csv2json: line %lu, column %lu: %s\n", line,
                                column, message)
                     : snprintf(buf, sizeof(buf), "csv2json: %s\n", message);
    if (n > 0) write_all(errors_fd, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
  }
  exit(status);
}

static int output_fd = -1;
static int output_failed;

static int write_output(void *ctx, const char *buf, size_t len) {
  (void)ctx;
  while (len > 0) {
    ssize_t n = write(output_fd, buf, len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      output_failed = 1;
      return -1;
    }
    buf += n;
    len -= (size_t)n;
  }
  return 0;
}

void program_main(const argdata_t *ad) {
  int input = -1;
  struct csv2json_options options = {.separator = ',', .header = true};
  argdata_map_iterator_t it;
  const argdata_t *key, *value;
  const char *bad_option = NULL;
  for (argdata_map_iterate(ad, &it); argdata_map_get(&it, &key, &value); argdata_map_next(&it)) {
    const char *name;
    if (argdata_get_str_c(key, &name) != 0) continue;
    if (strcmp(name, "input") == 0) {
      if (argdata_get_fd(value, &input) != 0) bad_option = "input must be a descriptor";
    } else if (strcmp(name, "output") == 0) {
      if (argdata_get_fd(value, &output_fd) != 0) bad_option = "output must be a descriptor";
    } else if (strcmp(name, "errors") == 0) {
      argdata_get_fd(value, &errors_fd);
    } else if (strcmp(name, "header") == 0) {
      if (argdata_get_bool(value, &options.header) != 0)
        bad_option = "header must be true or false";
    } else if (strcmp(name, "numbers") == 0) {
      if (argdata_get_bool(value, &options.numbers) != 0)
        bad_option = "numbers must be true or false";
    } else if (strcmp(name, "separator") == 0) {
      const char *sep;
      if (argdata_get_str_c(value, &sep) != 0 || strlen(sep) != 1) {
        bad_option = "separator must be one character";
      } else {
        options.separator = sep[0];
      }
    } else {
      bad_option = "unknown option (expected input, output, errors, header, numbers, separator)";
    }
  }
  if (bad_option != NULL) die(2, bad_option, 0, 0);
  if (input < 0 || output_fd < 0)
    die(2, "the configuration needs input and output descriptors", 0, 0);

  csv2json *c = csv2json_new(&options, write_output, NULL);
  if (c == NULL) die(2, "invalid separator, or out of memory", 0, 0);
  static char buf[65536];
  for (;;) {
    ssize_t n = read(input, buf, sizeof(buf));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) die(3, strerror(errno), 0, 0);
    if (n == 0) break;
    if (csv2json_feed(c, buf, (size_t)n) != 0) break;
  }
  unsigned long line, column;
  if (csv2json_error(c, NULL, NULL) == NULL) csv2json_finish(c);
  const char *error = csv2json_error(c, &line, &column);
  if (error != NULL) die(output_failed ? 3 : 1, error, output_failed ? 0 : line, column);
  csv2json_free(c);
  exit(0);
}
