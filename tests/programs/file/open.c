// file_open: oflags, fdflags, the rights asked for and the rights given.
#include "../fd/fdtest.h"

TEST(create_and_reopen) {
  cloudabi_fd_t fd;
  CHECK_OK(open_with(nofollow(tmp()), "new_file", CLOUDABI_O_CREAT,
                     CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FD_SEEK, 0,
                     0, &fd));
  cloudabi_fdstat_t st = fdstat(fd);
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  CHECK_EQ(st.fs_rights_base,
           CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FD_SEEK);
  CHECK_EQ(st.fs_rights_inheriting, 0);
  write_all(fd, S("contents"));
  close_fd(fd);
  fd = open_file(tmp(), "new_file");
  char buf[16];
  CHECK_EQ(read_some(fd, buf, sizeof(buf)), 8);
  CHECK(memcmp(buf, "contents", 8) == 0);
  close_fd(fd);
  cloudabi_filestat_t fs = stat_path(nofollow(tmp()), "new_file");
  CHECK_EQ(fs.st_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  CHECK_EQ(fs.st_size, 8);
  CHECK_EQ(fs.st_nlink, 1);
}

TEST(missing_files) {
  cloudabi_fd_t fd = 777;
  CHECK_ERRNO(open_with(nofollow(tmp()), "does_not_exist", 0, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd),
              CLOUDABI_ENOENT);
  CHECK_ERRNO(open_with(nofollow(tmp()), "no_dir/file", CLOUDABI_O_CREAT, CLOUDABI_RIGHT_FD_READ, 0,
                        0, &fd),
              CLOUDABI_ENOENT);
  CHECK_ERRNO(open_with(nofollow(tmp()), "", 0, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd),
              CLOUDABI_ENOENT);
  CHECK_ERRNO(open_with(nofollow(tmp()), "", CLOUDABI_O_CREAT, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd),
              CLOUDABI_ENOENT);
  CHECK_EQ(fd, 777);
}

TEST(exclusive_creation) {
  cloudabi_fd_t fd;
  CHECK_OK(open_with(nofollow(tmp()), "excl", CLOUDABI_O_CREAT | CLOUDABI_O_EXCL,
                     CLOUDABI_RIGHT_FD_WRITE, 0, CLOUDABI_FDFLAG_APPEND, &fd));
  close_fd(fd);
  CHECK_ERRNO(open_with(nofollow(tmp()), "excl", CLOUDABI_O_CREAT | CLOUDABI_O_EXCL,
                        CLOUDABI_RIGHT_FD_WRITE, 0, CLOUDABI_FDFLAG_APPEND, &fd),
              CLOUDABI_EEXIST);
  // O_EXCL never follows a symbolic link, even a dangling one.
  make_symlink(tmp(), "excl_target", "excl_link");
  CHECK_ERRNO(open_with(follow(tmp()), "excl_link", CLOUDABI_O_CREAT | CLOUDABI_O_EXCL,
                        CLOUDABI_RIGHT_FD_READ, 0, 0, &fd),
              CLOUDABI_EEXIST);
  CHECK_EQ(stat_errno(nofollow(tmp()), "excl_target"), CLOUDABI_ENOENT);
}

TEST(truncation) {
  cloudabi_fd_t fd = create_file(tmp(), "trunc");
  write_all(fd, S("0123456789"));
  close_fd(fd);
  CHECK_OK(open_with(nofollow(tmp()), "trunc", CLOUDABI_O_TRUNC,
                     CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_STAT_FGET, 0, 0, &fd));
  cloudabi_filestat_t fs;
  CHECK_OK(cloudabi_sys_file_stat_fget(fd, &fs));
  CHECK_EQ(fs.st_size, 0);
  close_fd(fd);
  // O_TRUNC needs FILE_STAT_FPUT_SIZE among the directory's inheriting rights.
  cloudabi_fd_t dir =
      narrowed(tmp(), RIGHTS_DIRECTORY, RIGHTS_REGULAR_FILE & ~CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE);
  CHECK_ERRNO(
      open_with(nofollow(dir), "trunc", CLOUDABI_O_TRUNC, CLOUDABI_RIGHT_FD_WRITE, 0, 0, &fd),
      CLOUDABI_ENOTCAPABLE);
  CHECK_OK(open_with(nofollow(dir), "trunc", 0, CLOUDABI_RIGHT_FD_WRITE, 0, 0, &fd));
  close_fd(fd);
  close_fd(dir);
}

TEST(directories) {
  make_dir(tmp(), "a_dir");
  cloudabi_fd_t fd;
  CHECK_OK(open_with(nofollow(tmp()), "a_dir", CLOUDABI_O_DIRECTORY,
                     RIGHTS_DIRECTORY | CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_SEEK,
                     RIGHTS_DIRECTORY | RIGHTS_REGULAR_FILE, 0, &fd));
  cloudabi_fdstat_t st = fdstat(fd);
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_DIRECTORY);
  // Only the rights that apply to a directory are given.
  CHECK_EQ(st.fs_rights_base, RIGHTS_DIRECTORY);
  CHECK_EQ(st.fs_rights_inheriting, RIGHTS_DIRECTORY | RIGHTS_REGULAR_FILE);
  close_fd(fd);
  // O_DIRECTORY is optional for directories, mandatory failure for files.
  CHECK_OK(open_with(nofollow(tmp()), "a_dir", 0, CLOUDABI_RIGHT_FILE_READDIR, 0, 0, &fd));
  CHECK_EQ(fdstat(fd).fs_filetype, CLOUDABI_FILETYPE_DIRECTORY);
  close_fd(fd);
  close_fd(create_file(tmp(), "not_a_dir"));
  CHECK_ERRNO(open_with(nofollow(tmp()), "not_a_dir", CLOUDABI_O_DIRECTORY,
                        CLOUDABI_RIGHT_FILE_READDIR, 0, 0, &fd),
              CLOUDABI_ENOTDIR);
  CHECK_ERRNO(open_with(nofollow(tmp()), "not_a_dir/", 0, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd),
              CLOUDABI_ENOTDIR);
  CHECK_ERRNO(open_with(nofollow(tmp()), "not_a_dir/x", 0, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd),
              CLOUDABI_ENOTDIR);
  // Asking to write a directory opens it for writing, which Linux refuses.
  CHECK_ERRNO(open_with(nofollow(tmp()), "a_dir", 0, CLOUDABI_RIGHT_FD_WRITE, 0, 0, &fd),
              CLOUDABI_EISDIR);
  // "." is the directory itself.
  CHECK_OK(open_with(nofollow(tmp()), ".", CLOUDABI_O_DIRECTORY, RIGHTS_DIRECTORY, 0, 0, &fd));
  cloudabi_filestat_t a, b;
  CHECK_OK(cloudabi_sys_file_stat_fget(fd, &a));
  CHECK_OK(cloudabi_sys_file_stat_fget(tmp(), &b));
  CHECK_EQ(a.st_ino, b.st_ino);
  CHECK_EQ(fdstat(fd).fs_rights_inheriting, 0);
  close_fd(fd);
}

