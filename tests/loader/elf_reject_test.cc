// The loader rejects malformed and unsupported files with a specific message,
// and never crashes or reads out of bounds on hostile input.
#include <elf.h>
#include <unistd.h>

#include <cerrno>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "runtime/loader/elf_image.h"
#include "tests/loader/test_util.h"

namespace cloudabi::loader {
namespace {

using testing::Bytes;
using testing::memfd_with;
using testing::SynthElf;

// Loads bytes from a memfd; returns the error message, or "" if it loaded.
std::string load_error(const Bytes& bytes, const LoadOptions& options = {}) {
  UniqueFd fd = memfd_with(bytes);
  if (!fd.valid()) return "test setup failed: memfd";
  auto r = load_executable(fd.get(), options);
  if (r) {
    unload(*r);
    return "";
  }
  EXPECT_EQ(r.error().message.find('\n'), std::string::npos);
  return r.error().message;
}

std::string load_error(const SynthElf& e) { return load_error(e.serialize()); }

#define EXPECT_REJECTED(elf, substring)                                            \
  do {                                                                             \
    std::string msg_ = load_error(elf);                                            \
    EXPECT_NE(msg_, "") << "expected a rejection mentioning: " << (substring);     \
    EXPECT_NE(msg_.find(substring), std::string::npos) << "message was: " << msg_; \
  } while (0)

TEST(ElfReject, ValidSyntheticFileLoads) { EXPECT_EQ(load_error(SynthElf::valid()), ""); }

TEST(ElfReject, EmptyFile) { EXPECT_REJECTED(Bytes{}, "ELF magic"); }

TEST(ElfReject, BadMagic) {
  SynthElf e = SynthElf::valid();
  e.eh.e_ident[1] = 'F';
  EXPECT_REJECTED(e, "does not start with the ELF magic bytes");
}

TEST(ElfReject, ShellScript) {
  EXPECT_REJECTED(Bytes({'#', '!', '/', 'b', 'i', 'n'}), "ELF magic");
}

TEST(ElfReject, WrongClass) {
  SynthElf e = SynthElf::valid();
  e.eh.e_ident[EI_CLASS] = ELFCLASS32;
  EXPECT_REJECTED(e, "ELF class is 1 (32-bit), expected 2");
}

TEST(ElfReject, BigEndian) {
  SynthElf e = SynthElf::valid();
  e.eh.e_ident[EI_DATA] = ELFDATA2MSB;
  EXPECT_REJECTED(e, "ELF data encoding is 2 (big endian)");
}

TEST(ElfReject, WrongIdentVersion) {
  SynthElf e = SynthElf::valid();
  e.eh.e_ident[EI_VERSION] = 0;
  EXPECT_REJECTED(e, "ELF identification version is 0");
}

TEST(ElfReject, WrongVersion) {
  SynthElf e = SynthElf::valid();
  e.eh.e_version = 2;
  EXPECT_REJECTED(e, "ELF version is 2");
}

TEST(ElfReject, SystemVOsAbi) {
  SynthElf e = SynthElf::valid();
  e.eh.e_ident[EI_OSABI] = 0;
  EXPECT_REJECTED(e,
                  "not a CloudABI executable: ELF OS/ABI is 0 (System V), expected 17 (Nuxi "
                  "CloudABI)");
}

TEST(ElfReject, FreeBsdOsAbi) {
  SynthElf e = SynthElf::valid();
  e.eh.e_ident[EI_OSABI] = ELFOSABI_FREEBSD;
  EXPECT_REJECTED(e, "ELF OS/ABI is 9 (FreeBSD)");
}

TEST(ElfReject, PositionDependentExecutable) {
  SynthElf e = SynthElf::valid();
  e.eh.e_type = ET_EXEC;
  EXPECT_REJECTED(e, "ELF type is 2 (ET_EXEC");
}

TEST(ElfReject, RelocatableObject) {
  SynthElf e = SynthElf::valid();
  e.eh.e_type = ET_REL;
  EXPECT_REJECTED(e, "ELF type is 1 (ET_REL");
}

TEST(ElfReject, I386) {
  SynthElf e = SynthElf::valid();
  e.eh.e_machine = EM_386;
  EXPECT_REJECTED(e, "ELF machine is 3 (EM_386, i386), expected 62 (EM_X86_64)");
}

TEST(ElfReject, Aarch64) {
  SynthElf e = SynthElf::valid();
  e.eh.e_machine = EM_AARCH64;
  EXPECT_REJECTED(e, "ELF machine is 183");
}

TEST(ElfReject, WrongPhentsize) {
  SynthElf e = SynthElf::valid();
  e.eh.e_phentsize = 32;
  EXPECT_REJECTED(e, "e_phentsize is 32, expected 56");
}

TEST(ElfReject, NoProgramHeaders) {
  SynthElf e = SynthElf::valid();
  e.phnum = 0;
  EXPECT_REJECTED(e, "e_phnum is 0, expected between 1 and 73");
}

TEST(ElfReject, TooManyProgramHeaders) {
  SynthElf e = SynthElf::valid();
  e.phnum = 74;
  e.file_size = 0x2000;
  EXPECT_REJECTED(e, "e_phnum is 74, expected between 1 and 73");
}

TEST(ElfReject, MaximumProgramHeadersIsAccepted) {
  SynthElf e = SynthElf::valid();
  e.eh.e_phoff = 0x600;
  e.file_size = 0x600 + 73 * sizeof(Elf64_Phdr);
  e.ph.erase(e.ph.begin());  // PT_PHDR would point at the wrong place.
  while (e.ph.size() < 73) e.ph.push_back(SynthElf::other(PT_NOTE, 0, 0, 0, 0, PF_R, 4));
  EXPECT_EQ(load_error(e), "");
}

TEST(ElfReject, ProgramHeadersBeyondEndOfFile) {
  SynthElf e = SynthElf::valid();
  e.eh.e_phoff = e.file_size - 100;
  EXPECT_REJECTED(e, "program header table (offset 0x59c, 6 entries) extends beyond the end");
}

TEST(ElfReject, ProgramHeaderOffsetOverflow) {
  SynthElf e = SynthElf::valid();
  e.eh.e_phoff = ~uint64_t{0} - 8;
  EXPECT_REJECTED(e, "program header table");
}

TEST(ElfReject, EveryTruncationFailsCleanly) {
  Bytes full = SynthElf::valid().serialize();
  for (size_t len = 0; len < full.size(); ++len) {
    Bytes prefix(full.begin(), full.begin() + static_cast<ptrdiff_t>(len));
    std::string msg = load_error(prefix);
    EXPECT_NE(msg, "") << "a " << len << "-byte prefix loaded";
  }
  EXPECT_EQ(load_error(full), "");
}

TEST(ElfReject, TruncatedHeaderMessage) {
  Bytes full = SynthElf::valid().serialize();
  EXPECT_REJECTED(Bytes(full.begin(), full.begin() + 40), "too short for an ELF header");
}

TEST(ElfReject, SegmentBeyondEndOfFile) {
  SynthElf e = SynthElf::valid();
  e.ph[3].p_offset = 0x10500;
  e.ph[3].p_vaddr = 0x12500;
  e.ph[4].p_offset = 0x10500;  // Keep PT_TLS consistent; only the PT_LOAD is wrong.
  EXPECT_REJECTED(e, "PT_LOAD program header 3 (file offset 0x10500, size 0x100) extends beyond");
}

TEST(ElfReject, SegmentFileSizeBeyondEndOfFile) {
  SynthElf e = SynthElf::valid();
  e.ph[3].p_filesz = 0x200;
  EXPECT_REJECTED(e, "PT_LOAD program header 3 (file offset 0x500, size 0x200) extends beyond");
}

TEST(ElfReject, SegmentOffsetOverflow) {
  SynthElf e = SynthElf::valid();
  e.ph[2].p_offset = 0xfffffffffffff400;       // Congruent to its vaddr modulo 4096.
  e.ph[2].p_filesz = e.ph[2].p_memsz = 0xd00;  // offset + filesz wraps around to 0x100.
  EXPECT_REJECTED(e, "PT_LOAD program header 2 (file offset 0xfffffffffffff400, size 0xd00)");
}

TEST(ElfReject, FileSizeLargerThanMemorySize) {
  SynthElf e = SynthElf::valid();
  e.ph[2].p_memsz = 0x80;
  EXPECT_REJECTED(e, "PT_LOAD program header 2 has p_filesz 0x100 larger than p_memsz 0x80");
}

TEST(ElfReject, OverlappingSegments) {
  SynthElf e = SynthElf::valid();
  e.ph[3].p_vaddr = 0x14f0;  // Inside segment 2 [0x1400, 0x1500); congruent to offset 0x4f0.
  e.ph[3].p_offset = 0x4f0;
  e.ph[4].p_vaddr = 0x14f0;
  e.ph[4].p_offset = 0x4f0;
  EXPECT_REJECTED(e, "PT_LOAD program headers 2 (0x1400-0x1500) and 3 (0x14f0-0x44f0) overlap");
}

TEST(ElfReject, OverlappingSegmentsOutOfOrder) {
  SynthElf e = SynthElf::valid();
  std::swap(e.ph[1], e.ph[3]);
  e.ph[1].p_vaddr = 0x300;  // Segment now at index 1 overlaps the R segment [0, 0x400).
  e.ph[1].p_offset = 0x300;
  e.ph[4].p_vaddr = 0x300;
  e.ph[4].p_offset = 0x300;
  EXPECT_REJECTED(e, "PT_LOAD program headers 3 (0x0-0x400) and 1 (0x300-0x3300) overlap");
}

TEST(ElfReject, OffsetNotCongruentToAddress) {
  SynthElf e = SynthElf::valid();
  e.ph[2].p_vaddr = 0x1480;
  e.eh.e_entry = 0x1490;
  EXPECT_REJECTED(e,
                  "PT_LOAD program header 2 has file offset 0x400 and address 0x1480 that are "
                  "not congruent modulo the page size");
}

TEST(ElfReject, WritableAndExecutableSegment) {
  SynthElf e = SynthElf::valid();
  e.ph[2].p_flags = PF_R | PF_W | PF_X;
  EXPECT_REJECTED(e, "PT_LOAD program header 2 at 0x1400 is both writable and executable");
}

TEST(ElfReject, WritableAndExecutableSegmentsSharingAPage) {
  SynthElf e = SynthElf::valid();
  // Move the data segment onto the code segment's page: [0x1500, 0x1600).
  e.ph[3].p_vaddr = 0x1500;
  e.ph[3].p_memsz = 0x100;
  e.ph[4].p_vaddr = 0x1500;
  EXPECT_REJECTED(e,
                  "PT_LOAD program headers 3 (writable) and 2 (executable) share the page at "
                  "0x1000");
}

TEST(ElfReject, AlignmentNotAPowerOfTwo) {
  SynthElf e = SynthElf::valid();
  e.ph[1].p_align = 0x1800;
  EXPECT_REJECTED(e, "PT_LOAD program header 1 has alignment 0x1800, which is not a power of two");
}

TEST(ElfReject, HugeMemorySize) {
  SynthElf e = SynthElf::valid();
  e.ph[3].p_memsz = uint64_t{1} << 50;
  EXPECT_REJECTED(e, "does not fit in the 47-bit user address space");
}

TEST(ElfReject, AddressOverflow) {
  SynthElf e = SynthElf::valid();
  e.ph[3].p_vaddr = 0xfffffffffffff500;
  EXPECT_REJECTED(e,
                  "PT_LOAD program header 3 (p_vaddr 0xfffffffffffff500, p_memsz 0x3000) does "
                  "not fit");
}

TEST(ElfReject, EntryOutsideAnySegment) {
  SynthElf e = SynthElf::valid();
  e.eh.e_entry = 0x9000;
  EXPECT_REJECTED(e, "the entry point 0x9000 does not lie inside an executable PT_LOAD segment");
}

TEST(ElfReject, EntryInNonExecutableSegment) {
  SynthElf e = SynthElf::valid();
  e.eh.e_entry = 0x2510;
  EXPECT_REJECTED(e, "the entry point 0x2510 does not lie inside an executable PT_LOAD segment");
}

TEST(ElfReject, EntryJustPastCode) {
  SynthElf e = SynthElf::valid();
  e.eh.e_entry = 0x1500;
  EXPECT_REJECTED(e, "the entry point 0x1500");
}

TEST(ElfReject, Interpreter) {
  SynthElf e = SynthElf::valid();
  e.ph.push_back(SynthElf::other(PT_INTERP, 0x300, 0x300, 0x10, 0x10, PF_R, 1));
  e.ph[0].p_filesz = e.ph[0].p_memsz = 7 * sizeof(Elf64_Phdr);
  EXPECT_REJECTED(e, "it has a PT_INTERP program header");
}

TEST(ElfReject, NeedsSharedLibraries) {
  SynthElf e = SynthElf::valid();
  e.ph.push_back(SynthElf::other(PT_DYNAMIC, 0x500, 0x2500, 0x30, 0x30, PF_R | PF_W, 8));
  e.ph[0].p_filesz = e.ph[0].p_memsz = 7 * sizeof(Elf64_Phdr);
  Bytes b = e.serialize();
  const Elf64_Dyn dyn[3] = {{DT_HASH, {0x100}}, {DT_NEEDED, {1}}, {DT_NULL, {0}}};
  std::memcpy(b.data() + 0x500, dyn, sizeof dyn);
  EXPECT_REJECTED(b, "it needs shared libraries (DT_NEEDED)");
}

TEST(ElfReject, DynamicWithoutNeededIsFine) {
  SynthElf e = SynthElf::valid();
  e.ph.push_back(SynthElf::other(PT_DYNAMIC, 0x500, 0x2500, 0x30, 0x30, PF_R | PF_W, 8));
  e.ph[0].p_filesz = e.ph[0].p_memsz = 7 * sizeof(Elf64_Phdr);
  Bytes b = e.serialize();
  const Elf64_Dyn dyn[3] = {{DT_HASH, {0x100}}, {DT_NULL, {0}}, {DT_NEEDED, {1}}};
  std::memcpy(b.data() + 0x500, dyn, sizeof dyn);
  EXPECT_EQ(load_error(b), "");
}

TEST(ElfReject, DynamicBeyondEndOfFile) {
  SynthElf e = SynthElf::valid();
  e.ph.push_back(SynthElf::other(PT_DYNAMIC, 0x5f0, 0x25f0, 0x100, 0x10, PF_R | PF_W, 8));
  e.ph[0].p_filesz = e.ph[0].p_memsz = 7 * sizeof(Elf64_Phdr);
  EXPECT_REJECTED(e, "PT_DYNAMIC program header 6 (offset 0x5f0, size 0x100) extends beyond");
}

TEST(ElfReject, DynamicOutsideSegments) {
  SynthElf e = SynthElf::valid();
  e.ph.push_back(SynthElf::other(PT_DYNAMIC, 0x500, 0x9500, 0x30, 0x30, PF_R | PF_W, 8));
  e.ph[0].p_filesz = e.ph[0].p_memsz = 7 * sizeof(Elf64_Phdr);
  EXPECT_REJECTED(e, "PT_DYNAMIC program header 6 (0x9500, 0x30 bytes) does not lie inside");
}

TEST(ElfReject, NoLoadSegment) {
  SynthElf e = SynthElf::valid();
  e.ph = {SynthElf::other(PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W, 0)};
  EXPECT_REJECTED(e, "it has no PT_LOAD program header with a nonzero size");
}

TEST(ElfReject, TlsFileSizeLargerThanMemorySize) {
  SynthElf e = SynthElf::valid();
  e.ph[4].p_filesz = 0x50;
  EXPECT_REJECTED(e, "PT_TLS program header 4 has p_filesz 0x50 larger than p_memsz 0x40");
}

TEST(ElfReject, TlsAlignmentNotAPowerOfTwo) {
  SynthElf e = SynthElf::valid();
  e.ph[4].p_align = 24;
  EXPECT_REJECTED(e, "PT_TLS program header 4 has alignment 0x18, which is not a power of two");
}

TEST(ElfReject, TlsOutsideSegments) {
  SynthElf e = SynthElf::valid();
  e.ph[4].p_vaddr = 0x1ff8;
  EXPECT_REJECTED(e, "PT_TLS program header 4 (0x1ff8, 0x10 bytes) does not lie inside a PT_LOAD");
}

TEST(ElfReject, TlsHugeSize) {
  SynthElf e = SynthElf::valid();
  e.ph[4].p_memsz = ~uint64_t{0} - 4;
  EXPECT_REJECTED(e, "PT_TLS program header 4 has an implausible size");
}

TEST(ElfReject, TwoTlsHeaders) {
  SynthElf e = SynthElf::valid();
  e.ph.push_back(e.ph[4]);
  e.ph[0].p_filesz = e.ph[0].p_memsz = 7 * sizeof(Elf64_Phdr);
  EXPECT_REJECTED(e, "more than one PT_TLS program header (4 and 6)");
}

TEST(ElfReject, PhdrAtWrongAddress) {
  SynthElf e = SynthElf::valid();
  e.ph[0].p_vaddr = 0x80;
  EXPECT_REJECTED(e,
                  "PT_PHDR program header 0 has address 0x80, but the PT_LOAD segments put the "
                  "program header table at 0x40");
}

TEST(ElfReject, PhdrNotLoaded) {
  SynthElf e = SynthElf::valid();
  e.ph[1].p_offset = 0x100;  // The R segment no longer covers the headers at 0x40.
  e.ph[1].p_vaddr = 0x100;
  e.ph[1].p_filesz = e.ph[1].p_memsz = 0x300;
  EXPECT_REJECTED(e,
                  "PT_PHDR program header 0 says the program headers are loaded, but no PT_LOAD");
}

TEST(ElfReject, NotARegularFile) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  UniqueFd r(fds[0]), w(fds[1]);
  auto result = load_executable(r.get());
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("does not refer to a regular file"), std::string::npos);
  EXPECT_EQ(result.error().sys_errno, ENOEXEC);
}

