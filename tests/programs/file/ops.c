// file_create, file_link, file_rename, file_unlink, file_symlink,
// file_readlink, file_stat_{fget,fput,get,put}, file_advise, file_allocate.
#include "../fd/fdtest.h"

static cloudabi_timestamp_t now(void) {
  cloudabi_timestamp_t t;
  CHECK_OK(cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_REALTIME, 0, &t));
  return t;
}

TEST(create_directories) {
  make_dir(tmp(), "made");
  cloudabi_filestat_t st = stat_path(nofollow(tmp()), "made");
  CHECK_EQ(st.st_filetype, CLOUDABI_FILETYPE_DIRECTORY);
  make_dir(tmp(), "made/inner");
  CHECK_ERRNO(cloudabi_sys_file_create(tmp(), S("made"), CLOUDABI_FILETYPE_DIRECTORY),
              CLOUDABI_EEXIST);
  CHECK_ERRNO(cloudabi_sys_file_create(tmp(), S("missing/inner"), CLOUDABI_FILETYPE_DIRECTORY),
              CLOUDABI_ENOENT);
  // Only directories can be created this way; the type is checked first.
  static const cloudabi_filetype_t bad[] = {
      CLOUDABI_FILETYPE_UNKNOWN,       CLOUDABI_FILETYPE_REGULAR_FILE,
      CLOUDABI_FILETYPE_SOCKET_STREAM, CLOUDABI_FILETYPE_SOCKET_DGRAM,
      CLOUDABI_FILETYPE_SYMBOLIC_LINK, CLOUDABI_FILETYPE_SHARED_MEMORY,
      CLOUDABI_FILETYPE_PROCESS,       0xff};
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); ++i) {
    CHECK_ERRNO(cloudabi_sys_file_create(tmp(), S("other_type"), bad[i]), CLOUDABI_EINVAL);
    CHECK_ERRNO(cloudabi_sys_file_create(0xffffffff, S("other_type"), bad[i]), CLOUDABI_EINVAL);
  }
  CHECK_EQ(stat_errno(nofollow(tmp()), "other_type"), CLOUDABI_ENOENT);
  // Through a descriptor of the new directory.
  cloudabi_fd_t made = open_dir(tmp(), "made");
  make_dir(made, "via_fd");
  CHECK_EQ(stat_path(nofollow(tmp()), "made/via_fd").st_filetype, CLOUDABI_FILETYPE_DIRECTORY);
  close_fd(made);
}

TEST(create_needs_its_right) {
  cloudabi_fd_t dir = narrowed(tmp(), RIGHTS_DIRECTORY & ~CLOUDABI_RIGHT_FILE_CREATE_DIRECTORY,
                               RIGHTS_DIRECTORY | RIGHTS_REGULAR_FILE);
  CHECK_ERRNO(cloudabi_sys_file_create(dir, S("denied"), CLOUDABI_FILETYPE_DIRECTORY),
              CLOUDABI_ENOTCAPABLE);
  CHECK_EQ(stat_errno(nofollow(tmp()), "denied"), CLOUDABI_ENOENT);
  close_fd(dir);
  cloudabi_fd_t file = create_file(tmp(), "plain_file");
  CHECK_ERRNO(cloudabi_sys_file_create(file, S("x"), CLOUDABI_FILETYPE_DIRECTORY),
              CLOUDABI_ENOTCAPABLE);
  close_fd(file);
  for (size_t i = 0; i < NBAD_FDS; ++i)
    CHECK_ERRNO(cloudabi_sys_file_create(bad_fds[i], S("x"), CLOUDABI_FILETYPE_DIRECTORY),
                CLOUDABI_EBADF);
}

TEST(hard_links) {
  cloudabi_fd_t fd = create_file(tmp(), "original");
  write_all(fd, S("shared"));
  CHECK_OK(cloudabi_sys_file_link(nofollow(tmp()), S("original"), tmp(), S("second_name")));
  cloudabi_filestat_t a = stat_path(nofollow(tmp()), "original");
  cloudabi_filestat_t b = stat_path(nofollow(tmp()), "second_name");
  CHECK_EQ(a.st_ino, b.st_ino);
  CHECK_EQ(a.st_nlink, 2);
  CHECK_EQ(b.st_size, 6);
  CHECK_ERRNO(cloudabi_sys_file_link(nofollow(tmp()), S("original"), tmp(), S("second_name")),
              CLOUDABI_EEXIST);
  CHECK_ERRNO(cloudabi_sys_file_link(nofollow(tmp()), S("nonexistent"), tmp(), S("third")),
              CLOUDABI_ENOENT);
  // Directories cannot be hard linked.
  make_dir(tmp(), "linked_dir");
  CHECK_ERRNO(cloudabi_sys_file_link(nofollow(tmp()), S("linked_dir"), tmp(), S("dir_link")),
              CLOUDABI_EPERM);
  close_fd(fd);
}