TEST(opening_through_a_directory_descriptor) {
  make_dir(tmp(), "sub");
  close_fd(create_file(tmp(), "sub/inner"));
  cloudabi_fd_t sub = open_dir(tmp(), "sub");
  cloudabi_fd_t fd = open_file(sub, "inner");
  close_fd(fd);
  fd = open_file(tmp(), "./sub/./inner");
  close_fd(fd);
  // ".." above sub is not allowed, even though tmp is a directory we have.
  CHECK_ERRNO(open_with(nofollow(sub), "../sub/inner", 0, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd),
              CLOUDABI_ENOTCAPABLE);
  close_fd(sub);
}

TEST(requested_rights_must_be_inheritable) {
  cloudabi_fd_t fd;
  // SOCK_SHUTDOWN is not among a directory's inheriting rights.
  CHECK_ERRNO(open_with(nofollow(tmp()), "inherit", CLOUDABI_O_CREAT,
                        CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_SOCK_SHUTDOWN, 0, 0, &fd),
              CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(open_with(nofollow(tmp()), "inherit", CLOUDABI_O_CREAT, CLOUDABI_RIGHT_FD_READ,
                        CLOUDABI_RIGHT_SOCK_SHUTDOWN, 0, &fd),
              CLOUDABI_ENOTCAPABLE);
  CHECK_EQ(stat_errno(nofollow(tmp()), "inherit"), CLOUDABI_ENOENT);
  // A directory that may only hand out reading.
  cloudabi_fd_t dir =
      narrowed(tmp(), RIGHTS_DIRECTORY, CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_SEEK);
  close_fd(create_file(tmp(), "inherit"));
  CHECK_ERRNO(open_with(nofollow(dir), "inherit", 0, CLOUDABI_RIGHT_FD_WRITE, 0, 0, &fd),
              CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(open_with(nofollow(dir), "inherit", 0, CLOUDABI_RIGHT_FD_READ,
                        CLOUDABI_RIGHT_FD_WRITE, 0, &fd),
              CLOUDABI_ENOTCAPABLE);
  CHECK_OK(open_with(nofollow(dir), "inherit", 0, CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_SEEK,
                     0, 0, &fd));
  close_fd(fd);
  // What was opened through it cannot grow its rights either.
  CHECK_OK(open_with(nofollow(dir), ".", 0, 0, CLOUDABI_RIGHT_FD_READ, 0, &fd));
  cloudabi_fdstat_t st = fdstat(fd);
  CHECK_EQ(st.fs_rights_base, 0);
  CHECK_EQ(st.fs_rights_inheriting, CLOUDABI_RIGHT_FD_READ);
  close_fd(fd);
  close_fd(dir);
}

TEST(open_and_create_need_their_rights) {
  cloudabi_fd_t fd;
  cloudabi_fd_t dir =
      narrowed(tmp(), RIGHTS_DIRECTORY & ~CLOUDABI_RIGHT_FILE_CREATE_FILE, RIGHTS_REGULAR_FILE);
  CHECK_ERRNO(
      open_with(nofollow(dir), "created", CLOUDABI_O_CREAT, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd),
      CLOUDABI_ENOTCAPABLE);
  CHECK_EQ(stat_errno(nofollow(tmp()), "created"), CLOUDABI_ENOENT);
  close_fd(create_file(tmp(), "created"));
  // Without O_CREAT the existing file opens.
  CHECK_OK(open_with(nofollow(dir), "created", 0, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd));
  close_fd(fd);
  close_fd(dir);
  dir = narrowed(tmp(), RIGHTS_DIRECTORY & ~CLOUDABI_RIGHT_FILE_OPEN, RIGHTS_REGULAR_FILE);
  CHECK_ERRNO(open_with(nofollow(dir), "created", 0, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd),
              CLOUDABI_ENOTCAPABLE);
  close_fd(dir);
}

TEST(writing_needs_seek_unless_appending_or_truncating) {
  close_fd(create_file(tmp(), "seekless"));
  cloudabi_fd_t dir =
      narrowed(tmp(), RIGHTS_DIRECTORY, RIGHTS_REGULAR_FILE & ~CLOUDABI_RIGHT_FD_SEEK);
  cloudabi_fd_t fd;
  CHECK_ERRNO(open_with(nofollow(dir), "seekless", 0, CLOUDABI_RIGHT_FD_WRITE, 0, 0, &fd),
              CLOUDABI_ENOTCAPABLE);
  CHECK_OK(open_with(nofollow(dir), "seekless", 0, CLOUDABI_RIGHT_FD_WRITE, 0,
                     CLOUDABI_FDFLAG_APPEND, &fd));
  close_fd(fd);
  CHECK_OK(
      open_with(nofollow(dir), "seekless", CLOUDABI_O_TRUNC, CLOUDABI_RIGHT_FD_WRITE, 0, 0, &fd));
  close_fd(fd);
  CHECK_OK(open_with(nofollow(dir), "seekless", 0, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd));
  close_fd(fd);
  close_fd(dir);
}

TEST(sync_flags_need_sync_rights) {
  close_fd(create_file(tmp(), "syncflags"));
  cloudabi_fd_t fd;
  cloudabi_fd_t dir =
      narrowed(tmp(), RIGHTS_DIRECTORY, RIGHTS_REGULAR_FILE & ~CLOUDABI_RIGHT_FD_DATASYNC);
  CHECK_ERRNO(open_with(nofollow(dir), "syncflags", 0, CLOUDABI_RIGHT_FD_READ, 0,
                        CLOUDABI_FDFLAG_DSYNC, &fd),
              CLOUDABI_ENOTCAPABLE);
  CHECK_OK(open_with(nofollow(dir), "syncflags", 0, CLOUDABI_RIGHT_FD_READ, 0, CLOUDABI_FDFLAG_SYNC,
                     &fd));
  close_fd(fd);
  close_fd(dir);
  dir = narrowed(tmp(), RIGHTS_DIRECTORY, RIGHTS_REGULAR_FILE & ~CLOUDABI_RIGHT_FD_SYNC);
  CHECK_ERRNO(open_with(nofollow(dir), "syncflags", 0, CLOUDABI_RIGHT_FD_READ, 0,
                        CLOUDABI_FDFLAG_SYNC, &fd),
              CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(open_with(nofollow(dir), "syncflags", 0, CLOUDABI_RIGHT_FD_READ, 0,
                        CLOUDABI_FDFLAG_RSYNC, &fd),
              CLOUDABI_ENOTCAPABLE);
  CHECK_OK(open_with(nofollow(dir), "syncflags", 0, CLOUDABI_RIGHT_FD_READ, 0,
                     CLOUDABI_FDFLAG_DSYNC, &fd));
  CHECK_EQ(fdstat(fd).fs_flags, CLOUDABI_FDFLAG_DSYNC);
  close_fd(fd);
  close_fd(dir);
}

TEST(rights_are_limited_to_the_file_type_and_access_mode) {
  close_fd(create_file(tmp(), "limited"));
  cloudabi_fd_t fd;
  // Everything a directory can hand out, asked for a regular file.
  CHECK_OK(open_with(nofollow(tmp()), "limited", 0, RIGHTS_DIRECTORY | RIGHTS_REGULAR_FILE,
                     RIGHTS_DIRECTORY | RIGHTS_REGULAR_FILE, 0, &fd));
  cloudabi_fdstat_t st = fdstat(fd);
  CHECK_EQ(st.fs_rights_base, RIGHTS_REGULAR_FILE);
  CHECK_EQ(st.fs_rights_inheriting, 0);
  close_fd(fd);
  // Reading only: the write rights could not be used, and are not given.
  CHECK_OK(open_with(nofollow(tmp()), "limited", 0, CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_MEM_MAP,
                     0, 0, &fd));
  CHECK_EQ(fdstat(fd).fs_rights_base, CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_MEM_MAP);
  close_fd(fd);
  // Writing only: no reading.
  CHECK_OK(open_with(nofollow(tmp()), "limited", 0,
                     CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FD_SEEK | CLOUDABI_RIGHT_MEM_MAP, 0,
                     0, &fd));
  CHECK_EQ(fdstat(fd).fs_rights_base, CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FD_SEEK);
  char byte;
  cloudabi_iovec_t in = {.buf = &byte, .buf_len = 1};
  size_t n;
  CHECK_ERRNO(cloudabi_sys_fd_read(fd, &in, 1, &n), CLOUDABI_ENOTCAPABLE);
  close_fd(fd);
  // No rights at all is allowed.
  CHECK_OK(open_with(nofollow(tmp()), "limited", 0, 0, 0, 0, &fd));
  st = fdstat(fd);
  CHECK_EQ(st.fs_rights_base, 0);
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  close_fd(fd);
}

TEST(fdflags_on_open) {
  cloudabi_fd_t fd;
  CHECK_OK(open_with(nofollow(tmp()), "fdflags", CLOUDABI_O_CREAT, RIGHTS_REGULAR_FILE, 0,
                     CLOUDABI_FDFLAG_APPEND | CLOUDABI_FDFLAG_NONBLOCK, &fd));
  CHECK_EQ(fdstat(fd).fs_flags, CLOUDABI_FDFLAG_APPEND | CLOUDABI_FDFLAG_NONBLOCK);
  close_fd(fd);
  // Unknown flag bits are ignored, like the fs_filetype field.
  cloudabi_fdstat_t fds = {.fs_filetype = CLOUDABI_FILETYPE_SOCKET_DGRAM,
                           .fs_flags = 0xffe0,
                           .fs_rights_base = CLOUDABI_RIGHT_FD_READ,
                           .fs_rights_inheriting = 0};
  CHECK_OK(cloudabi_sys_file_open(nofollow(tmp()), S("fdflags"), 0xfff0, &fds, &fd));
  cloudabi_fdstat_t st = fdstat(fd);
  CHECK_EQ(st.fs_flags, 0);
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  close_fd(fd);
}

TEST(symbolic_links_are_followed_only_when_asked) {
  close_fd(create_file(tmp(), "link_target"));
  make_symlink(tmp(), "link_target", "link");
  cloudabi_fd_t fd;
  CHECK_ERRNO(open_with(nofollow(tmp()), "link", 0, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd),
              CLOUDABI_ELOOP);
  CHECK_OK(open_with(follow(tmp()), "link", 0, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd));
  close_fd(fd);
  // Links in the middle of a path are always followed.
  make_dir(tmp(), "real_dir");
  close_fd(create_file(tmp(), "real_dir/f"));
  make_symlink(tmp(), "real_dir", "dir_link");
  CHECK_OK(open_with(nofollow(tmp()), "dir_link/f", 0, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd));
  close_fd(fd);
  CHECK_OK(open_with(nofollow(tmp()), "dir_link/", 0, CLOUDABI_RIGHT_FILE_READDIR, 0, 0, &fd));
  CHECK_EQ(fdstat(fd).fs_filetype, CLOUDABI_FILETYPE_DIRECTORY);
  close_fd(fd);
  // Creating through a dangling link creates its target, when following.
  make_symlink(tmp(), "made_by_link", "dangling");
  CHECK_ERRNO(
      open_with(nofollow(tmp()), "dangling", CLOUDABI_O_CREAT, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd),
      CLOUDABI_ELOOP);
  CHECK_OK(
      open_with(follow(tmp()), "dangling", CLOUDABI_O_CREAT, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd));
  close_fd(fd);
  CHECK_EQ(stat_path(nofollow(tmp()), "made_by_link").st_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
}

TEST(only_directories_can_open) {
  cloudabi_fd_t file = create_file(tmp(), "plain");
  cloudabi_fd_t fd;
  // A regular file or a socket never has FILE_OPEN.
  CHECK_ERRNO(open_with(nofollow(file), "x", 0, 0, 0, 0, &fd), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(open_with(nofollow(file), "", 0, 0, 0, 0, &fd), CLOUDABI_ENOTCAPABLE);
  close_fd(file);
  for (size_t i = 0; i < NBAD_FDS; ++i)
    CHECK_ERRNO(open_with(nofollow(bad_fds[i]), "plain", 0, 0, 0, 0, &fd), CLOUDABI_EBADF);
}

TEST(many_files) {
  char name[32];
  cloudabi_fd_t fds[100];
  for (unsigned i = 0; i < 100; ++i) {
    CHECK_OK(open_with(nofollow(tmp()), numbered(name, "many_", i),
                       CLOUDABI_O_CREAT | CLOUDABI_O_EXCL, RIGHTS_REGULAR_FILE, 0, 0, &fds[i]));
    write_all(fds[i], name, strlen(name));
  }
  for (unsigned i = 0; i < 100; ++i) {
    char buf[32];
    size_t n;
    cloudabi_iovec_t in = {.buf = buf, .buf_len = sizeof(buf)};
    CHECK_OK(cloudabi_sys_fd_pread(fds[i], &in, 1, 0, &n));
    numbered(name, "many_", i);
    CHECK_EQ(n, strlen(name));
    CHECK(memcmp(buf, name, n) == 0);
    close_fd(fds[i]);
  }
}
