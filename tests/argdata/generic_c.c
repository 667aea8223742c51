/* Exercises the C11 _Generic forms of argdata_create_int/argdata_get_int;
 * called from generic_test.cc. Each function returns 0 on success or the
 * number of the first failed check. */

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include <argdata.h>

int argdata_test_generic_c(void);

static int encoded_equals(const argdata_t *ad, const unsigned char *expect, size_t len) {
  unsigned char buf[16];
  size_t size;
  argdata_serialized_length(ad, &size, NULL);
  if (size != len || size > sizeof(buf)) return 0;
  argdata_serialize(ad, buf, NULL);
  return memcmp(buf, expect, len) == 0;
}

int argdata_test_generic_c(void) {
  unsigned char uc = 200;
  signed char sc = -3;
  unsigned long long ull = ULLONG_MAX;
  long l = LONG_MIN;

  /* unsigned char goes through argdata_create_int_u: 200 = 05 00 c8. */
  argdata_t *a = argdata_create_int(uc);
  static const unsigned char a_enc[] = {0x05, 0x00, 0xc8};
  if (a == NULL || !encoded_equals(a, a_enc, sizeof(a_enc))) return 1;

  argdata_t *b = argdata_create_int(sc);
  static const unsigned char b_enc[] = {0x05, 0xfd};
  if (b == NULL || !encoded_equals(b, b_enc, sizeof(b_enc))) return 2;

  argdata_t *c = argdata_create_int(ull);
  static const unsigned char c_enc[] = {0x05, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
  if (c == NULL || !encoded_equals(c, c_enc, sizeof(c_enc))) return 3;

  argdata_t *d = argdata_create_int(l);
  static const unsigned char d_enc[] = {0x05, 0x80, 0, 0, 0, 0, 0, 0, 0};
  if (d == NULL || !encoded_equals(d, d_enc, sizeof(d_enc))) return 4;

  /* Getters pick the range of the target type. */
  unsigned short us = 0;
  if (argdata_get_int(a, &us) != 0 || us != 200) return 5;
  signed char sc2 = 0;
  if (argdata_get_int(a, &sc2) != ERANGE) return 6;
  int i = 0;
  if (argdata_get_int(b, &i) != 0 || i != -3) return 7;
  unsigned int ui = 0;
  if (argdata_get_int(b, &ui) != ERANGE) return 8;
  unsigned long long ull2 = 0;
  if (argdata_get_int(c, &ull2) != 0 || ull2 != ULLONG_MAX) return 9;
  long long ll = 0;
  if (argdata_get_int(c, &ll) != ERANGE) return 10;
  long l2 = 0;
  if (argdata_get_int(d, &l2) != 0 || l2 != LONG_MIN) return 11;
  char ch = 0;
  if (argdata_get_int(b, &ch) != ((char)-1 < 0 ? 0 : ERANGE)) return 12;
  short sh = 0;
  if (argdata_get_int(d, &sh) != ERANGE) return 13;
  unsigned long ul = 0;
  if (argdata_get_int(c, &ul) != 0 || ul != ULONG_MAX) return 14;
  if (argdata_get_int(&argdata_true, &i) != EINVAL) return 15;

  argdata_free(a);
  argdata_free(b);
  argdata_free(c);
  argdata_free(d);
  return 0;
}
