/*
 * libFuzzer target for the argdata decoder.
 *
 * Decodes arbitrary bytes with argdata_from_buffer and then:
 *  - calls every getter on every node and walks maps and sequences
 *    (recursively, up to MAX_DEPTH);
 *  - prints the value as YAML to /dev/null;
 *  - re-serializes it, decodes the result and checks that both decode to
 *    the same thing, and that serializing again is byte-for-byte stable;
 *  - if every node is well-formed (and integers are minimally encoded),
 *    rebuilds the tree with argdata_create_* and checks that it serializes
 *    to exactly the same bytes and descriptors.
 */

#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <argdata.h>

#define MAX_DEPTH 48
#define MAX_NODES 4096

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      abort();                                                                 \
    }                                                                          \
  } while (0)

/* Descriptor conversion for the input: small indices map to fake process
 * descriptors, large ones are unavailable. */
static int convert_input_fd(void *arg, size_t index) {
  (void)arg;
  return index < 4096 ? (int)index + 1000 : -1;
}

/* Conversion for re-serialized data: the index refers to the fds array. */
struct fd_array {
  const int *fds;
  size_t n;
};

static int convert_array_fd(void *arg, size_t index) {
  const struct fd_array *a = arg;
  return index < a->n ? a->fds[index] : -1;
}

/* Compares everything observable about two values. */
static void compare(const argdata_t *a, const argdata_t *b, unsigned depth) {
  {
    const void *pa = NULL, *pb = NULL;
    size_t la = 0, lb = 0;
    int ea = argdata_get_binary(a, &pa, &la), eb = argdata_get_binary(b, &pb, &lb);
    CHECK(ea == eb);
    if (ea == 0) CHECK(la == lb && (la == 0 || memcmp(pa, pb, la) == 0));
  }
  {
    bool va = false, vb = false;
    int ea = argdata_get_bool(a, &va), eb = argdata_get_bool(b, &vb);
    CHECK(ea == eb);
    if (ea == 0) CHECK(va == vb);
  }
  {
    int va = -1, vb = -1;
    int ea = argdata_get_fd(a, &va), eb = argdata_get_fd(b, &vb);
    CHECK(ea == eb);
    if (ea == 0) CHECK(va == vb);
  }
  {
    double va = 0, vb = 0;
    int ea = argdata_get_float(a, &va), eb = argdata_get_float(b, &vb);
    CHECK(ea == eb);
    if (ea == 0) CHECK(memcmp(&va, &vb, sizeof(va)) == 0);
  }
  {
    intmax_t va = 0, vb = 0;
    int ea = argdata_get_int_s(a, &va, INTMAX_MIN, INTMAX_MAX);
    int eb = argdata_get_int_s(b, &vb, INTMAX_MIN, INTMAX_MAX);
    CHECK(ea == eb);
    if (ea == 0) CHECK(va == vb);
    uintmax_t ua = 0, ub = 0;
    ea = argdata_get_int_u(a, &ua, UINTMAX_MAX);
    eb = argdata_get_int_u(b, &ub, UINTMAX_MAX);
    CHECK(ea == eb);
    if (ea == 0) CHECK(ua == ub);
    int ia = 0, ib = 0;
    CHECK(argdata_get_int(a, &ia) == argdata_get_int(b, &ib));
    CHECK(ia == ib);
  }
  {
    const char *sa = NULL, *sb = NULL;
    size_t la = 0, lb = 0;
    int ea = argdata_get_str(a, &sa, &la), eb = argdata_get_str(b, &sb, &lb);
    CHECK(ea == eb);
    if (ea == 0) CHECK(la == lb && memcmp(sa, sb, la) == 0 && sa[la] == '\0');
    ea = argdata_get_str_c(a, &sa);
    eb = argdata_get_str_c(b, &sb);
    CHECK(ea == eb);
    if (ea == 0) CHECK(strcmp(sa, sb) == 0);
  }
  {
    struct timespec ta = {0, 0}, tb = {0, 0};
    int ea = argdata_get_timestamp(a, &ta), eb = argdata_get_timestamp(b, &tb);
    CHECK(ea == eb);
    if (ea == 0) {
      CHECK(ta.tv_sec == tb.tv_sec && ta.tv_nsec == tb.tv_nsec);
      CHECK(ta.tv_nsec >= 0 && ta.tv_nsec < 1000000000);
    }
  }
  {
    argdata_map_iterator_t ia, ib;
    const argdata_t *ka, *va, *kb, *vb;
    argdata_map_iterate(a, &ia);
    argdata_map_iterate(b, &ib);
    for (;;) {
      CHECK(ia.index == ib.index);
      bool ga = argdata_map_get(&ia, &ka, &va), gb = argdata_map_get(&ib, &kb, &vb);
      CHECK(ga == gb);
      if (!ga || depth >= MAX_DEPTH) break;
      compare(ka, kb, depth + 1);
      compare(va, vb, depth + 1);
      argdata_map_next(&ia);
      argdata_map_next(&ib);
    }
  }
  {
    argdata_seq_iterator_t ia, ib;
    const argdata_t *ea, *eb;
    argdata_seq_iterate(a, &ia);
    argdata_seq_iterate(b, &ib);
    for (;;) {
      CHECK(ia.index == ib.index);
      bool ga = argdata_seq_get(&ia, &ea), gb = argdata_seq_get(&ib, &eb);
      CHECK(ga == gb);
      if (!ga || depth >= MAX_DEPTH) break;
      compare(ea, eb, depth + 1);
      argdata_seq_next(&ia);
      argdata_seq_next(&ib);
    }
  }
}

