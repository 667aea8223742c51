// Path lookups stay beneath their directory: absolute paths, `..` above the
// directory, symbolic links pointing out (absolute or relative), magic links,
// symlink loops, embedded NUL bytes, over-long paths, trailing slashes.
#include "../fd/fdtest.h"

// Every path-taking call on (dir, path), each expected to fail with `error`.
// Calls that create something use path as the new name.
static void check_all_calls(cloudabi_fd_t dir, const char *path, size_t len,
                            cloudabi_errno_t error) {
  cloudabi_fdstat_t fds = {.fs_rights_base = CLOUDABI_RIGHT_FD_READ};
  cloudabi_fd_t fd;
  cloudabi_filestat_t fs;
  char buf[64];
  size_t n;
  CHECK_ERRNO(cloudabi_sys_file_open(nofollow(dir), path, len, 0, &fds, &fd), error);
  CHECK_ERRNO(cloudabi_sys_file_open(follow(dir), path, len, 0, &fds, &fd), error);
  CHECK_ERRNO(cloudabi_sys_file_open(follow(dir), path, len, CLOUDABI_O_CREAT, &fds, &fd), error);
  CHECK_ERRNO(cloudabi_sys_file_stat_get(nofollow(dir), path, len, &fs), error);
  CHECK_ERRNO(cloudabi_sys_file_stat_get(follow(dir), path, len, &fs), error);
  CHECK_ERRNO(cloudabi_sys_file_stat_put(follow(dir), path, len, &fs, CLOUDABI_FILESTAT_MTIM_NOW),
              error);
  CHECK_ERRNO(cloudabi_sys_file_readlink(dir, path, len, buf, sizeof(buf), &n), error);
  CHECK_ERRNO(cloudabi_sys_file_create(dir, path, len, CLOUDABI_FILETYPE_DIRECTORY), error);
  CHECK_ERRNO(cloudabi_sys_file_unlink(dir, path, len, 0), error);
  CHECK_ERRNO(cloudabi_sys_file_unlink(dir, path, len, CLOUDABI_UNLINK_REMOVEDIR), error);
  CHECK_ERRNO(cloudabi_sys_file_symlink(S("target"), dir, path, len), error);
  CHECK_ERRNO(cloudabi_sys_file_link(follow(dir), path, len, dir, S("link_dest")), error);
  CHECK_ERRNO(cloudabi_sys_file_link(nofollow(dir), S("victim"), dir, path, len), error);
  CHECK_ERRNO(cloudabi_sys_file_rename(dir, path, len, dir, S("rename_dest")), error);
  CHECK_ERRNO(cloudabi_sys_file_rename(dir, S("victim"), dir, path, len), error);
}

// The calls that act on what the path leads to (following a final symbolic
// link, as a trailing slash always does), each expected to fail with `error`.
static void check_following_calls(cloudabi_fd_t dir, const char *path, cloudabi_errno_t error) {
  size_t len = strlen(path);
  cloudabi_fdstat_t fds = {.fs_rights_base = CLOUDABI_RIGHT_FD_READ};
  cloudabi_fd_t fd;
  cloudabi_filestat_t fs;
  char buf[64];
  size_t n;
  CHECK_ERRNO(cloudabi_sys_file_open(nofollow(dir), path, len, 0, &fds, &fd), error);
  CHECK_ERRNO(cloudabi_sys_file_open(follow(dir), path, len, 0, &fds, &fd), error);
  // Linux refuses to create "name/" before looking at what name is.
  CHECK_ERRNO(cloudabi_sys_file_open(follow(dir), path, len, CLOUDABI_O_CREAT, &fds, &fd),
              CLOUDABI_EISDIR);
  CHECK_ERRNO(cloudabi_sys_file_stat_get(nofollow(dir), path, len, &fs), error);
  CHECK_ERRNO(cloudabi_sys_file_stat_get(follow(dir), path, len, &fs), error);
  CHECK_ERRNO(cloudabi_sys_file_stat_put(nofollow(dir), path, len, &fs, CLOUDABI_FILESTAT_MTIM_NOW),
              error);
  CHECK_ERRNO(cloudabi_sys_file_readlink(dir, path, len, buf, sizeof(buf), &n), error);
  CHECK_ERRNO(cloudabi_sys_file_link(nofollow(dir), path, len, dir, S("link_dest")), error);
}

