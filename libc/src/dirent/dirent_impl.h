// Directory streams: a buffer of raw CloudABI directory entries read with
// file_readdir(), and the struct dirent handed out last.
#ifndef LIBC_DIRENT_IMPL_H
#define LIBC_DIRENT_IMPL_H

#include <cloudabi_types.h>
#include <dirent.h>
#include <stdbool.h>

struct _DIR {
  int fd;
  cloudabi_dircookie_t cookie;  // where the next entry starts
  char *buf;                    // raw entries read at `buffer_cookie`
  size_t buf_size, buf_used, buf_pos;
  bool buf_last;  // the directory ends after the buffered entries
  struct dirent *entry;
  size_t entry_size;
};

#endif
