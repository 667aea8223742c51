#include <errno.h>

_Thread_local int errno;