// Nothing outside was created and the victim survived.
static void check_victim(void) {
  cloudabi_filestat_t fs = stat_path(nofollow(tmp()), "victim");
  CHECK_EQ(fs.st_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  CHECK_EQ(fs.st_nlink, 1);
  CHECK_EQ(stat_errno(nofollow(tmp()), "link_dest"), CLOUDABI_ENOENT);
  CHECK_EQ(stat_errno(nofollow(tmp()), "rename_dest"), CLOUDABI_ENOENT);
}

TEST(setup) {
  close_fd(create_file(tmp(), "victim"));
  make_dir(tmp(), "a");
  make_dir(tmp(), "sub");
  make_dir(tmp(), "sub/deeper");
  close_fd(create_file(tmp(), "sub/file"));
}

TEST(absolute_paths) {
  static const char *paths[] = {"/", "/etc", "/etc/passwd", "//etc", "/tmp", "/proc/self/fd/0"};
  for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); ++i)
    check_all_calls(tmp(), paths[i], strlen(paths[i]), CLOUDABI_ENOTCAPABLE);
  check_victim();
}

TEST(dot_dot_above_the_directory) {
  static const char *paths[] = {"..",          "../",
                                "../x",        "a/../../x",
                                "sub/../..",   "sub/../../x",
                                "./../victim", "sub/deeper/../../../x",
                                "../tmp",      "../../../../etc/passwd"};
  for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); ++i)
    check_all_calls(tmp(), paths[i], strlen(paths[i]), CLOUDABI_ENOTCAPABLE);
  // The same from a subdirectory descriptor: its parent is off limits too.
  cloudabi_fd_t sub = open_dir(tmp(), "sub");
  check_all_calls(sub, S(".."), CLOUDABI_ENOTCAPABLE);
  check_all_calls(sub, S("../victim"), CLOUDABI_ENOTCAPABLE);
  check_all_calls(sub, S("deeper/../../victim"), CLOUDABI_ENOTCAPABLE);
  close_fd(sub);
  check_victim();
}

