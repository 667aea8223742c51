// file_readdir: the packed dirent format, truncation, cookies.
#include <stdlib.h>

#include "../fd/fdtest.h"

// One parsed entry.
typedef struct {
  cloudabi_dirent_t d;
  char name[256];
} entry;

// Parses the complete entries of a readdir buffer into out (up to max);
// returns how many, and the offset where parsing stopped in *end.
static size_t parse(const char *buf, size_t used, entry *out, size_t max, size_t *end) {
  size_t pos = 0, n = 0;
  while (pos + sizeof(cloudabi_dirent_t) <= used && n < max) {
    cloudabi_dirent_t d;
    memcpy(&d, buf + pos, sizeof(d));  // entries are packed: not aligned
    if (pos + sizeof(d) + d.d_namlen > used) break;
    CHECK(d.d_namlen < sizeof(out[n].name));
    out[n].d = d;
    memcpy(out[n].name, buf + pos + sizeof(d), d.d_namlen);
    out[n].name[d.d_namlen] = '\0';
    pos += sizeof(d) + d.d_namlen;
    ++n;
  }
  *end = pos;
  return n;
}

static size_t read_dir(cloudabi_fd_t fd, cloudabi_dircookie_t cookie, void *buf, size_t len) {
  size_t used = 0;
  CHECK_OK(cloudabi_sys_file_readdir(fd, buf, len, cookie, &used));
  CHECK(used <= len);
  return used;
}

static const entry *find(const entry *e, size_t n, const char *name) {
  for (size_t i = 0; i < n; ++i)
    if (strcmp(e[i].name, name) == 0) return &e[i];
  return NULL;
}

static char big[1 << 20];
#define MAX_ENTRIES 512
static entry entries[MAX_ENTRIES];

TEST(small_directory_in_one_call) {
  make_dir(tmp(), "small");
  close_fd(create_file(tmp(), "small/file"));
  make_dir(tmp(), "small/dir");
  make_symlink(tmp(), "file", "small/link");
  cloudabi_fd_t fd = open_dir(tmp(), "small");
  size_t used = read_dir(fd, 0, big, sizeof(big));
  CHECK(used < sizeof(big));  // the end of the directory
  size_t end;
  size_t n = parse(big, used, entries, MAX_ENTRIES, &end);
  CHECK_EQ(end, used);
  CHECK_EQ(n, 5);
  const entry *e = find(entries, n, ".");
  CHECK(e != NULL);
  CHECK_EQ(e->d.d_type, CLOUDABI_FILETYPE_DIRECTORY);
  CHECK_EQ(e->d.d_namlen, 1);
  CHECK(find(entries, n, "..") != NULL);
  e = find(entries, n, "file");
  CHECK(e != NULL);
  CHECK_EQ(e->d.d_type, CLOUDABI_FILETYPE_REGULAR_FILE);
  CHECK_EQ(e->d.d_ino, stat_path(nofollow(tmp()), "small/file").st_ino);
  e = find(entries, n, "dir");
  CHECK(e != NULL);
  CHECK_EQ(e->d.d_type, CLOUDABI_FILETYPE_DIRECTORY);
  CHECK_EQ(e->d.d_ino, stat_path(nofollow(tmp()), "small/dir").st_ino);
  e = find(entries, n, "link");
  CHECK(e != NULL);
  CHECK_EQ(e->d.d_type, CLOUDABI_FILETYPE_SYMBOLIC_LINK);
  // Every cookie is distinct; the last one reads nothing more.
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) CHECK(entries[i].d.d_next != entries[j].d.d_next);
  CHECK_EQ(read_dir(fd, entries[n - 1].d.d_next, big, sizeof(big)), 0);
  close_fd(fd);
}

