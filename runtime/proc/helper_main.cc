// cloudabi-runtime: the executable proc_exec re-executes. It is only ever
// started by the runtime itself, as {"cloudabi-run", "--cloudabi-reexec", N}.
#include <unistd.h>

#include <cstring>

#include "runtime/runtime.h"

int main(int argc, char** argv) {
  cloudabi::runtime::handle_reexec(argc, argv);
  const char message[] =
      "cloudabi-runtime: this is the runtime's helper for proc_exec; run CloudABI programs "
      "with cloudabi-run\n";
  (void)!write(STDERR_FILENO, message, strlen(message));
  return 127;
}
