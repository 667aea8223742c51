#include <libintl.h>

// There are no message catalogs: messages come back untranslated, plurals
// in the English manner (singular for n == 1).
char *gettext(const char *msgid) { return (char *)msgid; }

char *dgettext(const char *domain, const char *msgid) {
  (void)domain;
  return (char *)msgid;
}

char *dcgettext(const char *domain, const char *msgid, int category) {
  (void)domain;
  (void)category;
  return (char *)msgid;
}

char *ngettext(const char *msgid, const char *plural, unsigned long n) {
  return (char *)(n == 1 ? msgid : plural);
}

char *dngettext(const char *domain, const char *msgid, const char *plural, unsigned long n) {
  (void)domain;
  return ngettext(msgid, plural, n);
}

char *dcngettext(const char *domain, const char *msgid, const char *plural, unsigned long n,
                 int category) {
  (void)domain;
  (void)category;
  return ngettext(msgid, plural, n);
}
