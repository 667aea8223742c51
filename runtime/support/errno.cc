#include "runtime/support/errno.h"

#include <cerrno>

namespace cloudabi::runtime {

cloudabi_errno_t translate_errno(int e) {
  // One line per errno reads as the table it is.
  // clang-format off
  switch (e) {
    case 0: return CLOUDABI_ESUCCESS;
    case E2BIG: return CLOUDABI_E2BIG;
    case EACCES: return CLOUDABI_EACCES;
    case EADDRINUSE: return CLOUDABI_EADDRINUSE;
    case EADDRNOTAVAIL: return CLOUDABI_EADDRNOTAVAIL;
    case EAFNOSUPPORT: return CLOUDABI_EAFNOSUPPORT;
    case EAGAIN: return CLOUDABI_EAGAIN;  // also EWOULDBLOCK
    case EALREADY: return CLOUDABI_EALREADY;
    case EBADF: return CLOUDABI_EBADF;
    case EBADMSG: return CLOUDABI_EBADMSG;
    case EBUSY: return CLOUDABI_EBUSY;
    case ECANCELED: return CLOUDABI_ECANCELED;
    case ECHILD: return CLOUDABI_ECHILD;
    case ECONNABORTED: return CLOUDABI_ECONNABORTED;
    case ECONNREFUSED: return CLOUDABI_ECONNREFUSED;
    case ECONNRESET: return CLOUDABI_ECONNRESET;
    case EDEADLK: return CLOUDABI_EDEADLK;  // also EDEADLOCK
    case EDESTADDRREQ: return CLOUDABI_EDESTADDRREQ;
    case EDOM: return CLOUDABI_EDOM;
    case EDQUOT: return CLOUDABI_EDQUOT;
    case EEXIST: return CLOUDABI_EEXIST;
    case EFAULT: return CLOUDABI_EFAULT;
    case EFBIG: return CLOUDABI_EFBIG;
    case EHOSTUNREACH: return CLOUDABI_EHOSTUNREACH;
    case EIDRM: return CLOUDABI_EIDRM;
    case EILSEQ: return CLOUDABI_EILSEQ;
    case EINPROGRESS: return CLOUDABI_EINPROGRESS;
    case EINTR: return CLOUDABI_EINTR;
    case EINVAL: return CLOUDABI_EINVAL;
    case EIO: return CLOUDABI_EIO;
    case EISCONN: return CLOUDABI_EISCONN;
    case EISDIR: return CLOUDABI_EISDIR;
    case ELOOP: return CLOUDABI_ELOOP;
    case EMFILE: return CLOUDABI_EMFILE;
    case EMLINK: return CLOUDABI_EMLINK;
    case EMSGSIZE: return CLOUDABI_EMSGSIZE;
    case EMULTIHOP: return CLOUDABI_EMULTIHOP;
    case ENAMETOOLONG: return CLOUDABI_ENAMETOOLONG;
    case ENETDOWN: return CLOUDABI_ENETDOWN;
    case ENETRESET: return CLOUDABI_ENETRESET;
    case ENETUNREACH: return CLOUDABI_ENETUNREACH;
    case ENFILE: return CLOUDABI_ENFILE;
    case ENOBUFS: return CLOUDABI_ENOBUFS;
    case ENODEV: return CLOUDABI_ENODEV;
    case ENOENT: return CLOUDABI_ENOENT;
    case ENOEXEC: return CLOUDABI_ENOEXEC;
    case ENOLCK: return CLOUDABI_ENOLCK;
    case ENOLINK: return CLOUDABI_ENOLINK;
    case ENOMEM: return CLOUDABI_ENOMEM;
    case ENOMSG: return CLOUDABI_ENOMSG;
    case ENOPROTOOPT: return CLOUDABI_ENOPROTOOPT;
    case ENOSPC: return CLOUDABI_ENOSPC;
    case ENOSYS: return CLOUDABI_ENOSYS;
    case ENOTCONN: return CLOUDABI_ENOTCONN;
    case ENOTDIR: return CLOUDABI_ENOTDIR;
    case ENOTEMPTY: return CLOUDABI_ENOTEMPTY;
    case ENOTRECOVERABLE: return CLOUDABI_ENOTRECOVERABLE;
    case ENOTSOCK: return CLOUDABI_ENOTSOCK;
    case ENOTSUP: return CLOUDABI_ENOTSUP;  // also EOPNOTSUPP
    case ENOTTY: return CLOUDABI_ENOTTY;
    case ENXIO: return CLOUDABI_ENXIO;
    case EOVERFLOW: return CLOUDABI_EOVERFLOW;
    case EOWNERDEAD: return CLOUDABI_EOWNERDEAD;
    case EPERM: return CLOUDABI_EPERM;
    case EPIPE: return CLOUDABI_EPIPE;
    case EPROTO: return CLOUDABI_EPROTO;
    case EPROTONOSUPPORT: return CLOUDABI_EPROTONOSUPPORT;
    case EPROTOTYPE: return CLOUDABI_EPROTOTYPE;
    case ERANGE: return CLOUDABI_ERANGE;
    case EROFS: return CLOUDABI_EROFS;
    case ESPIPE: return CLOUDABI_ESPIPE;
    case ESRCH: return CLOUDABI_ESRCH;
    case ESTALE: return CLOUDABI_ESTALE;
    case ETIMEDOUT: return CLOUDABI_ETIMEDOUT;
    case ETXTBSY: return CLOUDABI_ETXTBSY;
    case EXDEV: return CLOUDABI_EXDEV;
    // Linux errors CloudABI has no number for, mapped to their nearest meaning.
    case ENOTBLK: return CLOUDABI_EINVAL;
    case ECHRNG: case EL2NSYNC: case EL3HLT: case EL3RST: case ELNRNG: case EUNATCH:
    case ENOCSI: case EL2HLT: return CLOUDABI_EIO;
    case EBADE: case EBADR: case EXFULL: case ENOANO: case EBADRQC: case EBADSLT:
    case EBFONT: return CLOUDABI_EINVAL;
    case ENOSTR: case ENODATA: case ETIME: case ENOSR: return CLOUDABI_EIO;
    case ENONET: return CLOUDABI_ENETUNREACH;
    case ENOPKG: return CLOUDABI_ENOSYS;
    case EREMOTE: case EADV: case ESRMNT: case ECOMM: case EDOTDOT: return CLOUDABI_EIO;
    case ENOTUNIQ: case EBADFD: case EREMCHG: return CLOUDABI_EBADF;
    case ELIBACC: case ELIBBAD: case ELIBSCN: case ELIBMAX: case ELIBEXEC:
      return CLOUDABI_ENOEXEC;
    case ERESTART: return CLOUDABI_EINTR;
    case ESTRPIPE: return CLOUDABI_EPIPE;
    case EUSERS: return CLOUDABI_EAGAIN;
    case ESOCKTNOSUPPORT: case EPFNOSUPPORT: return CLOUDABI_EAFNOSUPPORT;
    case ESHUTDOWN: return CLOUDABI_EPIPE;
    case ETOOMANYREFS: return CLOUDABI_EMFILE;
    case EHOSTDOWN: return CLOUDABI_EHOSTUNREACH;
    case EUCLEAN: case ENOTNAM: case ENAVAIL: case EISNAM: case EREMOTEIO: return CLOUDABI_EIO;
    case ENOMEDIUM: case EMEDIUMTYPE: return CLOUDABI_ENXIO;
    case ENOKEY: case EKEYEXPIRED: case EKEYREVOKED: case EKEYREJECTED: return CLOUDABI_EACCES;
    case ERFKILL: return CLOUDABI_ENETDOWN;
    case EHWPOISON: return CLOUDABI_EIO;
    default: return CLOUDABI_ENOSYS;
  }
  // clang-format on
}

cloudabi_errno_t last_errno() { return translate_errno(errno); }

}  // namespace cloudabi::runtime
