// The comparison behind strverscmp() and wcsverscmp(). Include with
// VERSCMP_NAME (the function to define) and VERSCMP_CHAR (the unsigned
// character type to compare) defined.
//
// It compares like strcmp, except that runs of digits compare as numbers,
// and runs with leading zeros as fractional parts ("000" < "00" < "01" <
// "010" < "09" < "0" < "1" < "9" < "10"). The comparison is a small state
// machine over the common prefix: the state records whether the current
// position is in ordinary text, an integral digit run, a fractional run, or
// a run of leading zeros; the state and the classes of the two differing
// characters then decide.
#ifndef VERSCMP_COMMON
#define VERSCMP_COMMON
enum { VERSCMP_N = 0, VERSCMP_I = 3, VERSCMP_F = 6, VERSCMP_Z = 9 };
enum { VERSCMP_CMP = 2, VERSCMP_LEN = 3 };

static inline int verscmp_digit(unsigned long c) { return c >= '0' && c <= '9'; }
static inline int verscmp_class(unsigned long c) { return (c == '0') + verscmp_digit(c); }

// Next state, indexed by state + class of the character just consumed.
static const unsigned char verscmp_next[12] = {
    VERSCMP_N, VERSCMP_I, VERSCMP_Z,  // normal text
    VERSCMP_N, VERSCMP_I, VERSCMP_I,  // integral part
    VERSCMP_N, VERSCMP_F, VERSCMP_F,  // fractional part
    VERSCMP_N, VERSCMP_F, VERSCMP_Z,  // leading zeros only
};
// Result, indexed by (state + class of a's character) * 3 + class of b's.
#define C VERSCMP_CMP
#define L VERSCMP_LEN
static const signed char verscmp_result[36] = {
    C, C,  C,  C,  L, C, C,  C, C,  // normal text
    C, -1, -1, +1, L, L, +1, L, L,  // integral part
    C, C,  C,  C,  C, C, C,  C, C,  // fractional part
    C, +1, +1, -1, C, C, -1, C, C,  // leading zeros only
};
#undef C
#undef L
#endif

static int VERSCMP_NAME(const VERSCMP_CHAR *p, const VERSCMP_CHAR *q) {
  VERSCMP_CHAR c1 = *p++, c2 = *q++;
  int state = VERSCMP_N + verscmp_class(c1);
  while (c1 == c2) {
    if (c1 == '\0') return 0;
    state = verscmp_next[state];
    c1 = *p++;
    c2 = *q++;
    state += verscmp_class(c1);
  }
  int diff = c1 < c2 ? -1 : 1;
  switch (verscmp_result[state * 3 + verscmp_class(c2)]) {
    case VERSCMP_CMP:
      return diff;
    case VERSCMP_LEN:
      // Integral runs: the longer one is larger.
      while (verscmp_digit(*p++))
        if (!verscmp_digit(*q++)) return 1;
      return verscmp_digit(*q) ? -1 : diff;
    default:
      return verscmp_result[state * 3 + verscmp_class(c2)];
  }
}