TEST(hard_links_across_directories) {
  make_dir(tmp(), "link_src");
  make_dir(tmp(), "link_dst");
  close_fd(create_file(tmp(), "link_src/f"));
  cloudabi_fd_t src = open_dir(tmp(), "link_src");
  cloudabi_fd_t dst = open_dir(tmp(), "link_dst");
  CHECK_OK(cloudabi_sys_file_link(nofollow(src), S("f"), dst, S("g")));
  CHECK_EQ(stat_path(nofollow(tmp()), "link_dst/g").st_nlink, 2);
  // Rights: LINK_SOURCE on the first, LINK_TARGET on the second.
  cloudabi_fd_t src_n = narrowed(src, RIGHTS_DIRECTORY & ~CLOUDABI_RIGHT_FILE_LINK_SOURCE, 0);
  cloudabi_fd_t dst_n = narrowed(dst, RIGHTS_DIRECTORY & ~CLOUDABI_RIGHT_FILE_LINK_TARGET, 0);
  CHECK_ERRNO(cloudabi_sys_file_link(nofollow(src_n), S("f"), dst, S("h")), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_file_link(nofollow(src), S("f"), dst_n, S("h")), CLOUDABI_ENOTCAPABLE);
  // src_n may only be a target now, dst_n only a source.
  CHECK_ERRNO(cloudabi_sys_file_link(nofollow(src_n), S("f"), src_n, S("h")), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_file_link(nofollow(dst_n), S("g"), dst_n, S("h")), CLOUDABI_ENOTCAPABLE);
  CHECK_OK(cloudabi_sys_file_link(nofollow(dst_n), S("g"), src_n, S("h")));
  CHECK_EQ(stat_path(nofollow(tmp()), "link_src/h").st_nlink, 3);
  CHECK_ERRNO(cloudabi_sys_file_link(nofollow(1000), S("f"), dst, S("x")), CLOUDABI_EBADF);
  CHECK_ERRNO(cloudabi_sys_file_link(nofollow(src), S("f"), 1000, S("x")), CLOUDABI_EBADF);
  close_fd(src_n);
  close_fd(dst_n);
  close_fd(src);
  close_fd(dst);
}

