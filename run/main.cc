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

#include "run/launcher.h"
#include "runtime/runtime.h"
#include "runtime/support/unique_fd.h"

#ifndef CLOUDABI_RUN_HAVE_RUNTIME
#define CLOUDABI_RUN_HAVE_RUNTIME 1
#endif
#ifndef CLOUDABI_RUN_VERSION
#define CLOUDABI_RUN_VERSION "0.1.0"
#endif

namespace {

constexpr int kExitFailure = 127;
constexpr size_t kMaxConfigBytes = 64 << 20;

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
  app.add_option("EXECUTABLE", executable, "The CloudABI program to run")->required();
  app.add_option("CONFIG", config, "YAML configuration file (default: standard input; - too)");
  app.add_flag("--print-argdata,--dry-run", print,
               "Print the argument data and descriptors the program would receive, then exit "
               "without running it");
  app.add_flag("--trace", trace, "Print every system call of the program with its result");
  // The original's -e (run in its emulator) is accepted and means nothing:
  // this implementation always runs programs that way.
  app.add_flag("-e", emulate, "Ignored; accepted for compatibility")->group("");
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

#if CLOUDABI_RUN_HAVE_RUNTIME
  cloudabi::runtime::Options options;
  options.executable_fd = exe.get();
  options.argdata = std::move(plan->argdata);
  options.grants = std::move(plan->grants);
  options.diagnostics_fd = STDERR_FILENO;
  options.trace = trace;
  options.name = executable;
  // Never returns; reports a failure to start itself.
  cloudabi::runtime::run(std::move(options));
#else
  (void)trace;
  return fail("cannot start '" + executable +
              "': this cloudabi-run was built without the runtime (only --print-argdata works)");
#endif
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
