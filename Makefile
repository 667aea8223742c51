# The two commands users need: `make demo` and `make test`. Both install missing
# Debian packages first (scripts/install-deps.sh), then configure and build with CMake.
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
CMAKE_GEN  := -G Ninja

.PHONY: all deps configure build demo test test-asan docs format fuzz clean bench

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo

configure: $(BUILD)/build.ninja

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo.sh $(BUILD)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	$(MAKE) test-asan
	$(MAKE) fuzz FUZZ_SECONDS=$(TEST_FUZZ_SECONDS) FUZZ_SEED=1

# Benchmarks: each workload natively, under cloudabi-run and under the peers
# that can be installed (wrk, bubblewrap, Node's WASI), alternating; writes
# bench/results/latest.{md,json}. See docs/performance.md.
bench: deps
	@scripts/bench-peers.sh
	cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
	cmake --build $(BUILD) -j $(JOBS) --target cloudabi-bench
	$(BUILD)/bin/cloudabi-bench --out bench/results --doc docs/performance.md

# Host code again under AddressSanitizer + UndefinedBehaviorSanitizer.
test-asan: build
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DCLOUDABI_SANITIZE=ON \
	  -DCLOUDABI_PREBUILT_TARGET=$(abspath $(BUILD))
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

# Refreshes the checked-in copy of the generated ABI reference.
docs: build
	cp $(BUILD)/generated/docs/abi.md docs/abi.md

format:
	@scripts/format.sh

# libFuzzer targets (argdata decoder, YAML to argdata, csv2json) under
# ASan+UBSan: FUZZ_SECONDS each (make test gives each TEST_FUZZ_SECONDS with a
# fixed FUZZ_SEED, so that its verdict does not depend on luck; `make fuzz`
# explores with a new seed every time).
TEST_FUZZ_SECONDS ?= 30
fuzz: deps
	cmake -S . -B build-fuzz $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLOUDABI_FUZZ=ON \
	  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14
	cmake --build build-fuzz -j $(JOBS) --target fuzzers
	FUZZ_SEED=$(FUZZ_SEED) scripts/fuzz.sh build-fuzz $${FUZZ_SECONDS:-300}

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
