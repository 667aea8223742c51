// Unit tests of dirent.h.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../libc_support/libc_check.h"

static int no_dots(const struct dirent *e) { return e->d_name[0] != '.'; }

TEST(listing) {
  CHECK_EQ(mkdirat(harness_tmp_fd, "d"), 0);
  int dir = openat(harness_tmp_fd, "d", O_RDONLY | O_DIRECTORY);
  CHECK(dir >= 0);
  // Enough entries, some with long names, to need several reads.
  char name[300];
  for (int i = 0; i < 300; ++i) {
    int len = snprintf(name, sizeof(name), "file%d", i);
    if (i % 50 == 0) {
      memset(name + len, 'x', 200);
      name[len + 200] = '\0';
    }
    int fd = openat(dir, name, O_WRONLY | O_CREAT);
    CHECK(fd >= 0);
    close(fd);
  }
  CHECK_EQ(mkdirat(dir, "subdir"), 0);
  DIR *d = fdopendir(dir);
  CHECK(d != NULL);
  CHECK_EQ(dirfd(d), dir);
  int files = 0, dirs = 0, dots = 0;
  long middle = -1;
  char middle_name[300] = "";
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
      ++dots;
      continue;
    }
    if (e->d_type == DT_DIR) ++dirs;
    if (e->d_type == DT_REG) ++files;
    if (files == 150 && middle < 0) {
      middle = telldir(d);
      e = readdir(d);
      CHECK(e != NULL);
      strlcpy(middle_name, e->d_name, sizeof(middle_name));
      if (e->d_type == DT_REG) ++files;
      if (e->d_type == DT_DIR) ++dirs;
    }
  }
  CHECK_EQ(files, 300);
  CHECK_EQ(dirs, 1);
  CHECK_EQ(dots, 2);
  seekdir(d, middle);
  e = readdir(d);
  CHECK(e != NULL);
  CHECK_STREQ(e->d_name, middle_name);
  rewinddir(d);
  int again = 0;
  while (readdir(d) != NULL) ++again;
  CHECK_EQ(again, 303);
  CHECK_EQ(closedir(d), 0);

  struct dirent **list;
  int n = scandirat(harness_tmp_fd, "d", &list, no_dots, alphasort);
  CHECK_EQ(n, 301);
  for (int i = 1; i < n; ++i) CHECK(strcmp(list[i - 1]->d_name, list[i]->d_name) < 0);
  for (int i = 0; i < n; ++i) free(list[i]);
  free(list);
  n = scandirat(harness_tmp_fd, "d", &list, no_dots, versionsort);
  // file0xxx... (a leading zero sorts as a fraction), file1, file2, ..., file9,
  // file10, ...
  CHECK_EQ(strncmp(list[0]->d_name, "file0x", 6), 0);
  CHECK_STREQ(list[1]->d_name, "file1");
  CHECK_STREQ(list[9]->d_name, "file9");
  CHECK_STREQ(list[10]->d_name, "file10");
  for (int i = 0; i < n; ++i) free(list[i]);
  free(list);

  d = opendirat(harness_tmp_fd, "d/subdir");
  CHECK(d != NULL);
  int fd = fdclosedir(d);
  CHECK(fd >= 0);
  CHECK_EQ(close(fd), 0);
  errno = 0;
  CHECK(opendirat(harness_tmp_fd, "nothere") == NULL);
  CHECK_EQ(errno, ENOENT);
  int file = openat(harness_tmp_fd, "plain", O_WRONLY | O_CREAT);
  errno = 0;
  CHECK(fdopendir(file) == NULL);
  CHECK_EQ(errno, ENOTDIR);
  close(file);
}
