// End-to-end tests of the examples, run as users run them: the CloudABI
// builds under cloudabi-run with YAML configurations.
//
// - httpd: on an ephemeral loopback port (the test binds the socket and
//   passes it as `!fd 3`): files with their lengths and types, keep-alive and
//   pipelining, many concurrent clients, the error statuses, and path escape
//   attempts, both refused by the server itself and, with its check turned
//   off, by the sandbox.
// - csv2json: good and malformed input, options, a large streamed input.
// - du: sizes and find-style listing over a temporary tree.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "run/print.h"

namespace fs = std::filesystem;

namespace {

const std::string kRun = CLOUDABI_RUN;
const std::string kTargetDir = CLOUDABI_TARGET_BINARY_DIR;
const std::string kSourceDir = CLOUDABI_SOURCE_DIR;

std::string example(const std::string& name) {
  return kTargetDir + "/examples/" + name + "/" + name;
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A fresh directory for one test.
std::string temp_dir() {
  std::string pattern = testing::TempDir() + "/examples.XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr) return "";
  return buf.data();
}

const char kTag[] = "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n";

// ----------------------------------------------------------- processes

struct Outcome {
  int status = -1;  // Exit status, or -signal.
  std::string out, err;
};

// Starts argv with the given descriptors ({child fd, our fd}); standard
// input from `in_fd` (or /dev/null), output and error to the given fds.
pid_t spawn(const std::vector<std::string>& args, const std::vector<std::pair<int, int>>& fds,
            int in_fd, int out_fd, int err_fd) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  std::vector<std::pair<int, int>> moved;
  for (auto [child, ours] : fds) moved.emplace_back(child, fcntl(ours, F_DUPFD_CLOEXEC, 100));
  int null = open("/dev/null", O_RDWR);
  dup2(in_fd >= 0 ? in_fd : null, 0);
  dup2(out_fd >= 0 ? out_fd : null, 1);
  dup2(err_fd >= 0 ? err_fd : null, 2);
  for (auto [child, tmp] : moved) dup2(tmp, child);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(argv[0], argv.data());
  _exit(127);
}

int wait_status(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

// Runs a program under cloudabi-run with a YAML configuration, standard
// input from `input`, and collects its output. Killed after 60 s.
Outcome run_example(const std::string& program, const std::string& yaml,
                    const std::string& input = "") {
  std::string dir = temp_dir();
  write_file(dir + "/config.yaml", yaml);
  write_file(dir + "/stdin", input);
  int in = open((dir + "/stdin").c_str(), O_RDONLY | O_CLOEXEC);
  int out = open((dir + "/stdout").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  int err = open((dir + "/stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  pid_t pid = spawn({kRun, example(program), dir + "/config.yaml"}, {}, in, out, err);
  close(in);
  close(out);
  close(err);
  std::atomic<bool> done{false};
  std::thread watchdog([&] {
    for (int i = 0; i < 600 && !done; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (!done) kill(pid, SIGKILL);
  });
  Outcome o;
  o.status = wait_status(pid);
  done = true;
  watchdog.join();
  o.out = read_file(dir + "/stdout");
  o.err = read_file(dir + "/stderr");
  fs::remove_all(dir);
  return o;
}

bool built(const std::string& program) { return access(example(program).c_str(), X_OK) == 0; }

#define REQUIRE_BUILT(program)                                                            \
  ASSERT_TRUE(built(program)) << example(program)                                         \
                              << " was not built: the target build's CMake warnings say " \
                                 "which cloudlibc functions it is waiting for"

// ---------------------------------------------------------------- HTTP

struct Response {
  int status = 0;
  std::map<std::string, std::string> headers;  // Names lowercased.
  std::string body;
  bool ok = false;  // A complete response was read.
};

class Connection {
 public:
  explicit Connection(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct timeval tv {
      10, 0
    };
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    sockaddr_in sin{};
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sin.sin_port = htons(static_cast<uint16_t>(port));
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&sin), sizeof(sin)) == 0;
  }
  ~Connection() { close(fd_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  bool connected() const { return connected_; }
  bool send(const std::string& bytes) {
    size_t off = 0;
    while (off < bytes.size()) {
      ssize_t n = ::send(fd_, bytes.data() + off, bytes.size() - off, MSG_NOSIGNAL);
      if (n <= 0) return false;
      off += static_cast<size_t>(n);
    }
    return true;
  }

  // Reads one response; `head_only` for HEAD (no body despite Content-Length).
  Response read_response(bool head_only = false) {
    Response r;
    size_t end;
    while ((end = buf_.find("\r\n\r\n")) == std::string::npos) {
      if (!fill()) return r;
    }
    std::string head = buf_.substr(0, end);
    buf_.erase(0, end + 4);
    size_t line_end = head.find("\r\n");
    std::string status_line = head.substr(0, line_end);
    if (status_line.rfind("HTTP/1.1 ", 0) != 0) return r;
    r.status = std::atoi(status_line.c_str() + 9);
    size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
    while (pos < head.size()) {
      size_t e = head.find("\r\n", pos);
      if (e == std::string::npos) e = head.size();
      std::string line = head.substr(pos, e - pos);
      size_t colon = line.find(':');
      if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(value.begin());
        r.headers[name] = value;
      }
      pos = e + 2;
    }
    size_t length = r.headers.count("content-length") ? std::stoul(r.headers["content-length"]) : 0;
    if (head_only) length = 0;
    while (buf_.size() < length) {
      if (!fill()) return r;
    }
    r.body = buf_.substr(0, length);
    buf_.erase(0, length);
    r.ok = true;
    return r;
  }

  // True if the server closed the connection (within the receive timeout).
  bool closed_by_server() {
    if (!buf_.empty()) return false;
    char c;
    return recv(fd_, &c, 1, 0) == 0;
  }

 private:
  bool fill() {
    char tmp[16384];
    ssize_t n = recv(fd_, tmp, sizeof(tmp), 0);
    if (n <= 0) return false;
    buf_.append(tmp, static_cast<size_t>(n));
    return true;
  }

  int fd_;
  bool connected_ = false;
  std::string buf_;
};

Response get(int port, const std::string& target, const std::string& method = "GET") {
  Connection c(port);
  c.send(method + " " + target + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
  return c.read_response(method == "HEAD");
}

// The HTTP example running sandboxed on an ephemeral port, over a document
// root with a secret file next to it.
class Httpd : public testing::Test {
 protected:
  void SetUp() override { REQUIRE_BUILT("httpd"); }
  void TearDown() override { stop(); }

  void start(bool check_paths = true, const std::vector<std::string>& run_options = {}) {
    dir_ = temp_dir();
    root_ = dir_ + "/www";
    fs::create_directories(root_ + "/docs");
    fs::create_directories(root_ + "/empty-dir");
    write_file(root_ + "/index.html", "<!DOCTYPE html>\n<p>home</p>\n");
    write_file(root_ + "/docs/index.html", "<p>docs</p>\n");
    write_file(root_ + "/docs/notes.txt", "plain text\n");
    write_file(root_ + "/style.css", "p { color: red; }\n");
    write_file(root_ + "/pixel.png", std::string("\x89PNG\r\n\x1a\n", 8));
    write_file(root_ + "/data.bin", std::string(100000, 'z') + "end");
    write_file(root_ + "/empty.txt", "");
    write_file(root_ + "/with space.txt", "spaced\n");
    write_file(dir_ + "/secret.txt", "TOP-SECRET-CONTENT\n");

    int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in sin{};
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof(sin);
    ASSERT_EQ(bind(s, reinterpret_cast<sockaddr*>(&sin), sizeof(sin)), 0);
    ASSERT_EQ(listen(s, 128), 0);
    ASSERT_EQ(getsockname(s, reinterpret_cast<sockaddr*>(&sin), &len), 0);
    port_ = ntohs(sin.sin_port);

    log_path_ = dir_ + "/log";
    std::string yaml = std::string(kTag) +
                       "socket: !fd 3\nroot: !file {path: " + cloudabi::run::yaml_string(root_) +
                       ", type: directory, rights: read-only}\nlog: !fd 4\n" +
                       (check_paths ? "" : "check_paths: false\n");
    write_file(dir_ + "/httpd.yaml", yaml);
    int log = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
    int err = open((dir_ + "/stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    std::vector<std::string> argv = {kRun};
    argv.insert(argv.end(), run_options.begin(), run_options.end());
    argv.insert(argv.end(), {example("httpd"), dir_ + "/httpd.yaml"});
    pid_ = spawn(argv, {{3, s}, {4, log}}, -1, err, err);
    close(s);
    close(log);
    close(err);
    // Up once it answers.
    for (int i = 0; i < 200; ++i) {
      Response r = get(port_, "/index.html");
      if (r.ok) return;
      int status;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        FAIL() << "httpd exited: " << read_file(dir_ + "/stderr");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL() << "httpd did not answer: " << read_file(dir_ + "/stderr");
  }

  void stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      wait_status(pid_);
      pid_ = -1;
    }
    if (!dir_.empty()) fs::remove_all(dir_);
    dir_.clear();
  }

  std::string dir_, root_, log_path_;
  int port_ = 0;
  pid_t pid_ = -1;
};

TEST_F(Httpd, ServesFilesWithTheirLengthAndType) {
  ASSERT_NO_FATAL_FAILURE(start());
  struct {
    const char* path;
    const char* file;
    const char* type;
  } cases[] = {
      {"/", "index.html", "text/html; charset=utf-8"},
      {"/index.html", "index.html", "text/html; charset=utf-8"},
      {"/docs/", "docs/index.html", "text/html; charset=utf-8"},
      {"/docs/notes.txt", "docs/notes.txt", "text/plain; charset=utf-8"},
      {"/style.css", "style.css", "text/css; charset=utf-8"},
      {"/pixel.png", "pixel.png", "image/png"},
      {"/data.bin", "data.bin", "application/octet-stream"},
      {"/empty.txt", "empty.txt", "text/plain; charset=utf-8"},
      {"/with%20space.txt", "with space.txt", "text/plain; charset=utf-8"},
      {"/docs/notes.txt?query=1", "docs/notes.txt", "text/plain; charset=utf-8"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.path);
    Response r = get(port_, c.path);
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.status, 200);
    std::string expected = read_file(root_ + "/" + c.file);
    EXPECT_EQ(r.headers["content-length"], std::to_string(expected.size()));
    EXPECT_EQ(r.headers["content-type"], c.type);
    EXPECT_EQ(r.body, expected);
  }
}

TEST_F(Httpd, HeadSendsTheHeadersOnly) {
  ASSERT_NO_FATAL_FAILURE(start());
  Connection c(port_);
  c.send("HEAD /data.bin HTTP/1.1\r\nHost: t\r\n\r\nGET /style.css HTTP/1.1\r\nHost: t\r\n\r\n");
  Response head = c.read_response(true);
  ASSERT_TRUE(head.ok);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.headers["content-length"], "100003");
  // The next response follows the head directly: no body was sent.
  Response next = c.read_response();
  ASSERT_TRUE(next.ok);
  EXPECT_EQ(next.body, read_file(root_ + "/style.css"));
}

TEST_F(Httpd, KeepsConnectionsAliveAndAnswersPipelinedRequests) {
  ASSERT_NO_FATAL_FAILURE(start());
  Connection c(port_);
  ASSERT_TRUE(c.connected());
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(c.send("GET /docs/notes.txt HTTP/1.1\r\nHost: t\r\n\r\n"));
    Response r = c.read_response();
    ASSERT_TRUE(r.ok) << "request " << i;
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.headers["connection"], "keep-alive");
    EXPECT_EQ(r.body, "plain text\n");
  }
  // Three requests in one write, one of them a 404, then one that closes.
  ASSERT_TRUE(
      c.send("GET /style.css HTTP/1.1\r\nHost: t\r\n\r\nGET /nope HTTP/1.1\r\nHost: t\r\n\r\n"
             "GET /data.bin HTTP/1.1\r\nHost: t\r\n\r\nGET / HTTP/1.1\r\nHost: t\r\n"
             "Connection: close\r\n\r\n"));
  Response a = c.read_response(), b = c.read_response(), d = c.read_response(),
           e = c.read_response();
  ASSERT_TRUE(a.ok && b.ok && d.ok && e.ok);
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(b.status, 404);
  EXPECT_EQ(d.status, 200);
  EXPECT_EQ(d.body.size(), 100003u);
  EXPECT_EQ(e.status, 200);
  EXPECT_EQ(e.headers["connection"], "close");
  EXPECT_TRUE(c.closed_by_server());
}

TEST_F(Httpd, Http10ClosesUnlessAskedToKeepAlive) {
  ASSERT_NO_FATAL_FAILURE(start());
  {
    Connection c(port_);
    c.send("GET /style.css HTTP/1.0\r\n\r\n");
    Response r = c.read_response();
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.headers["connection"], "close");
    EXPECT_TRUE(c.closed_by_server());
  }
  Connection c(port_);
  c.send("GET /style.css HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  Response r = c.read_response();
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.headers["connection"], "keep-alive");
  c.send("GET /style.css HTTP/1.0\r\n\r\n");
  EXPECT_TRUE(c.read_response().ok);
}

TEST_F(Httpd, ManyConcurrentClients) {
  ASSERT_NO_FATAL_FAILURE(start());
  // Idle connections must not hold the others up (one thread, poll()).
  std::vector<std::unique_ptr<Connection>> idle;
  for (int i = 0; i < 20; ++i) idle.push_back(std::make_unique<Connection>(port_));
  idle[0]->send("GET /index.html HTTP/1.1\r\nHost: t\r\n");  // Half a request.

  const int kClients = 40, kRequests = 25;
  std::atomic<int> good{0};
  std::vector<std::thread> threads;
  std::string expected = read_file(root_ + "/docs/notes.txt");
  std::string big = read_file(root_ + "/data.bin");
  for (int t = 0; t < kClients; ++t) {
    threads.emplace_back([&, t] {
      Connection c(port_);
      for (int i = 0; i < kRequests; ++i) {
        bool large = (t + i) % 5 == 0;
        if (!c.send(std::string("GET ") + (large ? "/data.bin" : "/docs/notes.txt") +
                    " HTTP/1.1\r\nHost: t\r\n\r\n")) {
          return;
        }
        Response r = c.read_response();
        if (r.ok && r.status == 200 && r.body == (large ? big : expected)) ++good;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(good.load(), kClients * kRequests);
  // The half request is still waiting for its end.
  idle[0]->send("Host: t\r\n\r\n");
  EXPECT_EQ(idle[0]->read_response().status, 400);  // Two Host headers.
}

// Out of descriptors, the server keeps the extra connections queued instead
// of spinning or dying, and serves again once some are closed.
TEST_F(Httpd, SurvivesRunningOutOfDescriptors) {
  ASSERT_NO_FATAL_FAILURE(start(true, {"--limit-open-files", "24"}));
  std::vector<std::unique_ptr<Connection>> many;
  for (int i = 0; i < 40; ++i) many.push_back(std::make_unique<Connection>(port_));
  // An accepted one is answered: with the file, or with 503 while the
  // server has no descriptor left to open it with.
  many[0]->send("GET /style.css HTTP/1.1\r\nHost: t\r\n\r\n");
  Response first = many[0]->read_response();
  ASSERT_TRUE(first.ok);
  EXPECT_TRUE(first.status == 200 || first.status == 503) << first.status;
  if (first.status == 503) {
    EXPECT_EQ(first.headers["retry-after"], "1");
  }
  many.clear();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  Response r;
  for (int i = 0; i < 50 && !r.ok; ++i) {
    r = get(port_, "/style.css");
    if (!r.ok) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.status, 200);
  int status;
  EXPECT_EQ(waitpid(pid_, &status, WNOHANG), 0) << "the server exited";
}

TEST_F(Httpd, AnswersErrorsWithTheirStatus) {
  ASSERT_NO_FATAL_FAILURE(start());
  struct {
    const char* request;
    int status;
  } cases[] = {
      {"GET /missing.html HTTP/1.1\r\nHost: t\r\n\r\n", 404},
      {"GET /docs/missing/deeper HTTP/1.1\r\nHost: t\r\n\r\n", 404},
      {"GET /empty-dir/ HTTP/1.1\r\nHost: t\r\n\r\n", 404},  // No index.html.
      {"GET /index.html/x HTTP/1.1\r\nHost: t\r\n\r\n", 404},
      {"POST /index.html HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc", 405},
      {"DELETE / HTTP/1.1\r\nHost: t\r\n\r\n", 405},
      {"GET / HTTP/1.1\r\n\r\n", 400},  // HTTP/1.1 needs Host.
      {"GET /\r\n\r\n", 400},
      {"GET  / HTTP/1.1\r\nHost: t\r\n\r\n", 400},
      {"G(T / HTTP/1.1\r\nHost: t\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost: t\r\nBad Header\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost : t\r\n\r\n", 400},
      {"GET /%zz HTTP/1.1\r\nHost: t\r\n\r\n", 400},
      {"GET /a%00b HTTP/1.1\r\nHost: t\r\n\r\n", 400},
      {"GET index.html HTTP/1.1\r\nHost: t\r\n\r\n", 400},
      {"GET / HTTP/2.0\r\nHost: t\r\n\r\n", 505},
      {"GET / FTP/1.0\r\nHost: t\r\n\r\n", 400},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.request);
    Connection conn(port_);
    conn.send(c.request);
    Response r = conn.read_response();
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.status, c.status);
    EXPECT_EQ(r.headers["content-type"], "text/html; charset=utf-8");
    EXPECT_EQ(r.headers["content-length"], std::to_string(r.body.size()));
    if (c.status == 405) {
      EXPECT_EQ(r.headers["allow"], "GET, HEAD");
    }
  }
  // A directory without its slash is redirected, so relative links work.
  Response r = get(port_, "/docs?x=1");
  EXPECT_EQ(r.status, 301);
  EXPECT_EQ(r.headers["location"], "/docs/");
  // Headers that never end: 431, and the connection is closed.
  Connection c(port_);
  c.send("GET / HTTP/1.1\r\nHost: t\r\nX-Long: " + std::string(9000, 'a'));
  Response big = c.read_response();
  ASSERT_TRUE(big.ok);
  EXPECT_EQ(big.status, 431);
  EXPECT_TRUE(c.closed_by_server());
}

const char* const kEscapes[] = {
    "/../secret.txt",
    "/../../../../etc/passwd",
    "/docs/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E%2Fsecret.txt",
    "/..%2fsecret.txt",
    "/docs/%2e%2e/%2e%2e/secret.txt",
    "//etc/passwd",
    "/%2fetc/passwd",
    "/./../secret.txt",
};

TEST_F(Httpd, RefusesPathsThatLeaveTheRoot) {
  ASSERT_NO_FATAL_FAILURE(start());
  for (const char* path : kEscapes) {
    SCOPED_TRACE(path);
    Response r = get(port_, path);
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.body.find("TOP-SECRET"), std::string::npos);
    EXPECT_EQ(r.body.find("root:"), std::string::npos);
  }
  // Absolute-form targets are not served either.
  Response r = get(port_, "http://localhost/etc/passwd");
  EXPECT_EQ(r.status, 400);
}

// With the server's own check turned off (as if it had a path-traversal
// bug), the runtime still keeps every open beneath the root descriptor.
TEST_F(Httpd, TheSandboxHoldsWhenTheServersCheckIsOff) {
  ASSERT_NO_FATAL_FAILURE(start(/*check_paths=*/false));
  for (const char* path : kEscapes) {
    SCOPED_TRACE(path);
    Response r = get(port_, path);
    ASSERT_TRUE(r.ok);
    EXPECT_TRUE(r.status == 403 || r.status == 404) << r.status;
    EXPECT_EQ(r.body.find("TOP-SECRET"), std::string::npos);
    EXPECT_EQ(r.body.find("root:"), std::string::npos);
  }
  // Paths that stay inside still work.
  EXPECT_EQ(get(port_, "/docs/../index.html").status, 200);
}

TEST_F(Httpd, LogsEveryRequest) {
  ASSERT_NO_FATAL_FAILURE(start());
  get(port_, "/style.css");
  get(port_, "/nothing-here");
  get(port_, "/../secret.txt");
  std::string log;
  for (int i = 0; i < 50; ++i) {
    log = read_file(log_path_);
    if (log.find("GET /../secret.txt 400") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_NE(log.find("GET /style.css 200 18\n"), std::string::npos) << log;
  EXPECT_NE(log.find("GET /nothing-here 404 0\n"), std::string::npos) << log;
  EXPECT_NE(log.find("GET /../secret.txt 400 0\n"), std::string::npos) << log;
}

TEST(HttpdConfig, TheShippedYamlIsValid) {
  // --print-argdata opens the resources, so the shipped port must be free;
  // the test copies the configuration with port 0 instead.
  std::string yaml = read_file(kSourceDir + "/examples/httpd/httpd.yaml");
  size_t p = yaml.find("127.0.0.1:8080");
  ASSERT_NE(p, std::string::npos);
  yaml.replace(p, 14, "127.0.0.1:0");
  std::string dir = temp_dir();
  write_file(dir + "/httpd.yaml", yaml);
  int out = open((dir + "/out").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(kSourceDir.c_str()) != 0) _exit(126);
    dup2(out, 1);
    dup2(out, 2);
    execl(kRun.c_str(), kRun.c_str(), "--print-argdata", example("httpd").c_str(),
          (dir + "/httpd.yaml").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out);
  EXPECT_EQ(wait_status(pid), 0) << read_file(dir + "/out");
  fs::remove_all(dir);
}

// ------------------------------------------------------------ csv2json

std::string csv2json_yaml(const std::string& options = "") {
  return std::string(kTag) + "input: !fd stdin\noutput: !fd stdout\nerrors: !fd stderr\n" + options;
}

TEST(Csv2json, ConvertsTheExample) {
  REQUIRE_BUILT("csv2json");
  Outcome o = run_example("csv2json", read_file(kSourceDir + "/examples/csv2json/csv2json.yaml"),
                          read_file(kSourceDir + "/examples/csv2json/people.csv"));
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out,
            "[\n"
            "{\"name\":\"Ada Lovelace\",\"city\":\"London\",\"age\":36},\n"
            "{\"name\":\"Hopper, Grace\",\"city\":\"New York\",\"age\":85},\n"
            "{\"name\":\"Dennis \\\"dmr\\\" Ritchie\",\"city\":\"Murray Hill\",\"age\":70}\n"
            "]\n");
  EXPECT_EQ(o.err, "");
}

TEST(Csv2json, HandlesTheCornersOfTheFormat) {
  REQUIRE_BUILT("csv2json");
  // CRLF, an empty line, a quoted line break, a trailing empty field, control
  // characters and UTF-8, no final newline; numbers stay strings by default.
  Outcome o =
      run_example("csv2json", csv2json_yaml(),
                  "\xef\xbb\xbfk,v\r\n\r\n\"a\nb\",\r\n\"t\tx\",\xc3\xa9\"\"\r\n-1.5e3,\"\"");
  EXPECT_EQ(o.status, 1) << o.out;  // \xc3\xa9"" is a quote inside an unquoted field.
  EXPECT_NE(o.err.find("csv2json: line 5, column 9: quote inside an unquoted field"),
            std::string::npos)
      << o.err;

  o = run_example("csv2json", csv2json_yaml(),
                  "\xef\xbb\xbfk,v\r\n\r\n\"a\nb\",\r\n\"t\tx\",\xc3\xa9\r\n-1.5e3,\"\"");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out,
            "[\n{\"k\":\"a\\nb\",\"v\":\"\"},\n{\"k\":\"t\\tx\",\"v\":\"\xc3\xa9\"},\n"
            "{\"k\":\"-1.5e3\",\"v\":\"\"}\n]\n");
}

TEST(Csv2json, Options) {
  REQUIRE_BUILT("csv2json");
  Outcome o =
      run_example("csv2json", csv2json_yaml("header: false\nnumbers: true\nseparator: \";\"\n"),
                  "1;x;-0.5\n007;1e5;\n");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "[\n[1,\"x\",-0.5],\n[\"007\",1e5,\"\"]\n]\n");
  o = run_example("csv2json", csv2json_yaml(), "");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "[]\n");
  o = run_example("csv2json", csv2json_yaml(), "only,a,header\n");
  EXPECT_EQ(o.out, "[]\n");
}

TEST(Csv2json, RejectsMalformedInputWithItsPosition) {
  REQUIRE_BUILT("csv2json");
  struct {
    const char* input;
    const char* message;
  } cases[] = {
      {"a,b\n1,2,3\n", "line 2, column 5: more fields than the header has"},
      {"a,b\n1,2\n3\n", "line 3, column 1: fewer fields than the header has"},
      {"a,b\n1,\"open\n", "line 2, column 3: quoted field not terminated"},
      {"a,b\n\"x\"y,1\n", "line 2, column 4: text after the closing quote of a field"},
      {"a,b\nx\"y,1\n", "line 2, column 2: quote inside an unquoted field"},
      {"a,b\n1,\xff\n", "line 2, column 3: invalid UTF-8"},
      {"a,b\n1,ok\xc0\x80\n", "line 2, column 5: invalid UTF-8"},
      {"a,a\n1,2\n", "line 1, column 1: duplicate column name in the header"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    Outcome o = run_example("csv2json", csv2json_yaml(), c.input);
    EXPECT_EQ(o.status, 1);
    EXPECT_EQ(o.err, std::string("csv2json: ") + c.message + "\n");
  }
}

TEST(Csv2json, RejectsABadConfiguration) {
  REQUIRE_BUILT("csv2json");
  Outcome o = run_example("csv2json", csv2json_yaml("separator: \"ab\"\n"), "a\n");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err, "csv2json: separator must be one character\n");
  o = run_example("csv2json", std::string(kTag) + "errors: !fd stderr\n", "a\n");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err, "csv2json: the configuration needs input and output descriptors\n");
}

