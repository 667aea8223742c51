// YAML -> argdata: serialized bytes compared with hand-computed encodings
// (the vectors of the reference, §4.1), tags, anchors and aliases, and the
// exact messages of conversion errors. Resources are placeholders here.
#include "run/convert.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/run/test_util.h"

namespace cloudabi::run {
namespace {

using test::conversion_error;
using test::converted_hex;

TEST(ConvertGolden, Null) {
  for (const char* yaml : {"~", "null", "Null", "NULL", "", "---\n", "---\n...\n", "!!null ''",
                           "!!null null", "# only a comment\n"}) {
    EXPECT_EQ(converted_hex(yaml), "") << yaml;
  }
  EXPECT_EQ(converted_hex("[~]"), "07 80");
}

TEST(ConvertGolden, Bool) {
  for (const char* yaml : {"true", "True", "TRUE", "!!bool true"}) {
    EXPECT_EQ(converted_hex(yaml), "02 01") << yaml;
  }
  for (const char* yaml : {"false", "False", "FALSE", "!!bool FALSE"}) {
    EXPECT_EQ(converted_hex(yaml), "02") << yaml;
  }
}

TEST(ConvertGolden, IntReferenceVectors) {
  EXPECT_EQ(converted_hex("0"), "05");
  EXPECT_EQ(converted_hex("1"), "05 01");
  EXPECT_EQ(converted_hex("127"), "05 7f");
  EXPECT_EQ(converted_hex("128"), "05 00 80");
  EXPECT_EQ(converted_hex("-1"), "05 ff");
  EXPECT_EQ(converted_hex("-128"), "05 80");
  EXPECT_EQ(converted_hex("-129"), "05 ff 7f");
  EXPECT_EQ(converted_hex("255"), "05 00 ff");
  EXPECT_EQ(converted_hex("1000"), "05 03 e8");
  EXPECT_EQ(converted_hex("-1000"), "05 fc 18");
  EXPECT_EQ(converted_hex("4294967295"), "05 00 ff ff ff ff");
  EXPECT_EQ(converted_hex("18446744073709551615"), "05 00 ff ff ff ff ff ff ff ff");
}

TEST(ConvertGolden, IntForms) {
  EXPECT_EQ(converted_hex("+128"), "05 00 80");
  EXPECT_EQ(converted_hex("-0"), "05");
  EXPECT_EQ(converted_hex("007"), "05 07");  // Decimal in YAML 1.2, not octal.
  EXPECT_EQ(converted_hex("0o200"), "05 00 80");
  EXPECT_EQ(converted_hex("0x80"), "05 00 80");
  EXPECT_EQ(converted_hex("0xFFFFFFFFFFFFFFFF"), "05 00 ff ff ff ff ff ff ff ff");
  EXPECT_EQ(converted_hex("9223372036854775807"), "05 7f ff ff ff ff ff ff ff");
  EXPECT_EQ(converted_hex("9223372036854775808"), "05 00 80 00 00 00 00 00 00 00");
  EXPECT_EQ(converted_hex("-9223372036854775808"), "05 80 00 00 00 00 00 00 00");
  EXPECT_EQ(converted_hex("!!int \"128\""), "05 00 80");
  EXPECT_EQ(converted_hex("!!int 0x80"), "05 00 80");
}

TEST(ConvertGolden, Float) {
  EXPECT_EQ(converted_hex("1.5"), "04 3f f8 00 00 00 00 00 00");
  EXPECT_EQ(converted_hex("1e3"), "04 40 8f 40 00 00 00 00 00");
  EXPECT_EQ(converted_hex("-2.5E+10"), "04 c2 17 48 76 e8 00 00 00");
  EXPECT_EQ(converted_hex(".1"), "04 3f b9 99 99 99 99 99 9a");
  EXPECT_EQ(converted_hex("-0.0"), "04 80 00 00 00 00 00 00 00");
  EXPECT_EQ(converted_hex(".inf"), "04 7f f0 00 00 00 00 00 00");
  EXPECT_EQ(converted_hex("+.Inf"), "04 7f f0 00 00 00 00 00 00");
  EXPECT_EQ(converted_hex("-.INF"), "04 ff f0 00 00 00 00 00 00");
  EXPECT_EQ(converted_hex(".nan"), "04 7f f8 00 00 00 00 00 00");
  EXPECT_EQ(converted_hex(".NaN"), "04 7f f8 00 00 00 00 00 00");
  EXPECT_EQ(converted_hex("!!float 1"), "04 3f f0 00 00 00 00 00 00");
  EXPECT_EQ(converted_hex("!!float 0x10"), "04 40 30 00 00 00 00 00 00");
  EXPECT_EQ(converted_hex("!!float '1.5'"), "04 3f f8 00 00 00 00 00 00");
}

TEST(ConvertGolden, Str) {
  EXPECT_EQ(converted_hex("\"123\""), "08 31 32 33 00");
  EXPECT_EQ(converted_hex("'123'"), "08 31 32 33 00");
  EXPECT_EQ(converted_hex("!!str 123"), "08 31 32 33 00");
  EXPECT_EQ(converted_hex("! 123"), "08 31 32 33 00");  // Non-specific tag: a string.
  EXPECT_EQ(converted_hex("\"\""), "08 00");
  EXPECT_EQ(converted_hex("''"), "08 00");
  EXPECT_EQ(converted_hex("!!str"), "08 00");
  EXPECT_EQ(converted_hex("abc"), "08 61 62 63 00");
  // Quoted scalars are strings whatever they look like.
  EXPECT_EQ(converted_hex("\"true\""), "08 74 72 75 65 00");
  EXPECT_EQ(converted_hex("'~'"), "08 7e 00");
  // Plain scalars that match nothing else.
  EXPECT_EQ(converted_hex("yes"), "08 79 65 73 00");
  EXPECT_EQ(converted_hex("-.nan"), "08 2d 2e 6e 61 6e 00");
  EXPECT_EQ(converted_hex("2001-12-14"), "08 32 30 30 31 2d 31 32 2d 31 34 00");
  // Escapes, including an embedded NUL, and non-ASCII text.
  EXPECT_EQ(converted_hex("\"a\\0b\\n\""), "08 61 00 62 0a 00");
  EXPECT_EQ(converted_hex("\"\\u00e9\""), "08 c3 a9 00");
  EXPECT_EQ(converted_hex("|\n  x\n  y\n"), "08 78 0a 79 0a 00");
  EXPECT_EQ(converted_hex(">\n  x\n  y\n"), "08 78 20 79 0a 00");
}

TEST(ConvertGolden, Binary) {
  EXPECT_EQ(converted_hex("!!binary AQI="), "01 01 02");
  EXPECT_EQ(converted_hex("!!binary ''"), "01");
  EXPECT_EQ(converted_hex("!!binary |\n  AQID\n  BA==\n"), "01 01 02 03 04");
}

TEST(ConvertGolden, Timestamp) {
  EXPECT_EQ(converted_hex("!!timestamp 1970-01-01T00:00:01.0000005Z"), "09 3b 9a cb f4");
  EXPECT_EQ(converted_hex("!!timestamp 1970-01-01"), "09");
  EXPECT_EQ(converted_hex("!!timestamp 1969-12-31T23:59:59Z"), "09 c4 65 36 00");
  EXPECT_EQ(converted_hex("!!timestamp 2015-08-01T12:30:00.5+02:00"), "09 13 f6 4f ea b6 d7 f5 00");
  EXPECT_EQ(converted_hex("!!timestamp 2015-08-01 10:30:00.5"), "09 13 f6 4f ea b6 d7 f5 00");
  EXPECT_EQ(converted_hex("!!timestamp 1969-12-31T23:59:59.999999995Z"), "09 fb");
}

TEST(ConvertGolden, SequencesAndMaps) {
  EXPECT_EQ(converted_hex("[0, true, \"A\"]"), "07 81 05 82 02 01 83 08 41 00");
  EXPECT_EQ(converted_hex("- 0\n- true\n- A\n"), "07 81 05 82 02 01 83 08 41 00");
  EXPECT_EQ(converted_hex("{\"a\": 1}"), "06 83 08 61 00 82 05 01");
  EXPECT_EQ(converted_hex("a: 1"), "06 83 08 61 00 82 05 01");
  EXPECT_EQ(converted_hex("!!map {a: 1}"), "06 83 08 61 00 82 05 01");
  EXPECT_EQ(converted_hex("!!seq []"), "07");
  EXPECT_EQ(converted_hex("{}"), "06");
  EXPECT_EQ(converted_hex("[[]]"), "07 81 07");
  EXPECT_EQ(converted_hex("[~, ~]"), "07 80 80");
  // A 199-character string: subfield length 201 is the varint 01 c9.
  std::string long_str = "[" + std::string(199, 'x') + "]";
  std::string expected = "07 01 c9 08";
  for (int i = 0; i < 199; ++i) expected += " 78";
  expected += " 00";
  EXPECT_EQ(converted_hex(long_str), expected);
}

TEST(ConvertGolden, KeysOfAnyType) {
  // {1: a, ~: b, [x]: c, true: d}
  EXPECT_EQ(converted_hex("{1: a, ~: b, [x]: c, true: d}"),
            "06 82 05 01 83 08 61 00 80 83 08 62 00 85 07 83 08 78 00 83 08 63 00 "
            "82 02 01 83 08 64 00");
  EXPECT_EQ(converted_hex("? {k: v}\n: 1\n"), "06 89 06 83 08 6b 00 83 08 76 00 82 05 01");
}

TEST(ConvertGolden, FdReferenceVectors) {
  EXPECT_EQ(converted_hex("!fd 7"), "03 00 00 00 00");
  // The reference's [fd9, null, fd4, fd9]: fd 9 is descriptor 0 both times.
  auto c = test::convert_text("[!fd 9, null, !fd 4, !fd 9]");
  ASSERT_TRUE(c);
  EXPECT_EQ(test::hex(c->argdata), "07 85 03 00 00 00 00 80 85 03 00 00 00 01 85 03 00 00 00 00");
  EXPECT_EQ(c->fds.size(), 2u);
}

TEST(ConvertTags, CloudabiTagForms) {
  // The %TAG directive, the short form without it and the verbatim form.
  for (const char* yaml : {"%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n!fd stdout\n", "!fd stdout",
                           "!<tag:nuxi.nl,2015:cloudabi/fd> stdout",
                           "%TAG !c! tag:nuxi.nl,2015:cloudabi/\n---\n!c!fd stdout\n"}) {
    auto c = test::convert_text(yaml);
    ASSERT_TRUE(c) << yaml << ": " << c.error().message;
    EXPECT_EQ(test::hex(c->argdata), "03 00 00 00 00") << yaml;
    EXPECT_EQ(c->fds.size(), 1u);
  }
  // With %TAG for another prefix, !fd is another tag.
  EXPECT_EQ(conversion_error("%TAG ! tag:example.com,2020:\n---\n!fd stdout\n"),
            "3:1: unknown tag !<tag:example.com,2020:fd>");
}

TEST(ConvertTags, YamlTagsVerbatim) {
  EXPECT_EQ(converted_hex("!<tag:yaml.org,2002:int> 5"), "05 05");
  EXPECT_EQ(converted_hex("%TAG !y! tag:yaml.org,2002:\n---\n!y!str 5\n"), "08 35 00");
}

TEST(ConvertAliases, SharedValues) {
  EXPECT_EQ(converted_hex("{a: &x [1, 2], b: *x}"),
            "06 83 08 61 00 87 07 82 05 01 82 05 02 83 08 62 00 87 07 82 05 01 82 05 02");
  EXPECT_EQ(converted_hex("[&s hello, *s, *s]"),
            "07 87 08 68 65 6c 6c 6f 00 87 08 68 65 6c 6c 6f 00 87 08 68 65 6c 6c 6f 00");
  // An anchor can be redefined; an alias refers to the latest definition.
  EXPECT_EQ(converted_hex("[&a 1, *a, &a 2, *a]"), "07 82 05 01 82 05 01 82 05 02 82 05 02");
  // Anchored keys.
  EXPECT_EQ(converted_hex("[{&k a: 1}, {*k : 2}]"),
            "07 88 06 83 08 61 00 82 05 01 88 06 83 08 61 00 82 05 02");
}

TEST(ConvertAliases, ResourceAliasIsOneDescriptor) {
  // An alias of a resource is the same descriptor, not a second one.
  auto c = test::convert_text("[&f !file {path: /x}, *f, !file {path: /x}, *f]");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(test::hex(c->argdata),
            "07 85 03 00 00 00 00 85 03 00 00 00 00 85 03 00 00 00 01 85 "
            "03 00 00 00 00");
  EXPECT_EQ(c->fds.size(), 2u);
}

TEST(ConvertOrder, DescriptorsNumberedDepthFirst) {
  // Map keys come before their values; nested collections depth first.
  auto c = test::convert_text(
      "{!fd 5: [!fd 6, {!fd 7: !fd 5}], b: !executable '', c: !fd 6, d: !executable ''}");
  ASSERT_TRUE(c) << c.error().message;
  ASSERT_EQ(c->fds.size(), 4u);
  // Placeholders are handed out in acquisition (= document) order.
  int base = PlaceholderResources::kFirstPlaceholder;
  EXPECT_EQ(c->fds, (std::vector<int>{base, base + 1, base + 2, base + 3}));
}

TEST(ConvertErrors, MalformedYaml) {
  EXPECT_EQ(conversion_error("a: [1, 2"),
            "2:1: malformed YAML: did not find expected ',' or ']' (while parsing a flow sequence "
            "that starts at 1:4)");
  EXPECT_EQ(conversion_error("a: b: c"),
            "1:5: malformed YAML: mapping values are not allowed in this context");
  EXPECT_EQ(conversion_error("\"unterminated"),
            "1:14: malformed YAML: found unexpected end of stream (while scanning a quoted scalar "
            "that starts at 1:1)");
  EXPECT_EQ(conversion_error("a:\n\tb: 1"),
            "2:1: malformed YAML: found character that cannot start any token (while scanning "
            "for the next token)");
  EXPECT_EQ(conversion_error("!x!y 1"),
            "1:1: malformed YAML: found undefined tag handle (while parsing a node)");
  EXPECT_EQ(conversion_error(std::string("a: \xff\n")),
            "1:4: invalid YAML input: invalid leading UTF-8 octet (0xff)");
  EXPECT_EQ(conversion_error(std::string("a: b\0c", 6)),
            "1:5: invalid YAML input: control characters are not allowed (0x0)");
}

TEST(ConvertErrors, Documents) {
  EXPECT_EQ(conversion_error("a\n---\nb\n"),
            "2:1: a second YAML document starts here, but the configuration must be exactly one "
            "document");
  EXPECT_EQ(conversion_error("--- a\n...\n--- b\n"),
            "3:1: a second YAML document starts here, but the configuration must be exactly one "
            "document");
}

TEST(ConvertErrors, Tags) {
  EXPECT_EQ(conversion_error("x: !foo 1"), "1:4: unknown tag !foo");
  EXPECT_EQ(conversion_error("x: !!set {a}"), "1:4: unknown tag !!set; did you mean !!seq?");
  EXPECT_EQ(conversion_error("- !sockets {}"), "1:3: unknown tag !sockets; did you mean !socket?");
  EXPECT_EQ(conversion_error("!<tag:example.com,2000:x> 1"),
            "1:1: unknown tag !<tag:example.com,2000:x>");
  EXPECT_EQ(conversion_error("!!seq a"), "1:1: the tag !!seq cannot be used on a scalar");
  EXPECT_EQ(conversion_error("{a: !!str [1]}"), "1:5: the tag !!str cannot be used on a sequence");
  EXPECT_EQ(conversion_error("!!map [1]"), "1:1: the tag !!map cannot be used on a sequence");
  EXPECT_EQ(conversion_error("!!int {}"), "1:1: the tag !!int cannot be used on a mapping");
}

TEST(ConvertErrors, ScalarValues) {
  EXPECT_EQ(conversion_error("!!int 1.5"), "1:1: '1.5' is not an integer");
  EXPECT_EQ(conversion_error("!!bool yes"), "1:1: 'yes' is not a boolean (true or false)");
  EXPECT_EQ(conversion_error("!!null x"), "1:1: 'x' is not a null value (null, ~ or nothing)");
  EXPECT_EQ(conversion_error("!!float abc"), "1:1: 'abc' is not a floating-point number");
  EXPECT_EQ(conversion_error("- !!float 1e999"),
            "1:3: floating-point number 1e999 is too large for 64 bits");
  EXPECT_EQ(conversion_error("- 1e999"),
            "1:3: floating-point number 1e999 is too large for 64 bits");
  EXPECT_EQ(conversion_error("!!binary \"AQ!=\""),
            "1:1: invalid !!binary: invalid character '!' at offset 2 of the base64 data");
  EXPECT_EQ(conversion_error("!!timestamp 2001-02-29"),
            "1:1: '2001-02-29' is not a valid date and time");
  EXPECT_EQ(conversion_error("x: 18446744073709551616"),
            "1:4: integer 18446744073709551616 does not fit in 64 bits");
  EXPECT_EQ(conversion_error("x: -9223372036854775809"),
            "1:4: integer -9223372036854775809 does not fit in 64 bits");
}

TEST(ConvertErrors, DuplicateKeys) {
  EXPECT_EQ(conversion_error("{a: 1, a: 2}"), "1:8: duplicate key 'a' in a mapping (first at 1:2)");
  EXPECT_EQ(conversion_error("a: 1\nb: 2\n\"a\": 3\n"),
            "3:1: duplicate key 'a' in a mapping (first at 1:1)");
  EXPECT_EQ(conversion_error("{[1, 2]: a, [1, 2]: b}"),
            "1:13: duplicate key in a mapping (first at 1:2)");
  // Keys of different types are different keys.
  EXPECT_EQ(conversion_error("{1: a, '1': b, 1.0: c}"), "");
}

TEST(ConvertErrors, Aliases) {
  EXPECT_EQ(conversion_error("&a [*a]"),
            "1:5: alias *a refers to the node &a that contains it, which would be infinitely deep");
  EXPECT_EQ(conversion_error("[*x]"),
            "1:2: alias *x refers to an anchor &x that is not defined before it");
}

TEST(ConvertLimits, NestingBomb) {
  std::string deep(600, '[');
  EXPECT_EQ(conversion_error(deep), "1:513: the configuration nests deeper than 512 levels");
  // 512 levels are fine.
  std::string ok = std::string(512, '[') + std::string(512, ']');
  EXPECT_EQ(conversion_error(ok), "");
  // Block style counts the same way.
  std::string block;
  for (int i = 0; i < 513; ++i) block += std::string(i, ' ') + "-\n";
  EXPECT_EQ(conversion_error(block), "513:513: the configuration nests deeper than 512 levels");
}

TEST(ConvertLimits, DeepAlias) {
  // Each alias doubles nothing but nests the anchored node once more.
  std::string yaml = "a: &a " + std::string(300, '[') + std::string(300, ']') + "\n";
  yaml += "b: " + std::string(300, '[') + "*a" + std::string(300, ']') + "\n";
  EXPECT_EQ(conversion_error(yaml),
            "2:304: alias *a makes the configuration nest deeper than 512 levels");
}

TEST(ConvertLimits, BillionLaughs) {
  std::string yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 10; ++j) yaml += (j ? ", " : "") + prev;
    yaml += "]\n";
  }
  std::string error = conversion_error(yaml);
  EXPECT_NE(error.find("the configuration expands to more than 1000000 nodes (an alias "
                       "expansion bomb?)"),
            std::string::npos)
      << error;
  EXPECT_EQ(error.substr(0, 2), "6:");  // At the alias that crosses the limit.
}

