// poll: waiting for clocks, descriptors, process termination, locks and
// condition variables.
//
// Two modes, chosen like FreeBSD's native implementation (reference 7.6):
//
// 1. Lock and condvar shapes: exactly one subscription of type CONDVAR,
//    LOCK_RDLOCK or LOCK_WRLOCK, or exactly two with the second a CLOCK.
//    The wait happens in lock.cc; exactly one event is returned: the first
//    subscription's (error 0 when acquired/woken, or the error), or, when the
//    clock expired first, {userdata of the clock, type CLOCK, error 0}. The
//    clock subscription is validated before anything happens (EINVAL in the
//    first event for an unknown clock), so a condvar wait never drops its lock
//    for an invalid request.
//
// 2. Everything else: each subscription yields at most one event, in
//    subscription order, and the call blocks until at least one is ready.
//    - CLOCK: all four clocks, relative or absolute (deadline.h); every clock
//      that has expired is reported.
//    - FD_READ / FD_WRITE: the descriptor needs POLL_FD_READWRITE plus FD_READ
//      or FD_WRITE (else an event with ENOTCAPABLE; EBADF for a number the
//      program does not have). Regular files and shared memory are always
//      ready (nbytes = bytes between the offset and the end for reads, as on
//      FreeBSD). Other descriptors are polled: nbytes is FIONREAD for reads
//      and 0 for writes (as in the emulator; Linux has no portable measure of
//      free buffer space for AF_UNIX sockets). HANGUP is set when the peer is gone (POLLHUP,
//      POLLRDHUP for reads, POLLERR without a pending socket error, such as a
//      pipe without readers); a pending socket error is the event's error.
//    - PROC_TERMINATE: needs POLL_PROC_TERMINATE and a process descriptor
//      (EINVAL for other types); ready when the pidfd is, with signal/exitcode
//      from runtime/proc/process.h.
//    - CONDVAR / LOCK_* mixed with anything else, and unknown types: an event
//      with EINVAL (FreeBSD: a kevent with an unknown filter).
//    Errors are events, ready at once. Waiting uses ppoll with the nearest
//    deadline as its timeout plus, for absolute REALTIME clocks, a
//    TFD_TIMER_ABSTIME timerfd so that setting the clock is honoured. EINTR
//    never reaches the program: the wait resumes with the time that is left.
//
// nsubscriptions == 0 returns at once with no events (FreeBSD's kevent with
// nothing to wait for does the same). The subscription and event arrays are
// checked to be mapped memory (EFAULT otherwise) and copied byte-wise, so
// their alignment does not matter.
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <vector>

#include "runtime/fd/fd_table.h"
#include "runtime/proc/process.h"
#include "runtime/support/errno.h"
#include "runtime/support/unique_fd.h"
#include "runtime/sys/deadline.h"
#include "runtime/sys/guest_memory.h"
#include "runtime/sys/lock.h"
#include "syscalls.h"

