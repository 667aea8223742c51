// Connected IP datagram sockets reach the program through a relay process
// (known hole 3 in docs/security.md). Linux lets a connected UDP socket send
// to any other address named in sendmsg()'s msg_name, which seccomp cannot
// read and Landlock (before ABI 10) cannot refuse. The program therefore gets
// one end of a unix SOCK_SEQPACKET pair instead, which keeps message
// boundaries and ignores msg_name; a process outside the sandbox holds the
// real socket and copies datagrams between the two.
#pragma once

#include "runtime/support/result.h"

namespace cloudabi::runtime {

// Whether `fd` is an IPv4 or IPv6 datagram socket connected to a peer.
bool is_connected_ip_datagram(int fd);

// Starts a relay process for the connected datagram socket `fd` and puts the
// program's end of the pair at `fd` in its place: this process no longer
// holds the real socket. The relay is not a child of this process (it is
// reparented at once) and ends when every holder of the program's end has
// closed it. Must be called before any thread exists.
Result<void> relay_connected_datagrams(int fd);

}  // namespace cloudabi::runtime
