// sys/un.h: UNIX domain sockets.
//
// Features missing:
// - sun_path: sockets are unnamed; connected pairs come from socketpair().
#ifndef _SYS_UN_H_
#define _SYS_UN_H_

#include <_/types.h>

typedef __sa_family_t sa_family_t;

struct sockaddr_un {
  sa_family_t sun_family;
};

#endif
