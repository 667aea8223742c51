// Classification in the C locale: ASCII, as for <ctype.h>.
#include <ctype.h>
#include <string.h>
#include <wctype.h>

static int ascii(wint_t c) { return c >= 0 && c < 0x80; }

int iswalnum(wint_t c) { return ascii(c) && isalnum(c); }
int iswalpha(wint_t c) { return ascii(c) && isalpha(c); }
int iswblank(wint_t c) { return ascii(c) && isblank(c); }
int iswcntrl(wint_t c) { return ascii(c) && iscntrl(c); }
int iswdigit(wint_t c) { return ascii(c) && isdigit(c); }
int iswgraph(wint_t c) { return ascii(c) && isgraph(c); }
int iswlower(wint_t c) { return ascii(c) && islower(c); }
int iswprint(wint_t c) { return ascii(c) && isprint(c); }
int iswpunct(wint_t c) { return ascii(c) && ispunct(c); }
int iswspace(wint_t c) { return ascii(c) && isspace(c); }
int iswupper(wint_t c) { return ascii(c) && isupper(c); }
int iswxdigit(wint_t c) { return ascii(c) && isxdigit(c); }

wint_t towlower(wint_t c) { return ascii(c) ? tolower(c) : c; }
wint_t towupper(wint_t c) { return ascii(c) ? toupper(c) : c; }

struct __wctype {
  const char *name;
  int (*test)(wint_t);
};

static const struct __wctype classes[] = {
    {"alnum", iswalnum}, {"alpha", iswalpha}, {"blank", iswblank}, {"cntrl", iswcntrl},
    {"digit", iswdigit}, {"graph", iswgraph}, {"lower", iswlower}, {"print", iswprint},
    {"punct", iswpunct}, {"space", iswspace}, {"upper", iswupper}, {"xdigit", iswxdigit},
};

wctype_t wctype(const char *name) {
  for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); ++i)
    if (strcmp(classes[i].name, name) == 0) return &classes[i];
  return NULL;
}

int iswctype(wint_t c, wctype_t type) { return type != NULL && type->test(c); }

struct __wctrans {
  const char *name;
  wint_t (*map)(wint_t);
};

static const struct __wctrans mappings[] = {{"tolower", towlower}, {"toupper", towupper}};

wctrans_t wctrans(const char *name) {
  for (size_t i = 0; i < sizeof(mappings) / sizeof(mappings[0]); ++i)
    if (strcmp(mappings[i].name, name) == 0) return &mappings[i];
  return NULL;
}

wint_t towctrans(wint_t c, wctrans_t trans) { return trans != NULL ? trans->map(c) : c; }