TEST(Csv2json, StreamsALargeInput) {
  REQUIRE_BUILT("csv2json");
  std::string csv = "id,text\n", json = "[\n";
  for (int i = 0; i < 20000; ++i) {
    csv += std::to_string(i) + ",\"row " + std::to_string(i) + " \"\"quoted\"\", with comma\"\n";
    json += std::string(i ? ",\n" : "") + "{\"id\":" + std::to_string(i) + ",\"text\":\"row " +
            std::to_string(i) + " \\\"quoted\\\", with comma\"}";
  }
  json += "\n]\n";
  Outcome o = run_example("csv2json", csv2json_yaml("numbers: true\n"), csv);
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_TRUE(o.out == json) << "output of " << o.out.size() << " bytes differs";
}

// ------------------------------------------------------------------ du

class Du : public testing::Test {
 protected:
  void SetUp() override {
    REQUIRE_BUILT("du");
    dir_ = temp_dir();
    root_ = dir_ + "/tree";
    fs::create_directories(root_ + "/a/b");
    fs::create_directories(root_ + "/e");
    write_file(root_ + "/a/x.txt", std::string(10, 'x'));
    write_file(root_ + "/a/y.c", std::string(20, 'y'));
    write_file(root_ + "/a/b/z.c", std::string(5, 'z'));
    write_file(root_ + "/c.txt", std::string(7, 'c'));
    fs::create_symlink("/etc/passwd", root_ + "/l");  // 11 bytes; not followed.
    write_file(dir_ + "/outside.c", std::string(1000, 'o'));
  }
  void TearDown() override { fs::remove_all(dir_); }

