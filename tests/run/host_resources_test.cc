// Opening resources on the host: files and directories with their options
// and rights, !fd validation, sockets, descriptor numbering, and that no
// descriptor leaks on any error path.
#include "run/host_resources.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "run/launcher.h"
#include "run/print.h"
#include "tests/run/test_util.h"

namespace cloudabi::run {
namespace {

using test::count_open_fds;
using test::TempDir;

class HostResourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    exe_ = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    ASSERT_GE(exe_, 0);
  }
  void TearDown() override { close(exe_); }

  Expected<LaunchPlan> plan(const std::string& yaml, bool from_stdin = false) {
    yaml_ = yaml;
    LaunchInput in;
    in.yaml = yaml_;
    in.config_name = "cfg.yaml";
    in.executable_fd = exe_;
    in.config_from_stdin = from_stdin;
    return plan_launch(in);
  }

  // "L:C: message" of a plan that must fail, checking that it leaks nothing.
  std::string error(const std::string& yaml, bool from_stdin = false) {
    int before = count_open_fds();
    std::string out;
    {
      auto p = plan(yaml, from_stdin);
      out = p ? "" : p.error().mark.str() + ": " + p.error().message;
    }
    EXPECT_EQ(count_open_fds(), before) << "descriptor leak for: " << yaml;
    return out;
  }

  // The single grant of a successful plan.
  static const GrantInfo& only(const LaunchPlan& p) {
    EXPECT_EQ(p.descriptors.size(), 1u);
    return p.descriptors.at(0);
  }

  static void write_file(const std::string& path, const std::string& content) {
    std::ofstream(path) << content;
  }

  // A port on 127.0.0.1 that nothing listens on (bound, then released).
  static int free_port(int type = SOCK_STREAM) {
    int s = socket(AF_INET, type | SOCK_CLOEXEC, 0);
    sockaddr_in sin{};
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, reinterpret_cast<sockaddr*>(&sin), sizeof(sin));
    socklen_t len = sizeof(sin);
    getsockname(s, reinterpret_cast<sockaddr*>(&sin), &len);
    close(s);
    return ntohs(sin.sin_port);
  }

  int exe_ = -1;
  std::string yaml_;
  TempDir dir_;
};

