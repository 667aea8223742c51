// Processes: proc_fork's process descriptors (a Linux pidfd per child), the
// lifelines that end children together with their parent, and the mapping
// between CloudABI and Linux signals.
//
// Every child has a lifeline: a pipe whose write end only the parent holds
// (at a Linux descriptor number outside the table, close-on-exec) and whose
// read end the child has armed with O_ASYNC and F_SETSIG = SIGKILL. When the
// last write end closes - the parent process ends, however it ends - the
// kernel sends the child SIGKILL. Unlike PR_SET_PDEATHSIG this follows the
// parent *process*: a child survives the end of the thread that forked it.
//
// A child also ends when the last process descriptor referring to it in the
// parent's table is closed (fd_close, fd_replace, or proc_exec not passing
// it on); the parent then reaps it. Descriptors are compared by the child they
// refer to (pidfs inode; /proc/self/fdinfo on kernels before 6.9), so
// duplicates share the child. Copies in other processes (inherited through
// proc_fork, received over a socket) never end the child: closing them only
// closes them, and they report termination without an exit status (Linux
// gives that to the parent only).
#pragma once

#include <mutex>
#include <vector>

#include "cloudabi_types.h"

namespace cloudabi::runtime {

// --- process descriptors

// Called when a process descriptor is closed (fd_close, or replaced by
// fd_replace; fd must already be gone from the descriptor table): kills and
// reaps the child if no other descriptor in the table refers to it, then
// closes fd.
void close_process_descriptor(int fd);

// Whether the child behind a process descriptor has terminated; if so, how:
// *signal is 0 and *exitcode its exit status if it exited, otherwise *signal
// is the CloudABI signal that ended it. Does not reap the child, so it can be
// asked again. For a descriptor of a process that is not this process's child,
// termination is reported as SIGKILL (the exit status is unknown here).
bool process_terminated(int fd, cloudabi_signal_t* signal, cloudabi_exitcode_t* exitcode);

// --- signals

// The Linux signal for a CloudABI signal, or 0 if `sig` is none.
int linux_signal(cloudabi_signal_t sig);
// The CloudABI signal for a Linux signal; SIGABRT for signals CloudABI lacks.
cloudabi_signal_t cloudabi_signal(int linux_sig);

enum class DefaultAction { kTerminate, kIgnore, kStop, kContinue };
// The reference's default action of a CloudABI signal (valid signals only).
DefaultAction default_action(cloudabi_signal_t sig);

// --- proc_fork

// Forks this process. In the parent, *fd is a new process descriptor; in the
// child, *fd is CLOUDABI_PROCESS_CHILD and *tid the thread ID of its only
// thread. Holds the descriptor table still across the fork, so the child
// starts with a consistent copy.
cloudabi_errno_t fork_process(cloudabi_fd_t* fd, cloudabi_tid_t* tid);

// --- proc_exec (runtime/sys/proc.cc and runtime/proc/reexec.cc)

// The registry of children. Lock order: descriptor_lifecycle_mutex(), then
// this, then the descriptor table.
std::unique_lock<std::mutex> lock_process_registry();
// With the registry locked: this process's own lifeline (the read end its
// parent's death closes), or -1.
int lifeline_in_locked();
// What ties a child to this process: its lifeline's write end and its pid.
struct ChildLink {
  int lifeline = -1;
  int pid = -1;
};
// With the registry locked: the link of the child `pidfd` refers to; false if
// it is not a child of this process.
bool child_link_locked(int pidfd, ChildLink* link);
// With the registry and the descriptor table (lock_exclusively()) locked, just
// before proc_exec replaces the image: kills and reaps every child no
// descriptor in `kept` refers to.
void end_children_except_locked(const std::vector<int>& kept);

// In the new image of a proc_exec, before the program starts: take over the
// lifeline of this process and the links of the children whose descriptors
// were passed on.
void adopt_lifeline_in(int fd);
void adopt_child(int pidfd, ChildLink link);

}  // namespace cloudabi::runtime
