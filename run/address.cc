#include "run/address.h"

#include <arpa/inet.h>
#include <sys/un.h>

namespace cloudabi::run {
namespace {

bool valid_port(std::string_view port, std::string* error) {
  if (port.empty()) {
    *error = "the port is missing";
    return false;
  }
  bool digits = true;
  for (char c : port) {
    if (c < '0' || c > '9') digits = false;
  }
  if (digits) {
    if (port.size() > 5 || std::stoul(std::string(port)) > 65535) {
      *error = "port " + std::string(port) + " is not in the range 0-65535";
      return false;
    }
    return true;
  }
  for (char c : port) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok) {
      *error = "'" + std::string(port) + "' is neither a port number nor a service name";
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<Address> parse_address(std::string_view text, bool for_bind, std::string* error) {
  const std::string hint =
      "; write host:port, [v6addr]:port or a unix socket path starting with / or ./";
  if (text.empty()) {
    *error = "the address is empty" + hint;
    return std::nullopt;
  }
  if (text.find('\0') != std::string_view::npos) {
    *error = "the address contains a NUL character";
    return std::nullopt;
  }
  Address a;
  if (text[0] == '/' || text.starts_with("./") || text.starts_with("../")) {
    if (text.size() >= sizeof(sockaddr_un::sun_path)) {
      *error = "the unix socket path is longer than " +
               std::to_string(sizeof(sockaddr_un::sun_path) - 1) + " bytes";
      return std::nullopt;
    }
    a.kind = Address::Kind::kUnix;
    a.path = std::string(text);
    return a;
  }
  std::string_view host, port;
  if (text[0] == '[') {
    size_t close = text.find(']');
    if (close == std::string_view::npos) {
      *error = "'" + std::string(text) + "' has no ']' after the IPv6 address";
      return std::nullopt;
    }
    host = text.substr(1, close - 1);
    std::string_view rest = text.substr(close + 1);
    if (rest.empty() || rest[0] != ':') {
      *error = "'" + std::string(text) + "' has no port" + hint;
      return std::nullopt;
    }
    port = rest.substr(1);
    // A scope ("%eth0") may follow a link-local address.
    std::string literal(host.substr(0, host.find('%')));
    in6_addr tmp;
    if (inet_pton(AF_INET6, literal.c_str(), &tmp) != 1) {
      *error = "'" + std::string(host) + "' between [ and ] is not an IPv6 address";
      return std::nullopt;
    }
  } else {
    size_t colon = text.rfind(':');
    if (colon == std::string_view::npos) {
      *error = "'" + std::string(text) + "' has no port" + hint;
      return std::nullopt;
    }
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (host.find(':') != std::string_view::npos) {
      *error = "write IPv6 addresses in brackets, like [::1]:8080";
      return std::nullopt;
    }
    if (host == "*") host = "";
  }
  if (!valid_port(port, error)) return std::nullopt;
  if (host.empty() && !for_bind) {
    *error = "'" + std::string(text) + "' has no host to connect to";
    return std::nullopt;
  }
  a.kind = Address::Kind::kInet;
  a.host = std::string(host);
  a.port = std::string(port);
  return a;
}

}  // namespace cloudabi::run
