// cloudabi-bench: runs the benchmark workloads natively, under cloudabi-run
// and under the peers that are installed, alternating between them, and
// writes the medians as bench/results/latest.{md,json}.
//
//   cloudabi-bench [--runs N] [--warmup N] [--quick] [--only fileloop,http,...]
//                  [--out DIR]
//   cloudabi-bench --smoke WORKLOAD     (one tiny run of both builds, checked; for ctest)
//
// Workloads: fileloop, compute, startup, http, libc. A peer that is not
// installed is reported as skipped, never estimated.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "bench/runner/report.h"
#include "bench/runner/spawn.h"
#include "run/print.h"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace bench {
namespace {

// ------------------------------------------------------------------ set-up

const std::vector<std::string> kBuilds = {"native", "cloudabi"};
const std::vector<std::string> kPeers = {"node-wasi", "bwrap"};

struct Paths {
  std::string cloudabi_run = BENCH_CLOUDABI_RUN;
  std::string target_dir = BENCH_TARGET_DIR;  // CloudABI builds of the workloads.
  std::string target_httpd = BENCH_TARGET_HTTPD;
  std::string native_dir = BENCH_NATIVE_DIR;  // Native builds of the workloads.
  std::string native_httpd = BENCH_NATIVE_HTTPD;
  std::string source_dir = BENCH_SOURCE_DIR;  // bench/ in the source tree.
  std::string clang = "clang-14";
  // Found in $PATH at run time (make bench installs them).
  std::string node, bwrap, wrk;
};

struct Options {
  int runs = 5;
  int warmup = 1;
  bool quick = false;
  std::set<std::string> only;
  std::string out_dir;
  std::string doc;
  std::string file_dir;
  std::string smoke;
};

struct Context {
  Paths paths;
  Options options;
  std::string work;                         // Scratch directory of this invocation.
  std::vector<std::string> cleanup;         // Other directories to remove at the end.
  std::string wasm_skip_reason;             // Why there is no WASI build, if there is none.
  std::map<std::string, std::string> wasm;  // Workload -> .wasm path.
  std::string bwrap_skip_reason;
  Report report;
};

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The "key=value" words of the last non-empty line of a workload's output.
std::map<std::string, std::string> parse_result(const std::string& out) {
  std::map<std::string, std::string> kv;
  std::string s = out;
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  size_t nl = s.rfind('\n');
  std::istringstream words(nl == std::string::npos ? s : s.substr(nl + 1));
  std::string w;
  while (words >> w) {
    size_t eq = w.find('=');
    if (eq != std::string::npos) kv[w.substr(0, eq)] = w.substr(eq + 1);
  }
  return kv;
}

double number(const std::map<std::string, std::string>& kv, const std::string& key) {
  auto it = kv.find(key);
  if (it == kv.end()) return -1;
  char* end;
  double v = std::strtod(it->second.c_str(), &end);
  return *end == '\0' ? v : -1;
}

std::string first_line_of(const std::string& s) {
  size_t nl = s.find('\n');
  return nl == std::string::npos ? s : s.substr(0, nl);
}

// Compiles a workload for wasm32-wasi with clang-14 and Debian's wasi-libc.
void build_wasm(Context& ctx, const std::string& workload) {
  if (!ctx.wasm_skip_reason.empty()) return;
  std::string clang = find_program(ctx.paths.clang);
  if (clang.empty()) {
    ctx.wasm_skip_reason = ctx.paths.clang + " not installed";
    return;
  }
  if (!fs::exists("/usr/lib/wasm32-wasi/libc.a")) {
    ctx.wasm_skip_reason =
        "wasi-libc not installed (Debian packages wasi-libc, libclang-rt-14-dev-wasm32)";
    return;
  }
  std::string out = ctx.work + "/" + workload + ".wasm";
  Outcome o = run({{clang, "--target=wasm32-wasi", "-O2", "-o", out,
                    ctx.paths.source_dir + "/workloads/" + workload + ".c"},
                   {}},
                  120s);
  if (!o.ok()) {
    ctx.wasm_skip_reason = "clang-14 --target=wasm32-wasi failed: " + o.describe();
    return;
  }
  ctx.wasm[workload] = out;
}

void check_bwrap(Context& ctx) {
  if (ctx.paths.bwrap.empty()) {
    ctx.bwrap_skip_reason = "bubblewrap not installed";
    return;
  }
  Outcome o = run({{ctx.paths.bwrap, "--unshare-all", "--ro-bind", "/", "/", "true"}, {}}, 20s);
  if (!o.ok()) ctx.bwrap_skip_reason = "bwrap cannot create a sandbox here: " + o.describe();
}

// ------------------------------------------------------- program workloads

// How to start one variant of a workload with some parameters.
struct Params {
  std::string dir;  // Directory for "dir", or "".
  long long iterations = 0;
};

std::optional<Command> command_for(Context& ctx, const std::string& variant,
                                   const std::string& workload, const Params& p) {
  const Paths& paths = ctx.paths;
  std::string native = paths.native_dir + "/" + workload;
  std::vector<std::string> native_args;
  if (!p.dir.empty()) native_args.push_back("dir=" + p.dir);
  native_args.push_back("iterations=" + std::to_string(p.iterations));
  if (variant == "native") {
    Command c{{native}, {}};
    c.argv.insert(c.argv.end(), native_args.begin(), native_args.end());
    return c;
  }
  if (variant == "cloudabi") {
    std::string yaml = "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\nout: !fd stdout\n";
    if (!p.dir.empty())
      yaml += "dir: !file {path: " + cloudabi::run::yaml_string(p.dir) + ", type: directory}\n";
    yaml += "iterations: " + std::to_string(p.iterations) + "\n";
    std::string config = ctx.work + "/" + workload + ".yaml";
    write_file(config, yaml);
    return Command{{paths.cloudabi_run, "--require-full-confinement",
                    paths.target_dir + "/" + workload, config},
                   {}};
  }
  if (variant == "cloudabi-unconfined") {
    std::optional<Command> c = command_for(ctx, "cloudabi", workload, p);
    c->argv.erase(c->argv.begin() + 1);  // --require-full-confinement
    c->argv.insert(c->argv.begin() + 1, {"--no-namespaces", "--no-landlock", "--no-seccomp"});
    return c;
  }
  if (variant == "node-wasi") {
    auto it = ctx.wasm.find(workload);
    if (it == ctx.wasm.end()) return std::nullopt;
    Command c{{paths.node, "--no-warnings", paths.source_dir + "/runner/wasi_run.mjs", it->second,
               p.dir.empty() ? ctx.work : p.dir},
              {}};
    if (!p.dir.empty()) c.argv.push_back("dir=/dir");
    c.argv.push_back("iterations=" + std::to_string(p.iterations));
    return c;
  }
  if (variant == "bwrap") {
    Command c{{paths.bwrap, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/"}, {}};
    if (!p.dir.empty()) c.argv.insert(c.argv.end(), {"--bind", p.dir, p.dir});
    c.argv.push_back(native);
    c.argv.insert(c.argv.end(), native_args.begin(), native_args.end());
    return c;
  }
  return std::nullopt;
}

// A variant's skip reason, or "" if it can run this workload.
std::string unavailable(Context& ctx, const std::string& variant, const std::string& workload) {
  if (variant == "node-wasi") {
    if (ctx.paths.node.empty()) return "node not installed";
    build_wasm(ctx, workload);
    if (!ctx.wasm.count(workload)) return ctx.wasm_skip_reason;
  }
  if (variant == "bwrap") return ctx.bwrap_skip_reason;
  return "";
}

// Why the CloudABI build of a program is missing, or "".
std::string not_built(const std::string& path) {
  if (access(path.c_str(), X_OK) == 0) return "";
  return path + " was not built (the CMake warnings of the target build say what it lacks)";
}

// Turns one run's output into the samples of the rows it feeds; returns an
// error message, or "".
using Extract = std::function<std::string(const std::map<std::string, std::string>&,
                                          std::map<std::string, Measurement>&)>;

// Runs `workload` for every variant, warm-up first, then alternating.
// `rows` maps each row id the extractor fills to its Row.
void run_program_workload(Context& ctx, const std::string& workload,
                          const std::vector<std::string>& wanted_variants, const Params& params,
                          std::chrono::milliseconds timeout, const Extract& extract,
                          std::vector<Row>& rows) {
  std::map<std::string, std::map<std::string, Measurement>> by_variant;  // variant -> row -> m
  std::vector<std::string> active;
  for (const std::string& v : wanted_variants) {
    std::string why = unavailable(ctx, v, workload);
    if (!why.empty()) {
      for (Row& row : rows) row.results[v] = Measurement::skipped(why);
      continue;
    }
    active.push_back(v);
  }
  std::map<std::string, std::string> failure;
  std::string missing = not_built(ctx.paths.target_dir + "/" + workload);
  if (!missing.empty()) failure["cloudabi"] = failure["cloudabi-unconfined"] = missing;
  std::map<std::string, std::set<std::string>> checksums;
  int total = ctx.options.warmup + ctx.options.runs;
  for (int r = 0; r < total; ++r) {
    for (const std::string& v : active) {
      if (failure.count(v)) continue;
      std::optional<Command> cmd = command_for(ctx, v, workload, params);
      if (!cmd) {
        failure[v] = "no command";
        continue;
      }
      Outcome o = run(*cmd, timeout);
      auto kv = parse_result(o.out);
      if (!o.ok()) {
        failure[v] = o.describe();
        continue;
      }
      if (kv.count("error")) {
        failure[v] = "the workload reported error=" + kv["error"] + " errno=" + kv["errno"];
        continue;
      }
      std::map<std::string, Measurement> sample;
      std::string err = extract(kv, sample);
      if (!err.empty()) {
        failure[v] = err + " (output: " + first_line_of(o.out) + ")";
        continue;
      }
      if (kv.count("checksum")) checksums[v].insert(kv["checksum"]);
      if (r < ctx.options.warmup) continue;
      for (auto& [row_id, m] : sample) {
        Measurement& acc = by_variant[v][row_id];
        if (m.status == Measurement::Status::kSkipped) {
          acc = m;
          continue;
        }
        acc.status = Measurement::Status::kOk;
        acc.samples.insert(acc.samples.end(), m.samples.begin(), m.samples.end());
        acc.cpu_samples.insert(acc.cpu_samples.end(), m.cpu_samples.begin(), m.cpu_samples.end());
      }
    }
  }
  // Every build must compute the same results, or the comparison means nothing.
  std::set<std::string> all;
  for (auto& [v, sums] : checksums) all.insert(sums.begin(), sums.end());
  if (all.size() > 1) {
    std::string detail;
    for (auto& [v, sums] : checksums) detail += " " + v + ":" + *sums.begin();
    ctx.report.notes.push_back("**Warning**: the builds of " + workload +
                               " reported different checksums (" + detail.substr(1) +
                               "): one of them computes wrong results.");
  }
  for (const std::string& v : active) {
    for (Row& row : rows) {
      if (failure.count(v)) {
        row.results[v] = Measurement::failed(failure[v]);
      } else {
        row.results[v] = by_variant[v][row.workload];
      }
    }
  }
}

Measurement one_sample(double value, double cpu = 0) {
  Measurement m;
  m.status = Measurement::Status::kOk;
  m.samples.push_back(value);
  if (cpu > 0) m.cpu_samples.push_back(cpu);
  return m;
}

std::string fresh_dir(Context& ctx, const std::string& name) {
  std::string dir = ctx.work + "/" + name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// The directory of the file loop: --file-dir, or by default a fresh one in
// /dev/shm when that is a writable tmpfs (so that the loop measures the cost
// of the calls rather than the disk and the journal), else in the scratch
// directory.
std::string file_loop_dir(Context& ctx, std::string* where) {
  std::string base = ctx.options.file_dir;
  if (base.empty()) {
    struct statfs sfs;
    if (statfs("/dev/shm", &sfs) == 0 && sfs.f_type == TMPFS_MAGIC &&
        access("/dev/shm", W_OK) == 0) {
      base = "/dev/shm";
    }
  }
  if (base.empty()) {
    *where = "the scratch directory " + ctx.work;
    return fresh_dir(ctx, "fileloop");
  }
  std::string pattern = base + "/cloudabi-bench-fileloop.XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr) {
    *where = "the scratch directory " + ctx.work + " (" + base + ": " + strerror(errno) + ")";
    return fresh_dir(ctx, "fileloop");
  }
  struct statfs sfs;
  bool tmpfs = statfs(buf.data(), &sfs) == 0 && sfs.f_type == TMPFS_MAGIC;
  *where = std::string(buf.data()) + (tmpfs ? " (tmpfs)" : "");
  ctx.cleanup.push_back(buf.data());
  return buf.data();
}

void bench_fileloop(Context& ctx) {
  long long n = ctx.options.quick ? 2000 : 20000;
  Row row{"fileloop",
          "File-system call loop (" + std::to_string(n) + " iterations)",
          "µs per iteration",
          {}};
  std::vector<Row> rows{row};
  std::string where;
  Params p{file_loop_dir(ctx, &where), n};
  ctx.report.notes.push_back(
      "File loop: each iteration creates (or truncates) a file, writes 256 bytes, fstats it, "
      "preads them back and closes it; every 64 files are unlinked. It ran in " +
      where + "; the libc calls are the same source on every platform.");
  std::vector<std::string> wanted = variants();
  wanted.insert(wanted.begin() + 2, "cloudabi-unconfined");
  run_program_workload(
      ctx, "fileloop", wanted, p, 600s,
      [n](const auto& kv, auto& out) -> std::string {
        double ns = number(kv, "ns"), cpu = number(kv, "cpu_ns");
        if (ns < 0 || number(kv, "iterations") != static_cast<double>(n) ||
            number(kv, "bytes") != 256.0 * static_cast<double>(n)) {
          return "unexpected output";
        }
        out["fileloop"] = one_sample(ns / 1e3 / static_cast<double>(n),
                                     cpu > 0 ? cpu / 1e3 / static_cast<double>(n) : 0);
        return "";
      },
      rows);
  ctx.report.rows.push_back(rows[0]);
  // What confinement costs here: the same loop with it switched off.
  Row unconfined{"fileloop.unconfined",
                 "File-system call loop, confinement off (cloudabi-run --no-namespaces "
                 "--no-landlock --no-seccomp)",
                 "µs per iteration",
                 {}};
  unconfined.results["native"] = rows[0].results["native"];
  unconfined.results["cloudabi"] = rows[0].results["cloudabi-unconfined"];
  ctx.report.rows.back().results.erase("cloudabi-unconfined");
  ctx.report.rows.push_back(unconfined);
}

void bench_compute(Context& ctx) {
  long long n = ctx.options.quick ? 300 : 1800;
  std::vector<Row> rows{{"compute", "Computation (" + std::to_string(n) + " rounds)", "ms", {}}};
  run_program_workload(
      ctx, "compute", {"native", "cloudabi"}, Params{"", n}, 600s,
      [](const auto& kv, auto& out) -> std::string {
        double ns = number(kv, "ns"), cpu = number(kv, "cpu_ns");
        if (ns < 0 || !kv.count("checksum")) return "unexpected output";
        out["compute"] = one_sample(ns / 1e6, cpu > 0 ? cpu / 1e6 : 0);
        return "";
      },
      rows);
  // Both builds must have computed the same thing.
  ctx.report.rows.push_back(rows[0]);
}

const std::vector<std::string> kLibcCases = {"printf_int", "printf_double", "strtod", "malloc",
                                             "malloc_mt",  "memcpy",        "strlen"};

void bench_libc(Context& ctx) {
  long long scale = ctx.options.quick ? 20 : 100;
  std::map<std::string, std::string> titles = {
      {"printf_int", "snprintf of integers"},
      {"printf_double", "snprintf of doubles"},
      {"strtod", "strtod"},
      {"malloc", "malloc/free, mixed sizes"},
      {"malloc_mt", "malloc/free, mixed sizes, 2 threads"},
      {"memcpy", "memcpy (64 B and 4 KiB)"},
      {"strlen", "strlen (7 to 1000 B)"},
  };
  std::vector<Row> rows;
  for (const std::string& c : kLibcCases)
    rows.push_back({"libc." + c, "libc: " + titles[c], "ms", {}});
  run_program_workload(
      ctx, "libcmicro", {"native", "cloudabi"}, Params{"", scale}, 600s,
      [](const auto& kv, auto& out) -> std::string {
        for (const std::string& c : kLibcCases) {
          auto skipped = kv.find(c);
          if (skipped != kv.end() && skipped->second.rfind("skipped", 0) == 0) {
            std::string why = skipped->second.substr(8);  // "no-pthread.h"
            std::replace(why.begin(), why.end(), '-', ' ');
            out["libc." + c] = Measurement::skipped(why);
            continue;
          }
          double ns = number(kv, c + "_ns"), cpu = number(kv, c + "_cpu_ns");
          if (ns < 0) return "no " + c + "_ns in the output";
          out["libc." + c] = one_sample(ns / 1e6, cpu > 0 ? cpu / 1e6 : 0);
        }
        return "";
      },
      rows);
  ctx.report.rows.insert(ctx.report.rows.end(), rows.begin(), rows.end());
}

// ----------------------------------------------------------------- start-up

void bench_startup(Context& ctx) {
  int runs = ctx.options.quick ? 10 : 30;
  Row row{"startup", "Start-up: a program that exits at once", "ms per launch", {}};
  std::map<std::string, Command> commands;
  commands["native"] = {{ctx.paths.native_dir + "/startup"}, {}};
  std::string config = ctx.work + "/startup.yaml";
  write_file(config, "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\nout: !fd stdout\n");
  commands["cloudabi"] = {{ctx.paths.cloudabi_run, "--require-full-confinement",
                           ctx.paths.target_dir + "/startup", config},
                          {}};
  // The same without namespaces, Landlock and seccomp: what confinement costs.
  commands["cloudabi-unconfined"] = {{ctx.paths.cloudabi_run, "--no-namespaces", "--no-landlock",
                                      "--no-seccomp", ctx.paths.target_dir + "/startup", config},
                                     {}};
  Row unconfined{"startup.unconfined",
                 "Start-up, confinement off (cloudabi-run --no-namespaces --no-landlock "
                 "--no-seccomp)",
                 "ms per launch",
                 {}};
  if (ctx.bwrap_skip_reason.empty()) {
    commands["bwrap"] = {{ctx.paths.bwrap, "--unshare-all", "--ro-bind", "/", "/", "true"}, {}};
  } else {
    row.results["bwrap"] = Measurement::skipped(ctx.bwrap_skip_reason);
  }
  std::string why = unavailable(ctx, "node-wasi", "startup");
  if (why.empty()) {
    commands["node-wasi"] = *command_for(ctx, "node-wasi", "startup", Params{"", 0});
  } else {
    row.results["node-wasi"] = Measurement::skipped(why);
  }
  std::map<std::string, std::string> failure;
  std::string missing = not_built(ctx.paths.target_dir + "/startup");
  if (!missing.empty()) failure["cloudabi"] = failure["cloudabi-unconfined"] = missing;
  int warmup = std::max(ctx.options.warmup, 3);
  const std::vector<std::string> order = {"native", "cloudabi", "cloudabi-unconfined", "node-wasi",
                                          "bwrap"};
  for (int r = 0; r < warmup + runs; ++r) {
    for (const std::string& v : order) {
      if (!commands.count(v) || failure.count(v)) continue;
      Outcome o = run(commands[v], 60s);
      if (!o.ok()) {
        failure[v] = o.describe();
        continue;
      }
      if (r < warmup) continue;
      Measurement& m = row.results[v];
      m.status = Measurement::Status::kOk;
      m.samples.push_back(o.wall_ns / 1e6);
    }
  }
  for (auto& [v, why] : failure) row.results[v] = Measurement::failed(why);
  unconfined.results["native"] = row.results["native"];
  unconfined.results["cloudabi"] = row.results["cloudabi-unconfined"];
  row.results.erase("cloudabi-unconfined");
  ctx.report.rows.push_back(row);
  ctx.report.rows.push_back(unconfined);
  ctx.report.notes.push_back(
      "Start-up: " + std::to_string(runs) +
      " launches per variant, timed from fork to the collected exit status. Native is the "
      "dynamically linked gcc build; CloudABI is cloudabi-run with its default confinement "
      "(namespaces, empty root, Landlock, seccomp, rlimits) starting the static CloudABI build; "
      "bwrap is `bwrap --unshare-all --ro-bind / / true`; Node WASI instantiates the same "
      "program compiled to wasm32-wasi.");
}

// --------------------------------------------------------------------- HTTP

// A listening socket on 127.0.0.1 with a port the kernel chose.
int listen_loopback(int* port) {
  int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0) return -1;
  struct sockaddr_in sin {};
  sin.sin_family = AF_INET;
  sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(sin);
  if (bind(s, reinterpret_cast<sockaddr*>(&sin), sizeof(sin)) != 0 || listen(s, 512) != 0 ||
      getsockname(s, reinterpret_cast<sockaddr*>(&sin), &len) != 0) {
    close(s);
    return -1;
  }
  *port = ntohs(sin.sin_port);
  return s;
}

// One request on a fresh connection; the whole response, or "" on failure.
std::string http_get(int port, const std::string& path) {
  int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0) return "";
  struct timeval tv {
    2, 0
  };
  setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  struct sockaddr_in sin {};
  sin.sin_family = AF_INET;
  sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  sin.sin_port = htons(static_cast<uint16_t>(port));
  std::string response;
  if (connect(s, reinterpret_cast<sockaddr*>(&sin), sizeof(sin)) == 0) {
    std::string req = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if (write(s, req.data(), req.size()) == static_cast<ssize_t>(req.size())) {
      char buf[8192];
      ssize_t n;
      while ((n = read(s, buf, sizeof(buf))) > 0) response.append(buf, static_cast<size_t>(n));
    }
  }
  close(s);
  return response;
}

struct Server {
  pid_t pid = -1;
  int port = 0;
  std::string log_path;
  std::string error;
};

// Starts one build of the HTTP example on its own loopback socket and waits
// until it answers.
Server start_httpd(Context& ctx, const std::string& variant, const std::string& root) {
  Server srv;
  int sock = listen_loopback(&srv.port);
  if (sock < 0) {
    srv.error = std::string("cannot listen on 127.0.0.1: ") + strerror(errno);
    return srv;
  }
  int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
  srv.log_path = ctx.work + "/httpd-" + variant + ".log";
  int log = open(srv.log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  Command cmd;
  if (variant == "native") {
    cmd = {{ctx.paths.native_httpd, "socket=3", "root=" + root, "log=4"},
           {{3, sock}, {4, devnull}}};
  } else {
    std::string config = ctx.work + "/httpd.yaml";
    write_file(config,
               "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\nsocket: !fd 3\n"
               "root: !file {path: " +
                   cloudabi::run::yaml_string(root) +
                   ", type: directory, rights: read-only}\n"
                   "log: !fd 4\n");
    cmd = {{ctx.paths.cloudabi_run, "--require-full-confinement", ctx.paths.target_httpd, config},
           {{3, sock}, {4, devnull}}};
  }
  srv.pid = start(cmd, log, &srv.error);
  close(sock);
  close(devnull);
  if (log >= 0) close(log);
  if (srv.pid < 0) return srv;
  std::string expected = read_file(root + "/index.html");
  auto deadline = std::chrono::steady_clock::now() + 20s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (!alive(srv.pid)) {
      int status = stop(srv.pid, 1s);
      srv.pid = -1;
      std::string log_text = read_file(srv.log_path);
      srv.error =
          "the server exited (status " + std::to_string(status) + "): " + first_line_of(log_text);
      return srv;
    }
    std::string response = http_get(srv.port, "/index.html");
    if (response.rfind("HTTP/1.1 200", 0) == 0 && response.size() >= expected.size() &&
        response.compare(response.size() - expected.size(), expected.size(), expected) == 0) {
      return srv;
    }
    if (!response.empty()) {
      srv.error = "unexpected response: " + first_line_of(response);
      stop(srv.pid, 2s);
      srv.pid = -1;
      return srv;
    }
    usleep(50000);
  }
  srv.error = "the server did not answer within 20 s";
  stop(srv.pid, 2s);
  srv.pid = -1;
  return srv;
}

// Parses wrk's report: requests per second, or an error.
std::string parse_wrk(const std::string& out, double* rps, double* socket_errors) {
  *socket_errors = 0;
  size_t p = out.find("Requests/sec:");
  if (p == std::string::npos) return "no Requests/sec in wrk's output";
  *rps = std::strtod(out.c_str() + p + 13, nullptr);
  size_t bad = out.find("Non-2xx or 3xx responses:");
  if (bad != std::string::npos)
    return "wrk saw non-2xx responses: " + first_line_of(out.substr(bad));
  size_t e = out.find("Socket errors:");
  if (e != std::string::npos) {
    // "Socket errors: connect 0, read 1, write 0, timeout 0"
    std::istringstream in(first_line_of(out.substr(e + 14)));
    std::string word;
    while (in >> word) {
      if (!word.empty() && std::isdigit(static_cast<unsigned char>(word[0]))) {
        *socket_errors += std::strtod(word.c_str(), nullptr);
      }
    }
  }
  return "";
}

void bench_http(Context& ctx) {
  int seconds = ctx.options.quick ? 1 : 3;
  int connections = 32;
  Row row{"http",
          "HTTP: examples/httpd serving a 4 KiB file, wrk -t2 -c" + std::to_string(connections) +
              " for " + std::to_string(seconds) + " s",
          "µs per request (1/throughput)",
          {}};
  for (const std::string& v : kPeers) row.results[v] = {};
  if (ctx.paths.wrk.empty()) {
    row.results["native"] = Measurement::skipped("wrk not installed (Debian package wrk)");
    row.results["cloudabi"] = Measurement::skipped("wrk not installed (Debian package wrk)");
    ctx.report.rows.push_back(row);
    return;
  }
  std::string root = fresh_dir(ctx, "www");
  std::string page = "<!DOCTYPE html>\n<title>bench</title>\n<p>";
  while (page.size() < 4096 - 5) page += "x";
  page += "</p>\n";
  page.resize(4096, '\n');
  write_file(root + "/index.html", page);

  std::map<std::string, Server> servers;
  for (const std::string& v : kBuilds) {
    std::string missing =
        not_built(v == "native" ? ctx.paths.native_httpd : ctx.paths.target_httpd);
    if (!missing.empty()) {
      row.results[v] = Measurement::failed(missing);
      continue;
    }
    Server s = start_httpd(ctx, v, root);
    if (s.pid < 0) {
      row.results[v] = Measurement::failed(s.error);
    } else {
      servers[v] = s;
    }
  }
  std::map<std::string, std::string> failure;
  std::map<std::string, std::vector<double>> errors;
  for (int r = 0; r < ctx.options.warmup + ctx.options.runs; ++r) {
    bool warm = r < ctx.options.warmup;
    for (const std::string& v : kBuilds) {
      if (!servers.count(v) || failure.count(v)) continue;
      std::string url = "http://127.0.0.1:" + std::to_string(servers[v].port) + "/index.html";
      Outcome o = run({{ctx.paths.wrk, "-t2", "-c" + std::to_string(connections),
                        "-d" + std::to_string(warm ? 1 : seconds) + "s", "--timeout", "5s", url},
                       {}},
                      60s);
      double rps = 0, socket_errors = 0;
      std::string err = o.ok() ? parse_wrk(o.out, &rps, &socket_errors) : "wrk: " + o.describe();
      if (err.empty() && rps <= 0) err = "wrk measured no requests";
      if (!err.empty()) {
        failure[v] = err;
        continue;
      }
      if (warm) continue;
      Measurement& m = row.results[v];
      m.status = Measurement::Status::kOk;
      m.samples.push_back(1e6 / rps);
      errors[v].push_back(socket_errors);
      m.extra["requests_per_s_median"] = 0;  // Filled in below.
    }
  }
  for (auto& [v, s] : servers) {
    if (!alive(s.pid) && !failure.count(v)) {
      failure[v] = "the server died: " + first_line_of(read_file(s.log_path));
    }
    stop(s.pid, 5s);
  }
  for (auto& [v, why] : failure) row.results[v] = Measurement::failed(why);
  for (const std::string& v : kBuilds) {
    Measurement& m = row.results[v];
    if (!m.ok()) continue;
    m.extra["requests_per_s_median"] = 1e6 / m.median();
    double total = 0;
    for (double e : errors[v]) total += e;
    m.extra["socket_errors"] = total;
  }
  ctx.report.rows.push_back(row);
  std::string rps;
  for (const std::string& v : kBuilds) {
    const Measurement& m = row.results[v];
    if (m.ok()) {
      rps += (rps.empty() ? "" : ", ") + v + " " + format_number(1e6 / m.median()) + " requests/s";
    }
  }
  ctx.report.notes.push_back(
      "HTTP: both servers are the same source (examples/httpd/httpd.c), single-threaded with "
      "poll(), logging every request to /dev/null; the CloudABI one runs under cloudabi-run with "
      "the listening socket passed as `!fd 3` and a read-only `!file` root. wrk shares the 2 "
      "CPUs with the server." +
      (rps.empty() ? std::string() : " Median throughput: " + rps + "."));
}

// -------------------------------------------------------------------- smoke

// One tiny run of both builds of a workload, with its output checked.
int smoke(Context& ctx, const std::string& workload) {
  auto fail = [&](const std::string& what) {
    std::cerr << "smoke " << workload << ": " << what << "\n";
    return 1;
  };
  if (workload == "httpd") {
    std::string root = fresh_dir(ctx, "www");
    write_file(root + "/index.html", "<!DOCTYPE html>\n<p>smoke test</p>\n");
    for (const std::string& v : kBuilds) {
      Server s = start_httpd(ctx, v, root);
      if (s.pid < 0) return fail(v + ": " + s.error);
      std::string missing = http_get(s.port, "/missing.html");
      std::string escape = http_get(s.port, "/../etc/passwd");
      stop(s.pid, 5s);
      if (missing.rfind("HTTP/1.1 404", 0) != 0)
        return fail(v + ": /missing.html: " + first_line_of(missing));
      if (escape.rfind("HTTP/1.1 400", 0) != 0)
        return fail(v + ": /../etc/passwd: " + first_line_of(escape));
      std::cout << v << ": 200, 404 and 400 as expected\n";
    }
    return 0;
  }
  std::map<std::string, std::string> names = {{"fileloop", "fileloop"},
                                              {"compute", "compute"},
                                              {"startup", "startup"},
                                              {"libc", "libcmicro"}};
  if (!names.count(workload)) return fail("unknown workload");
  std::string program = names[workload];
  Params p{workload == "fileloop" ? fresh_dir(ctx, "smoke") : "", workload == "fileloop" ? 130 : 2};
  std::map<std::string, std::map<std::string, std::string>> results;
  for (const std::string& v : kBuilds) {
    Outcome o = run(*command_for(ctx, v, program, p), 120s);
    if (!o.ok()) return fail(v + ": " + o.describe() + "\n" + o.err);
    results[v] = parse_result(o.out);
    std::cout << v << ": " << first_line_of(o.out) << "\n";
    auto& kv = results[v];
    if (kv.count("error"))
      return fail(v + ": reported error=" + kv["error"] + " errno=" + kv["errno"]);
    if (workload == "fileloop") {
      if (number(kv, "bytes") != 130 * 256) return fail(v + ": wrong byte count");
      if (!fs::is_empty(p.dir)) return fail(v + ": files left behind in the directory");
    }
    if (workload == "compute" && number(kv, "ns") < 0) return fail(v + ": no time reported");
    if (workload == "libc") {
      for (const std::string& c : kLibcCases) {
        if (number(kv, c + "_ns") < 0 && kv[c].rfind("skipped", 0) != 0)
          return fail(v + ": no " + c);
      }
    }
  }
  if ((workload == "compute" || workload == "libc") &&
      results["native"]["checksum"] != results["cloudabi"]["checksum"]) {
    return fail("the checksums differ: the two builds computed different results");
  }
  return 0;
}

// -------------------------------------------------------------------- main

int real_main(int argc, char** argv) {
  Context ctx;
  CLI::App app{
      "Runs the benchmark workloads natively, under cloudabi-run and under the installed "
      "peers, and reports medians and ratios to native.",
      "cloudabi-bench"};
  std::string only;
  app.add_option("--runs", ctx.options.runs, "Measured runs per variant")
      ->check(CLI::Range(1, 100));
  app.add_option("--warmup", ctx.options.warmup, "Warm-up runs per variant")
      ->check(CLI::Range(0, 10));
  app.add_flag("--quick", ctx.options.quick, "Smaller workloads (for trying the runner out)");
  app.add_option("--only", only, "Comma-separated workloads: fileloop,compute,startup,http,libc");
  app.add_option("--out", ctx.options.out_dir, "Directory for latest.md and latest.json");
  app.add_option("--doc", ctx.options.doc,
                 "Markdown file whose text between <!-- bench:begin --> and <!-- bench:end --> "
                 "is replaced by the table");
  app.add_option("--smoke", ctx.options.smoke,
                 "Run one workload (fileloop, compute, startup, libc, httpd) once per build with "
                 "tiny parameters and check its output");
  app.add_option("--cloudabi-run", ctx.paths.cloudabi_run, "cloudabi-run to use");
  app.add_option("--file-dir", ctx.options.file_dir,
                 "Where the file loop creates its directory (default: /dev/shm if it is a "
                 "tmpfs)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  std::stringstream list(only);
  std::string item;
  while (std::getline(list, item, ',')) {
    if (!item.empty()) ctx.options.only.insert(item);
  }

  char tmpl[] = "/tmp/cloudabi-bench.XXXXXX";
  const char* tmpdir = getenv("TMPDIR");
  std::string pattern =
      std::string(tmpdir != nullptr && *tmpdir ? tmpdir : "/tmp") + "/cloudabi-bench.XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  char* made = mkdtemp(buf.data());
  if (made == nullptr) made = mkdtemp(tmpl);
  if (made == nullptr) {
    std::perror("cloudabi-bench: mkdtemp");
    return 1;
  }
  ctx.work = made;
  struct Cleanup {
    Context& ctx;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(ctx.work, ec);
      for (const std::string& dir : ctx.cleanup) fs::remove_all(dir, ec);
    }
  } cleanup{ctx};

  ctx.paths.node = find_program("node");
  ctx.paths.bwrap = find_program("bwrap");
  ctx.paths.wrk = find_program("wrk");

  if (!ctx.options.smoke.empty()) return smoke(ctx, ctx.options.smoke);

  auto wanted = [&](const std::string& w) {
    return ctx.options.only.empty() || ctx.options.only.count(w);
  };
  auto start = std::chrono::steady_clock::now();
  ctx.report.machine = describe_machine();
  ctx.report.runs = ctx.options.runs;
  ctx.report.warmup = ctx.options.warmup;
  check_bwrap(ctx);

  struct Step {
    const char* name;
    void (*fn)(Context&);
  };
  const Step steps[] = {{"fileloop", bench_fileloop},
                        {"compute", bench_compute},
                        {"startup", bench_startup},
                        {"http", bench_http},
                        {"libc", bench_libc}};
  for (const Step& s : steps) {
    if (!wanted(s.name)) continue;
    std::cerr << "cloudabi-bench: " << s.name << "...\n";
    auto t0 = std::chrono::steady_clock::now();
    s.fn(ctx);
    std::cerr << "cloudabi-bench: " << s.name << " took "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()
              << " s\n";
  }

  ctx.report.notes.insert(
      ctx.report.notes.begin(),
      std::string("Builds: native with ") + BENCH_NATIVE_COMPILER +
          " -O2 against glibc; CloudABI with clang-14 -O2 against cloudlibc, run by cloudabi-run "
          "with its default confinement; Node WASI with clang-14 -O2 --target=wasm32-wasi (Debian "
          "wasi-libc) on " +
          (ctx.paths.node.empty()
               ? std::string("(node not installed)")
               : first_line_of(run({{ctx.paths.node, "--version"}, {}}, 10s).out)) +
          "; bwrap runs the native build under `bwrap --unshare-all --ro-bind / /` with the "
          "directory bound writable. Times are wall-clock; the CPU-time ratio compares the "
          "process CPU time (user + system) the workload itself reports.");
  ctx.report.notes.insert(
      ctx.report.notes.begin() + 1,
      "Timed parts: file loop, computation and libc cases are timed inside the program (start-up "
      "excluded); start-up is timed from outside. Cells show the median and, for peers, the ratio "
      "to native in parentheses.");
  Outcome check = run({{ctx.paths.cloudabi_run, "--check"}, {}}, 30s);
  std::string layers;
  std::istringstream lines(check.out);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string layer, state;
    if (words >> layer >> state && layer.back() == ':') {
      layers += (layers.empty() ? "" : ", ") + layer.substr(0, layer.size() - 1) + " " + state;
    }
  }
  ctx.report.notes.push_back("Confinement (`cloudabi-run --check` on this machine): " +
                             (layers.empty() ? check.describe() : layers) +
                             ". Every CloudABI run except the two confinement-off rows uses "
                             "`--require-full-confinement`.");
  ctx.report.machine.loadavg_after = loadavg();
  ctx.report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::string md = to_markdown(ctx.report);
  std::cout << md;
  if (!ctx.options.out_dir.empty()) {
    fs::create_directories(ctx.options.out_dir);
    write_file(ctx.options.out_dir + "/latest.md", md);
    write_file(ctx.options.out_dir + "/latest.json", to_json(ctx.report));
    std::cerr << "cloudabi-bench: wrote " << ctx.options.out_dir << "/latest.{md,json}\n";
  }
  if (!ctx.options.doc.empty()) {
    const std::string begin = "<!-- bench:begin -->", end = "<!-- bench:end -->";
    std::string text = read_file(ctx.options.doc);
    size_t b = text.find(begin), e = text.find(end);
    if (b == std::string::npos || e == std::string::npos || e < b) {
      std::cerr << "cloudabi-bench: " << ctx.options.doc << " has no " << begin << " ... " << end
                << " section\n";
      return 1;
    }
    text.replace(b + begin.size(), e - b - begin.size(), "\n" + md);
    write_file(ctx.options.doc, text);
    std::cerr << "cloudabi-bench: updated " << ctx.options.doc << "\n";
  }
  return 0;
}

}  // namespace
}  // namespace bench

int main(int argc, char** argv) { return bench::real_main(argc, argv); }
