// Unit tests of path resolution beneath a directory (runtime/fs/path.h) and
// of how describe_fd types the descriptors the fd_* calls create.
#include <fcntl.h>
#include <limits.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "runtime/fd/fd_table.h"
#include "runtime/fd/rights.h"
#include "runtime/fs/path.h"
#include "runtime/support/unique_fd.h"

namespace fs = cloudabi::runtime::fs;
using cloudabi::UniqueFd;

#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 0x0008U
#endif

namespace {

class FsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/cloudabi-fs-test-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    path_ = tmpl;
    dir_.reset(open(tmpl, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    ASSERT_TRUE(dir_.valid());
    ASSERT_EQ(mkdirat(dir_.get(), "sub", 0777), 0);
    UniqueFd f(openat(dir_.get(), "sub/file", O_CREAT | O_WRONLY | O_CLOEXEC, 0666));
    ASSERT_TRUE(f.valid());
    ASSERT_EQ(symlinkat("/etc", dir_.get(), "abs"), 0);
    ASSERT_EQ(symlinkat("sub", dir_.get(), "rel"), 0);
  }
  void TearDown() override { std::filesystem::remove_all(path_); }

  std::string path_;
  UniqueFd dir_;
};

TEST(CopyPath, RejectsNulAndLongPaths) {
  std::string out;
  EXPECT_EQ(fs::copy_path("abc", 3, &out), 0);
  EXPECT_EQ(out, "abc");
  EXPECT_EQ(fs::copy_path("a\0c", 3, &out), CLOUDABI_EILSEQ);
  EXPECT_EQ(fs::copy_path(nullptr, 0, &out), 0);
  EXPECT_EQ(out, "");
  std::string long_path(PATH_MAX, 'a');
  EXPECT_EQ(fs::copy_path(long_path.data(), PATH_MAX - 1, &out), 0);
  EXPECT_EQ(fs::copy_path(long_path.data(), PATH_MAX, &out), CLOUDABI_ENAMETOOLONG);
  // Only the first PATH_MAX bytes are read, however long the claimed length.
  EXPECT_EQ(fs::copy_path(long_path.data(), SIZE_MAX, &out), CLOUDABI_ENAMETOOLONG);
}

TEST_F(FsTest, ResolveParentSplitsOffTheLastComponent) {
  fs::Parent p;
  ASSERT_EQ(fs::resolve_parent(dir_.get(), "file", &p, nullptr), 0);
  EXPECT_EQ(p.fd, dir_.get());
  EXPECT_FALSE(p.owned.valid());
  EXPECT_EQ(p.name, "file");

  ASSERT_EQ(fs::resolve_parent(dir_.get(), "sub//file//", &p, nullptr), 0);
  EXPECT_TRUE(p.owned.valid());
  EXPECT_EQ(p.name, "file//");
  struct stat a, b;
  ASSERT_EQ(fstat(p.fd, &a), 0);
  ASSERT_EQ(fstatat(dir_.get(), "sub", &b, 0), 0);
  EXPECT_EQ(a.st_ino, b.st_ino);

  // Intermediate symlinks are followed, beneath the directory only.
  ASSERT_EQ(fs::resolve_parent(dir_.get(), "rel/file", &p, nullptr), 0);
  EXPECT_EQ(p.name, "file");
  EXPECT_EQ(fs::resolve_parent(dir_.get(), "abs/passwd", &p, nullptr), CLOUDABI_ENOTCAPABLE);
}

TEST_F(FsTest, ResolveParentRefusesEscapes) {
  fs::Parent p;
  EXPECT_EQ(fs::resolve_parent(dir_.get(), "", &p, nullptr), CLOUDABI_ENOENT);
  EXPECT_EQ(fs::resolve_parent(dir_.get(), "/etc/passwd", &p, nullptr), CLOUDABI_ENOTCAPABLE);
  EXPECT_EQ(fs::resolve_parent(dir_.get(), "/", &p, nullptr), CLOUDABI_ENOTCAPABLE);
  EXPECT_EQ(fs::resolve_parent(dir_.get(), "..", &p, nullptr), CLOUDABI_ENOTCAPABLE);
  EXPECT_EQ(fs::resolve_parent(dir_.get(), "../x", &p, nullptr), CLOUDABI_ENOTCAPABLE);
  EXPECT_EQ(fs::resolve_parent(dir_.get(), "sub/../..", &p, nullptr), CLOUDABI_ENOTCAPABLE);
  EXPECT_EQ(fs::resolve_parent(dir_.get(), "sub/../../", &p, nullptr), CLOUDABI_ENOTCAPABLE);
  // Inside: fine, with "." and ".." kept as the name.
  ASSERT_EQ(fs::resolve_parent(dir_.get(), "sub/..", &p, nullptr), 0);
  EXPECT_EQ(p.name, "..");
  ASSERT_EQ(fs::resolve_parent(dir_.get(), ".", &p, nullptr), 0);
  EXPECT_EQ(p.name, ".");
  EXPECT_EQ(fs::resolve_parent(dir_.get(), "missing/x", &p, nullptr), CLOUDABI_ENOENT);
  EXPECT_EQ(fs::resolve_parent(dir_.get(), "sub/file/x", &p, nullptr), CLOUDABI_ENOTDIR);
}

TEST_F(FsTest, OpenObjectFollowsOnlyWhenAsked) {
  UniqueFd fd;
  struct stat st;
  ASSERT_EQ(fs::open_object(dir_.get(), "rel", false, &fd, nullptr), 0);
  ASSERT_EQ(fstat(fd.get(), &st), 0);
  EXPECT_TRUE(S_ISLNK(st.st_mode));
  ASSERT_EQ(fs::open_object(dir_.get(), "rel", true, &fd, nullptr), 0);
  ASSERT_EQ(fstat(fd.get(), &st), 0);
  EXPECT_TRUE(S_ISDIR(st.st_mode));
  ASSERT_EQ(fs::open_object(dir_.get(), "rel/", false, &fd, nullptr), 0);
  ASSERT_EQ(fstat(fd.get(), &st), 0);
  EXPECT_TRUE(S_ISDIR(st.st_mode));
  ASSERT_EQ(fs::open_object(dir_.get(), "abs", false, &fd, nullptr), 0);
  EXPECT_EQ(fs::open_object(dir_.get(), "abs", true, &fd, nullptr), CLOUDABI_ENOTCAPABLE);
  EXPECT_EQ(fs::open_object(dir_.get(), "abs/", false, &fd, nullptr), CLOUDABI_ENOTCAPABLE);
  EXPECT_EQ(fs::open_object(dir_.get(), "", false, &fd, nullptr), CLOUDABI_ENOENT);
}

TEST_F(FsTest, OpenBeneathMapsEscapesAndLoops) {
  UniqueFd fd;
  EXPECT_EQ(fs::open_beneath(dir_.get(), "sub/file", O_RDONLY, 0, &fd, nullptr), 0);
  EXPECT_EQ(fcntl(fd.get(), F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
  EXPECT_EQ(fs::open_beneath(dir_.get(), "abs/passwd", O_RDONLY, 0, &fd, nullptr),
            CLOUDABI_ENOTCAPABLE);
  ASSERT_EQ(symlinkat("loop", dir_.get(), "loop"), 0);
  EXPECT_EQ(fs::open_beneath(dir_.get(), "loop", O_RDONLY, 0, &fd, nullptr), CLOUDABI_ELOOP);
  EXPECT_EQ(fs::open_beneath(dir_.get(), "rel", O_RDONLY | O_NOFOLLOW, 0, &fd, nullptr),
            CLOUDABI_ELOOP);
  // A real magic link, reachable because the directory is /proc/self here.
  UniqueFd proc(open("/proc/self", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (proc.valid()) {
    EXPECT_EQ(fs::open_beneath(proc.get(), "cwd", O_RDONLY, 0, &fd, nullptr), CLOUDABI_ELOOP);
    std::string fd_path = "fd/" + std::to_string(dir_.get());
    EXPECT_EQ(fs::open_beneath(proc.get(), fd_path, O_RDONLY, 0, &fd, nullptr), CLOUDABI_ELOOP);
  }
  // Creating uses the mode (subject to the umask).
  ASSERT_EQ(fs::open_beneath(dir_.get(), "created", O_CREAT | O_WRONLY, 0600, &fd, nullptr), 0);
  struct stat st;
  ASSERT_EQ(fstat(fd.get(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777 & ~0600u, 0u);  // never more than asked for
  // O_DIRECTORY alone must not be mistaken for O_TMPFILE (mode must be 0).
  EXPECT_EQ(fs::open_beneath(dir_.get(), "sub", O_RDONLY | O_DIRECTORY, 0777, &fd, nullptr), 0);
}

TEST(DescribeFd, SharedMemoryIsRecognised) {
  int memfd = memfd_create("describe-test", MFD_NOEXEC_SEAL);
  if (memfd < 0) GTEST_SKIP() << "no MFD_NOEXEC_SEAL (Linux < 6.3)";
  UniqueFd m(memfd);
  cloudabi::Result<cloudabi::runtime::FdEntry> e = cloudabi::runtime::describe_fd(m.get());
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, CLOUDABI_FILETYPE_SHARED_MEMORY);
  EXPECT_EQ(e->base, cloudabi::runtime::max_rights(CLOUDABI_FILETYPE_SHARED_MEMORY).base);

  // A plain memfd, a file on disk: regular files.
  UniqueFd plain(memfd_create("describe-test-plain", MFD_CLOEXEC));
  ASSERT_TRUE(plain.valid());
  e = cloudabi::runtime::describe_fd(plain.get());
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->type, CLOUDABI_FILETYPE_REGULAR_FILE);
  char tmpl[] = "/tmp/cloudabi-describe-XXXXXX";
  UniqueFd file(mkstemp(tmpl));
  ASSERT_TRUE(file.valid());
  unlink(tmpl);
  e = cloudabi::runtime::describe_fd(file.get());
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->type, CLOUDABI_FILETYPE_REGULAR_FILE);
}

}  // namespace