TEST(dot_dot_inside_the_directory) {
  CHECK_EQ(stat_path(nofollow(tmp()), "sub/..").st_filetype, CLOUDABI_FILETYPE_DIRECTORY);
  CHECK_EQ(stat_path(nofollow(tmp()), "sub/deeper/../file").st_filetype,
           CLOUDABI_FILETYPE_REGULAR_FILE);
  CHECK_EQ(stat_path(nofollow(tmp()), "./sub/./file").st_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  cloudabi_filestat_t a = stat_path(nofollow(tmp()), "sub/deeper/..");
  cloudabi_filestat_t b = stat_path(nofollow(tmp()), "sub");
  CHECK_EQ(a.st_ino, b.st_ino);
  // Creating and removing through "..": fine while it stays inside.
  make_dir(tmp(), "sub/deeper/../made");
  CHECK_EQ(stat_path(nofollow(tmp()), "sub/made").st_filetype, CLOUDABI_FILETYPE_DIRECTORY);
  CHECK_OK(cloudabi_sys_file_unlink(tmp(), S("sub/deeper/../made"), CLOUDABI_UNLINK_REMOVEDIR));
  // "." and ".." as the last component of a modifying call do nothing.
  CHECK_ERRNO(cloudabi_sys_file_create(tmp(), S("sub/.."), CLOUDABI_FILETYPE_DIRECTORY),
              CLOUDABI_EEXIST);
  CHECK_ERRNO(cloudabi_sys_file_create(tmp(), S("."), CLOUDABI_FILETYPE_DIRECTORY),
              CLOUDABI_EEXIST);
  CHECK_ERRNO(cloudabi_sys_file_unlink(tmp(), S("sub/deeper/.."), CLOUDABI_UNLINK_REMOVEDIR),
              CLOUDABI_ENOTEMPTY);
  CHECK_ERRNO(cloudabi_sys_file_unlink(tmp(), S("."), CLOUDABI_UNLINK_REMOVEDIR), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_file_unlink(tmp(), S("sub/.."), 0), CLOUDABI_EPERM);
  CHECK_ERRNO(cloudabi_sys_file_rename(tmp(), S("sub/.."), tmp(), S("renamed")), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_file_rename(tmp(), S("victim"), tmp(), S("sub/..")), CLOUDABI_EINVAL);
  check_victim();
}

TEST(symbolic_links_pointing_out) {
  make_symlink(tmp(), "/etc", "out_abs");
  make_symlink(tmp(), "/etc/passwd", "out_abs_file");
  make_symlink(tmp(), "../../../../../../../etc", "out_rel");
  make_symlink(tmp(), "..", "out_parent");
  make_symlink(tmp(), "../victim", "sub/up");  // stays inside: allowed
  make_symlink(tmp(), "sub/../../x", "out_via_sub");
  make_symlink(tmp(), "out_rel", "chain");  // a link to a link that escapes
  static const char *through[] = {"out_abs/passwd", "out_rel/passwd", "out_parent/x",
                                  "chain/passwd",   "out_via_sub/x",  "out_abs/../x"};
  for (size_t i = 0; i < sizeof(through) / sizeof(through[0]); ++i)
    check_all_calls(tmp(), through[i], strlen(through[i]), CLOUDABI_ENOTCAPABLE);
  // A trailing slash follows the final link (for the calls that look at
  // what it leads to; removing or replacing "link/" never follows it).
  static const char *slashed[] = {"out_abs/", "out_rel/",     "out_parent/",
                                  "chain/",   "out_via_sub/", "out_abs//"};
  for (size_t i = 0; i < sizeof(slashed) / sizeof(slashed[0]); ++i)
    check_following_calls(tmp(), slashed[i], CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_file_unlink(tmp(), S("out_abs/"), CLOUDABI_UNLINK_REMOVEDIR),
              CLOUDABI_ENOTDIR);
  CHECK_ERRNO(cloudabi_sys_file_create(tmp(), S("out_abs/"), CLOUDABI_FILETYPE_DIRECTORY),
              CLOUDABI_EEXIST);

  // Following the link itself as the last component.
  cloudabi_fd_t fd;
  static const char *links[] = {"out_abs",    "out_abs_file", "out_rel",
                                "out_parent", "chain",        "out_via_sub"};
  for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); ++i) {
    CHECK_ERRNO(open_with(follow(tmp()), links[i], 0, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd),
                CLOUDABI_ENOTCAPABLE);
    CHECK_ERRNO(
        open_with(follow(tmp()), links[i], CLOUDABI_O_CREAT, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd),
        CLOUDABI_ENOTCAPABLE);
    CHECK_ERRNO(stat_errno(follow(tmp()), links[i]), CLOUDABI_ENOTCAPABLE);
    cloudabi_filestat_t fs = {.st_atim = 0};
    CHECK_ERRNO(cloudabi_sys_file_stat_put(follow(tmp()), links[i], strlen(links[i]), &fs,
                                           CLOUDABI_FILESTAT_ATIM),
                CLOUDABI_ENOTCAPABLE);
    CHECK_ERRNO(
        cloudabi_sys_file_link(follow(tmp()), links[i], strlen(links[i]), tmp(), S("link_dest")),
        CLOUDABI_ENOTCAPABLE);
    // Not following: the link itself, which is inside.
    CHECK_ERRNO(open_with(nofollow(tmp()), links[i], 0, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd),
                CLOUDABI_ELOOP);
    CHECK_EQ(stat_path(nofollow(tmp()), links[i]).st_filetype, CLOUDABI_FILETYPE_SYMBOLIC_LINK);
  }
  // A link that leaves and comes back in through ".." is still refused;
  // one that only goes up within the directory works.
  CHECK_EQ(stat_path(follow(tmp()), "sub/up").st_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  cloudabi_fd_t sub = open_dir(tmp(), "sub");
  CHECK_ERRNO(stat_errno(follow(sub), "up"), CLOUDABI_ENOTCAPABLE);
  close_fd(sub);

  // Reading, renaming and removing the links themselves is fine.
  char buf[64];
  size_t n;
  CHECK_OK(cloudabi_sys_file_readlink(tmp(), S("out_abs"), buf, sizeof(buf), &n));
  CHECK_EQ(n, 4);
  CHECK(memcmp(buf, "/etc", 4) == 0);
  CHECK_OK(cloudabi_sys_file_rename(tmp(), S("out_abs"), tmp(), S("out_abs2")));
  CHECK_OK(cloudabi_sys_file_unlink(tmp(), S("out_abs2"), 0));
  CHECK_OK(cloudabi_sys_file_link(nofollow(tmp()), S("out_rel"), tmp(), S("out_rel_hardlink")));
  CHECK_EQ(stat_path(nofollow(tmp()), "out_rel_hardlink").st_filetype,
           CLOUDABI_FILETYPE_SYMBOLIC_LINK);
  CHECK_OK(cloudabi_sys_file_unlink(tmp(), S("out_rel_hardlink"), 0));
  check_victim();
}

