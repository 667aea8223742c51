// Right names, presets (exact right sets) and per-type maxima.
#include "run/rights.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/run/test_util.h"

namespace cloudabi::run {
namespace {

// Builds a right set from names, failing the test on an unknown name.
cloudabi_rights_t set(std::initializer_list<const char*> names) {
  cloudabi_rights_t r = 0;
  for (const char* n : names) {
    auto bit = parse_right_name(n);
    EXPECT_TRUE(bit) << n;
    if (bit) r |= *bit;
  }
  return r;
}

TEST(RightNames, All) {
  EXPECT_EQ(all_rights().size(), 31u);
  EXPECT_EQ(all_rights_mask(), 0x815FFFF7FFu);
  for (const RightName& r : all_rights()) {
    EXPECT_EQ(parse_right_name(r.name), r.bit);
    EXPECT_EQ(format_rights(r.bit), r.name);
  }
}

TEST(RightNames, Spellings) {
  EXPECT_EQ(parse_right_name("FD_READ"), CLOUDABI_RIGHT_FD_READ);
  EXPECT_EQ(parse_right_name("fd_read"), CLOUDABI_RIGHT_FD_READ);
  EXPECT_EQ(parse_right_name("CLOUDABI_RIGHT_PROC_EXEC"), CLOUDABI_RIGHT_PROC_EXEC);
  EXPECT_EQ(parse_right_name("cloudabi_right_sock_shutdown"), CLOUDABI_RIGHT_SOCK_SHUTDOWN);
  EXPECT_FALSE(parse_right_name("FD-READ"));
  EXPECT_FALSE(parse_right_name("FILE_CREATE_FIFO"));  // Removed before v0.21.
  EXPECT_FALSE(parse_right_name(""));
}

TEST(RightNames, Suggestions) {
  EXPECT_EQ(suggest_right_name("FD_REED"), "FD_READ");
  EXPECT_EQ(suggest_right_name("file_readir"), "FILE_READDIR");
  EXPECT_EQ(suggest_right_name("MEMMAP"), "MEM_MAP");
  EXPECT_EQ(suggest_right_name("COMPLETELY_DIFFERENT"), "");
  EXPECT_EQ(suggest_preset_name("readonly"), "read-only");
  EXPECT_EQ(suggest_preset_name("xyz"), "");
}

TEST(RightNames, Format) {
  EXPECT_EQ(format_rights(0), "none");
  EXPECT_EQ(format_rights(CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FD_READ), "FD_READ FD_WRITE");
  EXPECT_EQ(format_rights(0x800 | CLOUDABI_RIGHT_FD_READ), "FD_READ 0x800");
}

TEST(Presets, Names) {
  EXPECT_EQ(preset_names(), "read-only, write-only, append-only, read-write, executable, all");
  for (Preset p : {Preset::kReadOnly, Preset::kWriteOnly, Preset::kAppendOnly, Preset::kReadWrite,
                   Preset::kExecutable, Preset::kAll}) {
    EXPECT_EQ(parse_preset(preset_name(p)), p);
  }
  EXPECT_FALSE(parse_preset("READ-ONLY"));
}

// The exact right sets of each preset (also documented in docs/cloudabi-run.md).
TEST(Presets, Files) {
  const cloudabi_rights_t ro = set({"FD_READ", "FD_SEEK", "FD_TELL", "FILE_ADVISE",
                                    "FILE_STAT_FGET", "MEM_MAP", "POLL_FD_READWRITE"});
  const cloudabi_rights_t wo = set(
      {"FD_WRITE", "FD_SEEK", "FD_TELL", "FD_DATASYNC", "FD_SYNC", "FILE_ADVISE", "FILE_ALLOCATE",
       "FILE_STAT_FGET", "FILE_STAT_FPUT_SIZE", "FILE_STAT_FPUT_TIMES", "POLL_FD_READWRITE"});
  const cloudabi_rights_t ao =
      set({"FD_WRITE", "FD_DATASYNC", "FD_SYNC", "FILE_STAT_FGET", "POLL_FD_READWRITE"});
  EXPECT_EQ(*preset_rights(Preset::kReadOnly, false), (RightsPair{ro, 0}));
  EXPECT_EQ(*preset_rights(Preset::kWriteOnly, false), (RightsPair{wo, 0}));
  EXPECT_EQ(*preset_rights(Preset::kAppendOnly, false), (RightsPair{ao, 0}));
  EXPECT_EQ(*preset_rights(Preset::kReadWrite, false),
            (RightsPair{ro | wo | CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS, 0}));
  EXPECT_EQ(preset_rights(Preset::kReadWrite, false)->base, 0x143801FFu);
  EXPECT_EQ(*preset_rights(Preset::kExecutable, false),
            (RightsPair{ro | set({"MEM_MAP_EXEC", "PROC_EXEC"}), 0}));
  EXPECT_EQ(*preset_rights(Preset::kAll, false), (RightsPair{0x11C3801FF, 0}));
  // Nothing that could clear O_APPEND, truncate or seek-and-overwrite.
  EXPECT_EQ(ao & (CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS | CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE |
                  CLOUDABI_RIGHT_FD_SEEK | CLOUDABI_RIGHT_FD_READ),
            0u);
}

TEST(Presets, Directories) {
  const cloudabi_rights_t dir_ro =
      set({"FILE_OPEN", "FILE_READDIR", "FILE_READLINK", "FILE_STAT_FGET", "FILE_STAT_GET"});
  const cloudabi_rights_t file_ro = preset_rights(Preset::kReadOnly, false)->base;
  const cloudabi_rights_t file_rw = preset_rights(Preset::kReadWrite, false)->base;
  const cloudabi_rights_t file_x = preset_rights(Preset::kExecutable, false)->base;
  EXPECT_EQ(*preset_rights(Preset::kReadOnly, true), (RightsPair{dir_ro, dir_ro | file_ro}));
  EXPECT_EQ(*preset_rights(Preset::kReadWrite, true),
            (RightsPair{0x13EFF698, 0x13EFF698 | file_rw}));
  EXPECT_EQ(*preset_rights(Preset::kExecutable, true), (RightsPair{dir_ro, dir_ro | file_x}));
  EXPECT_EQ(*preset_rights(Preset::kAll, true), (RightsPair{0x13EFF698, 0x11FFFF7FF}));
  EXPECT_FALSE(preset_rights(Preset::kWriteOnly, true));
  EXPECT_FALSE(preset_rights(Preset::kAppendOnly, true));
  // read-write trees cannot execute or map executable code.
  EXPECT_EQ(preset_rights(Preset::kReadWrite, true)->inheriting &
                (CLOUDABI_RIGHT_PROC_EXEC | CLOUDABI_RIGHT_MEM_MAP_EXEC),
            0u);
}

TEST(TypeMaximum, ReferenceTable) {
  EXPECT_EQ(type_maximum(HostFileType::kDirectory), (RightsPair{0x13EFF698, 0x11FFFF7FF}));
  EXPECT_EQ(type_maximum(HostFileType::kRegularFile), (RightsPair{0x11C3801FF, 0}));
  EXPECT_EQ(type_maximum(HostFileType::kSocketStream), (RightsPair{0x801008004A, 0x815FFFF7FF}));
  EXPECT_EQ(type_maximum(HostFileType::kFifo), (RightsPair{0x801008004A, 0x815FFFF7FF}));
  EXPECT_EQ(type_maximum(HostFileType::kTty), (RightsPair{0x1008004A, 0}));
  EXPECT_EQ(type_maximum(HostFileType::kCharacterDevice), (RightsPair{0x815FFFF7FF, 0x815FFFF7FF}));
}

TEST(TypeMaximum, EffectiveRights) {
  // A regular file opened write-only: the original's emulator reported
  // 0x11C3801FD; like our runtime, mapping and executing go too.
  EXPECT_EQ(effective_rights(HostFileType::kRegularFile, O_WRONLY, std::nullopt, std::nullopt).base,
            0x11C3801FDu &
                ~(CLOUDABI_RIGHT_MEM_MAP | CLOUDABI_RIGHT_MEM_MAP_EXEC | CLOUDABI_RIGHT_PROC_EXEC));
  EXPECT_EQ(effective_rights(HostFileType::kRegularFile, O_RDONLY, std::nullopt, std::nullopt).base,
            0x11C3801FFu & ~(CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_ALLOCATE |
                             CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE));
  // A pipe's read end.
  EXPECT_EQ(effective_rights(HostFileType::kFifo, O_RDONLY, std::nullopt, std::nullopt).base,
            0x801008004Au & ~CLOUDABI_RIGHT_FD_WRITE);
  EXPECT_EQ(effective_rights(HostFileType::kRegularFile, O_RDWR,
                             CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FILE_READDIR, 0)
                .base,
            CLOUDABI_RIGHT_FD_READ);
  EXPECT_EQ(effective_rights(HostFileType::kSocketStream, O_RDWR, std::nullopt, std::nullopt).base,
            0x801008004Au);
}

TEST(Classify, HostDescriptors) {
  test::TempDir dir;
  int d = open(dir.path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  EXPECT_EQ(classify_fd(d), HostFileType::kDirectory);
  close(d);
  int f = open((dir / "f").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  EXPECT_EQ(classify_fd(f), HostFileType::kRegularFile);
  close(f);
  int p[2];
  ASSERT_EQ(pipe2(p, O_CLOEXEC), 0);
  EXPECT_EQ(classify_fd(p[0]), HostFileType::kFifo);
  close(p[0]);
  close(p[1]);
  int s[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, s), 0);
  EXPECT_EQ(classify_fd(s[0]), HostFileType::kSocketDgram);
  close(s[0]);
  close(s[1]);
  int n = open("/dev/null", O_RDONLY | O_CLOEXEC);
  EXPECT_EQ(classify_fd(n), HostFileType::kCharacterDevice);
  close(n);
  EXPECT_EQ(classify_fd(-1), HostFileType::kOther);
  EXPECT_EQ(describe(HostFileType::kSocketStream), "stream socket");
}

}  // namespace
}  // namespace cloudabi::run