TEST(cookies_resume_and_rewind) {
  make_dir(tmp(), "cookies");
  char name[32];
  for (unsigned i = 0; i < 20; ++i) close_fd(create_file(tmp(), numbered(name, "cookies/c", i)));
  cloudabi_fd_t fd = open_dir(tmp(), "cookies");
  static entry all[64];
  size_t end;
  size_t used = read_dir(fd, 0, big, sizeof(big));
  size_t n = parse(big, used, all, 64, &end);
  CHECK_EQ(n, 22);
  // Resuming from any entry's cookie continues with the entry after it.
  for (size_t i = 0; i + 1 < n; ++i) {
    used = read_dir(fd, all[i].d.d_next, big, sizeof(big));
    size_t m = parse(big, used, entries, MAX_ENTRIES, &end);
    CHECK_EQ(m, n - i - 1);
    CHECK(strcmp(entries[0].name, all[i + 1].name) == 0);
    CHECK_EQ(entries[0].d.d_next, all[i + 1].d.d_next);
  }
  // Cookie 0 starts over, any number of times, in the same order.
  for (int round = 0; round < 3; ++round) {
    used = read_dir(fd, CLOUDABI_DIRCOOKIE_START, big, sizeof(big));
    CHECK_EQ(parse(big, used, entries, MAX_ENTRIES, &end), n);
    for (size_t i = 0; i < n; ++i) CHECK(strcmp(entries[i].name, all[i].name) == 0);
  }
  // A cookie can be reused after reading elsewhere in between.
  used = read_dir(fd, all[9].d.d_next, big, sizeof(big));
  parse(big, used, entries, MAX_ENTRIES, &end);
  CHECK(strcmp(entries[0].name, all[10].name) == 0);
  // A duplicate of the descriptor reads independently with the same cookies.
  cloudabi_fd_t dup;
  CHECK_OK(cloudabi_sys_fd_dup(fd, &dup));
  used = read_dir(dup, all[4].d.d_next, big, sizeof(big));
  parse(big, used, entries, MAX_ENTRIES, &end);
  CHECK(strcmp(entries[0].name, all[5].name) == 0);
  close_fd(dup);
  close_fd(fd);
}

TEST(truncated_entries) {
  make_dir(tmp(), "trunc");
  close_fd(create_file(tmp(), "trunc/a_rather_long_file_name"));
  cloudabi_fd_t fd = open_dir(tmp(), "trunc");
  size_t used = read_dir(fd, 0, big, sizeof(big));
  size_t end;
  static entry all[8];
  size_t n = parse(big, used, all, 8, &end);
  CHECK_EQ(n, 3);
  // Every buffer size up to the whole listing: the buffer is filled
  // completely (the last entry cut off anywhere, even in its header), and
  // the bytes are a prefix of the full listing.
  static char part[512];
  for (size_t len = 0; len <= used; ++len) {
    memset(part, 0x55, sizeof(part));
    size_t got = read_dir(fd, 0, part, len);
    CHECK_EQ(got, len);
    CHECK(memcmp(part, big, len) == 0);
    CHECK_EQ((unsigned char)part[len], 0x55);  // nothing beyond buf_len
  }
  // One more byte than the listing: the end is signalled.
  CHECK_EQ(read_dir(fd, 0, part, used + 1), used);
  close_fd(fd);
}

TEST(empty_directory) {
  make_dir(tmp(), "empty");
  cloudabi_fd_t fd = open_dir(tmp(), "empty");
  size_t used = read_dir(fd, 0, big, 4096);
  CHECK(used < 4096);
  size_t end;
  size_t n = parse(big, used, entries, MAX_ENTRIES, &end);
  CHECK_EQ(n, 2);
  CHECK(find(entries, n, ".") != NULL && find(entries, n, "..") != NULL);
  // Once removed, Linux refuses to read it (as the reference emulator did).
  CHECK_OK(cloudabi_sys_file_unlink(tmp(), S("empty"), CLOUDABI_UNLINK_REMOVEDIR));
  CHECK_ERRNO(cloudabi_sys_file_readdir(fd, big, 4096, 0, &used), CLOUDABI_ENOENT);
  close_fd(fd);
}

TEST(sees_changes_between_calls) {
  make_dir(tmp(), "changing");
  cloudabi_fd_t fd = open_dir(tmp(), "changing");
  size_t end;
  CHECK_EQ(parse(big, read_dir(fd, 0, big, sizeof(big)), entries, MAX_ENTRIES, &end), 2);
  close_fd(create_file(tmp(), "changing/new"));
  size_t n = parse(big, read_dir(fd, 0, big, sizeof(big)), entries, MAX_ENTRIES, &end);
  CHECK_EQ(n, 3);
  CHECK(find(entries, n, "new") != NULL);
  close_fd(fd);
}

