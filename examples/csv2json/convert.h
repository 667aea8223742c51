// The parsing core of csv2json: a streaming CSV (RFC 4180) to JSON converter
// that does no I/O of its own. Input arrives in chunks of any size through
// csv2json_feed(); output leaves through a write callback. Built into the
// CloudABI program and, natively, into the libFuzzer target
// (fuzz/csv2json_fuzz.c).
//
// Input: fields separated by `separator`, records by LF, CRLF or CR; fields
// may be quoted ("a ""quoted"" field", with separators and line breaks
// inside). Completely empty lines are skipped; a UTF-8 byte order mark at the
// start is ignored. Fields must be UTF-8.
//
// Output: with `header`, a JSON array of objects keyed by the first record's
// fields, one object per line; without it, an array of arrays. Values are
// strings, or numbers with `numbers` when a field is exactly a JSON number.
//
// Anything else is an error with the line and column where it was found:
// a quote inside an unquoted field, text after a closing quote, an
// unterminated quoted field, invalid UTF-8, a record whose field count
// differs from the header's, a duplicate column name, a field or record over
// the limits. After an error the output is incomplete and the converter
// accepts no more input.
#ifndef CSV2JSON_CONVERT_H
#define CSV2JSON_CONVERT_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// Writes all of buf; returns 0, or nonzero to stop the conversion.
typedef int (*csv2json_write_fn)(void *ctx, const char *buf, size_t len);

struct csv2json_options {
  char separator;     // ',' by default; not '"', CR or LF.
  bool header;        // The first record names the columns.
  bool numbers;       // Emit fields that are JSON numbers as numbers.
  size_t max_field;   // Bytes per field (0: 1 MiB).
  size_t max_fields;  // Fields per record (0: 10000).
};

typedef struct csv2json csv2json;

// Returns NULL if out of memory or if the options are invalid.
csv2json *csv2json_new(const struct csv2json_options *options, csv2json_write_fn write, void *ctx);
// Both return 0, or -1 once an error happened (see csv2json_error).
int csv2json_feed(csv2json *c, const char *data, size_t len);
int csv2json_finish(csv2json *c);
// The error message (NULL if none), with its 1-based line and column.
const char *csv2json_error(const csv2json *c, unsigned long *line, unsigned long *column);
void csv2json_free(csv2json *c);

#ifdef __cplusplus
}
#endif

#endif