TEST_F(HostResourcesTest, ReadOnlyFile) {
  write_file(dir_ / "in.txt", "data");
  auto p = plan("!file {path: " + (dir_ / "in.txt") + ", rights: read-only}");
  ASSERT_TRUE(p) << p.error().message;
  const GrantInfo& g = only(*p);
  EXPECT_EQ(g.type, HostFileType::kRegularFile);
  EXPECT_EQ(g.access_mode, O_RDONLY);
  EXPECT_EQ(g.rights_base, preset_rights(Preset::kReadOnly, false)->base);
  EXPECT_EQ(g.rights_inheriting, 0u);
  EXPECT_EQ(g.rights_origin, "read-only preset");
  EXPECT_EQ(g.summary, "!file " + (dir_ / "in.txt"));
  EXPECT_EQ(g.mark, (Mark{1, 1}));
  EXPECT_EQ(fcntl(g.host_fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
  EXPECT_EQ(fcntl(g.host_fd, F_GETFL) & O_NONBLOCK, 0);
  ASSERT_EQ(p->grants.size(), 1u);
  EXPECT_EQ(p->grants[0].source_fd, g.host_fd);
  EXPECT_EQ(p->grants[0].rights_base, g.rights_base);
  EXPECT_EQ(p->grants[0].rights_inheriting, 0u);
  EXPECT_EQ(p->grants[0].origin, "cfg.yaml:1:1: !file " + (dir_ / "in.txt"));
}

TEST_F(HostResourcesTest, WithoutRightsLikeTheOriginal) {
  write_file(dir_ / "in.txt", "data");
  auto p = plan("[!file {path: " + (dir_ / "in.txt") + "}, !file {path: " + dir_.path() + "}]");
  ASSERT_TRUE(p) << p.error().message;
  ASSERT_EQ(p->descriptors.size(), 2u);
  // Opened read-only, no narrowing: the runtime applies the type maximum.
  EXPECT_EQ(p->descriptors[0].access_mode, O_RDONLY);
  EXPECT_FALSE(p->grants[0].rights_base);
  EXPECT_FALSE(p->grants[0].rights_inheriting);
  EXPECT_EQ(p->descriptors[1].type, HostFileType::kDirectory);
  EXPECT_FALSE(p->grants[1].rights_base);
}

TEST_F(HostResourcesTest, AccessModeFollowsRights) {
  write_file(dir_ / "f", "data");
  std::string path = dir_ / "f";
  auto p = plan("[!file {path: " + path + ", rights: [FD_READ]}, !file {path: " + path +
                ", rights: [FD_WRITE]}, !file {path: " + path +
                ", rights: read-write}, !file {path: " + path +
                ", rights: [FILE_STAT_FGET]}, !file {path: " + path + ", rights: write-only}]");
  ASSERT_TRUE(p) << p.error().message;
  ASSERT_EQ(p->descriptors.size(), 5u);
  EXPECT_EQ(p->descriptors[0].access_mode, O_RDONLY);
  EXPECT_EQ(p->descriptors[1].access_mode, O_WRONLY);
  EXPECT_EQ(p->descriptors[2].access_mode, O_RDWR);
  EXPECT_EQ(p->descriptors[3].access_mode, O_RDONLY);
  EXPECT_EQ(p->descriptors[4].access_mode, O_WRONLY);
  EXPECT_EQ(p->grants[1].rights_base, CLOUDABI_RIGHT_FD_WRITE);
  EXPECT_EQ(p->grants[1].rights_inheriting, 0u);
  EXPECT_EQ(p->descriptors[1].rights_origin, "as listed");
}

TEST_F(HostResourcesTest, ReadOnlyDirectory) {
  auto p = plan("!file {path: " + dir_.path() + ", type: directory, rights: read-only}");
  ASSERT_TRUE(p) << p.error().message;
  const GrantInfo& g = only(*p);
  EXPECT_EQ(g.type, HostFileType::kDirectory);
  EXPECT_EQ(g.rights_base, preset_rights(Preset::kReadOnly, true)->base);
  EXPECT_EQ(g.rights_inheriting, preset_rights(Preset::kReadOnly, true)->inheriting);
}

TEST_F(HostResourcesTest, ReadWriteDirectoryWithoutType) {
  // The file access mode for read-write is O_RDWR; a directory is reopened.
  auto p = plan("!file {path: " + dir_.path() + ", rights: read-write, inheriting: read-only}");
  ASSERT_TRUE(p) << p.error().message;
  const GrantInfo& g = only(*p);
  EXPECT_EQ(g.type, HostFileType::kDirectory);
  EXPECT_EQ(g.rights_base, 0x13EFF698u);
  EXPECT_EQ(g.rights_inheriting, preset_rights(Preset::kReadOnly, true)->inheriting);
  EXPECT_EQ(g.rights_origin, "read-write preset, inheriting as given");
}

TEST_F(HostResourcesTest, CreateFileWithMode) {
  std::string path = dir_ / "out.log";
  mode_t old = umask(022);
  auto p = plan("!file {path: " + path + ", create: true, mode: 0640, rights: write-only}");
  umask(old);
  ASSERT_TRUE(p) << p.error().message;
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(only(*p).access_mode, O_WRONLY);
}

TEST_F(HostResourcesTest, CreateWithoutRightsIsReadWrite) {
  auto p = plan("!file {path: " + (dir_ / "new") + ", create: true}");
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(only(*p).access_mode, O_RDWR);
  EXPECT_FALSE(only(*p).rights_base);
}

TEST_F(HostResourcesTest, ExclusiveCreate) {
  write_file(dir_ / "exists", "x");
  EXPECT_EQ(error("x: !file {path: " + (dir_ / "exists") + ", create: true, exclusive: true}"),
            "1:17: cannot create or open '" + (dir_ / "exists") + "': File exists");
}

TEST_F(HostResourcesTest, Truncate) {
  std::string path = dir_ / "t";
  write_file(path, "old content");
  auto p = plan("!file {path: " + path + ", truncate: true, rights: write-only}");
  ASSERT_TRUE(p) << p.error().message;
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_size, 0);
  write_file(path, "old content");
  EXPECT_EQ(error("!file {path: " + path + ", truncate: true, rights: read-only}"),
            "1:" + std::to_string(26 + path.size()) +
                ": 'truncate: true' needs rights that allow writing (FD_WRITE or "
                "FILE_STAT_FPUT_SIZE)");
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_size, 11);  // Untouched.
}

