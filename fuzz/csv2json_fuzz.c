/*
 * libFuzzer target for the parsing core of examples/csv2json (convert.c).
 *
 * The first input byte picks the options (header, numbers, separator) and
 * the chunk sizes in which the rest is fed, so that every state of the
 * streaming parser is also crossed at a chunk boundary. Checked properties:
 * - no memory error or undefined behaviour (ASan/UBSan in the fuzz build);
 * - a successful conversion is valid JSON (a strict validator below) of the
 *   promised shape: an array of objects (header) or of arrays;
 * - the result (output or error and its position) does not depend on how
 *   the input was split into chunks;
 * - a failed conversion names a message and a line/column inside the input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "convert.h"

struct buffer {
  char *data;
  size_t len, cap;
};

static int collect(void *ctx, const char *buf, size_t len) {
  struct buffer *b = ctx;
  if (b->len + len > b->cap) {
    size_t cap = b->cap == 0 ? 4096 : b->cap;
    while (cap < b->len + len) cap *= 2;
    char *p = realloc(b->data, cap);
    if (p == NULL) abort();
    b->data = p;
    b->cap = cap;
  }
  memcpy(b->data + b->len, buf, len);
  b->len += len;
  return 0;
}

/* ------------------------------------------------- a strict JSON validator */

struct json {
  const char *s;
  size_t len, pos;
  int depth;
};

static void ws(struct json *j) {
  while (j->pos < j->len && (j->s[j->pos] == ' ' || j->s[j->pos] == '\n' || j->s[j->pos] == '\r' ||
                             j->s[j->pos] == '\t')) {
    ++j->pos;
  }
}

static int lit(struct json *j, char c) {
  if (j->pos < j->len && j->s[j->pos] == c) {
    ++j->pos;
    return 1;
  }
  return 0;
}

static int digit(struct json *j) {
  return j->pos < j->len && j->s[j->pos] >= '0' && j->s[j->pos] <= '9';
}

static int number(struct json *j) {
  lit(j, '-');
  if (!digit(j)) return 0;
  if (!lit(j, '0')) {
    while (digit(j)) ++j->pos;
  }
  if (lit(j, '.')) {
    if (!digit(j)) return 0;
    while (digit(j)) ++j->pos;
  }
  if (lit(j, 'e') || lit(j, 'E')) {
    if (!lit(j, '+')) lit(j, '-');
    if (!digit(j)) return 0;
    while (digit(j)) ++j->pos;
  }
  return 1;
}

static int string(struct json *j) {
  if (!lit(j, '"')) return 0;
  while (j->pos < j->len) {
    unsigned char c = (unsigned char)j->s[j->pos++];
    if (c == '"') return 1;
    if (c < 0x20) return 0;
    if (c == '\\') {
      if (j->pos >= j->len) return 0;
      char e = j->s[j->pos++];
      if (e == 'u') {
        for (int k = 0; k < 4; ++k) {
          if (j->pos >= j->len) return 0;
          char h = j->s[j->pos++];
          if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F')))
            return 0;
        }
      } else if (strchr("\"\\/bfnrt", e) == NULL || e == '\0') {
        return 0;
      }
    }
    /* Bytes >= 0x80 were validated as UTF-8 by the converter; the converter's
       own validator is checked separately below. */
  }
  return 0;
}

static int value(struct json *j);

static int array_or_object(struct json *j, char open, char close) {
  if (!lit(j, open)) return 0;
  if (++j->depth > 4) return 0; /* The converter nests two levels at most. */
  ws(j);
  if (lit(j, close)) {
    --j->depth;
    return 1;
  }
  for (;;) {
    ws(j);
    if (open == '{') {
      if (!string(j)) return 0;
      ws(j);
      if (!lit(j, ':')) return 0;
      ws(j);
    }
    if (!value(j)) return 0;
    ws(j);
    if (lit(j, close)) {
      --j->depth;
      return 1;
    }
    if (!lit(j, ',')) return 0;
  }
}

static int value(struct json *j) {
  if (j->pos >= j->len) return 0;
  char c = j->s[j->pos];
  if (c == '"') return string(j);
  if (c == '[') return array_or_object(j, '[', ']');
  if (c == '{') return array_or_object(j, '{', '}');
  return number(j);
}

