#include "run/scalar.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace cloudabi::run {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_octal_digit(char c) { return c >= '0' && c <= '7'; }
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool all_of(std::string_view s, bool (*pred)(char)) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!pred(c)) return false;
  }
  return true;
}

bool is_hex_digit(char c) { return hex_value(c) >= 0; }

// Accumulates digits of the given base into a uint64; false on overflow.
bool accumulate(std::string_view digits, unsigned base, uint64_t* out) {
  uint64_t v = 0;
  for (char c : digits) {
    unsigned d = static_cast<unsigned>(hex_value(c));
    if (v > (std::numeric_limits<uint64_t>::max() - d) / base) return false;
    v = v * base + d;
  }
  *out = v;
  return true;
}

// Floor division for possibly negative numerators.
int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

bool is_leap_year(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int64_t year, unsigned month) {
  static const unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// Number of leap years in [1, y] (y may be zero or negative).
int64_t leap_years_through(int64_t y) {
  return floor_div(y, 4) - floor_div(y, 100) + floor_div(y, 400);
}

// A cursor over the timestamp text.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool done() const { return pos_ == s_.size(); }
  char peek() const { return done() ? '\0' : s_[pos_]; }
  bool accept(char c) {
    if (peek() != c || done()) return false;
    ++pos_;
    return true;
  }
  // Reads between min and max decimal digits.
  bool number(size_t min, size_t max, int64_t* out) {
    size_t start = pos_;
    int64_t v = 0;
    while (!done() && is_digit(s_[pos_]) && pos_ - start < max) {
      v = v * 10 + (s_[pos_] - '0');
      ++pos_;
    }
    if (pos_ - start < min) return false;
    *out = v;
    return true;
  }
  size_t skip_blanks() {
    size_t start = pos_;
    while (!done() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
    return pos_ - start;
  }
  // Reads a fraction's digits; returns the nanoseconds (truncated).
  bool fraction(int64_t* nanos) {
    size_t start = pos_;
    int64_t v = 0;
    size_t n = 0;
    while (!done() && is_digit(s_[pos_])) {
      if (n < 9) {
        v = v * 10 + (s_[pos_] - '0');
        ++n;
      }
      ++pos_;
    }
    if (pos_ == start) return false;
    for (; n < 9; ++n) v *= 10;
    *nanos = v;
    return true;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

bool is_null_form(std::string_view t) {
  return t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL";
}

std::optional<bool> parse_bool(std::string_view t) {
  if (t == "true" || t == "True" || t == "TRUE") return true;
  if (t == "false" || t == "False" || t == "FALSE") return false;
  return std::nullopt;
}

bool matches_int_form(std::string_view t) {
  if (t.size() > 2 && t[0] == '0' && t[1] == 'o') return all_of(t.substr(2), is_octal_digit);
  if (t.size() > 2 && t[0] == '0' && t[1] == 'x') return all_of(t.substr(2), is_hex_digit);
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) t.remove_prefix(1);
  return all_of(t, is_digit);
}

std::optional<IntValue> parse_int(std::string_view t, std::string* error) {
  if (!matches_int_form(t)) {
    *error = "'" + std::string(t) + "' is not an integer";
    return std::nullopt;
  }
  bool negative = false;
  unsigned base = 10;
  std::string_view digits = t;
  if (t.size() > 2 && t[0] == '0' && (t[1] == 'o' || t[1] == 'x')) {
    base = t[1] == 'o' ? 8 : 16;
    digits = t.substr(2);
  } else if (t[0] == '-' || t[0] == '+') {
    negative = t[0] == '-';
    digits = t.substr(1);
  }
  uint64_t magnitude;
  if (!accumulate(digits, base, &magnitude)) {
    *error = "integer " + std::string(t) + " does not fit in 64 bits";
    return std::nullopt;
  }
  IntValue v;
  constexpr uint64_t kMaxSigned = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  if (negative) {
    if (magnitude > kMaxSigned + 1) {
      *error = "integer " + std::string(t) + " does not fit in 64 bits";
      return std::nullopt;
    }
    v.s = magnitude == kMaxSigned + 1 ? std::numeric_limits<int64_t>::min()
                                      : -static_cast<int64_t>(magnitude);
  } else if (magnitude <= kMaxSigned) {
    v.s = static_cast<int64_t>(magnitude);
  } else {
    v.is_unsigned = true;
    v.u = magnitude;
  }
  return v;
}

bool matches_float_form(std::string_view t) {
  std::string_view body = t;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) body.remove_prefix(1);
  if (body == ".inf" || body == ".Inf" || body == ".INF") return true;
  if (t == ".nan" || t == ".NaN" || t == ".NAN") return true;
  // Mantissa: \.[0-9]+ | [0-9]+(\.[0-9]*)?
  size_t i = 0;
  size_t int_digits = 0;
  while (i < body.size() && is_digit(body[i])) ++i, ++int_digits;
  if (int_digits == 0) {
    if (i >= body.size() || body[i] != '.') return false;
    ++i;
    size_t frac = 0;
    while (i < body.size() && is_digit(body[i])) ++i, ++frac;
    if (frac == 0) return false;
  } else if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && is_digit(body[i])) ++i;
  }
  // Exponent: ([eE][-+]?[0-9]+)?
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    ++i;
    if (i < body.size() && (body[i] == '-' || body[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < body.size() && is_digit(body[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == body.size();
}

std::optional<double> parse_float(std::string_view t, std::string* error) {
  if (!matches_float_form(t)) {
    *error = "'" + std::string(t) + "' is not a floating-point number";
    return std::nullopt;
  }
  std::string_view body = t;
  bool negative = false;
  if (body[0] == '-' || body[0] == '+') {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body[0] == '.' && body.size() > 1 && (body[1] == 'i' || body[1] == 'I')) {
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  }
  if (body[0] == '.' && body.size() > 1 && (body[1] == 'n' || body[1] == 'N')) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  // strtod accepts a superset of the form checked above and, since
  // cloudabi-run never calls setlocale, uses '.' as the decimal point.
  std::string copy(t);
  errno = 0;
  char* end = nullptr;
  double v = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size()) {
    *error = "'" + copy + "' is not a floating-point number";
    return std::nullopt;
  }
  if (errno == ERANGE && std::isinf(v)) {
    *error = "floating-point number " + copy + " is too large for 64 bits";
    return std::nullopt;
  }
  return v;
}

CoreType resolve_plain_scalar(std::string_view t) {
  if (is_null_form(t)) return CoreType::kNull;
  if (parse_bool(t)) return CoreType::kBool;
  if (matches_int_form(t)) return CoreType::kInt;
  if (matches_float_form(t)) return CoreType::kFloat;
  return CoreType::kStr;
}

std::optional<std::vector<unsigned char>> decode_base64(std::string_view text, std::string* error) {
  std::vector<unsigned char> out;
  uint32_t group = 0;
  int in_group = 0;  // Characters in the current group of four.
  int padding = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    int v;
    if (c >= 'A' && c <= 'Z') {
      v = c - 'A';
    } else if (c >= 'a' && c <= 'z') {
      v = c - 'a' + 26;
    } else if (c >= '0' && c <= '9') {
      v = c - '0' + 52;
    } else if (c == '+') {
      v = 62;
    } else if (c == '/') {
      v = 63;
    } else if (c == '=') {
      if (in_group < 2) {
        *error = "misplaced '=' at offset " + std::to_string(i) + " of the base64 data";
        return std::nullopt;
      }
      ++padding;
      v = 0;
    } else {
      *error = "invalid character ";
      if (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f) {
        *error += "'" + std::string(1, c) + "' ";
      }
      *error += "at offset " + std::to_string(i) + " of the base64 data";
      return std::nullopt;
    }
    if (padding > 0 && c != '=') {
      *error = "data after '=' padding at offset " + std::to_string(i) + " of the base64 data";
      return std::nullopt;
    }
    group = group << 6 | static_cast<uint32_t>(v);
    if (++in_group == 4) {
      if (padding > 2) {
        *error = "too much '=' padding in the base64 data";
        return std::nullopt;
      }
      if ((padding == 1 && (group & 0xff) != 0) || (padding == 2 && (group & 0xffff) != 0)) {
        *error = "non-zero bits before the '=' padding of the base64 data";
        return std::nullopt;
      }
      out.push_back(static_cast<unsigned char>(group >> 16));
      if (padding < 2) out.push_back(static_cast<unsigned char>(group >> 8));
      if (padding < 1) out.push_back(static_cast<unsigned char>(group));
      group = 0;
      in_group = 0;
      // After a padded group nothing else may follow; the check above
      // catches it because `padding` stays non-zero.
    }
  }
  if (in_group != 0) {
    *error = "the base64 data is truncated (its length is not a multiple of 4)";
    return std::nullopt;
  }
  return out;
}

std::string encode_base64(const unsigned char* p, size_t len) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((len + 2) / 3 * 4);
  for (size_t i = 0; i < len; i += 3) {
    uint32_t g = static_cast<uint32_t>(p[i]) << 16;
    if (i + 1 < len) g |= static_cast<uint32_t>(p[i + 1]) << 8;
    if (i + 2 < len) g |= p[i + 2];
    out += kAlphabet[g >> 18 & 63];
    out += kAlphabet[g >> 12 & 63];
    out += i + 1 < len ? kAlphabet[g >> 6 & 63] : '=';
    out += i + 2 < len ? kAlphabet[g & 63] : '=';
  }
  return out;
}

int64_t days_from_civil(int64_t year, unsigned month, unsigned day) {
  static const unsigned kBefore[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  int64_t days = 365 * (year - 1970) + (leap_years_through(year - 1) - leap_years_through(1969));
  days += kBefore[month - 1] + (month > 2 && is_leap_year(year) ? 1 : 0);
  return days + day - 1;
}

std::optional<Timestamp> parse_timestamp(std::string_view text, std::string* error) {
  Cursor c(text);
  int64_t year, month, day, hour = 0, minute = 0, second = 0, nanos = 0, offset = 0;
  auto fail = [&] {
    *error = "'" + std::string(text) +
             "' is not a timestamp like 2015-08-01, 2015-08-01T12:30:00Z or "
             "2015-08-01 12:30:00.5 +02:00";
    return std::nullopt;
  };
  if (!c.number(4, 4, &year) || !c.accept('-') || !c.number(1, 2, &month) || !c.accept('-') ||
      !c.number(1, 2, &day)) {
    return fail();
  }
  if (!c.done()) {
    if (!c.accept('T') && !c.accept('t') && c.skip_blanks() == 0) return fail();
    if (!c.number(1, 2, &hour) || !c.accept(':') || !c.number(2, 2, &minute) || !c.accept(':') ||
        !c.number(2, 2, &second)) {
      return fail();
    }
    if (c.accept('.') && !c.fraction(&nanos)) return fail();
    c.skip_blanks();
    if (c.accept('Z')) {
      // UTC.
    } else if (c.peek() == '+' || c.peek() == '-') {
      bool east = c.peek() == '+';
      c.accept(c.peek());
      int64_t zh, zm = 0;
      if (!c.number(1, 2, &zh)) return fail();
      if (c.accept(':') && !c.number(2, 2, &zm)) return fail();
      if (zh > 23 || zm > 59) {
        *error = "the time zone offset of '" + std::string(text) + "' is out of range";
        return std::nullopt;
      }
      offset = (zh * 3600 + zm * 60) * (east ? 1 : -1);
    }
    if (!c.done()) return fail();
  }
  if (month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, static_cast<unsigned>(month)) || hour > 23 || minute > 59 ||
      second > 60) {
    *error = "'" + std::string(text) + "' is not a valid date and time";
    return std::nullopt;
  }
  Timestamp ts;
  ts.seconds =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
      hour * 3600 + minute * 60 + second - offset;
  ts.nanoseconds = nanos;
  return ts;
}

std::string format_timestamp(Timestamp ts) {
  int64_t days = floor_div(ts.seconds, 86400);
  int64_t secs = ts.seconds - days * 86400;
  // Any 400 consecutive Gregorian years have 146097 days: skip whole
  // cycles from 1970, then step through the remaining years and months.
  int64_t cycles = floor_div(days, 146097);
  int64_t year = 1970 + cycles * 400;
  days -= cycles * 146097;
  for (;;) {
    int64_t len = is_leap_year(year) ? 366 : 365;
    if (days < len) break;
    days -= len;
    ++year;
  }
  unsigned month = 1;
  while (days >= days_in_month(year, month)) {
    days -= days_in_month(year, month);
    ++month;
  }
  char buf[96];
  int n = std::snprintf(buf, sizeof(buf), "%04lld-%02u-%02lldT%02lld:%02lld:%02lld",
                        static_cast<long long>(year), month, static_cast<long long>(days + 1),
                        static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                        static_cast<long long>(secs % 60));
  std::string out(buf, n > 0 ? static_cast<size_t>(n) : 0);
  if (ts.nanoseconds != 0) {
    std::snprintf(buf, sizeof(buf), ".%09lld", static_cast<long long>(ts.nanoseconds));
    std::string frac(buf);
    while (frac.back() == '0') frac.pop_back();
    out += frac;
  }
  return out + "Z";
}

}  // namespace cloudabi::run