TEST_F(HostResourcesTest, AppendOnly) {
  std::string path = dir_ / "log";
  auto p =
      plan("[!file {path: " + path + ", create: true, rights: append-only}, !file {path: " + path +
           ", append: true}, !file {path: " + path + ", append: true, rights: read-write}]");
  ASSERT_TRUE(p) << p.error().message;
  ASSERT_EQ(p->descriptors.size(), 3u);
  const cloudabi_rights_t ao = preset_rights(Preset::kAppendOnly, false)->base;
  for (const GrantInfo& g : p->descriptors) {
    EXPECT_NE(fcntl(g.host_fd, F_GETFL) & O_APPEND, 0);
    EXPECT_EQ(*g.rights_base & CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS, 0u);
  }
  EXPECT_EQ(p->descriptors[0].access_mode, O_WRONLY);
  EXPECT_EQ(p->grants[0].rights_base, ao);
  EXPECT_EQ(p->grants[1].rights_base, ao);
  EXPECT_EQ(p->descriptors[1].rights_origin, "append-only preset, because of 'append: true'");
  EXPECT_EQ(p->descriptors[2].access_mode, O_RDWR);
  EXPECT_EQ(p->grants[2].rights_base,
            preset_rights(Preset::kReadWrite, false)->base & ~CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS);
}

TEST_F(HostResourcesTest, CreateDirectory) {
  std::string path = dir_ / "sub";
  auto p = plan("!file {path: " + path + ", type: directory, create: true, mode: 0700}");
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(only(*p).type, HostFileType::kDirectory);
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  // Existing is fine, unless exclusive.
  EXPECT_EQ(error("!file {path: " + path + ", type: directory, create: true}"), "");
  EXPECT_EQ(error("!file {path: " + path + ", type: directory, create: true, exclusive: true}"),
            "1:14: cannot create directory '" + path + "': File exists");
}

TEST_F(HostResourcesTest, Fifo) {
  std::string path = dir_ / "fifo";
  ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
  // Opening a FIFO without a writer must not hang.
  auto p = plan("!file {path: " + path + ", rights: read-only}");
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(only(*p).type, HostFileType::kFifo);
}

TEST_F(HostResourcesTest, FileErrors) {
  std::string file = dir_ / "f";
  write_file(file, "x");
  std::string missing = dir_ / "missing";
  EXPECT_EQ(error("a: !file {path: " + missing + "}"),
            "1:17: cannot open '" + missing + "': No such file or directory");
  EXPECT_EQ(
      error("!file {path: " + dir_.path() + ", type: file}"),
      "1:14: '" + dir_.path() + "' is a directory, not a regular file, but 'type: file' was given");
  EXPECT_EQ(error("!file {path: " + file + ", type: directory}"),
            "1:14: '" + file + "' is not a directory, but 'type: directory' was given");
  EXPECT_EQ(error("!file {path: /dev/null, type: file}"),
            "1:14: '/dev/null' is a character device, not a regular file, but 'type: file' was "
            "given");
  EXPECT_EQ(error("!file {path: " + dir_.path() + ", create: true}"),
            "1:14: '" + dir_.path() +
                "' is a directory, which cannot be created, truncated or appended to");
  EXPECT_EQ(error("!file {path: " + missing + "/x, create: true}"),
            "1:14: cannot create or open '" + missing + "/x': No such file or directory");
}

TEST_F(HostResourcesTest, RightsThatDoNotApply) {
  std::string file = dir_ / "f";
  write_file(file, "x");
  size_t col = 24 + file.size();
  EXPECT_EQ(error("!file {path: " + file + ", rights: [FD_READ, FILE_READDIR, FILE_OPEN]}"),
            "1:" + std::to_string(col) + ": a regular file cannot have FILE_OPEN FILE_READDIR");
  EXPECT_EQ(error("!file {path: " + file + ", inheriting: [FD_READ]}"),
            "1:" + std::to_string(col + 4) + ": a regular file has no inheriting rights");
  col = 24 + dir_.path().size();
  EXPECT_EQ(error("!file {path: " + dir_.path() + ", rights: [FD_READ, FILE_OPEN]}"),
            "1:" + std::to_string(col) + ": a directory cannot have FD_READ");
  EXPECT_EQ(error("!file {path: " + dir_.path() + ", rights: write-only}"),
            "1:" + std::to_string(col) +
                ": the rights preset 'write-only' does not apply to "
                "directories, and '" +
                dir_.path() + "' is one");
  EXPECT_EQ(error("!file {path: " + dir_.path() + ", inheriting: [SOCK_SHUTDOWN]}"),
            "1:" + std::to_string(col + 4) + ": a directory cannot pass on SOCK_SHUTDOWN");
}