namespace cloudabi::runtime {
namespace {

bool is_lock_type(cloudabi_eventtype_t type) {
  return type == CLOUDABI_EVENTTYPE_CONDVAR || type == CLOUDABI_EVENTTYPE_LOCK_RDLOCK ||
         type == CLOUDABI_EVENTTYPE_LOCK_WRLOCK;
}

cloudabi_event_t event_for(const cloudabi_subscription_t& sub, cloudabi_errno_t error) {
  cloudabi_event_t ev;
  memset(&ev, 0, sizeof(ev));
  ev.userdata = sub.userdata;
  ev.type = sub.type;
  ev.error = error;
  return ev;
}

// Mode 1.
cloudabi_event_t poll_lock(const cloudabi_subscription_t* subs, size_t n) {
  const cloudabi_subscription_t& sub = subs[0];
  std::optional<Deadline> deadline;
  if (n == 2) {
    Deadline d;
    if (cloudabi_errno_t e = Deadline::from_subscription(
            subs[1].clock.clock_id, subs[1].clock.timeout, subs[1].clock.flags, &d))
      return event_for(sub, e);
    deadline = d;
  }
  const Deadline* dp = deadline ? &*deadline : nullptr;
  cloudabi_errno_t r;
  if (sub.type == CLOUDABI_EVENTTYPE_CONDVAR) {
    r = condvar_wait(sub.condvar.condvar, sub.condvar.condvar_scope, sub.condvar.lock,
                     sub.condvar.lock_scope, dp);
  } else {
    r = lock_acquire(sub.lock.lock, sub.lock.lock_scope, sub.type == CLOUDABI_EVENTTYPE_LOCK_WRLOCK,
                     dp);
  }
  if (r == CLOUDABI_ETIMEDOUT && n == 2) return event_for(subs[1], 0);
  return event_for(sub, r);
}

uint64_t nonnegative(long long v) { return v > 0 ? static_cast<uint64_t>(v) : 0; }

// What a polled descriptor subscription waits for.
struct Watch {
  size_t sub;  // index of the subscription
  cloudabi_filetype_t type;
};

// Fills in a ready FD_READ/FD_WRITE event from poll's revents.
cloudabi_event_t fd_event(const cloudabi_subscription_t& sub, cloudabi_filetype_t type,
                          short revents) {
  const int fd = static_cast<int>(sub.fd_readwrite.fd);
  const bool read = sub.type == CLOUDABI_EVENTTYPE_FD_READ;
  cloudabi_event_t ev = event_for(sub, 0);
  if ((revents & POLLNVAL) != 0) {
    ev.error = CLOUDABI_EBADF;  // closed by another thread meanwhile
    return ev;
  }
  const bool socket =
      type == CLOUDABI_FILETYPE_SOCKET_STREAM || type == CLOUDABI_FILETYPE_SOCKET_DGRAM;
  if ((revents & POLLERR) != 0) {
    int so_error = 0;
    socklen_t len = sizeof(so_error);
    if (socket && getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &len) == 0 && so_error != 0) {
      ev.error = translate_errno(so_error);
      return ev;
    }
    ev.fd_readwrite.flags |= CLOUDABI_EVENT_FD_READWRITE_HANGUP;
  }
  if ((revents & POLLHUP) != 0 || (read && (revents & POLLRDHUP) != 0))
    ev.fd_readwrite.flags |= CLOUDABI_EVENT_FD_READWRITE_HANGUP;
  if (read) {
    int avail = 0;
    if (ioctl(fd, FIONREAD, &avail) == 0) ev.fd_readwrite.nbytes = nonnegative(avail);
  }
  return ev;
}

// Regular files and shared memory: always ready.
cloudabi_event_t file_event(const cloudabi_subscription_t& sub) {
  cloudabi_event_t ev = event_for(sub, 0);
  if (sub.type == CLOUDABI_EVENTTYPE_FD_READ) {
    const int fd = static_cast<int>(sub.fd_readwrite.fd);
    struct stat st;
    off_t offset = lseek(fd, 0, SEEK_CUR);
    if (fstat(fd, &st) == 0 && offset >= 0 && st.st_size > offset)
      ev.fd_readwrite.nbytes = static_cast<uint64_t>(st.st_size - offset);
  }
  return ev;
}

cloudabi_event_t process_event(const cloudabi_subscription_t& sub) {
  cloudabi_event_t ev = event_for(sub, 0);
  cloudabi_signal_t signal;
  cloudabi_exitcode_t exitcode;
  if (process_terminated(static_cast<int>(sub.proc_terminate.fd), &signal, &exitcode)) {
    ev.proc_terminate.signal = signal;
    ev.proc_terminate.exitcode = exitcode;
  } else {
    // The pidfd says it ended but it cannot be waited for (reaped elsewhere).
    ev.error = CLOUDABI_ECHILD;
  }
  return ev;
}

bool earlier(const timespec& a, const timespec& b) {
  return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec);
}

