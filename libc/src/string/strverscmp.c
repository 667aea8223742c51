#include <ctype.h>
#include <string.h>

// Compares like strcmp, except that runs of digits compare as numbers, and
// runs with leading zeros as fractional parts ("000" < "00" < "01" < "010" <
// "09" < "0" < "1" < "9" < "10"). The comparison is a small state machine
// over the common prefix: the state records whether the current position is
// in ordinary text, an integral digit run, a fractional run, or a run of
// leading zeros; the state and the classes of the two differing characters
// then decide.
enum { S_N = 0, S_I = 3, S_F = 6, S_Z = 9 };
enum { CMP = 2, LEN = 3 };

static int char_class(unsigned char c) { return (c == '0') + (isdigit(c) != 0); }

int strverscmp(const char *a, const char *b) {
  // Next state, indexed by state + class of the character just consumed.
  static const unsigned char next_state[12] = {
      S_N, S_I, S_Z,  // normal text
      S_N, S_I, S_I,  // integral part
      S_N, S_F, S_F,  // fractional part
      S_N, S_F, S_Z,  // leading zeros only
  };
  // Result, indexed by (state + class of a's character) * 3 + class of b's.
  static const signed char result[36] = {
      CMP, CMP, CMP, CMP, LEN, CMP, CMP, CMP, CMP,  // normal text
      CMP, -1,  -1,  +1,  LEN, LEN, +1,  LEN, LEN,  // integral part
      CMP, CMP, CMP, CMP, CMP, CMP, CMP, CMP, CMP,  // fractional part
      CMP, +1,  +1,  -1,  CMP, CMP, -1,  CMP, CMP,  // leading zeros only
  };
  const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
  unsigned char c1 = *p++, c2 = *q++;
  int state = S_N + char_class(c1);
  int diff;
  while ((diff = c1 - c2) == 0) {
    if (c1 == '\0') return 0;
    state = next_state[state];
    c1 = *p++;
    c2 = *q++;
    state += char_class(c1);
  }
  switch (result[state * 3 + char_class(c2)]) {
    case CMP:
      return diff;
    case LEN:
      // Integral runs: the longer one is larger.
      while (isdigit(*p++))
        if (!isdigit(*q++)) return 1;
      return isdigit(*q) ? -1 : diff;
    default:
      return result[state * 3 + char_class(c2)];
  }
}
