// The "kernel" side of CloudABI's userspace locks and condition variables
// (protocol described at the top of lock.cc). poll.cc blocks in these;
// thread.cc releases a thread's join lock with lock_release.
#pragma once

#include <cstdint>

#include "cloudabi_types.h"
#include "runtime/sys/deadline.h"

namespace cloudabi::runtime {

// Acquires *lock for reading or writing on behalf of the calling thread,
// blocking until it is available or `deadline` (may be null) expires.
// Returns 0 (acquired), ETIMEDOUT, EDEADLK (the caller holds it for writing),
// EINVAL (bad scope, misaligned lock, corrupt lock word) or EFAULT.
cloudabi_errno_t lock_acquire(uint32_t* lock, cloudabi_scope_t scope, bool write,
                              const Deadline* deadline);

// Releases a lock write-locked by `tid` and wakes its waiters (writers first).
// EPERM if it is not write-locked by tid; EINVAL for a bad scope or pointer.
cloudabi_errno_t lock_release(uint32_t* lock, cloudabi_scope_t scope, cloudabi_tid_t tid);

// Waits on a condition variable: releases `lock` (which the caller must hold
// for writing), sleeps until signalled or until `deadline` expires, and
// re-acquires `lock` for writing before returning, in every case except the
// validation errors (EINVAL, EPERM, EFAULT), which leave the lock as it was.
// Returns 0 (signalled), ETIMEDOUT or an error.
cloudabi_errno_t condvar_wait(uint32_t* condvar, cloudabi_scope_t condvar_scope, uint32_t* lock,
                              cloudabi_scope_t lock_scope, const Deadline* deadline);

// In the child of proc_fork: forget the other threads' waits.
void locks_after_fork_child();

}  // namespace cloudabi::runtime
