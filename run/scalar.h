// YAML scalar forms: resolution of untagged plain scalars with the YAML 1.2
// core schema, and parsers for the values of the core tags (!!null, !!bool,
// !!int, !!float) and of !!binary and !!timestamp.
//
// Everything here is pure: strings in, values or an error sentence out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cloudabi::run {

// What an untagged plain scalar resolves to under the YAML 1.2 core schema.
enum class CoreType { kNull, kBool, kInt, kFloat, kStr };
CoreType resolve_plain_scalar(std::string_view text);

// null | Null | NULL | ~ | (empty)
bool is_null_form(std::string_view text);
// true | True | TRUE | false | False | FALSE
std::optional<bool> parse_bool(std::string_view text);

// An integer of the core schema: [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+.
// Values in int64 range are signed; larger values up to UINT64_MAX unsigned.
struct IntValue {
  bool is_unsigned = false;
  int64_t s = 0;
  uint64_t u = 0;
  friend bool operator==(const IntValue&, const IntValue&) = default;
};
bool matches_int_form(std::string_view text);
// nullopt with *error set if the text is not an integer or out of range.
std::optional<IntValue> parse_int(std::string_view text, std::string* error);

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.(inf|Inf|INF)
// | \.(nan|NaN|NAN)
bool matches_float_form(std::string_view text);
std::optional<double> parse_float(std::string_view text, std::string* error);

// Base64 (RFC 4648 alphabet, '=' padding required for partial groups);
// whitespace (space, tab, CR, LF) between characters is ignored.
std::optional<std::vector<unsigned char>> decode_base64(std::string_view text, std::string* error);
std::string encode_base64(const unsigned char* data, size_t len);

// YYYY-MM-DD, or YYYY-MM-DD(T|t| +)H[H]:MM:SS[.fraction][ *](Z|[+-]H[H][:MM])?
// (no zone means UTC). Result in seconds and nanoseconds since the epoch,
// nanoseconds in [0, 1e9). Fraction digits beyond nanoseconds are truncated.
struct Timestamp {
  int64_t seconds = 0;
  int64_t nanoseconds = 0;
  friend bool operator==(const Timestamp&, const Timestamp&) = default;
};
std::optional<Timestamp> parse_timestamp(std::string_view text, std::string* error);
// The inverse for printing: "2015-08-01T12:00:00.5Z".
std::string format_timestamp(Timestamp ts);

// Days since 1970-01-01 of a proleptic Gregorian date.
int64_t days_from_civil(int64_t year, unsigned month, unsigned day);

}  // namespace cloudabi::run
