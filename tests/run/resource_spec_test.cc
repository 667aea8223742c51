// Parsing of the resource tags (!fd, !file, !socket, !executable) without
// opening anything, and the exact messages of their errors.
#include "run/resource_spec.h"

#include <gtest/gtest.h>

#include "run/convert.h"
#include "tests/run/test_util.h"

namespace cloudabi::run {
namespace {

using test::conversion_error;

// The specs a conversion hands to the provider.
std::vector<ResourceSpec> specs_of(std::string_view yaml) {
  auto doc = read_yaml(yaml);
  EXPECT_TRUE(doc);
  if (!doc) return {};
  PlaceholderResources resources;
  auto c = convert(*doc, resources);
  EXPECT_TRUE(c) << c.error().message;
  return resources.specs();
}

TEST(ResourceTags, KindOfTag) {
  EXPECT_EQ(resource_kind_of_tag("!fd"), ResourceKind::kFd);
  EXPECT_EQ(resource_kind_of_tag("tag:nuxi.nl,2015:cloudabi/fd"), ResourceKind::kFd);
  EXPECT_EQ(resource_kind_of_tag("!file"), ResourceKind::kFile);
  EXPECT_EQ(resource_kind_of_tag("tag:nuxi.nl,2015:cloudabi/socket"), ResourceKind::kSocket);
  EXPECT_EQ(resource_kind_of_tag("!executable"), ResourceKind::kExecutable);
  EXPECT_FALSE(resource_kind_of_tag("!Fd"));
  EXPECT_FALSE(resource_kind_of_tag("tag:yaml.org,2002:fd"));
  EXPECT_FALSE(resource_kind_of_tag("tag:nuxi.nl,2016:cloudabi/fd"));
}

TEST(FdSpec, Values) {
  auto specs = specs_of("[!fd stdin, !fd stdout, !fd stderr, !fd 0, !fd 42, !fd 2147483647]");
  ASSERT_EQ(specs.size(), 6u);
  std::vector<int> fds;
  for (const auto& s : specs) fds.push_back(std::get<FdSpec>(s.spec).fd);
  EXPECT_EQ(fds, (std::vector<int>{0, 1, 2, 0, 42, 2147483647}));
  EXPECT_EQ(specs[1].summary(), "!fd stdout");
  EXPECT_EQ(specs[1].mark, (Mark{1, 13}));
}

TEST(FdSpec, Errors) {
  EXPECT_EQ(conversion_error("!fd"), "1:1: !fd needs stdin, stdout, stderr or a descriptor number");
  EXPECT_EQ(conversion_error("x: !fd -1"),
            "1:4: !fd needs stdin, stdout, stderr or a descriptor number, not '-1'");
  EXPECT_EQ(conversion_error("x: !fd STDOUT"),
            "1:4: !fd needs stdin, stdout, stderr or a descriptor number, not 'STDOUT'");
  EXPECT_EQ(conversion_error("!fd 2147483648"), "1:1: descriptor number 2147483648 is too large");
  EXPECT_EQ(conversion_error("!fd {a: 1}"),
            "1:1: !fd needs stdin, stdout, stderr or a descriptor number, not a mapping");
  EXPECT_EQ(conversion_error("!fd [1]"),
            "1:1: !fd needs stdin, stdout, stderr or a descriptor number, not a sequence");
}

TEST(ExecutableSpec, Forms) {
  auto specs = specs_of("[!executable, !executable ignored, !executable '']");
  ASSERT_EQ(specs.size(), 3u);
  EXPECT_EQ(specs[0].summary(), "!executable");
  EXPECT_EQ(conversion_error("!executable [1]"),
            "1:1: !executable takes no value, but has a sequence");
  EXPECT_EQ(conversion_error("!executable {}"),
            "1:1: !executable takes no value, but has a mapping");
}

TEST(FileSpec, AllKeys) {
  auto specs = specs_of(
      "!file {path: /srv/out, type: file, rights: [FD_WRITE, fd_seek, CLOUDABI_RIGHT_FD_TELL], "
      "create: true, exclusive: true, truncate: true, append: false, mode: 0640}");
  ASSERT_EQ(specs.size(), 1u);
  const FileSpec& f = std::get<FileSpec>(specs[0].spec);
  EXPECT_EQ(f.path, "/srv/out");
  EXPECT_EQ(f.type, FileSpec::Type::kFile);
  ASSERT_TRUE(f.rights);
  EXPECT_FALSE(f.rights->preset);
  EXPECT_EQ(f.rights->bits,
            CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FD_SEEK | CLOUDABI_RIGHT_FD_TELL);
  EXPECT_FALSE(f.inheriting);
  EXPECT_TRUE(f.create);
  EXPECT_TRUE(f.exclusive);
  EXPECT_TRUE(f.truncate);
  EXPECT_FALSE(f.append);
  EXPECT_EQ(f.mode, 0640u);
  EXPECT_EQ(specs[0].summary(), "!file /srv/out");
}

TEST(FileSpec, PresetsAndModes) {
  auto specs = specs_of(
      "- !file {path: a, rights: read-only, inheriting: [FD_READ]}\n"
      "- !file {path: b, rights: append-only}\n"
      "- !file {path: c, rights: FD_READ}\n"
      "- !file {path: d, create: true, mode: 0o755}\n"
      "- !file {path: e, create: true, mode: 600}\n"
      "- !file {path: f, rights: []}\n"
      "- !file {path: 'g h', type: directory}\n");
  ASSERT_EQ(specs.size(), 7u);
  const auto& a = std::get<FileSpec>(specs[0].spec);
  EXPECT_EQ(a.rights->preset, Preset::kReadOnly);
  EXPECT_EQ(a.inheriting->bits, CLOUDABI_RIGHT_FD_READ);
  const auto& b = std::get<FileSpec>(specs[1].spec);
  EXPECT_TRUE(b.append);  // append-only implies O_APPEND.
  EXPECT_EQ(std::get<FileSpec>(specs[2].spec).rights->bits, CLOUDABI_RIGHT_FD_READ);
  EXPECT_EQ(std::get<FileSpec>(specs[3].spec).mode, 0755u);
  EXPECT_EQ(std::get<FileSpec>(specs[4].spec).mode, 0600u);  // Modes are always octal.
  EXPECT_EQ(std::get<FileSpec>(specs[5].spec).rights->bits, 0u);
  EXPECT_EQ(std::get<FileSpec>(specs[6].spec).path, "g h");
  EXPECT_EQ(std::get<FileSpec>(specs[6].spec).type, FileSpec::Type::kDirectory);
}

TEST(FileSpec, Errors) {
  EXPECT_EQ(conversion_error("x:\n  - !file {type: file}\n"), "2:5: !file needs a 'path' key");
  EXPECT_EQ(conversion_error("!file"),
            "1:1: !file needs a mapping like {path: /srv/data}, not a scalar");
  EXPECT_EQ(conversion_error("!file [a]"),
            "1:1: !file needs a mapping like {path: /srv/data}, not a sequence");
  EXPECT_EQ(conversion_error("!file {pat: x}"),
            "1:8: !file has no key 'pat' (its keys are path, type, rights, inheriting, create, "
            "exclusive, truncate, append, mode)");
  EXPECT_EQ(conversion_error("!file {[path]: x}"),
            "1:8: the keys of !file are plain words like 'path', not a sequence");
  EXPECT_EQ(conversion_error("!file {path: x, path: y}"),
            "1:17: 'path' appears twice in !file (first at 1:8)");
  EXPECT_EQ(conversion_error("!file {path: ~}"), "1:14: 'path' of !file needs a value");
  EXPECT_EQ(conversion_error("!file {path: [a]}"),
            "1:14: !file needs a string for 'path', not a sequence");
  EXPECT_EQ(conversion_error("!file {path: !!int 5}"),
            "1:14: !file needs a string for 'path', not a value tagged !!int");
  EXPECT_EQ(conversion_error("!file {path: \"a\\0b\"}"),
            "1:14: the path of !file contains a NUL character");
  EXPECT_EQ(conversion_error("!file {path: x, type: dir}"),
            "1:23: 'type' of !file must be file or directory, not 'dir'");
  EXPECT_EQ(conversion_error("!file {path: x, create: yes}"),
            "1:25: 'create' of !file must be true or false");
  EXPECT_EQ(conversion_error("!file {path: x, exclusive: true}"),
            "1:17: 'exclusive: true' needs 'create: true'");
  EXPECT_EQ(conversion_error("!file {path: x, mode: 0644}"),
            "1:17: 'mode' only applies with 'create: true'");
  EXPECT_EQ(conversion_error("!file {path: x, create: true, mode: 0999}"),
            "1:37: 'mode' must be octal permission bits like 0644");
  EXPECT_EQ(conversion_error("!file {path: x, create: true, mode: 017777}"),
            "1:37: 'mode' must be octal permission bits like 0644");
  EXPECT_EQ(conversion_error("!file {path: x, type: directory, truncate: true}"),
            "1:34: a directory cannot be truncated");
  EXPECT_EQ(conversion_error("!file {path: x, type: directory, append: true}"),
            "1:34: a directory cannot be opened for appending");
  EXPECT_EQ(
      conversion_error("!file {path: x, append: true, rights: [FD_WRITE, FD_STAT_PUT_FLAGS]}"),
      "1:39: 'append: true' cannot be combined with FD_STAT_PUT_FLAGS, which lets the "
      "program turn appending off");
}

TEST(FileSpec, RightsErrors) {
  EXPECT_EQ(conversion_error("!file {path: x, rights: [FD_READ, FD_REED]}"),
            "1:35: unknown right 'FD_REED'; did you mean FD_READ?");
  EXPECT_EQ(conversion_error("!file {path: x, rights: [FILE_FROB]}"),
            "1:26: unknown right 'FILE_FROB'");
  EXPECT_EQ(conversion_error("!file {path: x, rights: [read-only]}"),
            "1:26: 'read-only' is a preset; write it alone, as 'rights: read-only', not in a list "
            "of right names");
  EXPECT_EQ(conversion_error("!file {path: x, rights: read-ony}"),
            "1:25: 'rights: read-ony' is neither a rights preset (read-only, write-only, "
            "append-only, read-write, executable, all) nor a right name; did you mean read-only?");
  EXPECT_EQ(conversion_error("!file {path: x, inheriting: {a: b}}"),
            "1:29: 'inheriting' needs a preset (read-only, write-only, append-only, read-write, "
            "executable, all) or a list of right names like [FD_READ, FD_SEEK]");
  EXPECT_EQ(conversion_error("!file {path: x, rights: [[FD_READ]]}"),
            "1:26: the list of 'rights' may only contain right names like FD_READ");
}

TEST(SocketSpec, Forms) {
  auto specs = specs_of(
      "- !socket {bind: 127.0.0.1:8080}\n"
      "- !socket {type: dgram, connect: '[::1]:53'}\n"
      "- !socket {bind: /run/x.sock}\n"
      "- !socket {connect: ./rel.sock, type: stream}\n"
      "- !socket {bind: '*:http'}\n");
  ASSERT_EQ(specs.size(), 5u);
  const auto& a = std::get<SocketSpec>(specs[0].spec);
  EXPECT_TRUE(a.stream);
  EXPECT_TRUE(a.bind);
  EXPECT_EQ(a.address, (Address{Address::Kind::kInet, "", "127.0.0.1", "8080"}));
  EXPECT_EQ(specs[0].summary(), "!socket stream bind 127.0.0.1:8080");
  const auto& b = std::get<SocketSpec>(specs[1].spec);
  EXPECT_FALSE(b.stream);
  EXPECT_FALSE(b.bind);
  EXPECT_EQ(b.address.host, "::1");
  EXPECT_EQ(specs[1].summary(), "!socket dgram connect [::1]:53");
  EXPECT_EQ(std::get<SocketSpec>(specs[2].spec).address.kind, Address::Kind::kUnix);
  EXPECT_EQ(std::get<SocketSpec>(specs[3].spec).address.path, "./rel.sock");
  EXPECT_EQ(std::get<SocketSpec>(specs[4].spec).address.host, "");
}

TEST(SocketSpec, Errors) {
  EXPECT_EQ(conversion_error("!socket {bind: 127.0.0.1:80, connect: 127.0.0.1:80}"),
            "1:30: !socket needs exactly one of 'bind' and 'connect'");
  EXPECT_EQ(conversion_error("- !socket {type: stream}"),
            "1:3: !socket needs exactly one of 'bind' and 'connect'");
  EXPECT_EQ(conversion_error("!socket {bind: localhost}"),
            "1:16: 'localhost' has no port; write host:port, [v6addr]:port or a unix socket path "
            "starting with / or ./");
  EXPECT_EQ(conversion_error("!socket {connect: '*:80'}"),
            "1:19: '*:80' has no host to connect to");
  EXPECT_EQ(conversion_error("!socket {type: seqpacket, bind: '*:80'}"),
            "1:16: 'type' of !socket must be stream or dgram, not 'seqpacket'");
  EXPECT_EQ(conversion_error("!socket [1]"),
            "1:1: !socket needs a mapping like {bind: 127.0.0.1:8080}, not a sequence");
  EXPECT_EQ(conversion_error("!socket {listen: x}"),
            "1:10: !socket has no key 'listen' (its keys are type, bind, connect)");
}

}  // namespace
}  // namespace cloudabi::run
