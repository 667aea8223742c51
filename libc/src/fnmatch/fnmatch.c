// Shell-style pattern matching: *, ?, [...] with ranges and ! or ^ for
// negation, backslash escapes; FNM_PATHNAME, FNM_PERIOD and FNM_NOESCAPE.
// Matching is by bytes; a star matches by
// backtracking to the last star only, which keeps it linear in practice.
#include <fnmatch.h>
#include <stdbool.h>
#include <stddef.h>

// Matches a bracket expression at *pattern against c; advances *pattern past
// it. Returns 1 for a match, 0 for none, -1 for a malformed expression
// (which then matches '[' literally).
static int bracket(const char **pattern, unsigned char c, int flags) {
  const char *p = *pattern + 1;
  bool negate = *p == '!' || *p == '^';
  if (negate) ++p;
  bool matched = false, first = true;
  for (; *p != ']' || first; first = false) {
    if (*p == '\0') return -1;
    unsigned char lo = (unsigned char)*p++;
    if (lo == '\\' && !(flags & FNM_NOESCAPE) && *p != '\0') lo = (unsigned char)*p++;
    unsigned char hi = lo;
    if (p[0] == '-' && p[1] != ']' && p[1] != '\0') {
      hi = (unsigned char)p[1];
      p += 2;
      if (hi == '\\' && !(flags & FNM_NOESCAPE) && *p != '\0') hi = (unsigned char)*p++;
    }
    if (c >= lo && c <= hi) matched = true;
  }
  *pattern = p + 1;
  return matched != negate;
}

int fnmatch(const char *pattern, const char *string, int flags) {
  const char *p = pattern, *s = string;
  const char *star_p = NULL, *star_s = NULL;
  for (;;) {
    bool leading_period = *s == '.' && (flags & FNM_PERIOD) &&
                          (s == string || ((flags & FNM_PATHNAME) && s[-1] == '/'));
    if (*p == '*') {
      while (*p == '*') ++p;
      if (leading_period) goto mismatch;
      star_p = p;
      star_s = s;
      continue;
    }
    if (*s == '\0') {
      if (*p == '\0') return 0;
      goto mismatch;
    }
    if (*p == '\0') goto mismatch;
    if ((flags & FNM_PATHNAME) && *s == '/') {
      if (*p != '/') goto mismatch;
      ++p;
      ++s;
      star_p = NULL;  // a star does not cross a slash
      continue;
    }
    if (*p == '?') {
      if (leading_period) goto mismatch;
      ++p;
      ++s;
      continue;
    }
    if (*p == '[') {
      if (leading_period) goto mismatch;
      const char *q = p;
      int r = bracket(&q, (unsigned char)*s, flags);
      if (r == 1) {
        p = q;
        ++s;
        continue;
      }
      if (r == 0) goto mismatch;
      // Malformed: a literal '['.
    }
    {
      char pc = *p;
      if (pc == '\\' && !(flags & FNM_NOESCAPE) && p[1] != '\0') pc = *++p;
      if (pc != *s) goto mismatch;
      ++p;
      ++s;
      continue;
    }
  mismatch:
    if (star_p == NULL || *star_s == '\0' || ((flags & FNM_PATHNAME) && *star_s == '/'))
      return FNM_NOMATCH;
    p = star_p;
    s = ++star_s;
  }
}

int fnmatch_l(const char *pattern, const char *string, int flags, locale_t locale) {
  (void)locale;
  return fnmatch(pattern, string, flags);
}
