// Workload 3, start-up: a program that exits immediately. The runner times
// the whole launch (fork, exec, and for CloudABI everything cloudabi-run does:
// reading the YAML, opening the resources, loading the ELF file, building the
// vDSO, confining the process) until the exit status is collected.
#include "bench.h"

int bench_main(const bench_args *args) {
  (void)args;
  return 0;
}