/* Whether s is valid UTF-8, checked independently of the converter. */
static int valid_utf8(const unsigned char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    uint32_t cp;
    size_t n;
    if (s[i] < 0x80) {
      ++i;
      continue;
    } else if ((s[i] & 0xe0) == 0xc0) {
      n = 2, cp = s[i] & 0x1f;
    } else if ((s[i] & 0xf0) == 0xe0) {
      n = 3, cp = s[i] & 0x0f;
    } else if ((s[i] & 0xf8) == 0xf0) {
      n = 4, cp = s[i] & 0x07;
    } else {
      return 0;
    }
    if (len - i < n) return 0;
    for (size_t k = 1; k < n; ++k) {
      if ((s[i + k] & 0xc0) != 0x80) return 0;
      cp = cp << 6 | (s[i + k] & 0x3f);
    }
    static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    i += n;
  }
  return 1;
}

/* ------------------------------------------------------------ the target */

struct result {
  struct buffer out;
  const char *error;
  unsigned long line, column;
};

static void convert(const struct csv2json_options *opt, const uint8_t *data, size_t size,
                    uint32_t seed, struct result *r) {
  memset(r, 0, sizeof(*r));
  csv2json *c = csv2json_new(opt, collect, &r->out);
  if (c == NULL) abort();
  size_t pos = 0;
  while (pos < size) {
    size_t chunk = size - pos;
    if (seed != 0) {
      seed = seed * 1103515245u + 12345u;
      size_t n = (seed >> 16) % 7 + 1; /* 1..7 bytes */
      if (n < chunk) chunk = n;
    }
    if (csv2json_feed(c, (const char *)data + pos, chunk) != 0) break;
    pos += chunk;
  }
  if (csv2json_error(c, NULL, NULL) == NULL) csv2json_finish(c);
  r->error = csv2json_error(c, &r->line, &r->column);
  csv2json_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  static const char separators[4] = {',', ';', '\t', '|'};
  struct csv2json_options opt = {
      .separator = separators[data[0] & 3],
      .header = (data[0] & 4) != 0,
      .numbers = (data[0] & 8) != 0,
      .max_field = (data[0] & 16) ? 64 : 0, /* Small limits reach the limit errors. */
      .max_fields = (data[0] & 16) ? 8 : 0,
  };
  uint32_t seed = data[0] >> 5 | 1u;
  ++data;
  --size;

  struct result whole, chunked;
  convert(&opt, data, size, 0, &whole);
  convert(&opt, data, size, seed, &chunked);

  /* The same result however the input was split. */
  if ((whole.error == NULL) != (chunked.error == NULL)) abort();
  if (whole.error != NULL) {
    if (strcmp(whole.error, chunked.error) != 0 || whole.line != chunked.line ||
        whole.column != chunked.column) {
      abort();
    }
    unsigned long lines = 1;
    for (size_t i = 0; i < size; ++i) lines += data[i] == '\n' || data[i] == '\r';
    if (whole.line < 1 || whole.line > lines || whole.column < 1) abort();
  } else {
    if (whole.out.len != chunked.out.len ||
        memcmp(whole.out.data, chunked.out.data, whole.out.len) != 0) {
      abort();
    }
    /* Valid JSON: an array of objects or arrays, nothing after it but a newline. */
    struct json j = {whole.out.data, whole.out.len, 0, 0};
    if (!lit(&j, '[')) abort();
    j.pos = 0;
    if (!value(&j)) abort();
    ws(&j);
    if (j.pos != j.len) abort();
    if (!valid_utf8((const unsigned char *)whole.out.data, whole.out.len)) abort();
    char inner = opt.header ? '{' : '[';
    for (size_t i = 0; i + 1 < whole.out.len; ++i) {
      /* Every record starts a line. */
      if (whole.out.data[i] == '\n' && whole.out.data[i + 1] != ']' &&
          whole.out.data[i + 1] != inner) {
        abort();
      }
    }
  }
  free(whole.out.data);
  free(chunked.out.data);
  return 0;
}