TEST_F(HostResourcesTest, Fds) {
  auto p = plan("[!fd stdout, !fd stderr, !fd 1]");
  ASSERT_TRUE(p) << p.error().message;
  ASSERT_EQ(p->grants.size(), 2u);  // stdout twice is one descriptor.
  EXPECT_EQ(p->grants[0].source_fd, 1);
  EXPECT_EQ(p->grants[1].source_fd, 2);
  EXPECT_EQ(p->descriptors[0].detail, "host fd 1");
  EXPECT_EQ(p->descriptors[0].summary, "!fd stdout");  // The first reference names it.
  EXPECT_FALSE(p->grants[0].rights_base);
  // stdin is available when the configuration is a file.
  EXPECT_EQ(error("!fd stdin"), "");
}

TEST_F(HostResourcesTest, FdErrors) {
  EXPECT_EQ(error("x: !fd 987"),
            "1:4: descriptor 987 is not open in cloudabi-run: Bad file "
            "descriptor");
  EXPECT_EQ(error("- !fd stdin", true),
            "1:3: !fd stdin is not available: standard input was consumed by the configuration "
            "(give the configuration as a file argument instead)");
  EXPECT_EQ(error("- !fd 0", true),
            "1:3: !fd 0 is not available: standard input was consumed by the configuration (give "
            "the configuration as a file argument instead)");
  EXPECT_EQ(error("!fd " + std::to_string(exe_)),
            "1:1: descriptor " + std::to_string(exe_) +
                " was opened by cloudabi-run itself, not inherited");
  // The descriptor a !file got earlier is not an inherited one either.
  int next = open("/dev/null", O_RDONLY | O_CLOEXEC);
  close(next);
  EXPECT_EQ(error("[!file {path: /dev/null}, !fd " + std::to_string(next) + "]"),
            "1:27: descriptor " + std::to_string(next) +
                " was opened by cloudabi-run itself, not inherited");
}

TEST_F(HostResourcesTest, Executable) {
  auto p = plan("[!executable '', !executable ]");
  ASSERT_TRUE(p) << p.error().message;
  ASSERT_EQ(p->grants.size(), 1u);
  EXPECT_EQ(p->grants[0].source_fd, exe_);
  EXPECT_EQ(p->descriptors[0].kind, ResourceKind::kExecutable);
  EXPECT_EQ(p->descriptors[0].type, HostFileType::kRegularFile);
}

TEST_F(HostResourcesTest, NumberingAndDedup) {
  std::string yaml =
      "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n"
      "a: !fd stdout\n"
      "b: &d !file {path: " +
      dir_.path() +
      "}\n"
      "c: [!fd 1, !executable, *d]\n"
      "d: !executable\n"
      "e: !fd stderr\n";
  auto p = plan(yaml);
  ASSERT_TRUE(p) << p.error().message;
  ASSERT_EQ(p->grants.size(), 4u);
  EXPECT_EQ(p->grants[0].source_fd, 1);
  EXPECT_EQ(p->descriptors[1].type, HostFileType::kDirectory);
  EXPECT_EQ(p->grants[2].source_fd, exe_);
  EXPECT_EQ(p->grants[3].source_fd, 2);
  EXPECT_EQ(p->grants[0].origin, "cfg.yaml:3:4: !fd stdout");
  EXPECT_EQ(p->grants[1].origin, "cfg.yaml:4:4: !file " + dir_.path());
  EXPECT_EQ(p->grants[2].origin, "cfg.yaml:5:12: !executable");
  EXPECT_EQ(p->grants[3].origin, "cfg.yaml:7:4: !fd stderr");
  // The argdata holds the grant indices.
  EXPECT_EQ(format_argdata_yaml(p->argdata),
            "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n"
            "a: !fd 0\n"
            "b: !fd 1\n"
            "c:\n"
            "  - !fd 0\n"
            "  - !fd 2\n"
            "  - !fd 1\n"
            "d: !fd 2\n"
            "e: !fd 3\n"
            "...\n");
}

