// Locale objects: the two built-in ones and those made by newlocale().
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "locale_impl.h"

struct __locale __locale_c = {.charset = CHARSET_ASCII, .name = "C"};
struct __locale __locale_c_unicode = {.charset = CHARSET_UTF8, .name = "C.UTF-8"};

// Parses [language][.charset][@timezone]. Every supported language has the
// C locale's conventions; unknown components are ENOENT.
static int parse_name(const char *name, int *charset) {
  const char *dot = strchr(name, '.');
  const char *at = strchr(name, '@');
  if (at != NULL && dot != NULL && dot > at) dot = NULL;
  size_t lang_len = (size_t)((dot != NULL ? dot : at != NULL ? at : name + strlen(name)) - name);
  static const char *const languages[] = {"", "C", "POSIX", "en_US"};
  int known = 0;
  for (size_t i = 0; i < sizeof(languages) / sizeof(languages[0]); ++i)
    if (strlen(languages[i]) == lang_len && strncmp(languages[i], name, lang_len) == 0) known = 1;
  if (!known) return ENOENT;
  if (dot != NULL) {
    size_t len = (size_t)((at != NULL ? at : dot + strlen(dot)) - (dot + 1));
    if (len == 5 && strncasecmp(dot + 1, "UTF-8", 5) == 0) {
      *charset = CHARSET_UTF8;
    } else if ((len == 8 && strncasecmp(dot + 1, "US-ASCII", 8) == 0) ||
               (len == 5 && strncasecmp(dot + 1, "ASCII", 5) == 0)) {
      *charset = CHARSET_ASCII;
    } else {
      return ENOENT;
    }
  }
  if (at != NULL && strcmp(at + 1, "UTC") != 0) return ENOENT;
  return 0;
}

locale_t newlocale(int mask, const char *name, locale_t base) {
  if ((mask & ~LC_ALL_MASK) != 0 || name == NULL) {
    errno = EINVAL;
    return NULL;
  }
  int charset = base != NULL ? base->charset : CHARSET_ASCII;
  int new_charset = CHARSET_ASCII;
  int error = parse_name(name, &new_charset);
  if (error != 0) {
    errno = error;
    return NULL;
  }
  if (mask & LC_CTYPE_MASK) charset = new_charset;
  struct __locale *locale = malloc(sizeof(*locale));
  if (locale == NULL) return NULL;
  atomic_init(&locale->refcount, 1);
  locale->charset = charset;
  strlcpy(locale->name, charset == CHARSET_UTF8 ? "C.UTF-8" : "C", sizeof(locale->name));
  if (base != NULL) freelocale(base);
  return locale;
}

locale_t duplocale(locale_t locale) {
  if (atomic_load(&locale->refcount) != 0) atomic_fetch_add(&locale->refcount, 1);
  return locale;
}

void freelocale(locale_t locale) {
  if (atomic_load(&locale->refcount) != 0 && atomic_fetch_sub(&locale->refcount, 1) == 1)
    free(locale);
}

static struct lconv c_lconv = {
    .currency_symbol = "",
    .decimal_point = ".",
    .frac_digits = CHAR_MAX,
    .grouping = "",
    .int_curr_symbol = "",
    .int_frac_digits = CHAR_MAX,
    .int_n_cs_precedes = CHAR_MAX,
    .int_n_sep_by_space = CHAR_MAX,
    .int_n_sign_posn = CHAR_MAX,
    .int_p_cs_precedes = CHAR_MAX,
    .int_p_sep_by_space = CHAR_MAX,
    .int_p_sign_posn = CHAR_MAX,
    .mon_decimal_point = "",
    .mon_grouping = "",
    .mon_thousands_sep = "",
    .negative_sign = "",
    .n_cs_precedes = CHAR_MAX,
    .n_sep_by_space = CHAR_MAX,
    .n_sign_posn = CHAR_MAX,
    .positive_sign = "",
    .p_cs_precedes = CHAR_MAX,
    .p_sep_by_space = CHAR_MAX,
    .p_sign_posn = CHAR_MAX,
    .thousands_sep = "",
};

struct lconv *localeconv(void) {
  return &c_lconv;
}

struct lconv *localeconv_l(locale_t locale) {
  (void)locale;  // All supported languages use the C conventions.
  return &c_lconv;
}

// Only the C locale can be "set": there is no global locale to change.
char *setlocale(int category, const char *name) {
  if (category < LC_ALL || category > LC_TIME) return NULL;
  if (name == NULL || strcmp(name, "") == 0 || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0)
    return (char *)"C";
  return NULL;
}