// Mode 2. Returns 0 or an error of the call itself (ENOMEM, EINVAL from
// ppoll for more descriptors than RLIMIT_NOFILE).
cloudabi_errno_t poll_general(const std::vector<cloudabi_subscription_t>& subs,
                              std::vector<std::optional<cloudabi_event_t>>* ready) {
  const size_t n = subs.size();
  std::vector<std::optional<Deadline>> deadlines(n);
  std::vector<pollfd> pfds;
  std::vector<Watch> watches;
  size_t nready = 0;
  auto fire = [&](size_t i, const cloudabi_event_t& ev) {
    if (!(*ready)[i]) {
      (*ready)[i] = ev;
      ++nready;
    }
  };

  for (size_t i = 0; i < n; ++i) {
    const cloudabi_subscription_t& sub = subs[i];
    switch (sub.type) {
      case CLOUDABI_EVENTTYPE_CLOCK: {
        Deadline d;
        if (cloudabi_errno_t e = Deadline::from_subscription(sub.clock.clock_id, sub.clock.timeout,
                                                             sub.clock.flags, &d)) {
          fire(i, event_for(sub, e));
        } else {
          deadlines[i] = d;
        }
        break;
      }
      case CLOUDABI_EVENTTYPE_FD_READ:
      case CLOUDABI_EVENTTYPE_FD_WRITE: {
        const bool read = sub.type == CLOUDABI_EVENTTYPE_FD_READ;
        FdEntry entry;
        cloudabi_errno_t e =
            fd_table().get(sub.fd_readwrite.fd,
                           CLOUDABI_RIGHT_POLL_FD_READWRITE |
                               (read ? CLOUDABI_RIGHT_FD_READ : CLOUDABI_RIGHT_FD_WRITE),
                           0, &entry, "poll");
        if (e != 0) {
          fire(i, event_for(sub, e));
        } else if (entry.type == CLOUDABI_FILETYPE_REGULAR_FILE ||
                   entry.type == CLOUDABI_FILETYPE_SHARED_MEMORY) {
          fire(i, file_event(sub));
        } else {
          pfds.push_back({static_cast<int>(sub.fd_readwrite.fd),
                          static_cast<short>(read ? POLLIN | POLLRDHUP : POLLOUT), 0});
          watches.push_back({i, entry.type});
        }
        break;
      }
      case CLOUDABI_EVENTTYPE_PROC_TERMINATE: {
        FdEntry entry;
        cloudabi_errno_t e = fd_table().get(sub.proc_terminate.fd,
                                            CLOUDABI_RIGHT_POLL_PROC_TERMINATE, 0, &entry, "poll");
        if (e == 0 && entry.type != CLOUDABI_FILETYPE_PROCESS) e = CLOUDABI_EINVAL;
        if (e != 0) {
          fire(i, event_for(sub, e));
        } else {
          pfds.push_back({static_cast<int>(sub.proc_terminate.fd), POLLIN, 0});
          watches.push_back({i, entry.type});
        }
        break;
      }
      default:
        // Lock and condvar subscriptions outside their shapes, unknown types.
        fire(i, event_for(sub, CLOUDABI_EINVAL));
        break;
    }
  }

  // Absolute REALTIME clocks also get a timerfd, which fires when the clock
  // passes the deadline even if the clock is set meanwhile.
  UniqueFd timer;
  for (;;) {
    for (size_t i = 0; i < n; ++i)
      if (deadlines[i] && !(*ready)[i] && deadlines[i]->expired()) fire(i, event_for(subs[i], 0));

    timespec timeout{0, 0};
    bool wait_forever = true;
    std::optional<timespec> realtime;
    if (nready > 0) {
      wait_forever = false;
    } else {
      for (size_t i = 0; i < n; ++i) {
        if (!deadlines[i]) continue;
        timespec t;
        if (!deadlines[i]->relative_wait(&t)) continue;
        if (wait_forever || earlier(t, timeout)) timeout = t;
        wait_forever = false;
        if (deadlines[i]->clock() == Deadline::Clock::kRealtime) {
          timespec at = deadlines[i]->expiry();
          if (!realtime || earlier(at, *realtime)) realtime = at;
        }
      }
    }
    size_t npfds = pfds.size();
    if (realtime) {
      if (!timer.valid()) timer.reset(timerfd_create(CLOCK_REALTIME, TFD_CLOEXEC | TFD_NONBLOCK));
      itimerspec spec{{0, 0}, *realtime};
      if (timer.valid() && timerfd_settime(timer.get(), TFD_TIMER_ABSTIME, &spec, nullptr) == 0) {
        pfds.push_back({timer.get(), POLLIN, 0});
      }
    }
    int r = ppoll(pfds.data(), pfds.size(), wait_forever ? nullptr : &timeout, nullptr);
    pfds.resize(npfds);
    if (r < 0) {
      if (errno == EINTR) continue;
      return last_errno();
    }
    for (size_t k = 0; k < npfds; ++k) {
      if (pfds[k].revents == 0) continue;
      const size_t i = watches[k].sub;
      if (subs[i].type == CLOUDABI_EVENTTYPE_PROC_TERMINATE) {
        fire(i, process_event(subs[i]));
      } else {
        fire(i, fd_event(subs[i], watches[k].type, pfds[k].revents));
      }
    }
    if (nready > 0) {
      for (size_t i = 0; i < n; ++i)
        if (deadlines[i] && !(*ready)[i] && deadlines[i]->expired()) fire(i, event_for(subs[i], 0));
      return 0;
    }
  }
}