TEST(ElfReject, BadDescriptor) {
  auto result = load_executable(-1);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().sys_errno, EBADF);
  EXPECT_NE(result.error().message.find("inspecting the executable failed"), std::string::npos);
}

TEST(ElfReject, FormatErrorsCarryEnoexec) {
  SynthElf e = SynthElf::valid();
  e.eh.e_machine = EM_386;
  UniqueFd fd = memfd_with(e.serialize());
  auto r = load_executable(fd.get());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().sys_errno, ENOEXEC);
}

// Random corruption of the headers and program headers of a valid file: every
// outcome is either a clean error or a successful load (which is then checked
// to be unmappable). Run under ASan/UBSan this also proves bounds and overflow
// safety on these inputs.
TEST(ElfReject, RandomCorruptionNeverCrashes) {
  const Bytes valid = SynthElf::valid().serialize();
  const size_t header_bytes = sizeof(Elf64_Ehdr) + 6 * sizeof(Elf64_Phdr);
  std::mt19937_64 rng(12345);
  int loaded = 0, rejected = 0;
  for (int iter = 0; iter < 3000; ++iter) {
    Bytes b = valid;
    int flips = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < flips; ++i) {
      size_t pos = rng() % header_bytes;
      switch (rng() % 4) {
        case 0:
          b[pos] ^= static_cast<unsigned char>(1u << (rng() % 8));
          break;
        case 1:
          b[pos] = static_cast<unsigned char>(rng());
          break;
        case 2:
          b[pos] = 0xff;
          break;
        default:
          b[pos] = 0;
          break;
      }
    }
    if (rng() % 8 == 0) b.resize(rng() % b.size());
    for (bool map_file : {true, false}) {
      std::string msg = load_error(b, LoadOptions{.randomize = false, .map_file = map_file});
      (msg.empty() ? loaded : rejected)++;
    }
  }
  EXPECT_GT(rejected, 0);
  EXPECT_GT(loaded, 0);
}

}  // namespace
}  // namespace cloudabi::loader
