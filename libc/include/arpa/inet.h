// arpa/inet.h: definitions for Internet operations.
//
// Features missing:
// - inet_addr(): it cannot tell 255.255.255.255 from an error. Use
//   inet_aton() or inet_pton().
// - inet_ntoa(): it returns a static buffer and is not thread-safe. Use
//   inet_ntop().
#ifndef _ARPA_INET_H_
#define _ARPA_INET_H_

#include <_/cdefs.h>
#include <netinet/in.h>

__BEGIN_DECLS
int inet_aton(const char *, struct in_addr *);
const char *inet_ntop(int, const void *__restrict, char *__restrict, socklen_t);
int inet_pton(int, const char *__restrict, void *__restrict);
__END_DECLS

#endif
