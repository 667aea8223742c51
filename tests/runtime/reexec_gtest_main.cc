// main() for test binaries that contain the runtime: a proc_exec that
// re-executes this binary continues in handle_reexec; otherwise GoogleTest.
#include <gtest/gtest.h>

#include "runtime/runtime.h"

int main(int argc, char** argv) {
  cloudabi::runtime::handle_reexec(argc, argv);  // returns only if not a proc_exec
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
