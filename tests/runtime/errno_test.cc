// Linux errno -> CloudABI errno (runtime/support/errno.cc): every error with
// the same name in both maps to its namesake, every other Linux error to a
// real CloudABI error, and none to success or to ENOTCAPABLE (which only the
// rights checks may answer).
#include <gtest/gtest.h>

#include <cerrno>
#include <utility>

#include "runtime/support/errno.h"

namespace {

using cloudabi::runtime::translate_errno;

TEST(TranslateErrno, NamesakesMapExactly) {
  const std::pair<int, cloudabi_errno_t> same[] = {
      {E2BIG, CLOUDABI_E2BIG},
      {EACCES, CLOUDABI_EACCES},
      {EADDRINUSE, CLOUDABI_EADDRINUSE},
      {EADDRNOTAVAIL, CLOUDABI_EADDRNOTAVAIL},
      {EAFNOSUPPORT, CLOUDABI_EAFNOSUPPORT},
      {EAGAIN, CLOUDABI_EAGAIN},
      {EWOULDBLOCK, CLOUDABI_EAGAIN},
      {EALREADY, CLOUDABI_EALREADY},
      {EBADF, CLOUDABI_EBADF},
      {EBADMSG, CLOUDABI_EBADMSG},
      {EBUSY, CLOUDABI_EBUSY},
      {ECANCELED, CLOUDABI_ECANCELED},
      {ECHILD, CLOUDABI_ECHILD},
      {ECONNABORTED, CLOUDABI_ECONNABORTED},
      {ECONNREFUSED, CLOUDABI_ECONNREFUSED},
      {ECONNRESET, CLOUDABI_ECONNRESET},
      {EDEADLK, CLOUDABI_EDEADLK},
      {EDESTADDRREQ, CLOUDABI_EDESTADDRREQ},
      {EDOM, CLOUDABI_EDOM},
      {EDQUOT, CLOUDABI_EDQUOT},
      {EEXIST, CLOUDABI_EEXIST},
      {EFAULT, CLOUDABI_EFAULT},
      {EFBIG, CLOUDABI_EFBIG},
      {EHOSTUNREACH, CLOUDABI_EHOSTUNREACH},
      {EIDRM, CLOUDABI_EIDRM},
      {EILSEQ, CLOUDABI_EILSEQ},
      {EINPROGRESS, CLOUDABI_EINPROGRESS},
      {EINTR, CLOUDABI_EINTR},
      {EINVAL, CLOUDABI_EINVAL},
      {EIO, CLOUDABI_EIO},
      {EISCONN, CLOUDABI_EISCONN},
      {EISDIR, CLOUDABI_EISDIR},
      {ELOOP, CLOUDABI_ELOOP},
      {EMFILE, CLOUDABI_EMFILE},
      {EMLINK, CLOUDABI_EMLINK},
      {EMSGSIZE, CLOUDABI_EMSGSIZE},
      {EMULTIHOP, CLOUDABI_EMULTIHOP},
      {ENAMETOOLONG, CLOUDABI_ENAMETOOLONG},
      {ENETDOWN, CLOUDABI_ENETDOWN},
      {ENETRESET, CLOUDABI_ENETRESET},
      {ENETUNREACH, CLOUDABI_ENETUNREACH},
      {ENFILE, CLOUDABI_ENFILE},
      {ENOBUFS, CLOUDABI_ENOBUFS},
      {ENODEV, CLOUDABI_ENODEV},
      {ENOENT, CLOUDABI_ENOENT},
      {ENOEXEC, CLOUDABI_ENOEXEC},
      {ENOLCK, CLOUDABI_ENOLCK},
      {ENOLINK, CLOUDABI_ENOLINK},
      {ENOMEM, CLOUDABI_ENOMEM},
      {ENOMSG, CLOUDABI_ENOMSG},
      {ENOPROTOOPT, CLOUDABI_ENOPROTOOPT},
      {ENOSPC, CLOUDABI_ENOSPC},
      {ENOSYS, CLOUDABI_ENOSYS},
      {ENOTCONN, CLOUDABI_ENOTCONN},
      {ENOTDIR, CLOUDABI_ENOTDIR},
      {ENOTEMPTY, CLOUDABI_ENOTEMPTY},
      {ENOTRECOVERABLE, CLOUDABI_ENOTRECOVERABLE},
      {ENOTSOCK, CLOUDABI_ENOTSOCK},
      {ENOTSUP, CLOUDABI_ENOTSUP},
      {EOPNOTSUPP, CLOUDABI_ENOTSUP},
      {ENOTTY, CLOUDABI_ENOTTY},
      {ENXIO, CLOUDABI_ENXIO},
      {EOVERFLOW, CLOUDABI_EOVERFLOW},
      {EOWNERDEAD, CLOUDABI_EOWNERDEAD},
      {EPERM, CLOUDABI_EPERM},
      {EPIPE, CLOUDABI_EPIPE},
      {EPROTO, CLOUDABI_EPROTO},
      {EPROTONOSUPPORT, CLOUDABI_EPROTONOSUPPORT},
      {EPROTOTYPE, CLOUDABI_EPROTOTYPE},
      {ERANGE, CLOUDABI_ERANGE},
      {EROFS, CLOUDABI_EROFS},
      {ESPIPE, CLOUDABI_ESPIPE},
      {ESRCH, CLOUDABI_ESRCH},
      {ESTALE, CLOUDABI_ESTALE},
      {ETIMEDOUT, CLOUDABI_ETIMEDOUT},
      {ETXTBSY, CLOUDABI_ETXTBSY},
      {EXDEV, CLOUDABI_EXDEV},
  };
  for (const auto& [linux_errno, cloudabi_errno] : same)
    EXPECT_EQ(translate_errno(linux_errno), cloudabi_errno) << "Linux errno " << linux_errno;
  EXPECT_EQ(translate_errno(0), CLOUDABI_ESUCCESS);
}

TEST(TranslateErrno, EveryLinuxErrorIsARealCloudabiError) {
  // Linux numbers its errors 1..133 (41 and 58 are unused).
  for (int e = 1; e <= 133; ++e) {
    cloudabi_errno_t c = translate_errno(e);
    EXPECT_NE(c, CLOUDABI_ESUCCESS) << "Linux errno " << e;
    EXPECT_NE(c, CLOUDABI_ENOTCAPABLE) << "Linux errno " << e;
    EXPECT_LE(c, CLOUDABI_ENOTCAPABLE) << "Linux errno " << e;
    // Only ENOSYS itself, the unused numbers and "package not installed"
    // mean "not implemented".
    if (e != ENOSYS && e != 41 && e != 58 && e != ENOPKG) {
      EXPECT_NE(c, CLOUDABI_ENOSYS) << "Linux errno " << e;
    }
  }
}

}  // namespace
