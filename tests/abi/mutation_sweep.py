#!/usr/bin/env python3
"""Mutates every number in abi/cloudabi.abi, one at a time, and checks that
each mutation is caught: either abigen rejects the spec, or
reference_layout_test.c compiled against the generated headers fails to
compile or fails when run. Prints any number whose change gets through.

  mutation_sweep.py ABIGEN SPEC CC TESTS_ABI_DIR WORKDIR

Each number N becomes N+1 (hex stays hex). Numbers inside "doc strings",
comments and the `abi` version line are not part of the ABI and are skipped.
Slow (one C compile per number), so it is registered only with
-DCLOUDABI_ABI_MUTATION_SWEEP=ON.
"""
import os
import re
import shutil
import subprocess
import sys


def main():
    abigen, spec, cc, srcdir, work = sys.argv[1:6]
    lines = open(spec).read().split("\n")
    number = re.compile(r"(?<![\w.\[])(0x[0-9a-fA-F]+|\d+)(?![\w.])|\[(\d+)\]")
    sites = []
    for i, line in enumerate(lines):
        if line.lstrip().startswith("abi "):
            continue
        code = re.sub(r'"[^"]*"', lambda m: " " * len(m.group()), line)
        if "#" in code:
            code = code[: code.index("#")]
        for m in number.finditer(code):
            g = 1 if m.group(1) else 2
            sites.append((i, m.start(g), m.end(g), m.group(g)))

    caught = {"abigen": 0, "compile": 0, "run": 0}
    survivors = []
    os.makedirs(work, exist_ok=True)
    d = os.path.join(work, "mutant")
    for i, start, end, token in sites:
        value = int(token, 0) + 1
        replacement = hex(value) if token.startswith("0x") else str(value)
        mutated = list(lines)
        mutated[i] = lines[i][:start] + replacement + lines[i][end:]
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        with open(os.path.join(d, "cloudabi.abi"), "w") as f:
            f.write("\n".join(mutated))
        run = lambda cmd: subprocess.run(cmd, capture_output=True).returncode
        if run([abigen, os.path.join(d, "cloudabi.abi"), os.path.join(d, "gen")]) != 0:
            caught["abigen"] += 1
            continue
        if run([cc, "-std=c11", "-pedantic-errors", "-I" + os.path.join(d, "gen", "include"),
                "-I" + srcdir, os.path.join(srcdir, "reference_layout_test.c"),
                "-o", os.path.join(d, "reference_layout_test")]) != 0:
            caught["compile"] += 1
            continue
        if run([os.path.join(d, "reference_layout_test")]) != 0:
            caught["run"] += 1
            continue
        survivors.append("line %d: %s -> %s: %s" % (i + 1, token, replacement, lines[i].strip()))

    print("%d numbers mutated; caught by abigen %d, by the reference test at compile %d, "
          "at run %d" % (len(sites), caught["abigen"], caught["compile"], caught["run"]))
    for s in survivors:
        print("NOT CAUGHT " + s)
    return 1 if survivors or not sites else 0


if __name__ == "__main__":
    sys.exit(main())