TEST(ConvertLimits, ByteBomb) {
  // Few nodes, but a large string referenced many times.
  std::string yaml = "a: &s " + std::string(1 << 20, 'x') + "\nb: [";
  for (int i = 0; i < 100; ++i) yaml += (i ? ", " : "") + std::string("*s");
  yaml += "]\n";
  std::string error = conversion_error(yaml);
  EXPECT_NE(error.find("the configuration expands to more than 64 MiB of argument data (an alias "
                       "expansion bomb?)"),
            std::string::npos)
      << error;
}

TEST(ConvertLimits, CustomLimits) {
  YamlLimits limits;
  limits.max_nodes = 5;
  auto doc = read_yaml("[1, 2, 3, 4, 5]", limits);
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().mark.str(), "1:14");
  EXPECT_EQ(doc.error().message, "the configuration expands to more than 5 nodes");
}

TEST(ConvertMarks, FormatWithFile) {
  auto c = test::convert_text("a:\n  - !file {type: file}\n");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().format("cfg.yaml"), "cfg.yaml:2:5: !file needs a 'path' key");
  ConfigError no_mark{Mark{}, "cannot open executable 'x': No such file or directory", ENOENT};
  EXPECT_EQ(no_mark.format("cfg.yaml"), "cannot open executable 'x': No such file or directory");
}

}  // namespace
}  // namespace cloudabi::run
