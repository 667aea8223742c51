// cloudabi-run: runs a CloudABI program with exactly the descriptors and
// argument data its YAML configuration describes.
//
//   cloudabi-run [options] EXECUTABLE [CONFIG]
//
// Everything that fails before the program starts prints one line,
// "cloudabi-run: <what went wrong>", and exits with status 127.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <vector>

#include "run/launcher.h"
#include "runtime/runtime.h"
#include "runtime/support/unique_fd.h"

#ifndef CLOUDABI_RUN_VERSION
#define CLOUDABI_RUN_VERSION "0.1.0"
#endif

namespace {

constexpr int kExitFailure = 127;
constexpr size_t kMaxConfigBytes = 64 << 20;

// "512M", "2G", "4096" -> bytes.
bool parse_size(const std::string& text, uint64_t* out) {
  if (text.empty()) return false;
  size_t end = 0;
  unsigned long long v;
  try {
    v = std::stoull(text, &end, 10);
  } catch (const std::exception&) {
    return false;
  }
  uint64_t unit = 1;
  std::string suffix = text.substr(end);
  if (suffix == "K" || suffix == "k")
    unit = 1ull << 10;
  else if (suffix == "M" || suffix == "m")
    unit = 1ull << 20;
  else if (suffix == "G" || suffix == "g")
    unit = 1ull << 30;
  else if (!suffix.empty())
    return false;
  if (v > UINT64_MAX / unit) return false;
  *out = v * unit;
  return true;
}

// cloudabi-run --check: which confinement layers this machine enforces.
int print_check(const cloudabi::runtime::ConfineOptions& confine) {
  bool all = true;
  for (const cloudabi::runtime::LayerStatus& l : cloudabi::runtime::probe_confinement(confine)) {
    std::printf("%-12s %-10s %s\n", (l.layer + ":").c_str(), l.active ? "enforced" : "NOT ACTIVE",
                l.detail.c_str());
    all = all && l.active;
  }
  std::printf(all ? "All confinement layers are available on this machine.\n"
                  : "Programs still run, with the layers that are available, unless "
                    "--require-full-confinement is given.\n");
  return all || !confine.require_full ? 0 : 1;
}

int fail(const std::string& message) {
  std::string line = "cloudabi-run: " + message + "\n";
  (void)!write(STDERR_FILENO, line.data(), line.size());
  return kExitFailure;
}

int real_main(int argc, char** argv) {
  CLI::App app{
      "Runs a CloudABI program with exactly the descriptors and argument data that a YAML "
      "configuration describes. The configuration is read from CONFIG or, without it, from "
      "standard input.",
      "cloudabi-run"};
  std::string executable, config;
  bool print = false, trace = false, emulate = false;
  app.add_option("EXECUTABLE", executable, "The CloudABI program to run");
  app.add_option("CONFIG", config, "YAML configuration file (default: standard input; - too)");
  app.add_flag("--print-argdata,--dry-run", print,
               "Print the argument data and descriptors the program would receive, then exit "
               "without running it");
  app.add_flag("--trace", trace, "Print every system call of the program with its result");
  // The original's -e (run in its emulator) is accepted and means nothing:
  // this implementation always runs programs that way.
  app.add_flag("-e", emulate, "Ignored; accepted for compatibility")->group("");
  bool check = false, no_namespaces = false, no_landlock = false, no_seccomp = false;
  cloudabi::runtime::ConfineOptions confine;
  std::vector<std::string> simulate;
  std::string limit_memory, limit_file_size;
  uint64_t limit_cpu = 0, limit_open_files = 0, limit_processes = 0;
  const char* sandbox = "Sandbox";
  app.add_flag(
         "--check", check,
         "Print which confinement layers this machine enforces, and why any is not, then exit")
      ->group(sandbox);
  app.add_flag("--require-full-confinement", confine.require_full,
               "Refuse to run the program unless every confinement layer is active")
      ->group(sandbox);
  app.add_flag("--no-namespaces", no_namespaces, "Do not enter new namespaces")->group(sandbox);
  app.add_flag("--no-landlock", no_landlock, "Do not apply Landlock")->group(sandbox);
  app.add_flag("--no-seccomp", no_seccomp, "Do not install the seccomp allowlist")->group(sandbox);
  app.add_option("--simulate-missing", simulate,
                 "Behave as if the kernel lacked a layer (namespaces, landlock, seccomp), to see "
                 "how the sandbox degrades")
      ->check(CLI::IsMember({"namespaces", "landlock", "seccomp"}))
      ->allow_extra_args(false)
      ->group(sandbox);
  app.add_option("--limit-memory", limit_memory, "Address space limit, e.g. 512M (RLIMIT_AS)")
      ->group(sandbox);
  app.add_option("--limit-cpu", limit_cpu, "CPU time limit in seconds (RLIMIT_CPU)")
      ->group(sandbox);
  app.add_option("--limit-file-size", limit_file_size,
                 "Largest file the program may write, e.g. 1G")
      ->group(sandbox);
  app.add_option("--limit-open-files", limit_open_files, "Most descriptors open at once")
      ->group(sandbox);
  app.add_option("--limit-processes", limit_processes, "Most processes (RLIMIT_NPROC)")
      ->group(sandbox);
  app.set_version_flag("--version", "cloudabi-run " CLOUDABI_RUN_VERSION " (CloudABI v0.21)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::fputs(app.help().c_str(), stdout);
    return 0;
  } catch (const CLI::CallForVersion& e) {
    std::printf("%s\n", e.what());
    return 0;
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr,
                 "cloudabi-run: %s\nUsage: cloudabi-run [--print-argdata] [--trace] EXECUTABLE "
                 "[CONFIG]\nRun 'cloudabi-run --help' for more information.\n",
                 e.what());
    return kExitFailure;
  }

