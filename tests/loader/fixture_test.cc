// Loading real CloudABI executables built by clang-14/lld-14 (see
// fixtures/ and CMakeLists.txt). The program headers are read here with the
// test's own code and, for PT_TLS, from llvm-readelf's output saved at build
// time; memory is compared with the file and /proc/self/maps.
#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "runtime/loader/elf_image.h"
#include "tests/loader/test_util.h"

namespace cloudabi::loader {
namespace {

using testing::Bytes;
using testing::flags_string;
using testing::mapping_at;
using testing::memfd_with;
using testing::prot_string;
using testing::read_file;

constexpr uint64_t kPage = 4096;

std::string fixture(const std::string& name) {
  return std::string(LOADER_FIXTURE_DIR) + "/" + name + ".elf";
}

#define REQUIRE_FIXTURES()                                                             \
  do {                                                                                 \
    if (!LOADER_HAVE_FIXTURES) GTEST_SKIP() << "clang-14/ld.lld/llvm-readelf missing"; \
  } while (0)

struct ParsedElf {
  Elf64_Ehdr eh;
  std::vector<Elf64_Phdr> ph;
};

ParsedElf parse(const Bytes& file) {
  ParsedElf p{};
  EXPECT_GE(file.size(), sizeof p.eh);
  std::memcpy(&p.eh, file.data(), sizeof p.eh);
  p.ph.resize(p.eh.e_phnum);
  EXPECT_LE(p.eh.e_phoff + p.ph.size() * sizeof(Elf64_Phdr), file.size());
  std::memcpy(p.ph.data(), file.data() + p.eh.e_phoff, p.ph.size() * sizeof(Elf64_Phdr));
  return p;
}

// A program header line from `llvm-readelf -lW`, e.g.
//   "  TLS  0x00a310 0x000000000000c310 0x000000000000c310 0x000008 0x000074 R   0x10".
struct ReadelfPhdr {
  std::string type;
  uint64_t offset = 0, vaddr = 0, filesz = 0, memsz = 0, align = 0;
};

std::vector<ReadelfPhdr> readelf_phdrs(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::vector<ReadelfPhdr> out;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::vector<std::string> tok;
    for (std::string t; ls >> t;) tok.push_back(t);
    if (tok.size() < 8 || tok[1].rfind("0x", 0) != 0) continue;
    ReadelfPhdr p;
    p.type = tok[0];
    p.offset = std::stoull(tok[1], nullptr, 16);
    p.vaddr = std::stoull(tok[2], nullptr, 16);
    p.filesz = std::stoull(tok[4], nullptr, 16);
    p.memsz = std::stoull(tok[5], nullptr, 16);
    p.align = std::stoull(tok.back(), nullptr, 16);
    out.push_back(p);
  }
  return out;
}

const unsigned char* at(uintptr_t addr) { return reinterpret_cast<const unsigned char*>(addr); }

// Everything the loader promises about an image of this file. Whole file pages
// must be mapped from a file whose /proc/self/maps name contains backing.
void check_image(const Image& img, const Bytes& file, const std::string& backing) {
  ParsedElf elf = parse(file);
  ASSERT_EQ(elf.eh.e_ident[EI_OSABI], 17);
  ASSERT_EQ(elf.eh.e_type, ET_DYN);

  // Program headers.
  EXPECT_EQ(img.phnum, elf.ph.size());
  EXPECT_EQ(
      std::memcmp(at(img.phdr), file.data() + elf.eh.e_phoff, elf.ph.size() * sizeof(Elf64_Phdr)),
      0);
  for (const Elf64_Phdr& p : elf.ph) {
    if (p.p_type == PT_PHDR) {
      EXPECT_EQ(img.phdr, img.base + p.p_vaddr);
    }
  }

  // Entry point: inside the text, executable.
  EXPECT_EQ(img.entry, img.base + elf.eh.e_entry);
  EXPECT_EQ(prot_string(img.entry), "r-x");

  uint64_t lo = UINT64_MAX, hi = 0;
  std::vector<uint64_t> owned_pages;
  bool saw_file_backed = false;
  for (size_t i = 0; i < elf.ph.size(); ++i) {
    const Elf64_Phdr& p = elf.ph[i];
    if (p.p_type != PT_LOAD) continue;
    SCOPED_TRACE("PT_LOAD " + std::to_string(i));
    lo = std::min(lo, p.p_vaddr & ~(kPage - 1));
    hi = std::max(hi, (p.p_vaddr + p.p_memsz + kPage - 1) & ~(kPage - 1));
    // File bytes, then zeros.
    EXPECT_EQ(std::memcmp(at(img.base + p.p_vaddr), file.data() + p.p_offset, p.p_filesz), 0);
    const unsigned char* bss = at(img.base + p.p_vaddr + p.p_filesz);
    size_t nonzero = 0;
    for (size_t j = 0; j < p.p_memsz - p.p_filesz; ++j) nonzero += bss[j] != 0;
    EXPECT_EQ(nonzero, 0u);
    // lld-14 never puts two PT_LOADs on one page, so each page has exactly
    // this segment's protection.
    for (uint64_t page = p.p_vaddr & ~(kPage - 1); page < p.p_vaddr + p.p_memsz; page += kPage) {
      EXPECT_EQ(prot_string(img.base + page), flags_string(p.p_flags)) << std::hex << page;
      owned_pages.push_back(page);
      // Whole pages of file data inside the segment come from the file.
      if (page > p.p_vaddr && page + kPage <= p.p_vaddr + p.p_filesz &&
          page + kPage < p.p_vaddr + p.p_memsz) {
        auto m = mapping_at(img.base + page);
        ASSERT_TRUE(m);
        EXPECT_NE(m->path.find(backing), std::string::npos) << m->path << std::hex << " " << page;
        EXPECT_EQ(m->offset + (img.base + page - m->start), p.p_offset + (page - p.p_vaddr));
        saw_file_backed = true;
      }
    }
  }
  EXPECT_EQ(img.map_start, img.base + lo);
  EXPECT_GE(img.map_size, hi - lo);
  EXPECT_TRUE(saw_file_backed);
  // Gaps between segments stay inaccessible.
  for (uint64_t page = lo; page < hi; page += kPage) {
    if (std::find(owned_pages.begin(), owned_pages.end(), page) == owned_pages.end()) {
      EXPECT_EQ(prot_string(img.base + page), "---") << std::hex << page;
    }
  }
}

void check_tls(const Image& img, const std::string& name) {
  std::vector<ReadelfPhdr> phdrs = readelf_phdrs(fixture(name) + ".phdrs");
  ASSERT_FALSE(phdrs.empty()) << "could not parse llvm-readelf output";
  const ReadelfPhdr* tls = nullptr;
  for (const ReadelfPhdr& p : phdrs) {
    if (p.type == "TLS") tls = &p;
  }
  ASSERT_NE(tls, nullptr);
  ASSERT_TRUE(img.tls.has_value());
  EXPECT_EQ(img.tls->image, img.base + tls->vaddr);
  EXPECT_EQ(img.tls->filesz, tls->filesz);
  EXPECT_EQ(img.tls->memsz, tls->memsz);
  EXPECT_EQ(img.tls->align, tls->align);
  // fixtures/program.c: tls_initialized is .tdata's only variable.
  ASSERT_GE(img.tls->filesz, 8u);
  uint64_t value;
  std::memcpy(&value, at(img.tls->image), sizeof value);
  EXPECT_EQ(value, 0x1122334455667788u);
  EXPECT_GE(img.tls->memsz, 8u + 100u);  // Plus tls_zeroed[100].
}

std::string real_path(const std::string& path) {
  char buf[PATH_MAX];
  return ::realpath(path.c_str(), buf) ? std::string(buf) : path;
}

class Fixtures : public ::testing::TestWithParam<const char*> {};

TEST_P(Fixtures, LoadsFromFile) {
  REQUIRE_FIXTURES();
  const std::string name = GetParam();
  const std::string path = fixture(name);
  Bytes file = read_file(path);
  ASSERT_FALSE(file.empty()) << path;
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  ASSERT_TRUE(fd.valid()) << path;
  auto r = load_executable(fd.get());
  ASSERT_TRUE(r) << r.error().message;
  fd.reset();  // The image does not need the descriptor any more.
  check_image(*r, file, real_path(path));
  check_tls(*r, name);
  EXPECT_EQ(r->stack_size_hint, 0u);
  EXPECT_FALSE(r->executable_stack_requested);
  EXPECT_NE(r->dynamic, 0u);
  unload(*r);
}

TEST_P(Fixtures, LoadsFromMemfdWithFileOffsetMoved) {
  REQUIRE_FIXTURES();
  const std::string name = GetParam();
  Bytes file = read_file(fixture(name));
  ASSERT_FALSE(file.empty());
  UniqueFd fd = memfd_with(file);  // The file offset is left at the end: pread only.
  auto r = load_executable(fd.get());
  ASSERT_TRUE(r) << r.error().message;
  check_image(*r, file, "/memfd:loader-test");
  check_tls(*r, name);
  unload(*r);
}

INSTANTIATE_TEST_SUITE_P(Loader, Fixtures,
                         ::testing::Values("program_default", "program_separate",
                                           "program_norelro"));

TEST(FixtureLayout, DefaultLayoutIsPackedAndSeparateIsNot) {
  // The point of having both fixtures: make sure they really differ the way
  // the tests assume.
  REQUIRE_FIXTURES();
  bool packed = false;
  for (const Elf64_Phdr& p : parse(read_file(fixture("program_default"))).ph) {
    if (p.p_type == PT_LOAD && p.p_offset % kPage != 0) packed = true;
  }
  EXPECT_TRUE(packed);
  for (const Elf64_Phdr& p : parse(read_file(fixture("program_separate"))).ph) {
    if (p.p_type == PT_LOAD) {
      EXPECT_EQ(p.p_offset % kPage, 0u);
    }
  }
}

TEST(FixtureLayout, MinimalProgramWithoutTlsAndWithStackSize) {
  REQUIRE_FIXTURES();
  const std::string path = fixture("minimal");
  Bytes file = read_file(path);
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  ASSERT_TRUE(fd.valid());
  auto r = load_executable(fd.get());
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_FALSE(r->tls.has_value());
  EXPECT_EQ(r->stack_size_hint, 0x100000u);
  ParsedElf elf = parse(file);
  EXPECT_EQ(r->entry, r->base + elf.eh.e_entry);
  EXPECT_EQ(prot_string(r->entry), "r-x");
  EXPECT_EQ(
      std::memcmp(at(r->phdr), file.data() + elf.eh.e_phoff, elf.ph.size() * sizeof(Elf64_Phdr)),
      0);
  unload(*r);
}

TEST(FixtureLayout, CopyModeGivesTheSameBytes) {
  REQUIRE_FIXTURES();
  Bytes file = read_file(fixture("program_default"));
  UniqueFd fd = memfd_with(file);
  auto mapped = load_executable(fd.get());
  auto copied = load_executable(fd.get(), LoadOptions{.randomize = true, .map_file = false});
  ASSERT_TRUE(mapped && copied);
  ASSERT_EQ(mapped->map_size, copied->map_size);
  ParsedElf elf = parse(file);
  for (const Elf64_Phdr& p : elf.ph) {
    if (p.p_type != PT_LOAD) continue;
    EXPECT_EQ(std::memcmp(at(mapped->base + p.p_vaddr), at(copied->base + p.p_vaddr), p.p_memsz),
              0);
  }
  unload(*mapped);
  unload(*copied);
}

}  // namespace
}  // namespace cloudabi::loader
