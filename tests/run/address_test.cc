// Parsing of !socket addresses.
#include "run/address.h"

#include <gtest/gtest.h>

namespace cloudabi::run {
namespace {

Address inet(std::string host, std::string port) {
  return Address{Address::Kind::kInet, "", std::move(host), std::move(port)};
}
Address unix_path(std::string path) {
  return Address{Address::Kind::kUnix, std::move(path), "", ""};
}

std::string error_of(std::string_view text, bool bind) {
  std::string error;
  auto a = parse_address(text, bind, &error);
  return a ? "" : error;
}

TEST(Address, Inet) {
  std::string error;
  EXPECT_EQ(*parse_address("127.0.0.1:8080", false, &error), inet("127.0.0.1", "8080"));
  EXPECT_EQ(*parse_address("localhost:http", false, &error), inet("localhost", "http"));
  EXPECT_EQ(*parse_address("[::1]:53", false, &error), inet("::1", "53"));
  EXPECT_EQ(*parse_address("[fe80::1%lo]:53", false, &error), inet("fe80::1%lo", "53"));
  EXPECT_EQ(*parse_address("*:8080", true, &error), inet("", "8080"));
  EXPECT_EQ(*parse_address(":0", true, &error), inet("", "0"));
  EXPECT_EQ(*parse_address("[::]:65535", true, &error), inet("::", "65535"));
}

TEST(Address, Unix) {
  std::string error;
  EXPECT_EQ(*parse_address("/run/app.sock", true, &error), unix_path("/run/app.sock"));
  EXPECT_EQ(*parse_address("./app.sock", false, &error), unix_path("./app.sock"));
  EXPECT_EQ(*parse_address("../x:1", false, &error), unix_path("../x:1"));
  EXPECT_EQ(parse_address("/" + std::string(106, 'a'), true, &error)->path.size(), 107u);
  EXPECT_EQ(error_of("/" + std::string(107, 'a'), true),
            "the unix socket path is longer than 107 bytes");
}

TEST(Address, Errors) {
  const std::string hint =
      "; write host:port, [v6addr]:port or a unix socket path starting with / or ./";
  EXPECT_EQ(error_of("", true), "the address is empty" + hint);
  EXPECT_EQ(error_of("localhost", false), "'localhost' has no port" + hint);
  EXPECT_EQ(error_of("app.sock", true), "'app.sock' has no port" + hint);
  EXPECT_EQ(error_of("::1:80", false), "write IPv6 addresses in brackets, like [::1]:8080");
  EXPECT_EQ(error_of("[::1]", false), "'[::1]' has no port" + hint);
  EXPECT_EQ(error_of("[::1]80", false), "'[::1]80' has no port" + hint);
  EXPECT_EQ(error_of("[::1", false), "'[::1' has no ']' after the IPv6 address");
  EXPECT_EQ(error_of("[127.0.0.1]:80", false),
            "'127.0.0.1' between [ and ] is not an IPv6 address");
  EXPECT_EQ(error_of("host:", false), "the port is missing");
  EXPECT_EQ(error_of("host:65536", false), "port 65536 is not in the range 0-65535");
  EXPECT_EQ(error_of("host:1234567", false), "port 1234567 is not in the range 0-65535");
  EXPECT_EQ(error_of("host:a b", false), "'a b' is neither a port number nor a service name");
  EXPECT_EQ(error_of(":80", false), "':80' has no host to connect to");
  EXPECT_EQ(error_of(std::string("/a\0b", 4), true), "the address contains a NUL character");
}

}  // namespace
}  // namespace cloudabi::run