  confine.namespaces = !no_namespaces;
  confine.landlock = !no_landlock;
  confine.seccomp = !no_seccomp;
  confine.simulate_missing = simulate;
  if (!limit_memory.empty()) {
    uint64_t v;
    if (!parse_size(limit_memory, &v)) return fail("--limit-memory needs a size such as 512M");
    confine.limits.address_space = v;
  }
  if (!limit_file_size.empty()) {
    uint64_t v;
    if (!parse_size(limit_file_size, &v)) return fail("--limit-file-size needs a size such as 1G");
    confine.limits.file_size = v;
  }
  if (limit_cpu != 0) confine.limits.cpu_seconds = limit_cpu;
  if (limit_open_files != 0) confine.limits.open_files = limit_open_files;
  if (limit_processes != 0) confine.limits.processes = limit_processes;
  if (check) return print_check(confine);
  if (executable.empty()) {
    std::fprintf(stderr,
                 "cloudabi-run: EXECUTABLE is required\nUsage: cloudabi-run [options] EXECUTABLE "
                 "[CONFIG]\nRun 'cloudabi-run --help' for more information.\n");
    return kExitFailure;
  }

  cloudabi::UniqueFd exe(open(executable.c_str(), O_RDONLY | O_CLOEXEC));
  if (!exe.valid()) {
    return fail("cannot open executable '" + executable + "': " + std::strerror(errno));
  }
  struct stat st;
  if (fstat(exe.get(), &st) != 0) {
    return fail("cannot open executable '" + executable + "': " + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) {
    return fail("cannot run '" + executable + "': it is not a regular file");
  }

  bool from_stdin = config.empty() || config == "-";
  std::string config_name = from_stdin ? "<stdin>" : config;
  std::string text;
  if (from_stdin) {
    if (isatty(STDIN_FILENO)) {
      std::fputs(
          "cloudabi-run: reading the configuration from the terminal (end it with "
          "Ctrl-D)\n",
          stderr);
    }
    auto r = cloudabi::run::read_all(STDIN_FILENO, kMaxConfigBytes);
    if (!r) return fail("cannot read the configuration from standard input: " + r.error().message);
    text = std::move(*r);
  } else {
    cloudabi::UniqueFd cfg(open(config.c_str(), O_RDONLY | O_CLOEXEC));
    if (!cfg.valid()) {
      return fail("cannot open configuration '" + config + "': " + std::strerror(errno));
    }
    auto r = cloudabi::run::read_all(cfg.get(), kMaxConfigBytes);
    if (!r) return fail("cannot read configuration '" + config + "': " + r.error().message);
    text = std::move(*r);
  }

  cloudabi::run::LaunchInput input;
  input.yaml = text;
  input.config_name = config_name;
  input.executable_fd = exe.get();
  input.config_from_stdin = from_stdin;
  auto plan = cloudabi::run::plan_launch(input);
  if (!plan) return fail(plan.error().format(config_name));

  if (print) {
    std::string out = cloudabi::run::format_plan(*plan, config_name);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : kExitFailure;
  }

  cloudabi::runtime::Options options;
  options.executable_fd = exe.get();
  options.argdata = std::move(plan->argdata);
  options.grants = std::move(plan->grants);
  options.diagnostics_fd = STDERR_FILENO;
  options.trace = trace;
  options.name = executable;
  options.confine = confine;
  // Never returns; reports a failure to start itself.
  cloudabi::runtime::run(std::move(options));
}

}  // namespace

int main(int argc, char** argv) {
#if CLOUDABI_RUN_HAVE_RUNTIME
  // A program's proc_exec may re-execute this binary with
  // "--cloudabi-reexec N"; the runtime takes over from there.
  if (cloudabi::runtime::handle_reexec(argc, argv)) return kExitFailure;
#endif
  try {
    return real_main(argc, argv);
  } catch (const std::bad_alloc&) {
    return fail("out of memory");
  } catch (const std::exception& e) {
    return fail(std::string("internal error: ") + e.what());
  }
}