TEST(magic_links_are_not_followed_out) {
  // The contents of a link are arbitrary; a link to /proc/self/fd/N (a
  // magic link on Linux) must not hand out the runtime's descriptors.
  make_symlink(tmp(), "/proc/self/fd/0", "magic");
  make_symlink(tmp(), "/proc/self/cwd", "magic_cwd");
  make_symlink(tmp(), "../../../../../../../proc/self/root", "magic_rel");
  static const char *paths[] = {"magic", "magic/", "magic_cwd/etc", "magic_rel/etc/passwd",
                                "magic_rel"};
  for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); ++i) {
    cloudabi_fd_t fd;
    cloudabi_errno_t e = open_with(follow(tmp()), paths[i], 0, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd);
    CHECK(e == CLOUDABI_ENOTCAPABLE || e == CLOUDABI_ELOOP);
    e = stat_errno(follow(tmp()), paths[i]);
    CHECK(e == CLOUDABI_ENOTCAPABLE || e == CLOUDABI_ELOOP);
  }
  check_all_calls(tmp(), S("magic_cwd/x"), CLOUDABI_ENOTCAPABLE);
}

TEST(symbolic_link_loops) {
  make_symlink(tmp(), "self", "self");
  make_symlink(tmp(), "loop_b", "loop_a");
  make_symlink(tmp(), "loop_a", "loop_b");
  make_symlink(tmp(), "loop_dir/x", "loop_dir");
  static const char *through[] = {"self/x", "loop_b/x", "loop_dir/y", "loop_a/x/y"};
  for (size_t i = 0; i < sizeof(through) / sizeof(through[0]); ++i)
    check_all_calls(tmp(), through[i], strlen(through[i]), CLOUDABI_ELOOP);
  check_following_calls(tmp(), "self/", CLOUDABI_ELOOP);
  check_following_calls(tmp(), "loop_a/", CLOUDABI_ELOOP);
  cloudabi_fd_t fd;
  CHECK_ERRNO(open_with(follow(tmp()), "self", 0, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd),
              CLOUDABI_ELOOP);
  CHECK_ERRNO(stat_errno(follow(tmp()), "loop_a"), CLOUDABI_ELOOP);
  CHECK_EQ(stat_path(nofollow(tmp()), "loop_a").st_filetype, CLOUDABI_FILETYPE_SYMBOLIC_LINK);
  CHECK_OK(cloudabi_sys_file_unlink(tmp(), S("self"), 0));
  check_victim();
}

