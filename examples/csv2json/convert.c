#include "convert.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum state {
  FIELD_START,   // Nothing of the current field seen yet.
  UNQUOTED,      // Inside an unquoted field.
  QUOTED,        // Inside a quoted field.
  QUOTED_QUOTE,  // A quote inside a quoted field: an escaped quote or the end.
};

struct name {
  char *text;
  size_t len;
};

struct csv2json {
  struct csv2json_options opt;
  csv2json_write_fn write;
  void *ctx;

  enum state state;
  int pending_lf;        // A CR ended the last record; skip an LF right after it.
  int record_has_chars;  // Whether the current record consumed any byte.
  char *field;
  size_t field_len, field_cap;
  size_t nfields;  // Fields completed in the current record.

  unsigned long line, column;              // Position of the next byte.
  int prev_cr;                             // The last byte was a CR.
  unsigned long field_line, field_column;  // Where the current field started.
  int field_quoted;                        // It started with a quote.
  unsigned long record_line;               // Where the current record started.

  int in_header;  // The header record is being read.
  struct name *names;
  size_t ncols;
  size_t header_bytes;    // Total length of the names.
  unsigned long records;  // Records written.

  size_t bom_len;  // Bytes of a leading byte order mark seen so far.
  int bom_done;

  char out[65536];
  size_t out_len;

  const char *error;
  unsigned long error_line, error_column;
  int finished;
};

static const unsigned char kBom[3] = {0xef, 0xbb, 0xbf};

static int fail_at(csv2json *c, const char *message, unsigned long line, unsigned long column) {
  if (c->error == NULL) {
    c->error = message;
    c->error_line = line;
    c->error_column = column;
  }
  return -1;
}

static int flush(csv2json *c) {
  if (c->out_len > 0) {
    if (c->write(c->ctx, c->out, c->out_len) != 0) {
      return fail_at(c, "cannot write the output", c->line, c->column);
    }
    c->out_len = 0;
  }
  return 0;
}

static int emit(csv2json *c, const char *s, size_t len) {
  while (len > 0) {
    if (c->out_len == sizeof(c->out) && flush(c) != 0) return -1;
    size_t n = sizeof(c->out) - c->out_len;
    if (n > len) n = len;
    memcpy(c->out + c->out_len, s, n);
    c->out_len += n;
    s += n;
    len -= n;
  }
  return 0;
}

static int emit_str(csv2json *c, const char *s) { return emit(c, s, strlen(s)); }

// A JSON string with the necessary escapes (the bytes are valid UTF-8).
static int emit_json_string(csv2json *c, const char *s, size_t len) {
  static const char hex[] = "0123456789abcdef";
  if (emit(c, "\"", 1) != 0) return -1;
  size_t start = 0;
  for (size_t i = 0; i < len; ++i) {
    unsigned char ch = (unsigned char)s[i];
    if (ch >= 0x20 && ch != '"' && ch != '\\') continue;
    if (emit(c, s + start, i - start) != 0) return -1;
    char esc[6] = {'\\', 'u', '0', '0', hex[ch >> 4], hex[ch & 15]};
    size_t esc_len = 6;
    switch (ch) {
      case '"':
        esc[1] = '"', esc_len = 2;
        break;
      case '\\':
        esc[1] = '\\', esc_len = 2;
        break;
      case '\n':
        esc[1] = 'n', esc_len = 2;
        break;
      case '\r':
        esc[1] = 'r', esc_len = 2;
        break;
      case '\t':
        esc[1] = 't', esc_len = 2;
        break;
      case '\b':
        esc[1] = 'b', esc_len = 2;
        break;
      case '\f':
        esc[1] = 'f', esc_len = 2;
        break;
      default:
        break;
    }
    if (emit(c, esc, esc_len) != 0) return -1;
    start = i + 1;
  }
  if (emit(c, s + start, len - start) != 0) return -1;
  return emit(c, "\"", 1);
}

// Whether s is exactly a JSON number: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?
static int is_json_number(const char *s, size_t len) {
  size_t i = 0;
#define DIGIT(k) ((k) < len && s[k] >= '0' && s[k] <= '9')
  if (i < len && s[i] == '-') ++i;
  if (!DIGIT(i)) return 0;
  if (s[i] == '0') {
    ++i;
  } else {
    while (DIGIT(i)) ++i;
  }
  if (i < len && s[i] == '.') {
    ++i;
    if (!DIGIT(i)) return 0;
    while (DIGIT(i)) ++i;
  }
  if (i < len && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < len && (s[i] == '+' || s[i] == '-')) ++i;
    if (!DIGIT(i)) return 0;
    while (DIGIT(i)) ++i;
  }
#undef DIGIT
  return i == len;
}