/* Rebuilding a tree with the constructors. Everything allocated is kept in
 * a list and freed at the end. */
struct pool {
  void *items[4 * MAX_NODES];
  size_t n;
  size_t nodes;
};

static void *keep(struct pool *p, void *item) {
  if (item != NULL) {
    CHECK(p->n < sizeof(p->items) / sizeof(p->items[0]));
    p->items[p->n++] = item;
  }
  return item;
}

/* Whether a two's complement big-endian number has no redundant leading
 * byte (the form the constructors produce). */
static bool minimal_int(const unsigned char *p, size_t len) {
  if (len == 0) return true;
  if (p[0] == 0x00) return len > 1 && (p[1] & 0x80) != 0;
  if (p[0] == 0xff) return len == 1 || (p[1] & 0x80) == 0;
  return true;
}

/* Returns NULL if the value has a part the constructors cannot express
 * exactly (malformed data, out-of-range numbers, non-minimal integer
 * encodings, too deep, too large). */
static argdata_t *rebuild(const argdata_t *ad, struct pool *p, unsigned depth) {
  if (depth > MAX_DEPTH || ++p->nodes > MAX_NODES) return NULL;

  size_t len;
  argdata_serialized_length(ad, &len, NULL);
  if (len == 0) return (argdata_t *)&argdata_null;
  if (len <= 32) {
    /* Integers and timestamps decode leniently but are encoded minimally. */
    unsigned char raw[32];
    argdata_serialize(ad, raw, NULL);
    if ((raw[0] == 0x05 || raw[0] == 0x09) && !minimal_int(raw + 1, len - 1)) return NULL;
  }

  const void *bin;
  size_t bin_len;
  bool b;
  int fd;
  double f;
  intmax_t i;
  uintmax_t u;
  const char *s;
  size_t s_len;
  struct timespec ts;
  int error;

  if (argdata_get_binary(ad, &bin, &bin_len) == 0)
    return keep(p, argdata_create_binary(bin, bin_len));
  if (argdata_get_bool(ad, &b) == 0) return (argdata_t *)(b ? &argdata_true : &argdata_false);
  if ((error = argdata_get_fd(ad, &fd)) != EINVAL)
    return keep(p, argdata_create_fd(error == 0 ? fd : -1));
  if (argdata_get_float(ad, &f) == 0) return keep(p, argdata_create_float(f));
  if (argdata_get_int_s(ad, &i, INTMAX_MIN, INTMAX_MAX) == 0)
    return keep(p, argdata_create_int_s(i));
  if (argdata_get_int_u(ad, &u, UINTMAX_MAX) == 0) return keep(p, argdata_create_int_u(u));
  if (argdata_get_str(ad, &s, &s_len) == 0) return keep(p, argdata_create_str(s, s_len));
  if (argdata_get_timestamp(ad, &ts) == 0) return keep(p, argdata_create_timestamp(&ts));

  argdata_map_iterator_t mit;
  argdata_map_iterate(ad, &mit);
  if (mit.index != ARGDATA_ITERATOR_INVALID) {
    size_t n = 0;
    const argdata_t *k, *v;
    for (; argdata_map_get(&mit, &k, &v); argdata_map_next(&mit)) ++n;
    if (mit.index == ARGDATA_ITERATOR_INVALID) return NULL;
    const argdata_t **keys = keep(p, calloc(n + 1, sizeof(*keys)));
    const argdata_t **values = keep(p, calloc(n + 1, sizeof(*values)));
    CHECK(keys != NULL && values != NULL);
    size_t j = 0;
    for (argdata_map_iterate(ad, &mit); argdata_map_get(&mit, &k, &v); argdata_map_next(&mit)) {
      if ((keys[j] = rebuild(k, p, depth + 1)) == NULL) return NULL;
      if ((values[j] = rebuild(v, p, depth + 1)) == NULL) return NULL;
      ++j;
    }
    return keep(p, argdata_create_map(keys, values, n));
  }

  argdata_seq_iterator_t sit;
  argdata_seq_iterate(ad, &sit);
  if (sit.index != ARGDATA_ITERATOR_INVALID) {
    size_t n = 0;
    const argdata_t *e;
    for (; argdata_seq_get(&sit, &e); argdata_seq_next(&sit)) ++n;
    if (sit.index == ARGDATA_ITERATOR_INVALID) return NULL;
    const argdata_t **elements = keep(p, calloc(n + 1, sizeof(*elements)));
    CHECK(elements != NULL);
    size_t j = 0;
    for (argdata_seq_iterate(ad, &sit); argdata_seq_get(&sit, &e); argdata_seq_next(&sit)) {
      if ((elements[j++] = rebuild(e, p, depth + 1)) == NULL) return NULL;
    }
    return keep(p, argdata_create_seq(elements, n));
  }
  return NULL;
}