TEST(embedded_nul_bytes) {
  check_all_calls(tmp(), S("vic\0tim"), CLOUDABI_EILSEQ);
  check_all_calls(tmp(), S("\0"), CLOUDABI_EILSEQ);
  check_all_calls(tmp(), S("victim\0"), CLOUDABI_EILSEQ);
  // The string is checked before the descriptor it is relative to.
  cloudabi_fdstat_t fds = {.fs_rights_base = CLOUDABI_RIGHT_FD_READ};
  cloudabi_fd_t fd;
  cloudabi_filestat_t fs;
  char buf[8];
  size_t n;
  CHECK_ERRNO(cloudabi_sys_file_open(nofollow(0xffffffff), S("a\0b"), 0, &fds, &fd),
              CLOUDABI_EILSEQ);
  CHECK_ERRNO(cloudabi_sys_file_stat_get(nofollow(1000), S("a\0b"), &fs), CLOUDABI_EILSEQ);
  CHECK_ERRNO(cloudabi_sys_file_readlink(1000, S("a\0b"), buf, sizeof(buf), &n), CLOUDABI_EILSEQ);
  CHECK_ERRNO(cloudabi_sys_file_unlink(1000, S("a\0b"), 0), CLOUDABI_EILSEQ);
  CHECK_ERRNO(cloudabi_sys_file_create(1000, S("a\0b"), CLOUDABI_FILETYPE_DIRECTORY),
              CLOUDABI_EILSEQ);
  CHECK_ERRNO(cloudabi_sys_file_rename(1000, S("a\0b"), 1000, S("c")), CLOUDABI_EILSEQ);
  // ...but each path of a two-path call only after the first one's lookup.
  CHECK_ERRNO(cloudabi_sys_file_rename(1000, S("a"), tmp(), S("c\0")), CLOUDABI_EBADF);
  // Also in the contents of a symbolic link.
  CHECK_ERRNO(cloudabi_sys_file_symlink(S("tar\0get"), tmp(), S("nul_link")), CLOUDABI_EILSEQ);
  CHECK_EQ(stat_errno(nofollow(tmp()), "nul_link"), CLOUDABI_ENOENT);
  check_victim();
}

TEST(empty_paths) {
  check_all_calls(tmp(), "", 0, CLOUDABI_ENOENT);
  check_all_calls(tmp(), NULL, 0, CLOUDABI_ENOENT);
}

