#include <sys/socket.h>
#include <unistd.h>

// CloudABI has no pipes of its own: a pair of connected stream sockets, both
// ends of which can read and write, serves instead.
int pipe(int *fds) { return socketpair(AF_UNIX, SOCK_STREAM, 0, fds); }
