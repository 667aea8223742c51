// --print-argdata output: argdata as YAML (which must read back to the same
// argdata) and the descriptor table.
#include "run/print.h"

#include <fcntl.h>
#include <gtest/gtest.h>

#include "tests/run/test_util.h"

namespace cloudabi::run {
namespace {

std::string printed(std::string_view yaml) {
  auto c = test::convert_text(yaml);
  if (!c) return "error: " + c.error().message;
  return format_argdata_yaml(c->argdata);
}

// The printed form of `yaml`, without the %TAG line and document markers.
std::string body(std::string_view yaml) {
  std::string out = printed(yaml);
  const std::string head = "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---";
  if (out.rfind(head, 0) != 0 || out.size() < head.size() + 4) return out;
  out = out.substr(head.size(), out.size() - head.size() - 4);  // Drop "...\n".
  if (!out.empty() && out[0] == ' ') out = out.substr(1);
  return out;
}

TEST(PrintYaml, Scalars) {
  EXPECT_EQ(body("~"), "null\n");
  EXPECT_EQ(body("true"), "true\n");
  EXPECT_EQ(body("-129"), "-129\n");
  EXPECT_EQ(body("18446744073709551615"), "18446744073709551615\n");
  EXPECT_EQ(body("1.5"), "1.5\n");
  EXPECT_EQ(body("!!float 1"), "1.0\n");
  EXPECT_EQ(body("0.1"), "0.1\n");
  EXPECT_EQ(body("1e300"), "1e+300\n");
  EXPECT_EQ(body("-.inf"), "-.inf\n");
  EXPECT_EQ(body(".nan"), ".nan\n");
  EXPECT_EQ(body("hello"), "hello\n");
  EXPECT_EQ(body("/srv/data"), "/srv/data\n");
  EXPECT_EQ(body("'123'"), "\"123\"\n");
  EXPECT_EQ(body("'true'"), "\"true\"\n");
  EXPECT_EQ(body("''"), "\"\"\n");
  EXPECT_EQ(body("'a b: c'"), "\"a b: c\"\n");
  EXPECT_EQ(body("\"q\\\"\\\\\\n\\t\\0\\x01\\u00e9\\u2028\\x85\""),
            "\"q\\\"\\\\\\n\\t\\0\\x01\xc3\xa9\\L\\N\"\n");
  EXPECT_EQ(body("!!binary AQI="), "!!binary \"AQI=\"\n");
  EXPECT_EQ(body("!!timestamp 2015-08-01 12:30:00.5 +02:00"),
            "!!timestamp 2015-08-01T10:30:00.5Z\n");
  EXPECT_EQ(body("!fd stdout"), "!fd 0\n");
}

TEST(PrintYaml, Collections) {
  EXPECT_EQ(body("[]"), "[]\n");
  EXPECT_EQ(body("{}"), "{}\n");
  EXPECT_EQ(body("[1, [2, []], {a: {}}]"), "\n- 1\n-\n  - 2\n  - []\n-\n  a: {}\n");
  EXPECT_EQ(body("{a: [1], b: {c: d}}"), "\na:\n  - 1\nb:\n  c: d\n");
  EXPECT_EQ(body("{[1, {x: y}]: v, {}: w}"), "\n? [1, {? x : y}]\n: v\n{}: w\n");
}

// Printing then reading back gives the same argdata.
TEST(PrintYaml, RoundTrip) {
  for (const char* yaml :
       {"{a: 1, b: [true, ~, 1.5, -7, 'x y', !!binary AQID, !!timestamp 2000-01-01], c: {}}",
        "[\"\\u0000\\u0001\\u007f\\u0080\\u009f\\u00a0\\ufeff\\uffff\\U0001F600\"]",
        "{? [a, {b: [c]}] : {? {d: e} : f}}", "[0.1, 1e-300, 5e-324, 1.7976931348623157e308, -0.0]",
        "[[[[[]]]], {x: {y: {z: []}}}]", "[-.inf, .inf, .nan, 9223372036854775808]",
        "{'null': null, 'true': true, '1': 1, '.5': .5, '-': x, '.': y, '- a': z}"}) {
    auto c = test::convert_text(yaml);
    ASSERT_TRUE(c) << yaml << ": " << c.error().message;
    std::string out = format_argdata_yaml(c->argdata);
    auto again = test::convert_text(out);
    ASSERT_TRUE(again) << out << ": " << again.error().message;
    EXPECT_EQ(test::hex(again->argdata), test::hex(c->argdata)) << yaml << "\n" << out;
  }
}

// YAML limits implicit keys to 1024 characters: longer scalar keys are
// printed as explicit keys (found by yaml_to_argdata_fuzz).
TEST(PrintYaml, LongKeysRoundTrip) {
  for (size_t n : {1000u, 1001u, 1024u, 1025u, 5000u}) {
    std::string yaml = "{? " + std::string(n, 'k') + " : v, ? '" + std::string(n, 'q') + "' : [1]}";
    auto c = test::convert_text(yaml);
    ASSERT_TRUE(c) << n << ": " << c.error().message;
    std::string out = format_argdata_yaml(c->argdata);
    auto again = test::convert_text(out);
    ASSERT_TRUE(again) << n << ": " << again.error().message;
    EXPECT_EQ(test::hex(again->argdata), test::hex(c->argdata)) << n;
  }
}

TEST(PrintTable, Rows) {
  GrantInfo out;
  out.host_fd = 1;
  out.kind = ResourceKind::kFd;
  out.summary = "!fd stdout";
  out.detail = "host fd 1";
  out.mark = Mark{3, 10};
  out.type = HostFileType::kTty;
  out.access_mode = O_RDWR;
  GrantInfo dir;
  dir.kind = ResourceKind::kFile;
  dir.summary = "!file /srv/data";
  dir.detail = "/srv/data";
  dir.mark = Mark{4, 9};
  dir.type = HostFileType::kDirectory;
  dir.access_mode = O_RDONLY;
  dir.rights_base = preset_rights(Preset::kReadOnly, true)->base;
  dir.rights_inheriting = preset_rights(Preset::kReadOnly, true)->inheriting;
  dir.rights_origin = "read-only preset";
  GrantInfo log;
  log.kind = ResourceKind::kFile;
  log.summary = "!file /var/log/app.log";
  log.detail = "/var/log/app.log";
  log.mark = Mark{5, 6};
  log.type = HostFileType::kRegularFile;
  log.access_mode = O_WRONLY;
  std::vector<GrantInfo> rows = {out, dir, log};
  const std::string expected =
      "descriptors:\n"
      "  fd  resource                type          granted at\n"
      "  0   !fd stdout              terminal      cfg.yaml:3:10\n"
      "        host fd 1\n"
      "        rights: FD_READ FD_STAT_PUT_FLAGS FD_WRITE FILE_STAT_FGET POLL_FD_READWRITE (the "
      "maximum for\n"
      "                a terminal)\n"
      "  1   !file /srv/data         directory     cfg.yaml:4:9\n"
      "        rights: FILE_OPEN FILE_READDIR FILE_READLINK FILE_STAT_FGET FILE_STAT_GET "
      "(read-only "
      "preset)\n"
      "        inheriting: FD_READ FD_SEEK FD_TELL FILE_ADVISE FILE_OPEN FILE_READDIR "
      "FILE_READLINK\n"
      "                    FILE_STAT_FGET FILE_STAT_GET MEM_MAP POLL_FD_READWRITE\n"
      "  2   !file /var/log/app.log  regular file  cfg.yaml:5:6\n"
      "        rights: FD_DATASYNC FD_SEEK FD_STAT_PUT_FLAGS FD_SYNC FD_TELL FD_WRITE FILE_ADVISE\n"
      "                FILE_ALLOCATE FILE_STAT_FGET FILE_STAT_FPUT_SIZE FILE_STAT_FPUT_TIMES\n"
      "                POLL_FD_READWRITE (the maximum for a regular file, opened write-only)\n";
  EXPECT_EQ(format_descriptor_table(rows, "cfg.yaml"), expected);
  // No line is wider than 100 columns.
  size_t start = 0;
  while (start < expected.size()) {
    size_t end = expected.find('\n', start);
    EXPECT_LE(end - start, 100u);
    start = end + 1;
  }
  EXPECT_EQ(format_descriptor_table({}, "cfg.yaml"), "descriptors: none\n");
}

}  // namespace
}  // namespace cloudabi::run