// A single clock: sleep with clock_nanosleep, which Linux offers for the
// monotonic, realtime and process CPU clocks. False to let the general path
// handle it (invalid clock: an error event; infinite: wait forever).
bool poll_single_clock(const cloudabi_subscription_t& sub, cloudabi_event_t* ev) {
  Deadline d;
  if (Deadline::from_subscription(sub.clock.clock_id, sub.clock.timeout, sub.clock.flags, &d) !=
          0 ||
      d.infinite())
    return false;
  clockid_t clock = CLOCK_MONOTONIC;
  if (d.clock() == Deadline::Clock::kRealtime) clock = CLOCK_REALTIME;
  if (d.clock() == Deadline::Clock::kProcessCpu) clock = CLOCK_PROCESS_CPUTIME_ID;
  const timespec at = d.expiry();
  for (;;) {
    int r = clock_nanosleep(clock, TIMER_ABSTIME, &at, nullptr);
    if (r == 0) break;
    if (r != EINTR) return false;
  }
  *ev = event_for(sub, 0);
  return true;
}

}  // namespace
}  // namespace cloudabi::runtime

extern "C" cloudabi_errno_t cloudabi_rt_poll(const cloudabi_subscription_t* in,
                                             cloudabi_event_t* out, size_t nsubscriptions,
                                             size_t* nevents) {
  using namespace cloudabi::runtime;
  if (nevents == nullptr) return CLOUDABI_EFAULT;
  if (nsubscriptions == 0) {
    *nevents = 0;
    return 0;
  }
  if (nsubscriptions > SIZE_MAX / sizeof(cloudabi_subscription_t) ||
      !memory_mapped(in, nsubscriptions * sizeof(cloudabi_subscription_t)) ||
      !memory_mapped(out, nsubscriptions * sizeof(cloudabi_event_t)))
    return CLOUDABI_EFAULT;
  std::vector<cloudabi_subscription_t> subs(nsubscriptions);
  memcpy(subs.data(), in, nsubscriptions * sizeof(cloudabi_subscription_t));

  if (is_lock_type(subs[0].type) &&
      (nsubscriptions == 1 || (nsubscriptions == 2 && subs[1].type == CLOUDABI_EVENTTYPE_CLOCK))) {
    cloudabi_event_t ev = poll_lock(subs.data(), nsubscriptions);
    memcpy(out, &ev, sizeof(ev));
    *nevents = 1;
    return 0;
  }

  if (nsubscriptions == 1 && subs[0].type == CLOUDABI_EVENTTYPE_CLOCK) {
    cloudabi_event_t ev;
    if (poll_single_clock(subs[0], &ev)) {
      memcpy(out, &ev, sizeof(ev));
      *nevents = 1;
      return 0;
    }
  }

  std::vector<std::optional<cloudabi_event_t>> ready(nsubscriptions);
  if (cloudabi_errno_t e = poll_general(subs, &ready)) return e;
  size_t count = 0;
  for (const auto& ev : ready)
    if (ev) memcpy(&out[count++], &*ev, sizeof(*ev));
  *nevents = count;
  return 0;
}