// The length of the valid UTF-8 prefix of s (RFC 3629: no overlong forms,
// no surrogates, nothing above U+10FFFF).
static size_t utf8_valid_prefix(const char *str, size_t len) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < len) {
    unsigned char b = s[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    size_t n;
    unsigned char lo = 0x80, hi = 0xbf;  // Range of the second byte.
    if (b >= 0xc2 && b <= 0xdf) {
      n = 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      n = 3;
      if (b == 0xe0) lo = 0xa0;
      if (b == 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 4;
      if (b == 0xf0) lo = 0x90;
      if (b == 0xf4) hi = 0x8f;
    } else {
      return i;
    }
    if (len - i < n || s[i + 1] < lo || s[i + 1] > hi) return i;
    for (size_t k = 2; k < n; ++k) {
      if (s[i + k] < 0x80 || s[i + k] > 0xbf) return i;
    }
    i += n;
  }
  return i;
}

static int append(csv2json *c, char ch) {
  if (c->field_len == c->field_cap) {
    if (c->field_len >= c->opt.max_field) {
      return fail_at(c, "field too long", c->field_line, c->field_column);
    }
    size_t cap = c->field_cap * 2;
    if (cap > c->opt.max_field) cap = c->opt.max_field;
    char *p = realloc(c->field, cap);
    if (p == NULL) return fail_at(c, "out of memory", c->field_line, c->field_column);
    c->field = p;
    c->field_cap = cap;
  }
  c->field[c->field_len++] = ch;
  return 0;
}

static int compare_names(const void *a, const void *b) {
  const struct name *x = a, *y = b;
  if (x->len != y->len) return x->len < y->len ? -1 : 1;
  return memcmp(x->text, y->text, x->len);
}

static int complete_field(csv2json *c) {
  size_t valid = utf8_valid_prefix(c->field, c->field_len);
  if (valid != c->field_len) {
    // The column of the bad byte, if the field has no line breaks before it.
    unsigned long column = c->field_column;
    if (memchr(c->field, '\n', valid) == NULL && memchr(c->field, '\r', valid) == NULL) {
      column += (unsigned long)valid + (c->field_quoted ? 1 : 0);
    }
    return fail_at(c, "invalid UTF-8", c->field_line, column);
  }
  if (c->nfields >= c->opt.max_fields) {
    return fail_at(c, "too many fields in a record", c->field_line, c->field_column);
  }
  if (c->opt.header && c->in_header) {
    c->header_bytes += c->field_len;
    if (c->header_bytes > c->opt.max_field) {
      return fail_at(c, "header too long", c->field_line, c->field_column);
    }
    struct name *names = realloc(c->names, (c->nfields + 1) * sizeof(*names));
    if (names == NULL) return fail_at(c, "out of memory", c->field_line, c->field_column);
    c->names = names;
    char *text = malloc(c->field_len + 1);
    if (text == NULL) return fail_at(c, "out of memory", c->field_line, c->field_column);
    if (c->field_len > 0) memcpy(text, c->field, c->field_len);
    names[c->nfields].text = text;
    names[c->nfields].len = c->field_len;
    c->ncols = ++c->nfields;
    c->field_len = 0;
    return 0;
  }
  if (c->opt.header && c->nfields >= c->ncols) {
    return fail_at(c, "more fields than the header has", c->field_line, c->field_column);
  }
  const char *open = c->opt.header ? "{" : "[";
  if (c->nfields == 0) {
    if (emit_str(c, c->records == 0 ? "[\n" : ",\n") != 0 || emit_str(c, open) != 0) return -1;
  } else if (emit(c, ",", 1) != 0) {
    return -1;
  }
  if (c->opt.header) {
    const struct name *n = &c->names[c->nfields];
    if (emit_json_string(c, n->text, n->len) != 0 || emit(c, ":", 1) != 0) return -1;
  }
  int r = c->opt.numbers && is_json_number(c->field, c->field_len)
              ? emit(c, c->field, c->field_len)
              : emit_json_string(c, c->field, c->field_len);
  if (r != 0) return -1;
  ++c->nfields;
  c->field_len = 0;
  return 0;
}

static int complete_record(csv2json *c) {
  if (c->opt.header && c->in_header) {
    // Duplicate column names would make duplicate keys.
    struct name *sorted = malloc(c->ncols * sizeof(*sorted));
    if (sorted == NULL) return fail_at(c, "out of memory", c->record_line, 1);
    memcpy(sorted, c->names, c->ncols * sizeof(*sorted));
    qsort(sorted, c->ncols, sizeof(*sorted), compare_names);
    int dup = 0;
    for (size_t i = 1; i < c->ncols && !dup; ++i)
      dup = compare_names(&sorted[i - 1], &sorted[i]) == 0;
    free(sorted);
    if (dup) return fail_at(c, "duplicate column name in the header", c->record_line, 1);
    c->in_header = 0;
  } else if (c->opt.header) {
    if (c->nfields < c->ncols) {
      return fail_at(c, "fewer fields than the header has", c->record_line, 1);
    }
    if (emit(c, "}", 1) != 0) return -1;
    ++c->records;
  } else {
    if (emit(c, "]", 1) != 0) return -1;
    ++c->records;
  }
  c->nfields = 0;
  return 0;
}

// A line break outside quotes: the end of a record, unless the line is empty.
static int end_of_line(csv2json *c, char ch) {
  if (c->state != FIELD_START || c->record_has_chars) {
    if (complete_field(c) != 0 || complete_record(c) != 0) return -1;
  }
  c->state = FIELD_START;
  c->record_has_chars = 0;
  c->pending_lf = ch == '\r';
  return 0;
}

static int process(csv2json *c, char ch) {
  unsigned long line = c->line, column = c->column;
  // Where the next byte is.
  if (ch == '\n') {
    if (!c->prev_cr) {
      ++c->line;
      c->column = 1;
    }
  } else if (ch == '\r') {
    ++c->line;
    c->column = 1;
  } else {
    ++c->column;
  }
  c->prev_cr = ch == '\r';

  if (c->pending_lf) {
    c->pending_lf = 0;
    if (ch == '\n') return 0;  // The LF of a CRLF.
  }
  char sep = c->opt.separator;
  switch (c->state) {
    case FIELD_START:
      if (!c->record_has_chars) c->record_line = line;
      c->field_line = line;
      c->field_column = column;
      c->field_quoted = 0;
      if (ch == '\n' || ch == '\r') return end_of_line(c, ch);
      c->record_has_chars = 1;
      if (ch == sep) return complete_field(c);
      if (ch == '"') {
        c->state = QUOTED;
        c->field_quoted = 1;
        return 0;
      }
      c->state = UNQUOTED;
      return append(c, ch);
    case UNQUOTED:
      if (ch == sep) {
        c->state = FIELD_START;
        return complete_field(c);
      }
      if (ch == '\n' || ch == '\r') return end_of_line(c, ch);
      if (ch == '"') return fail_at(c, "quote inside an unquoted field", line, column);
      return append(c, ch);
    case QUOTED:
      if (ch == '"') {
        c->state = QUOTED_QUOTE;
        return 0;
      }
      return append(c, ch);
    case QUOTED_QUOTE:
      if (ch == '"') {
        c->state = QUOTED;
        return append(c, '"');
      }
      if (ch == sep) {
        c->state = FIELD_START;
        return complete_field(c);
      }
      if (ch == '\n' || ch == '\r') return end_of_line(c, ch);
      return fail_at(c, "text after the closing quote of a field", line, column);
  }
  return 0;
}

csv2json *csv2json_new(const struct csv2json_options *options, csv2json_write_fn write, void *ctx) {
  struct csv2json_options opt = *options;
  if (opt.separator == '\0') opt.separator = ',';
  if (opt.separator == '"' || opt.separator == '\n' || opt.separator == '\r') return NULL;
  if (opt.max_field == 0) opt.max_field = 1 << 20;
  if (opt.max_fields == 0) opt.max_fields = 10000;
  csv2json *c = calloc(1, sizeof(*c));
  if (c == NULL) return NULL;
  c->opt = opt;
  c->write = write;
  c->ctx = ctx;
  c->state = FIELD_START;
  c->line = c->column = 1;
  c->record_line = 1;
  c->in_header = opt.header;
  // The field buffer always exists, so that an empty field is never a null pointer.
  c->field_cap = opt.max_field < 256 ? opt.max_field : 256;
  c->field = malloc(c->field_cap);
  if (c->field == NULL) {
    free(c);
    return NULL;
  }
  return c;
}

int csv2json_feed(csv2json *c, const char *data, size_t len) {
  if (c->error != NULL) return -1;
  if (c->finished) return fail_at(c, "input after the end", c->line, c->column);
  for (size_t i = 0; i < len; ++i) {
    if (!c->bom_done) {
      if ((unsigned char)data[i] == kBom[c->bom_len]) {
        if (++c->bom_len == sizeof(kBom)) c->bom_done = 1;
        continue;
      }
      // Not a byte order mark after all: its start is input.
      c->bom_done = 1;
      for (size_t k = 0; k < c->bom_len; ++k) {
        if (process(c, (char)kBom[k]) != 0) return -1;
      }
    }
    if (process(c, data[i]) != 0) return -1;
  }
  return 0;
}

int csv2json_finish(csv2json *c) {
  if (c->error != NULL) return -1;
  if (c->finished) return 0;
  if (!c->bom_done) {
    c->bom_done = 1;
    for (size_t k = 0; k < c->bom_len; ++k) {
      if (process(c, (char)kBom[k]) != 0) return -1;
    }
  }
  if (c->state == QUOTED) {
    return fail_at(c, "quoted field not terminated", c->field_line, c->field_column);
  }
  if (c->state != FIELD_START || c->record_has_chars) {
    if (complete_field(c) != 0 || complete_record(c) != 0) return -1;
  }
  c->finished = 1;
  if (emit_str(c, c->records == 0 ? "[]\n" : "\n]\n") != 0) return -1;
  return flush(c);
}

const char *csv2json_error(const csv2json *c, unsigned long *line, unsigned long *column) {
  if (line != NULL) *line = c->error_line;
  if (column != NULL) *column = c->error_column;
  return c->error;
}

void csv2json_free(csv2json *c) {
  if (c == NULL) return;
  for (size_t i = 0; i < c->ncols; ++i) free(c->names[i].text);
  free(c->names);
  free(c->field);
  free(c);
}