/* Serializes ad into freshly allocated memory. */
static unsigned char *serialize(const argdata_t *ad, size_t *len, int **fds, size_t *n_fds) {
  size_t max_fds;
  argdata_serialized_length(ad, len, &max_fds);
  unsigned char *buf = malloc(*len + 1);
  *fds = malloc((max_fds + 1) * sizeof(int));
  CHECK(buf != NULL && *fds != NULL);
  *n_fds = argdata_serialize(ad, buf, *fds);
  CHECK(*n_fds <= max_fds);
  return buf;
}

static FILE *devnull;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (devnull == NULL) {
    devnull = fopen("/dev/null", "w");
    CHECK(devnull != NULL);
  }

  argdata_t *ad = argdata_from_buffer(data, size, convert_input_fd, NULL);
  CHECK(ad != NULL);
  argdata_print_yaml(ad, devnull);

  /* Re-serialization copies the bytes and renumbers descriptors. */
  size_t len1, n_fds1;
  int *fds1;
  unsigned char *buf1 = serialize(ad, &len1, &fds1, &n_fds1);
  CHECK(len1 == size);
  struct fd_array map1 = {fds1, n_fds1};
  argdata_t *ad1 = argdata_from_buffer(buf1, len1, convert_array_fd, &map1);
  CHECK(ad1 != NULL);
  compare(ad, ad1, 0);

  /* Doing it again changes nothing. */
  size_t len2, n_fds2;
  int *fds2;
  unsigned char *buf2 = serialize(ad1, &len2, &fds2, &n_fds2);
  CHECK(len2 == len1 && memcmp(buf1, buf2, len1) == 0);
  CHECK(n_fds2 == n_fds1 && memcmp(fds1, fds2, n_fds1 * sizeof(int)) == 0);

  /* Rebuilding with the constructors yields an equivalent value. */
  struct pool *p = calloc(1, sizeof(*p));
  CHECK(p != NULL);
  argdata_t *rebuilt = rebuild(ad, p, 0);
  if (rebuilt != NULL) {
    size_t len3, n_fds3;
    int *fds3;
    unsigned char *buf3 = serialize(rebuilt, &len3, &fds3, &n_fds3);
    struct fd_array map3 = {fds3, n_fds3};
    argdata_t *ad3 = argdata_from_buffer(buf3, len3, convert_array_fd, &map3);
    CHECK(ad3 != NULL);
    compare(ad, ad3, 0);
    compare(rebuilt, ad3, 0);
    /* Encodings are canonical once integers are minimal, so the rebuilt tree
     * serializes to exactly the re-serialized input. */
    CHECK(len3 == len1 && memcmp(buf3, buf1, len1) == 0);
    CHECK(n_fds3 == n_fds1 && memcmp(fds3, fds1, n_fds1 * sizeof(int)) == 0);
    argdata_print_yaml(rebuilt, devnull);
    argdata_free(ad3);
    free(buf3);
    free(fds3);
  }
  for (size_t i = 0; i < p->n; ++i) free(p->items[i]);
  free(p);

  argdata_free(ad1);
  free(buf1);
  free(fds1);
  free(buf2);
  free(fds2);
  argdata_free(ad);
  return 0;
}
