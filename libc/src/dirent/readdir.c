#include <cloudabi_syscalls.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dirent_impl.h"

static unsigned char type_of(cloudabi_filetype_t type) {
  switch (type) {
    case CLOUDABI_FILETYPE_BLOCK_DEVICE:
      return DT_BLK;
    case CLOUDABI_FILETYPE_CHARACTER_DEVICE:
      return DT_CHR;
    case CLOUDABI_FILETYPE_DIRECTORY:
      return DT_DIR;
    case CLOUDABI_FILETYPE_REGULAR_FILE:
      return DT_REG;
    case CLOUDABI_FILETYPE_SOCKET_DGRAM:
    case CLOUDABI_FILETYPE_SOCKET_STREAM:
      return DT_SOCK;
    case CLOUDABI_FILETYPE_SYMBOLIC_LINK:
      return DT_LNK;
    default:
      return DT_UNKNOWN;
  }
}

// Reads raw entries starting at the current cookie.
static int refill(DIR *d) {
  if (d->buf == NULL) {
    d->buf_size = 4096;
    d->buf = malloc(d->buf_size);
    if (d->buf == NULL) return -1;
  }
  size_t used;
  cloudabi_errno_t error =
      cloudabi_sys_file_readdir((cloudabi_fd_t)d->fd, d->buf, d->buf_size, d->cookie, &used);
  if (error != 0) {
    errno = error;
    return -1;
  }
  d->buf_used = used;
  d->buf_pos = 0;
  d->buf_last = used < d->buf_size;
  return 0;
}

struct dirent *readdir(DIR *d) {
  for (;;) {
    size_t avail = d->buf_used - d->buf_pos;
    if (avail >= sizeof(cloudabi_dirent_t)) {
      cloudabi_dirent_t raw;
      memcpy(&raw, d->buf + d->buf_pos, sizeof(raw));
      if (avail - sizeof(raw) >= raw.d_namlen) {
        size_t need = sizeof(struct dirent) + raw.d_namlen + 1;
        if (need > d->entry_size) {
          struct dirent *e = realloc(d->entry, need);
          if (e == NULL) return NULL;
          d->entry = e;
          d->entry_size = need;
        }
        d->entry->d_ino = raw.d_ino;
        d->entry->d_type = type_of(raw.d_type);
        memcpy(d->entry->d_name, d->buf + d->buf_pos + sizeof(raw), raw.d_namlen);
        d->entry->d_name[raw.d_namlen] = '\0';
        d->buf_pos += sizeof(raw) + raw.d_namlen;
        d->cookie = raw.d_next;
        return d->entry;
      }
      if (d->buf_pos == 0) {
        // A single entry larger than the buffer: grow it and read again.
        size_t size = d->buf_size * 2;
        char *buf = realloc(d->buf, size);
        if (buf == NULL) return NULL;
        d->buf = buf;
        d->buf_size = size;
        d->buf_used = 0;
      }
    }
    if (d->buf_last && d->buf != NULL && d->buf_pos >= d->buf_used) return NULL;
    if (refill(d) != 0) return NULL;
    if (d->buf_used == 0) return NULL;
  }
}

long telldir(DIR *d) { return (long)d->cookie; }

void seekdir(DIR *d, long location) {
  d->cookie = (cloudabi_dircookie_t)location;
  d->buf_used = d->buf_pos = 0;
  d->buf_last = false;
}

void rewinddir(DIR *d) { seekdir(d, (long)CLOUDABI_DIRCOOKIE_START); }
