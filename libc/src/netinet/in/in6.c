#include <netinet/in.h>
#include <string.h>

const struct in6_addr in6addr_any = IN6ADDR_ANY_INIT;
const struct in6_addr in6addr_loopback = IN6ADDR_LOOPBACK_INIT;

static int zero(const unsigned char *a, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (a[i] != 0) return 0;
  return 1;
}

int IN6_IS_ADDR_UNSPECIFIED(const struct in6_addr *a) { return zero(a->s6_addr, 16); }
int IN6_IS_ADDR_LOOPBACK(const struct in6_addr *a) {
  return zero(a->s6_addr, 15) && a->s6_addr[15] == 1;
}
int IN6_IS_ADDR_MULTICAST(const struct in6_addr *a) { return a->s6_addr[0] == 0xff; }
int IN6_IS_ADDR_LINKLOCAL(const struct in6_addr *a) {
  return a->s6_addr[0] == 0xfe && (a->s6_addr[1] & 0xc0) == 0x80;
}
int IN6_IS_ADDR_SITELOCAL(const struct in6_addr *a) {
  return a->s6_addr[0] == 0xfe && (a->s6_addr[1] & 0xc0) == 0xc0;
}
int IN6_IS_ADDR_V4MAPPED(const struct in6_addr *a) {
  return zero(a->s6_addr, 10) && a->s6_addr[10] == 0xff && a->s6_addr[11] == 0xff;
}
// ::a.b.c.d, except :: and ::1.
int IN6_IS_ADDR_V4COMPAT(const struct in6_addr *a) {
  return zero(a->s6_addr, 12) && !(zero(a->s6_addr + 12, 3) && a->s6_addr[15] <= 1);
}
static int multicast_scope(const struct in6_addr *a, int scope) {
  return IN6_IS_ADDR_MULTICAST(a) && (a->s6_addr[1] & 0xf) == scope;
}
int IN6_IS_ADDR_MC_NODELOCAL(const struct in6_addr *a) { return multicast_scope(a, 0x1); }
int IN6_IS_ADDR_MC_LINKLOCAL(const struct in6_addr *a) { return multicast_scope(a, 0x2); }
int IN6_IS_ADDR_MC_SITELOCAL(const struct in6_addr *a) { return multicast_scope(a, 0x5); }
int IN6_IS_ADDR_MC_ORGLOCAL(const struct in6_addr *a) { return multicast_scope(a, 0x8); }
int IN6_IS_ADDR_MC_GLOBAL(const struct in6_addr *a) { return multicast_scope(a, 0xe); }