TEST(hard_links_to_symbolic_links) {
  close_fd(create_file(tmp(), "sl_target"));
  make_symlink(tmp(), "sl_target", "sl");
  cloudabi_filestat_t target = stat_path(nofollow(tmp()), "sl_target");
  cloudabi_filestat_t link = stat_path(nofollow(tmp()), "sl");
  // Without SYMLINK_FOLLOW the link itself gets a second name...
  CHECK_OK(cloudabi_sys_file_link(nofollow(tmp()), S("sl"), tmp(), S("sl_copy")));
  cloudabi_filestat_t st = stat_path(nofollow(tmp()), "sl_copy");
  CHECK_EQ(st.st_ino, link.st_ino);
  CHECK_EQ(st.st_filetype, CLOUDABI_FILETYPE_SYMBOLIC_LINK);
  // ...with it, what the link points to.
  CHECK_OK(cloudabi_sys_file_link(follow(tmp()), S("sl"), tmp(), S("sl_followed")));
  st = stat_path(nofollow(tmp()), "sl_followed");
  CHECK_EQ(st.st_ino, target.st_ino);
  CHECK_EQ(st.st_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  CHECK_EQ(st.st_nlink, 2);
}

TEST(rename_files_and_directories) {
  cloudabi_fd_t fd = create_file(tmp(), "before");
  write_all(fd, S("payload"));
  close_fd(fd);
  cloudabi_filestat_t a = stat_path(nofollow(tmp()), "before");
  CHECK_OK(cloudabi_sys_file_rename(tmp(), S("before"), tmp(), S("after")));
  CHECK_EQ(stat_errno(nofollow(tmp()), "before"), CLOUDABI_ENOENT);
  CHECK_EQ(stat_path(nofollow(tmp()), "after").st_ino, a.st_ino);
  // Replacing an existing file.
  close_fd(create_file(tmp(), "replaced"));
  CHECK_OK(cloudabi_sys_file_rename(tmp(), S("after"), tmp(), S("replaced")));
  CHECK_EQ(stat_path(nofollow(tmp()), "replaced").st_size, 7);
  // Directories.
  make_dir(tmp(), "rdir");
  make_dir(tmp(), "rdir/child");
  CHECK_OK(cloudabi_sys_file_rename(tmp(), S("rdir"), tmp(), S("rdir2")));
  CHECK_EQ(stat_path(nofollow(tmp()), "rdir2/child").st_filetype, CLOUDABI_FILETYPE_DIRECTORY);
  // Into itself: EINVAL. Over a non-empty directory: ENOTEMPTY. A
  // directory over a file: ENOTDIR, a file over a directory: EISDIR.
  CHECK_ERRNO(cloudabi_sys_file_rename(tmp(), S("rdir2"), tmp(), S("rdir2/child/x")),
              CLOUDABI_EINVAL);
  make_dir(tmp(), "other_dir");
  CHECK_ERRNO(cloudabi_sys_file_rename(tmp(), S("other_dir"), tmp(), S("rdir2")),
              CLOUDABI_ENOTEMPTY);
  CHECK_ERRNO(cloudabi_sys_file_rename(tmp(), S("other_dir"), tmp(), S("replaced")),
              CLOUDABI_ENOTDIR);
  CHECK_ERRNO(cloudabi_sys_file_rename(tmp(), S("replaced"), tmp(), S("other_dir")),
              CLOUDABI_EISDIR);
  CHECK_ERRNO(cloudabi_sys_file_rename(tmp(), S("nothing"), tmp(), S("x")), CLOUDABI_ENOENT);
  // "." cannot be renamed (Linux says EBUSY, CloudABI EINVAL).
  CHECK_ERRNO(cloudabi_sys_file_rename(tmp(), S("rdir2/child/."), tmp(), S("x")), CLOUDABI_EINVAL);
  // Renaming onto itself does nothing.
  CHECK_OK(cloudabi_sys_file_rename(tmp(), S("replaced"), tmp(), S("replaced")));
}

TEST(rename_across_directory_descriptors) {
  make_dir(tmp(), "from_dir");
  make_dir(tmp(), "to_dir");
  close_fd(create_file(tmp(), "from_dir/moving"));
  cloudabi_fd_t from = open_dir(tmp(), "from_dir");
  cloudabi_fd_t to = open_dir(tmp(), "to_dir");
  CHECK_OK(cloudabi_sys_file_rename(from, S("moving"), to, S("moved")));
  CHECK_EQ(stat_errno(nofollow(from), "moving"), CLOUDABI_ENOENT);
  CHECK_EQ(stat_path(nofollow(to), "moved").st_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  // Rights: RENAME_SOURCE on the first, RENAME_TARGET on the second.
  cloudabi_fd_t to_n = narrowed(to, RIGHTS_DIRECTORY & ~CLOUDABI_RIGHT_FILE_RENAME_TARGET, 0);
  cloudabi_fd_t from_n = narrowed(from, RIGHTS_DIRECTORY & ~CLOUDABI_RIGHT_FILE_RENAME_SOURCE, 0);
  CHECK_ERRNO(cloudabi_sys_file_rename(to, S("moved"), to_n, S("back")), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_file_rename(from_n, S("x"), to, S("back")), CLOUDABI_ENOTCAPABLE);
  CHECK_OK(cloudabi_sys_file_rename(to_n, S("moved"), from_n, S("back")));
  CHECK_EQ(stat_path(nofollow(from), "back").st_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  CHECK_ERRNO(cloudabi_sys_file_rename(1000, S("back"), to, S("x")), CLOUDABI_EBADF);
  CHECK_ERRNO(cloudabi_sys_file_rename(from, S("back"), 1000, S("x")), CLOUDABI_EBADF);
  // A descriptor stays valid while its directory moves.
  CHECK_OK(cloudabi_sys_file_rename(tmp(), S("from_dir"), to, S("nested")));
  CHECK_EQ(stat_path(nofollow(from), "back").st_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  CHECK_EQ(stat_path(nofollow(tmp()), "to_dir/nested/back").st_filetype,
           CLOUDABI_FILETYPE_REGULAR_FILE);
  close_fd(to_n);
  close_fd(from_n);
  close_fd(from);
  close_fd(to);
}

TEST(unlink_files_and_directories) {
  close_fd(create_file(tmp(), "doomed"));
  make_dir(tmp(), "doomed_dir");
  close_fd(create_file(tmp(), "doomed_dir/content"));
  // A directory without REMOVEDIR: EPERM (POSIX; Linux says EISDIR).
  CHECK_ERRNO(cloudabi_sys_file_unlink(tmp(), S("doomed_dir"), 0), CLOUDABI_EPERM);
  CHECK_ERRNO(cloudabi_sys_file_unlink(tmp(), S("doomed_dir"), CLOUDABI_UNLINK_REMOVEDIR),
              CLOUDABI_ENOTEMPTY);
  CHECK_ERRNO(cloudabi_sys_file_unlink(tmp(), S("doomed"), CLOUDABI_UNLINK_REMOVEDIR),
              CLOUDABI_ENOTDIR);
  CHECK_OK(cloudabi_sys_file_unlink(tmp(), S("doomed_dir/content"), 0));
  CHECK_OK(cloudabi_sys_file_unlink(tmp(), S("doomed_dir"), CLOUDABI_UNLINK_REMOVEDIR));
  CHECK_OK(cloudabi_sys_file_unlink(tmp(), S("doomed"), 0));
  CHECK_EQ(stat_errno(nofollow(tmp()), "doomed"), CLOUDABI_ENOENT);
  CHECK_EQ(stat_errno(nofollow(tmp()), "doomed_dir"), CLOUDABI_ENOENT);
  CHECK_ERRNO(cloudabi_sys_file_unlink(tmp(), S("doomed"), 0), CLOUDABI_ENOENT);
  // Unknown flag bits are ignored.
  close_fd(create_file(tmp(), "doomed2"));
  CHECK_OK(cloudabi_sys_file_unlink(tmp(), S("doomed2"), 0xfe));
  // An open file survives its name.
  cloudabi_fd_t fd = create_file(tmp(), "anonymous");
  CHECK_OK(cloudabi_sys_file_unlink(tmp(), S("anonymous"), 0));
  write_all(fd, S("still here"));
  cloudabi_filestat_t st;
  CHECK_OK(cloudabi_sys_file_stat_fget(fd, &st));
  CHECK_EQ(st.st_nlink, 0);
  CHECK_EQ(st.st_size, 10);
  close_fd(fd);
}

TEST(unlink_needs_its_right) {
  close_fd(create_file(tmp(), "protected"));
  cloudabi_fd_t dir = narrowed(tmp(), RIGHTS_DIRECTORY & ~CLOUDABI_RIGHT_FILE_UNLINK, 0);
  CHECK_ERRNO(cloudabi_sys_file_unlink(dir, S("protected"), 0), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_file_unlink(dir, S("protected"), CLOUDABI_UNLINK_REMOVEDIR),
              CLOUDABI_ENOTCAPABLE);
  CHECK_EQ(stat_path(nofollow(tmp()), "protected").st_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  close_fd(dir);
  for (size_t i = 0; i < NBAD_FDS; ++i)
    CHECK_ERRNO(cloudabi_sys_file_unlink(bad_fds[i], S("protected"), 0), CLOUDABI_EBADF);
}

TEST(symlink_and_readlink) {
  // The contents are arbitrary; only following them is confined.
  static const char *contents[] = {"target", "../../../../etc/shadow", "/absolute/path",
                                   "with spaces and \xff bytes", "a/b/c/"};
  char name[32];
  for (unsigned i = 0; i < sizeof(contents) / sizeof(contents[0]); ++i) {
    make_symlink(tmp(), contents[i], numbered(name, "sym", i));
    CHECK_EQ(stat_path(nofollow(tmp()), name).st_filetype, CLOUDABI_FILETYPE_SYMBOLIC_LINK);
    CHECK_EQ(stat_path(nofollow(tmp()), name).st_size, strlen(contents[i]));
    char buf[64];
    size_t n = 999;
    CHECK_OK(cloudabi_sys_file_readlink(tmp(), name, strlen(name), buf, sizeof(buf), &n));
    CHECK_EQ(n, strlen(contents[i]));
    CHECK(memcmp(buf, contents[i], n) == 0);
  }
  // Truncation is silent.
  char buf[8];
  memset(buf, '#', sizeof(buf));
  size_t n;
  CHECK_OK(cloudabi_sys_file_readlink(tmp(), S("sym1"), buf, 5, &n));
  CHECK_EQ(n, 5);
  CHECK(memcmp(buf, "../..", 5) == 0);
  CHECK_EQ(buf[5], '#');
  CHECK_OK(cloudabi_sys_file_readlink(tmp(), S("sym1"), buf, 0, &n));
  CHECK_EQ(n, 0);
  CHECK_EQ(buf[0], '.');
  // Errors.
  CHECK_ERRNO(cloudabi_sys_file_symlink(S("x"), tmp(), S("sym0")), CLOUDABI_EEXIST);
  CHECK_ERRNO(cloudabi_sys_file_symlink("", 0, tmp(), S("empty_link")), CLOUDABI_ENOENT);
  close_fd(create_file(tmp(), "regular"));
  CHECK_ERRNO(cloudabi_sys_file_readlink(tmp(), S("regular"), buf, sizeof(buf), &n),
              CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_file_readlink(tmp(), S("."), buf, sizeof(buf), &n), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_file_readlink(tmp(), S("nothing"), buf, sizeof(buf), &n),
              CLOUDABI_ENOENT);
  // Rights.
  cloudabi_fd_t dir = narrowed(
      tmp(), RIGHTS_DIRECTORY & ~(CLOUDABI_RIGHT_FILE_SYMLINK | CLOUDABI_RIGHT_FILE_READLINK), 0);
  CHECK_ERRNO(cloudabi_sys_file_symlink(S("x"), dir, S("denied_link")), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_file_readlink(dir, S("sym0"), buf, sizeof(buf), &n),
              CLOUDABI_ENOTCAPABLE);
  close_fd(dir);
  CHECK_ERRNO(cloudabi_sys_file_symlink(S("x"), 1000, S("y")), CLOUDABI_EBADF);
  CHECK_ERRNO(cloudabi_sys_file_readlink(1000, S("sym0"), buf, sizeof(buf), &n), CLOUDABI_EBADF);
}

TEST(stat_get_follows_only_when_asked) {
  cloudabi_fd_t fd = create_file(tmp(), "stat_target");
  write_all(fd, S("12345"));
  close_fd(fd);
  make_symlink(tmp(), "stat_target", "stat_link");
  cloudabi_filestat_t a = stat_path(nofollow(tmp()), "stat_link");
  cloudabi_filestat_t b = stat_path(follow(tmp()), "stat_link");
  cloudabi_filestat_t c = stat_path(nofollow(tmp()), "stat_target");
  CHECK_EQ(a.st_filetype, CLOUDABI_FILETYPE_SYMBOLIC_LINK);
  CHECK_EQ(a.st_size, 11);
  CHECK_EQ(b.st_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  CHECK_EQ(b.st_size, 5);
  CHECK_EQ(b.st_ino, c.st_ino);
  CHECK_EQ(b.st_dev, c.st_dev);
  CHECK(a.st_ino != c.st_ino);
  CHECK_EQ(c.st_nlink, 1);
  CHECK(c.st_mtim > 0 && c.st_atim > 0 && c.st_ctim > 0);
  cloudabi_filestat_t d = stat_path(nofollow(tmp()), ".");
  CHECK_EQ(d.st_filetype, CLOUDABI_FILETYPE_DIRECTORY);
  cloudabi_filestat_t e;
  CHECK_OK(cloudabi_sys_file_stat_fget(tmp(), &e));
  CHECK_EQ(d.st_ino, e.st_ino);
  CHECK_ERRNO(stat_errno(nofollow(tmp()), "nonexistent"), CLOUDABI_ENOENT);
  cloudabi_fd_t dir = narrowed(tmp(), RIGHTS_DIRECTORY & ~CLOUDABI_RIGHT_FILE_STAT_GET, 0);
  CHECK_ERRNO(stat_errno(nofollow(dir), "stat_target"), CLOUDABI_ENOTCAPABLE);
  close_fd(dir);
  for (size_t i = 0; i < NBAD_FDS; ++i)
    CHECK_ERRNO(stat_errno(nofollow(bad_fds[i]), "stat_target"), CLOUDABI_EBADF);
}

TEST(stat_fget) {
  cloudabi_fd_t fd = create_file(tmp(), "fget");
  write_all(fd, S("abc"));
  cloudabi_filestat_t a, b = stat_path(nofollow(tmp()), "fget");
  CHECK_OK(cloudabi_sys_file_stat_fget(fd, &a));
  CHECK_EQ(a.st_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  CHECK_EQ(a.st_size, 3);
  CHECK_EQ(a.st_ino, b.st_ino);
  CHECK_EQ(a.st_dev, b.st_dev);
  CHECK_EQ(a.st_mtim, b.st_mtim);
  cloudabi_fd_t n = narrowed(fd, RIGHTS_REGULAR_FILE & ~CLOUDABI_RIGHT_FILE_STAT_FGET, 0);
  CHECK_ERRNO(cloudabi_sys_file_stat_fget(n, &a), CLOUDABI_ENOTCAPABLE);
  close_fd(n);
  close_fd(fd);
  for (size_t i = 0; i < NBAD_FDS; ++i)
    CHECK_ERRNO(cloudabi_sys_file_stat_fget(bad_fds[i], &a), CLOUDABI_EBADF);
}

TEST(stat_fput_size) {
  cloudabi_fd_t fd = create_file(tmp(), "sized");
  write_all(fd, S("0123456789"));
  cloudabi_filestat_t st = {.st_size = 4};
  CHECK_OK(cloudabi_sys_file_stat_fput(fd, &st, CLOUDABI_FILESTAT_SIZE));
  CHECK_EQ(stat_path(nofollow(tmp()), "sized").st_size, 4);
  st.st_size = 1 << 20;
  CHECK_OK(cloudabi_sys_file_stat_fput(fd, &st, CLOUDABI_FILESTAT_SIZE));
  cloudabi_filestat_t got;
  CHECK_OK(cloudabi_sys_file_stat_fget(fd, &got));
  CHECK_EQ(got.st_size, 1 << 20);
  char buf[8];
  cloudabi_iovec_t in = {.buf = buf, .buf_len = sizeof(buf)};
  size_t n;
  CHECK_OK(cloudabi_sys_fd_pread(fd, &in, 1, 0, &n));
  CHECK_EQ(n, 8);
  CHECK(memcmp(buf, "0123\0\0\0\0", 8) == 0);
  // Mixed with time flags, or sizes Linux cannot represent: EINVAL.
  CHECK_ERRNO(cloudabi_sys_file_stat_fput(fd, &st, CLOUDABI_FILESTAT_SIZE | CLOUDABI_FILESTAT_ATIM),
              CLOUDABI_EINVAL);
  CHECK_ERRNO(
      cloudabi_sys_file_stat_fput(fd, &st, CLOUDABI_FILESTAT_SIZE | CLOUDABI_FILESTAT_MTIM_NOW),
      CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_file_stat_fput(fd, &st, CLOUDABI_FILESTAT_SIZE | 0x20), CLOUDABI_EINVAL);
  st.st_size = UINT64_MAX;
  CHECK_ERRNO(cloudabi_sys_file_stat_fput(fd, &st, CLOUDABI_FILESTAT_SIZE), CLOUDABI_EINVAL);
  CHECK_OK(cloudabi_sys_file_stat_fget(fd, &got));
  CHECK_EQ(got.st_size, 1 << 20);
  // Needs FILE_STAT_FPUT_SIZE: a read-only descriptor lacks it.
  cloudabi_fd_t ro;
  CHECK_OK(open_with(nofollow(tmp()), "sized", 0, CLOUDABI_RIGHT_FD_READ, 0, 0, &ro));
  st.st_size = 0;
  CHECK_ERRNO(cloudabi_sys_file_stat_fput(ro, &st, CLOUDABI_FILESTAT_SIZE), CLOUDABI_ENOTCAPABLE);
  close_fd(ro);
  // Directories cannot be truncated.
  CHECK_ERRNO(cloudabi_sys_file_stat_fput(tmp(), &st, CLOUDABI_FILESTAT_SIZE),
              CLOUDABI_ENOTCAPABLE);
  close_fd(fd);
}

TEST(stat_fput_times) {
  cloudabi_fd_t fd = create_file(tmp(), "timed");
  cloudabi_filestat_t st = {.st_atim = 1000000000123456789ull, .st_mtim = 1500000000987654321ull};
  CHECK_OK(cloudabi_sys_file_stat_fput(fd, &st, CLOUDABI_FILESTAT_ATIM | CLOUDABI_FILESTAT_MTIM));
  cloudabi_filestat_t got = stat_path(nofollow(tmp()), "timed");
  CHECK_EQ(got.st_atim, 1000000000123456789ull);
  CHECK_EQ(got.st_mtim, 1500000000987654321ull);
  // Only one of them.
  st.st_atim = 2000000000000000000ull;
  st.st_mtim = 42;
  CHECK_OK(cloudabi_sys_file_stat_fput(fd, &st, CLOUDABI_FILESTAT_ATIM));
  CHECK_OK(cloudabi_sys_file_stat_fget(fd, &got));
  CHECK_EQ(got.st_atim, 2000000000000000000ull);
  CHECK_EQ(got.st_mtim, 1500000000987654321ull);
  // Now.
  cloudabi_timestamp_t before = now();
  CHECK_OK(cloudabi_sys_file_stat_fput(fd, &st, CLOUDABI_FILESTAT_MTIM_NOW));
  CHECK_OK(cloudabi_sys_file_stat_fget(fd, &got));
  CHECK(got.st_mtim + 10000000 >= before && got.st_mtim <= now());  // 10 ms of clock coarseness
  CHECK_EQ(got.st_atim, 2000000000000000000ull);
  // *_NOW wins over an explicit value given at the same time (reference).
  before = now();
  CHECK_OK(
      cloudabi_sys_file_stat_fput(fd, &st, CLOUDABI_FILESTAT_ATIM | CLOUDABI_FILESTAT_ATIM_NOW));
  CHECK_OK(cloudabi_sys_file_stat_fget(fd, &got));
  CHECK(got.st_atim + 10000000 >= before);
  // Bad flag combinations.
  CHECK_ERRNO(cloudabi_sys_file_stat_fput(fd, &st, 0), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_file_stat_fput(fd, &st, 0x20), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_file_stat_fput(fd, &st, CLOUDABI_FILESTAT_MTIM | 0x100),
              CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_file_stat_fput(0xffffffff, &st, 0), CLOUDABI_EINVAL);
  // Rights.
  cloudabi_fd_t n = narrowed(fd, RIGHTS_REGULAR_FILE & ~CLOUDABI_RIGHT_FILE_STAT_FPUT_TIMES, 0);
  CHECK_ERRNO(cloudabi_sys_file_stat_fput(n, &st, CLOUDABI_FILESTAT_MTIM), CLOUDABI_ENOTCAPABLE);
  close_fd(n);
  // Directories have FILE_STAT_FPUT_TIMES.
  CHECK_OK(cloudabi_sys_file_stat_fput(tmp(), &st, CLOUDABI_FILESTAT_MTIM_NOW));
  for (size_t i = 0; i < NBAD_FDS; ++i)
    CHECK_ERRNO(cloudabi_sys_file_stat_fput(bad_fds[i], &st, CLOUDABI_FILESTAT_MTIM),
                CLOUDABI_EBADF);
  close_fd(fd);
}

TEST(stat_put_by_path) {
  close_fd(create_file(tmp(), "put_target"));
  make_symlink(tmp(), "put_target", "put_link");
  cloudabi_filestat_t st = {.st_atim = 111000000000ull, .st_mtim = 222000000000ull};
  CHECK_OK(cloudabi_sys_file_stat_put(nofollow(tmp()), S("put_target"), &st,
                                      CLOUDABI_FILESTAT_ATIM | CLOUDABI_FILESTAT_MTIM));
  cloudabi_filestat_t got = stat_path(nofollow(tmp()), "put_target");
  CHECK_EQ(got.st_atim, 111000000000ull);
  CHECK_EQ(got.st_mtim, 222000000000ull);
  // Through the link, following it: the target changes.
  st.st_mtim = 333000000000ull;
  CHECK_OK(cloudabi_sys_file_stat_put(follow(tmp()), S("put_link"), &st, CLOUDABI_FILESTAT_MTIM));
  CHECK_EQ(stat_path(nofollow(tmp()), "put_target").st_mtim, 333000000000ull);
  // Not following: the link itself changes.
  st.st_mtim = 444000000000ull;
  CHECK_OK(cloudabi_sys_file_stat_put(nofollow(tmp()), S("put_link"), &st, CLOUDABI_FILESTAT_MTIM));
  CHECK_EQ(stat_path(nofollow(tmp()), "put_link").st_mtim, 444000000000ull);
  CHECK_EQ(stat_path(nofollow(tmp()), "put_target").st_mtim, 333000000000ull);
  // No flags: nothing changes.
  CHECK_OK(cloudabi_sys_file_stat_put(nofollow(tmp()), S("put_target"), &st, 0));
  // SIZE or unknown flags are not allowed here, whatever the descriptor.
  CHECK_ERRNO(
      cloudabi_sys_file_stat_put(nofollow(tmp()), S("put_target"), &st, CLOUDABI_FILESTAT_SIZE),
      CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_file_stat_put(nofollow(tmp()), S("put_target"), &st,
                                         CLOUDABI_FILESTAT_MTIM | 0x40),
              CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_file_stat_put(nofollow(0xffffffff), S("put_target"), &st,
                                         CLOUDABI_FILESTAT_SIZE),
              CLOUDABI_EINVAL);
  CHECK_ERRNO(
      cloudabi_sys_file_stat_put(nofollow(tmp()), S("missing"), &st, CLOUDABI_FILESTAT_MTIM_NOW),
      CLOUDABI_ENOENT);
  cloudabi_fd_t dir = narrowed(tmp(), RIGHTS_DIRECTORY & ~CLOUDABI_RIGHT_FILE_STAT_PUT_TIMES, 0);
  CHECK_ERRNO(
      cloudabi_sys_file_stat_put(nofollow(dir), S("put_target"), &st, CLOUDABI_FILESTAT_MTIM_NOW),
      CLOUDABI_ENOTCAPABLE);
  close_fd(dir);
  CHECK_ERRNO(
      cloudabi_sys_file_stat_put(nofollow(1000), S("put_target"), &st, CLOUDABI_FILESTAT_MTIM_NOW),
      CLOUDABI_EBADF);
}

TEST(advise) {
  cloudabi_fd_t fd = create_file(tmp(), "advised");
  write_all(fd, S("data"));
  static const cloudabi_advice_t good[] = {CLOUDABI_ADVICE_DONTNEED,   CLOUDABI_ADVICE_NOREUSE,
                                           CLOUDABI_ADVICE_NORMAL,     CLOUDABI_ADVICE_RANDOM,
                                           CLOUDABI_ADVICE_SEQUENTIAL, CLOUDABI_ADVICE_WILLNEED};
  for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); ++i) {
    CHECK_OK(cloudabi_sys_file_advise(fd, 0, 0, good[i]));
    CHECK_OK(cloudabi_sys_file_advise(fd, 4096, 1 << 20, good[i]));
  }
  // Bad advice is checked before the descriptor.
  static const cloudabi_advice_t bad[] = {0, 7, 8, 0x80, 0xff};
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); ++i) {
    CHECK_ERRNO(cloudabi_sys_file_advise(fd, 0, 0, bad[i]), CLOUDABI_EINVAL);
    CHECK_ERRNO(cloudabi_sys_file_advise(0xffffffff, 0, 0, bad[i]), CLOUDABI_EINVAL);
  }
  // A length Linux sees as negative.
  CHECK_ERRNO(cloudabi_sys_file_advise(fd, 0, UINT64_MAX, CLOUDABI_ADVICE_NORMAL), CLOUDABI_EINVAL);
  cloudabi_fd_t n = narrowed(fd, RIGHTS_REGULAR_FILE & ~CLOUDABI_RIGHT_FILE_ADVISE, 0);
  CHECK_ERRNO(cloudabi_sys_file_advise(n, 0, 0, CLOUDABI_ADVICE_NORMAL), CLOUDABI_ENOTCAPABLE);
  close_fd(n);
  for (size_t i = 0; i < NBAD_FDS; ++i)
    CHECK_ERRNO(cloudabi_sys_file_advise(bad_fds[i], 0, 0, CLOUDABI_ADVICE_NORMAL), CLOUDABI_EBADF);
  close_fd(fd);
}

TEST(allocate) {
  cloudabi_fd_t fd = create_file(tmp(), "allocated");
  CHECK_OK(cloudabi_sys_file_allocate(fd, 0, 8192));
  cloudabi_filestat_t st;
  CHECK_OK(cloudabi_sys_file_stat_fget(fd, &st));
  CHECK_EQ(st.st_size, 8192);
  // Allocating inside the file does not shrink or grow it.
  CHECK_OK(cloudabi_sys_file_allocate(fd, 100, 100));
  CHECK_OK(cloudabi_sys_file_stat_fget(fd, &st));
  CHECK_EQ(st.st_size, 8192);
  CHECK_OK(cloudabi_sys_file_allocate(fd, 10000, 1));
  CHECK_OK(cloudabi_sys_file_stat_fget(fd, &st));
  CHECK_EQ(st.st_size, 10001);
  // posix_fallocate: a zero length or negative values are EINVAL, an
  // overflowing end EFBIG.
  CHECK_ERRNO(cloudabi_sys_file_allocate(fd, 0, 0), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_file_allocate(fd, UINT64_MAX, 1), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_file_allocate(fd, 0, UINT64_MAX), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_file_allocate(fd, INT64_MAX, INT64_MAX), CLOUDABI_EFBIG);
  // Rights.
  cloudabi_fd_t n = narrowed(fd, RIGHTS_REGULAR_FILE & ~CLOUDABI_RIGHT_FILE_ALLOCATE, 0);
  CHECK_ERRNO(cloudabi_sys_file_allocate(n, 0, 1), CLOUDABI_ENOTCAPABLE);
  close_fd(n);
  CHECK_ERRNO(cloudabi_sys_file_allocate(tmp(), 0, 1), CLOUDABI_ENOTCAPABLE);
  for (size_t i = 0; i < NBAD_FDS; ++i)
    CHECK_ERRNO(cloudabi_sys_file_allocate(bad_fds[i], 0, 1), CLOUDABI_EBADF);
  close_fd(fd);
}