TEST_F(HostResourcesTest, SocketBindStream) {
  auto p = plan("!socket {bind: 127.0.0.1:0}");
  ASSERT_TRUE(p) << p.error().message;
  const GrantInfo& g = only(*p);
  EXPECT_EQ(g.type, HostFileType::kSocketStream);
  int v = 0;
  socklen_t len = sizeof(v);
  ASSERT_EQ(getsockopt(g.host_fd, SOL_SOCKET, SO_ACCEPTCONN, &v, &len), 0);
  EXPECT_EQ(v, 1);
  ASSERT_EQ(getsockopt(g.host_fd, SOL_SOCKET, SO_REUSEADDR, &v, &len), 0);
  EXPECT_EQ(v, 1);
  EXPECT_EQ(fcntl(g.host_fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
  sockaddr_in sin{};
  len = sizeof(sin);
  getsockname(g.host_fd, reinterpret_cast<sockaddr*>(&sin), &len);
  EXPECT_EQ(g.detail, "listening on 127.0.0.1:" + std::to_string(ntohs(sin.sin_port)));

  // Connect to it.
  std::string addr = "127.0.0.1:" + std::to_string(ntohs(sin.sin_port));
  auto c = plan("!socket {connect: '" + addr + "'}");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(only(*c).detail, "connected to " + addr);
  EXPECT_EQ(fcntl(only(*c).host_fd, F_GETFL) & O_NONBLOCK, 0);

  // The port is taken now.
  EXPECT_EQ(error("!socket {bind: '" + addr + "'}"),
            "1:16: cannot bind to '" + addr + "': Address already in use");
}

TEST_F(HostResourcesTest, SocketDgramAndNames) {
  auto p = plan("[!socket {type: dgram, bind: 'localhost:0'}, !socket {bind: '[::1]:0'}]");
  if (!p && p.error().message.find("[::1]") != std::string::npos) {
    GTEST_SKIP() << "no IPv6 loopback: " << p.error().message;
  }
  ASSERT_TRUE(p) << p.error().message;
  ASSERT_EQ(p->descriptors.size(), 2u);
  EXPECT_EQ(p->descriptors[0].type, HostFileType::kSocketDgram);
  EXPECT_EQ(p->descriptors[0].detail.substr(0, 9), "bound to ");
  EXPECT_EQ(p->descriptors[1].detail.substr(0, 19), "listening on [::1]:");
}

TEST_F(HostResourcesTest, UnixSockets) {
  std::string path = dir_ / "s.sock";
  auto p = plan("!socket {bind: " + path + "}");
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(only(*p).detail, "listening on " + path);
  auto c = plan("!socket {connect: " + path + "}");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(only(*c).detail, "connected to " + path);
  EXPECT_EQ(error("!socket {bind: " + path + "}"),
            "1:16: cannot bind to '" + path + "': Address already in use");
  EXPECT_EQ(error("!socket {connect: " + (dir_ / "none.sock") + "}"),
            "1:19: cannot connect to '" + (dir_ / "none.sock") + "': No such file or directory");
}

TEST_F(HostResourcesTest, SocketErrors) {
  std::string e = error("!socket {connect: nonexistent.invalid:80}");
  const std::string want = "1:19: cannot resolve 'nonexistent.invalid:80': ";
  EXPECT_EQ(e.substr(0, want.size()), want) << e;
  std::string refused = "127.0.0.1:" + std::to_string(free_port());
  EXPECT_EQ(error("x: !socket {connect: '" + refused + "'}"),
            "1:22: cannot connect to '" + refused + "': Connection refused");
  EXPECT_EQ(error("!socket {bind: '192.0.2.1:80'}"),
            "1:16: cannot bind to '192.0.2.1:80': Cannot assign requested address");
}

TEST_F(HostResourcesTest, NoLeaksWhenLaterResourcesFail) {
  write_file(dir_ / "f", "x");
  std::string prefix =
      "[!file {path: " + (dir_ / "f") + "}, !file {path: " + dir_.path() +
      "}, !socket {bind: '127.0.0.1:0'}, !socket {type: dgram, bind: " + (dir_ / "d.sock") +
      "}, !fd stdout, !executable, ";
  for (std::string tail :
       std::vector<std::string>{"!fd 987]", "!file {path: " + (dir_ / "missing") + "}]",
                                "!socket {connect: nonexistent.invalid:1}]", "!bogus x]",
                                "!!int x]", "!file {path: x, rights: [NOPE]}]", "[[[[]"}) {
    unlink((dir_ / "d.sock").c_str());
    EXPECT_NE(error(prefix + tail), "") << tail;
  }
  // And after a successful plan is destroyed.
  unlink((dir_ / "d.sock").c_str());
  int before = count_open_fds();
  {
    auto p = plan(prefix + "!fd stderr]");
    ASSERT_TRUE(p) << p.error().message;
    EXPECT_EQ(count_open_fds(), before + 4);
  }
  EXPECT_EQ(count_open_fds(), before);
}

}  // namespace
}  // namespace cloudabi::run