  Outcome du(const std::string& options) {
    return run_example("du", std::string(kTag) +
                                 "root: !file {path: " + cloudabi::run::yaml_string(root_) +
                                 ", type: directory, rights: read-only}\noutput: !fd stdout\n"
                                 "errors: !fd stderr\n" +
                                 options);
  }

  std::string dir_, root_;
};

TEST_F(Du, SumsTheTree) {
  Outcome o = du("summary: true\n");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out,
            "5\t./a/b\n35\t./a\n0\t./e\n53\t.\n"
            "5 files, 4 directories, 53 bytes\n");
}

TEST_F(Du, DepthAndAll) {
  Outcome o = du("depth: 0\n");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "53\t.\n");
  o = du("depth: 1\nall: true\n");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "35\t./a\n7\t./c.txt\n0\t./e\n11\t./l\n53\t.\n");
  o = du("all: true\n");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out,
            "5\t./a/b/z.c\n5\t./a/b\n10\t./a/x.txt\n20\t./a/y.c\n35\t./a\n7\t./c.txt\n0\t./e\n"
            "11\t./l\n53\t.\n");
}

TEST_F(Du, FindsByName) {
  Outcome o = du("find: \"*.c\"\n");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "5\t./a/b/z.c\n20\t./a/y.c\n");  // Not ../outside.c.
  o = du("find: \"?.txt\"\n");
  EXPECT_EQ(o.out, "10\t./a/x.txt\n7\t./c.txt\n");
}

TEST_F(Du, RejectsABadConfiguration) {
  Outcome o = du("depth: -1\n");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err, "du: depth must be 0 or more\n");
}

}  // namespace
