// dirent.h: directory entries.
//
// Extensions:
// - opendirat(): open a directory relative to a directory descriptor.
// - fdclosedir(): close the directory stream but keep its descriptor.
// - scandirat(): scandir() relative to a directory descriptor.
// - d_type, DT_*: the type of each entry.
// - versionsort(): compares names with strverscmp().
//
// Features missing:
// - opendir(), scandir(): they need a global file system namespace. Use
//   fdopendir(), opendirat() and scandirat().
// - readdir_r(): entry names have no fixed maximum length; readdir() is
//   thread-safe for distinct directory streams.
#ifndef _DIRENT_H_
#define _DIRENT_H_

#include <_/cdefs.h>
#include <_/types.h>

typedef __ino_t ino_t;

typedef struct _DIR DIR;

struct dirent {
  ino_t d_ino;
  unsigned char d_type;
  char d_name[];
};

#define DT_UNKNOWN 0
#define DT_BLK 0x10
#define DT_CHR 0x11
#define DT_DIR 0x20
#define DT_REG 0x60
#define DT_LNK 0x90
#define DT_SOCK 0x82  // stream and datagram sockets alike
#define DT_FIFO 0x81  // never returned: pipes are sockets

__BEGIN_DECLS
int alphasort(const struct dirent **, const struct dirent **);
int closedir(DIR *);
int dirfd(DIR *);
int fdclosedir(DIR *);
DIR *fdopendir(int);
DIR *opendirat(int, const char *);
struct dirent *readdir(DIR *);
void rewinddir(DIR *);
int scandirat(int, const char *, struct dirent ***, int (*)(const struct dirent *),
              int (*)(const struct dirent **, const struct dirent **));
void seekdir(DIR *, long);
long telldir(DIR *);
int versionsort(const struct dirent **, const struct dirent **);
__END_DECLS

#endif