TEST(rights_and_types) {
  size_t used;
  char buf[64];
  // Only directories have FILE_READDIR.
  cloudabi_fd_t file = create_file(tmp(), "not_a_directory");
  CHECK_ERRNO(cloudabi_sys_file_readdir(file, buf, sizeof(buf), 0, &used), CLOUDABI_ENOTCAPABLE);
  close_fd(file);
  cloudabi_fd_t dir = narrowed(tmp(), RIGHTS_DIRECTORY & ~CLOUDABI_RIGHT_FILE_READDIR, 0);
  CHECK_ERRNO(cloudabi_sys_file_readdir(dir, buf, sizeof(buf), 0, &used), CLOUDABI_ENOTCAPABLE);
  close_fd(dir);
  dir = narrowed(tmp(), CLOUDABI_RIGHT_FILE_READDIR, 0);
  CHECK_OK(cloudabi_sys_file_readdir(dir, buf, sizeof(buf), 0, &used));
  close_fd(dir);
  for (size_t i = 0; i < NBAD_FDS; ++i)
    CHECK_ERRNO(cloudabi_sys_file_readdir(bad_fds[i], buf, sizeof(buf), 0, &used), CLOUDABI_EBADF);
  // Cookies come from the kernel and never exceed INT64_MAX.
  CHECK_ERRNO(cloudabi_sys_file_readdir(tmp(), buf, sizeof(buf), UINT64_MAX, &used),
              CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_file_readdir(tmp(), buf, sizeof(buf), (uint64_t)INT64_MAX + 1, &used),
              CLOUDABI_EINVAL);
}

TEST(ten_thousand_entries_with_a_small_buffer) {
  enum { N = 10000 };
  make_dir(tmp(), "huge");
  cloudabi_fd_t dir = open_dir(tmp(), "huge");
  char name[32];
  for (unsigned i = 0; i < N; ++i) {
    cloudabi_fd_t fd;
    CHECK_OK(open_with(nofollow(dir), numbered(name, "entry_", i),
                       CLOUDABI_O_CREAT | CLOUDABI_O_EXCL, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd));
    close_fd(fd);
  }
  unsigned char *seen = calloc(N, 1);
  CHECK(seen != NULL);
  for (int pass = 0; pass < 2; ++pass) {
    memset(seen, 0, N);
    // Different buffer sizes in the two passes, both much smaller than the
    // listing; most calls end with a truncated entry.
    size_t len = pass == 0 ? 200 : 4096;
    cloudabi_dircookie_t cookie = CLOUDABI_DIRCOOKIE_START;
    size_t total = 0, dots = 0, calls = 0, truncated = 0;
    for (;;) {
      size_t used = read_dir(dir, cookie, big, len);
      ++calls;
      CHECK(calls < 100000);
      size_t end;
      size_t n = parse(big, used, entries, MAX_ENTRIES, &end);
      for (size_t i = 0; i < n; ++i) {
        const entry *e = &entries[i];
        if (strcmp(e->name, ".") == 0 || strcmp(e->name, "..") == 0) {
          CHECK_EQ(e->d.d_type, CLOUDABI_FILETYPE_DIRECTORY);
          ++dots;
          continue;
        }
        CHECK(memcmp(e->name, "entry_", 6) == 0);
        unsigned index = 0;
        for (const char *p = e->name + 6; *p != '\0'; ++p)
          index = index * 10 + (unsigned)(*p - '0');
        CHECK(index < N);
        CHECK_EQ(seen[index], 0);  // exactly once
        seen[index] = 1;
        CHECK_EQ(e->d.d_type, CLOUDABI_FILETYPE_REGULAR_FILE);
        ++total;
      }
      if (used < len) {
        CHECK_EQ(end, used);  // at the end nothing is cut off
        break;
      }
      if (end < used) ++truncated;
      CHECK(n > 0);
      cookie = entries[n - 1].d.d_next;
    }
    CHECK_EQ(total, N);
    CHECK_EQ(dots, 2);
    CHECK(truncated > 0);
    for (unsigned i = 0; i < N; ++i) CHECK_EQ(seen[i], 1);
  }
  free(seen);
  close_fd(dir);
}