TEST(long_paths) {
  static char path[8192];
  // PATH_MAX bytes or more: too long, whatever is in them.
  memset(path, 'a', sizeof(path));
  check_all_calls(tmp(), path, 4096, CLOUDABI_ENAMETOOLONG);
  check_all_calls(tmp(), path, sizeof(path), CLOUDABI_ENAMETOOLONG);
  // A component longer than NAME_MAX.
  check_all_calls(tmp(), path, 256, CLOUDABI_ENAMETOOLONG);
  // Long but fine: 255-byte names, and a path of 4095 bytes.
  CHECK_ERRNO(stat_errno(nofollow(tmp()), "sub"), 0);
  path[255] = '\0';
  close_fd(create_file(tmp(), path));
  CHECK_EQ(stat_path(nofollow(tmp()), path).st_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  CHECK_OK(cloudabi_sys_file_unlink(tmp(), path, 255, 0));
  // "./////...////victim", 4095 bytes.
  memset(path, '/', sizeof(path));
  path[0] = '.';
  memcpy(path + 4095 - 6, "victim", 6);
  cloudabi_filestat_t fs;
  CHECK_OK(cloudabi_sys_file_stat_get(nofollow(tmp()), path, 4095, &fs));
  CHECK_EQ(fs.st_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
}

TEST(trailing_slashes) {
  make_dir(tmp(), "slash_dir/");
  CHECK_EQ(stat_path(nofollow(tmp()), "slash_dir/").st_filetype, CLOUDABI_FILETYPE_DIRECTORY);
  CHECK_EQ(stat_path(nofollow(tmp()), "slash_dir//").st_filetype, CLOUDABI_FILETYPE_DIRECTORY);
  // On a file: ENOTDIR everywhere.
  CHECK_ERRNO(stat_errno(nofollow(tmp()), "victim/"), CLOUDABI_ENOTDIR);
  CHECK_ERRNO(cloudabi_sys_file_unlink(tmp(), S("victim/"), 0), CLOUDABI_ENOTDIR);
  CHECK_ERRNO(cloudabi_sys_file_unlink(tmp(), S("victim/"), CLOUDABI_UNLINK_REMOVEDIR),
              CLOUDABI_ENOTDIR);
  CHECK_ERRNO(cloudabi_sys_file_rename(tmp(), S("victim/"), tmp(), S("x")), CLOUDABI_ENOTDIR);
  CHECK_ERRNO(cloudabi_sys_file_link(nofollow(tmp()), S("victim/"), tmp(), S("x")),
              CLOUDABI_ENOTDIR);
  char buf[8];
  size_t n;
  CHECK_ERRNO(cloudabi_sys_file_readlink(tmp(), S("victim/"), buf, sizeof(buf), &n),
              CLOUDABI_ENOTDIR);
  // A symbolic link to a directory: the slash follows it.
  make_symlink(tmp(), "slash_dir", "slash_link");
  CHECK_EQ(stat_path(nofollow(tmp()), "slash_link").st_filetype, CLOUDABI_FILETYPE_SYMBOLIC_LINK);
  CHECK_EQ(stat_path(nofollow(tmp()), "slash_link/").st_filetype, CLOUDABI_FILETYPE_DIRECTORY);
  CHECK_ERRNO(cloudabi_sys_file_readlink(tmp(), S("slash_link/"), buf, sizeof(buf), &n),
              CLOUDABI_EINVAL);
  // ...but never for removing or replacing the link.
  CHECK_ERRNO(cloudabi_sys_file_unlink(tmp(), S("slash_link/"), CLOUDABI_UNLINK_REMOVEDIR),
              CLOUDABI_ENOTDIR);
  CHECK_EQ(stat_path(nofollow(tmp()), "slash_dir").st_filetype, CLOUDABI_FILETYPE_DIRECTORY);
  CHECK_ERRNO(cloudabi_sys_file_create(tmp(), S("slash_link/"), CLOUDABI_FILETYPE_DIRECTORY),
              CLOUDABI_EEXIST);
  // Creating a non-directory with a trailing slash.
  CHECK_ERRNO(cloudabi_sys_file_symlink(S("x"), tmp(), S("new_link/")), CLOUDABI_ENOENT);
  CHECK_OK(cloudabi_sys_file_unlink(tmp(), S("slash_dir/"), CLOUDABI_UNLINK_REMOVEDIR));
  CHECK_ERRNO(stat_errno(nofollow(tmp()), "slash_dir"), CLOUDABI_ENOENT);
}

TEST(intermediate_components_must_be_directories) {
  CHECK_ERRNO(stat_errno(nofollow(tmp()), "victim/x"), CLOUDABI_ENOTDIR);
  CHECK_ERRNO(cloudabi_sys_file_create(tmp(), S("victim/x"), CLOUDABI_FILETYPE_DIRECTORY),
              CLOUDABI_ENOTDIR);
  CHECK_ERRNO(cloudabi_sys_file_create(tmp(), S("nothing/x"), CLOUDABI_FILETYPE_DIRECTORY),
              CLOUDABI_ENOENT);
  CHECK_ERRNO(cloudabi_sys_file_unlink(tmp(), S("nothing/x"), 0), CLOUDABI_ENOENT);
}
