#include "tests/runtime/guest_runner.h"

#include <argdata.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "runtime/runtime.h"

namespace cloudabi::testing {

namespace {

std::string drain(int fd) {
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof(buf))) > 0) out.append(buf, static_cast<size_t>(n));
  return out;
}

[[noreturn]] void child(const std::string& program, const GuestOptions& options, int log_fd,
                        int tmp_fd) {
  std::vector<argdata_t*> keys, values;
  auto add = [&](const char* key, argdata_t* value) {
    keys.push_back(argdata_create_str_c(key));
    values.push_back(value);
  };
  add("log", argdata_create_fd(log_fd));
  add("tmp", argdata_create_fd(tmp_fd));
  add("message", argdata_create_str_c("hello"));
  for (const ExtraArg& e : options.extra) {
    keys.push_back(argdata_create_str(e.key.data(), e.key.size()));
    values.push_back(e.make());
  }
  argdata_t* map = argdata_create_map(keys.data(), values.data(), keys.size());
  size_t size, nfds;
  argdata_serialized_length(map, &size, &nfds);
  std::vector<uint8_t> buf(size);
  std::vector<int> fds(nfds);
  fds.resize(argdata_serialize(map, buf.data(), fds.data()));

  runtime::Options o;
  o.executable_fd = open(program.c_str(), O_RDONLY | O_CLOEXEC);
  if (o.executable_fd < 0) {
    perror(program.c_str());
    _exit(127);
  }
  o.argdata = std::move(buf);
  for (int fd : fds) {
    runtime::Grant g;
    g.source_fd = fd;
    g.origin = "test runner";
    if (fd == tmp_fd && options.read_only_tmp) {
      g.rights_base = CLOUDABI_RIGHT_FILE_OPEN | CLOUDABI_RIGHT_FILE_READDIR |
                      CLOUDABI_RIGHT_FILE_STAT_GET | CLOUDABI_RIGHT_FILE_STAT_FGET;
      g.rights_inheriting =
          CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_SEEK | CLOUDABI_RIGHT_FILE_STAT_FGET;
    }
    for (const GuestOptions::Narrowed& n : options.narrowed) {
      if (n.fd == fd) {
        g.rights_base = n.rights_base;
        g.rights_inheriting = n.rights_inheriting;
      }
    }
    o.grants.push_back(g);
  }
  o.trace = options.trace;
  o.confine = options.confine;
  o.name = program;
  runtime::run(std::move(o));
}

}  // namespace

std::string program_path(const std::string& area_name) {
  return std::string(CLOUDABI_TARGET_BINARY_DIR) + "/programs/" + area_name;
}

GuestResult run_guest(const std::string& program, const GuestOptions& options) {
  char tmpl[] = "/tmp/cloudabi-test-XXXXXX";
  if (mkdtemp(tmpl) == nullptr) throw std::runtime_error("mkdtemp failed");
  std::string tmpdir = tmpl;
  int tmp_fd = open(tmpdir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int log_pipe[2], err_pipe[2];
  if (tmp_fd < 0 || pipe2(log_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0)
    throw std::runtime_error("cannot set up the guest's descriptors");

  pid_t pid = fork();
  if (pid == 0) {
    close(log_pipe[0]);
    close(err_pipe[0]);
    dup2(err_pipe[1], 2);
    child(program, options, log_pipe[1], tmp_fd);
  }
  close(log_pipe[1]);
  close(err_pipe[1]);
  close(tmp_fd);
  std::thread alongside;
  if (options.alongside) alongside = std::thread(options.alongside);

  GuestResult result;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds);
  pollfd pfds[2] = {{log_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  char buf[4096];
  int open_pipes = 2;
  while (open_pipes > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      kill(pid, SIGKILL);
      break;
    }
    if (poll(pfds, 2, static_cast<int>(left.count())) < 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (pfds[i].fd < 0 || pfds[i].revents == 0) continue;
      ssize_t n = read(pfds[i].fd, buf, sizeof(buf));
      if (n <= 0) {
        close(pfds[i].fd);
        pfds[i].fd = -1;
        --open_pipes;
      } else {
        (i == 0 ? result.log : result.stderr_text).append(buf, static_cast<size_t>(n));
      }
    }
  }
  for (pollfd& p : pfds)
    if (p.fd >= 0) {
      (p.fd == log_pipe[0] ? result.log : result.stderr_text) += drain(p.fd);
      close(p.fd);
    }
  int status;
  waitpid(pid, &status, 0);
  if (alongside.joinable()) alongside.join();
  if (WIFEXITED(status)) {
    result.exited = true;
    result.exit_status = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }
  std::filesystem::remove_all(tmpdir);
  return result;
}

}  // namespace cloudabi::testing
