// The pids cgroup that bounds real root's processes (runtime/confine/pids_limit.cc).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "runtime/confine/confine_impl.h"

namespace cloudabi::runtime {
namespace {

// The directory create_pids_cgroup uses, or "" with the reason in *why.
std::string cgroup_parent(std::string* why) {
  bool available = false;
  std::string said = probe_pids_cgroup(&available);
  if (!available) {
    *why = said;
    return "";
  }
  const std::string marker = "pids cgroup in ";
  return said.substr(said.find(marker) + marker.size());
}

pid_t dead_pid() {
  pid_t pid = fork();
  if (pid == 0) _exit(0);
  waitpid(pid, nullptr, 0);
  return pid;
}

TEST(PidsCgroup, CreatedLimitedAndRemoved) {
  if (getuid() != 0) GTEST_SKIP() << "not root: cloudabi-run uses RLIMIT_NPROC instead";
  std::string why;
  std::string parent = cgroup_parent(&why);
  if (parent.empty()) GTEST_SKIP() << why;
  std::optional<PidsCgroup> cg = create_pids_cgroup(7, &why);
  ASSERT_TRUE(cg) << why;
  std::string path = parent + "/" + cg->name;
  char limit[16] = {};
  int fd = open((path + "/pids.max").c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  ASSERT_GT(read(fd, limit, sizeof(limit) - 1), 0);
  close(fd);
  EXPECT_STREQ(limit, "7\n");
  remove_pids_cgroup(*cg);
  EXPECT_NE(access(path.c_str(), F_OK), 0) << path << " is left behind";
}

TEST(PidsCgroup, OnesAbandonedByAKilledSandboxAreRemovedLater) {
  if (getuid() != 0) GTEST_SKIP() << "not root: cloudabi-run uses RLIMIT_NPROC instead";
  std::string why;
  std::string parent = cgroup_parent(&why);
  if (parent.empty()) GTEST_SKIP() << why;
  // What a SIGKILLed creator leaves: an empty cgroup named after it.
  std::string abandoned = parent + "/cloudabi-" + std::to_string(dead_pid()) + "-1";
  ASSERT_EQ(mkdir(abandoned.c_str(), 0755), 0) << abandoned;
  // One whose creator lives (this process) is not touched.
  std::string alive = parent + "/cloudabi-" + std::to_string(getpid()) + "-1";
  ASSERT_EQ(mkdir(alive.c_str(), 0755), 0) << alive;
  std::optional<PidsCgroup> cg = create_pids_cgroup(7, &why);
  ASSERT_TRUE(cg) << why;
  remove_pids_cgroup(*cg);
  EXPECT_NE(access(abandoned.c_str(), F_OK), 0) << abandoned << " is left behind";
  EXPECT_EQ(access(alive.c_str(), F_OK), 0) << alive << " was removed";
  rmdir(alive.c_str());
  rmdir(abandoned.c_str());
}

}  // namespace
}  // namespace cloudabi::runtime
