#include <arpa/inet.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

uint32_t htonl(uint32_t v) { return __builtin_bswap32(v); }
uint16_t htons(uint16_t v) { return __builtin_bswap16(v); }
uint32_t ntohl(uint32_t v) { return __builtin_bswap32(v); }
uint16_t ntohs(uint16_t v) { return __builtin_bswap16(v); }

// inet_aton accepts the traditional forms a, a.b, a.b.c and a.b.c.d, each
// part decimal, octal (leading 0) or hexadecimal (0x).
int inet_aton(const char *s, struct in_addr *addr) {
  uint32_t parts[4];
  int n = 0;
  for (;;) {
    if (n == 4) return 0;
    int base = 10;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
      base = 16;
      s += 2;
    } else if (s[0] == '0') {
      base = 8;
    }
    uint64_t v = 0;
    bool digits = false;
    for (;; ++s) {
      int d;
      if (*s >= '0' && *s <= '9')
        d = *s - '0';
      else if (base == 16 && *s >= 'a' && *s <= 'f')
        d = *s - 'a' + 10;
      else if (base == 16 && *s >= 'A' && *s <= 'F')
        d = *s - 'A' + 10;
      else
        break;
      if (d >= base) return 0;
      v = v * (unsigned)base + (unsigned)d;
      if (v > 0xffffffff) return 0;
      digits = true;
    }
    if (!digits && base != 8) return 0;
    parts[n++] = (uint32_t)v;
    if (*s == '\0') break;
    if (*s++ != '.') return 0;
  }
  uint32_t a;
  switch (n) {
    case 1:
      a = parts[0];
      break;
    case 2:
      if (parts[0] > 0xff || parts[1] > 0xffffff) return 0;
      a = parts[0] << 24 | parts[1];
      break;
    case 3:
      if (parts[0] > 0xff || parts[1] > 0xff || parts[2] > 0xffff) return 0;
      a = parts[0] << 24 | parts[1] << 16 | parts[2];
      break;
    default:
      for (int i = 0; i < 4; ++i)
        if (parts[i] > 0xff) return 0;
      a = parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3];
      break;
  }
  if (addr != NULL) addr->s_addr = htonl(a);
  return 1;
}

// Dotted decimal, exactly four parts of at most three digits, no leading
// zeros.
static int pton4(const char *s, unsigned char out[4]) {
  for (int i = 0; i < 4; ++i) {
    if (i > 0 && *s++ != '.') return 0;
    if (*s < '0' || *s > '9') return 0;
    unsigned v = 0;
    int len = 0;
    for (; *s >= '0' && *s <= '9'; ++s, ++len) v = v * 10 + (unsigned)(*s - '0');
    if (len > 3 || v > 255 || (len > 1 && s[-len] == '0')) return 0;
    out[i] = (unsigned char)v;
  }
  return *s == '\0';
}

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static int pton6(const char *s, unsigned char out[16]) {
  unsigned char words[16] = {0};
  int n = 0, gap = -1;
  if (s[0] == ':') {
    if (s[1] != ':') return 0;
    ++s;
  }
  while (*s != '\0') {
    if (n == 16) return 0;
    if (*s == ':') {
      if (gap >= 0) return 0;
      gap = n;
      ++s;
      continue;
    }
    // An embedded IPv4 address at the end.
    const char *dot = strchr(s, '.');
    if (dot != NULL && strchr(s, ':') == NULL) {
      if (n > 12 || !pton4(s, words + n)) return 0;
      n += 4;
      break;
    }
    unsigned v = 0;
    int len = 0, d;
    for (; (d = hex_value(*s)) >= 0; ++s, ++len) v = v << 4 | (unsigned)d;
    if (len == 0 || len > 4) return 0;
    words[n++] = (unsigned char)(v >> 8);
    words[n++] = (unsigned char)v;
    if (*s == ':') {
      ++s;
      if (*s == '\0') return 0;
    } else if (*s != '\0') {
      return 0;
    }
  }
  if (gap < 0) {
    if (n != 16) return 0;
    memcpy(out, words, 16);
  } else {
    if (n == 16) return 0;
    memset(out, 0, 16);
    memcpy(out, words, (size_t)gap);
    memcpy(out + 16 - (n - gap), words + gap, (size_t)(n - gap));
  }
  return 1;
}

int inet_pton(int af, const char *restrict s, void *restrict dst) {
  unsigned char buf[16];
  switch (af) {
    case AF_INET:
      if (!pton4(s, buf)) return 0;
      memcpy(dst, buf, 4);
      return 1;
    case AF_INET6:
      if (!pton6(s, buf)) return 0;
      memcpy(dst, buf, 16);
      return 1;
    default:
      errno = EAFNOSUPPORT;
      return -1;
  }
}

// IPv6 text as RFC 5952 recommends: lower case, the longest run of two or
// more zero words shortened to "::", IPv4-mapped addresses in dotted form.
const char *inet_ntop(int af, const void *restrict src, char *restrict dst, socklen_t size) {
  const unsigned char *a = src;
  char buf[INET6_ADDRSTRLEN];
  if (af == AF_INET) {
    snprintf(buf, sizeof(buf), "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
  } else if (af == AF_INET6) {
    unsigned w[8];
    for (int i = 0; i < 8; ++i) w[i] = (unsigned)a[2 * i] << 8 | a[2 * i + 1];
    int best = -1, best_len = 1;
    for (int i = 0; i < 8;) {
      int j = i;
      while (j < 8 && w[j] == 0) ++j;
      if (j - i > best_len) {
        best = i;
        best_len = j - i;
      }
      i = j > i ? j : i + 1;
    }
    char *p = buf;
    if (best == 0 && (best_len == 6 || (best_len == 5 && w[5] == 0xffff))) {
      p += snprintf(p, (size_t)(buf + sizeof(buf) - p), best_len == 6 ? "::" : "::ffff:");
      snprintf(p, 16, "%u.%u.%u.%u", a[12], a[13], a[14], a[15]);
    } else {
      for (int i = 0; i < 8; ++i) {
        if (i == best) {
          p += snprintf(p, (size_t)(buf + sizeof(buf) - p), "::");
          i += best_len - 1;
          continue;
        }
        p += snprintf(p, (size_t)(buf + sizeof(buf) - p), i > 0 && p[-1] != ':' ? ":%x" : "%x",
                      w[i]);
      }
    }
  } else {
    errno = EAFNOSUPPORT;
    return NULL;
  }
  if (strlcpy(dst, buf, size) >= size) {
    errno = ENOSPC;
    return NULL;
  }
  return dst;
}
