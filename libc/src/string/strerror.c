#include <errno.h>
#include <string.h>

// Descriptions of the CloudABI error numbers, which are also this library's
// errno values.
static const char *const messages[] = {
    [0] = "Success",
    [E2BIG] = "Argument list too long",
    [EACCES] = "Permission denied",
    [EADDRINUSE] = "Address in use",
    [EADDRNOTAVAIL] = "Address not available",
    [EAFNOSUPPORT] = "Address family not supported",
    [EAGAIN] = "Resource unavailable, try again",
    [EALREADY] = "Connection already in progress",
    [EBADF] = "Bad file descriptor",
    [EBADMSG] = "Bad message",
    [EBUSY] = "Device or resource busy",
    [ECANCELED] = "Operation canceled",
    [ECHILD] = "No child processes",
    [ECONNABORTED] = "Connection aborted",
    [ECONNREFUSED] = "Connection refused",
    [ECONNRESET] = "Connection reset",
    [EDEADLK] = "Resource deadlock would occur",
    [EDESTADDRREQ] = "Destination address required",
    [EDOM] = "Mathematics argument out of domain of function",
    [EDQUOT] = "Disk quota exceeded",
    [EEXIST] = "File exists",
    [EFAULT] = "Bad address",
    [EFBIG] = "File too large",
    [EHOSTUNREACH] = "Host is unreachable",
    [EIDRM] = "Identifier removed",
    [EILSEQ] = "Illegal byte sequence",
    [EINPROGRESS] = "Operation in progress",
    [EINTR] = "Interrupted function",
    [EINVAL] = "Invalid argument",
    [EIO] = "I/O error",
    [EISCONN] = "Socket is connected",
    [EISDIR] = "Is a directory",
    [ELOOP] = "Too many levels of symbolic links",
    [EMFILE] = "File descriptor value too large",
    [EMLINK] = "Too many links",
    [EMSGSIZE] = "Message too large",
    [EMULTIHOP] = "Multihop attempted",
    [ENAMETOOLONG] = "Filename too long",
    [ENETDOWN] = "Network is down",
    [ENETRESET] = "Connection aborted by network",
    [ENETUNREACH] = "Network unreachable",
    [ENFILE] = "Too many files open in system",
    [ENOBUFS] = "No buffer space available",
    [ENODEV] = "No such device",
    [ENOENT] = "No such file or directory",
    [ENOEXEC] = "Executable file format error",
    [ENOLCK] = "No locks available",
    [ENOLINK] = "Link has been severed",
    [ENOMEM] = "Not enough space",
    [ENOMSG] = "No message of the desired type",
    [ENOPROTOOPT] = "Protocol not available",
    [ENOSPC] = "No space left on device",
    [ENOSYS] = "Function not supported",
    [ENOTCONN] = "The socket is not connected",
    [ENOTDIR] = "Not a directory",
    [ENOTEMPTY] = "Directory not empty",
    [ENOTRECOVERABLE] = "State not recoverable",
    [ENOTSOCK] = "Not a socket",
    [ENOTSUP] = "Not supported",
    [ENOTTY] = "Inappropriate I/O control operation",
    [ENXIO] = "No such device or address",
    [EOVERFLOW] = "Value too large to be stored in data type",
    [EOWNERDEAD] = "Previous owner died",
    [EPERM] = "Operation not permitted",
    [EPIPE] = "Broken pipe",
    [EPROTO] = "Protocol error",
    [EPROTONOSUPPORT] = "Protocol not supported",
    [EPROTOTYPE] = "Protocol wrong type for socket",
    [ERANGE] = "Result too large",
    [EROFS] = "Read-only file system",
    [ESPIPE] = "Invalid seek",
    [ESRCH] = "No such process",
    [ESTALE] = "Stale file handle",
    [ETIMEDOUT] = "Connection timed out",
    [ETXTBSY] = "Text file busy",
    [EXDEV] = "Cross-device link",
    [ENOTCAPABLE] = "Capabilities insufficient",
};

static const char *lookup(int errnum) {
  if (errnum >= 0 && (size_t)errnum < sizeof(messages) / sizeof(messages[0]))
    return messages[errnum];
  return NULL;
}

char *strerror(int errnum) {
  const char *message = lookup(errnum);
  return (char *)(message != NULL ? message : "Unknown error");
}

char *strerror_l(int errnum, locale_t locale) {
  (void)locale;
  return strerror(errnum);
}

int strerror_r(int errnum, char *buf, size_t buflen) {
  const char *message = lookup(errnum);
  int error = 0;
  if (message == NULL) {
    message = "Unknown error";
    error = EINVAL;
  }
  if (strlcpy(buf, message, buflen) >= buflen) return ERANGE;
  return error;
}
