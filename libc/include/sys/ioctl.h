// sys/ioctl.h: control device.
//
// Only FIONREAD exists: the number of bytes that can be read without
// blocking (for files, the bytes between the offset and the end).
#ifndef _SYS_IOCTL_H_
#define _SYS_IOCTL_H_

#include <_/cdefs.h>

#define FIONREAD 1

__BEGIN_DECLS
int ioctl(int, unsigned long, ...);
__END_DECLS

#endif
