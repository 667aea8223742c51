// Tests of tools/abigen itself: malformed specs are rejected with a message
// that names the file and line, and a small valid spec turns into the
// expected C text (which a C compiler then accepts, asserts included).
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "tools/abigen/emit.h"
#include "tools/abigen/layout.h"
#include "tools/abigen/parser.h"

namespace {

constexpr char kPath[] = "test.abi";

// Parses and lays out `text`; returns the error message, or "" if accepted.
std::string error_of(const std::string& text) {
  try {
    abigen::Spec spec = abigen::parse_spec(kPath, text);
    abigen::check_layouts(spec);
  } catch (const abigen::ParseError& e) {
    return std::string("ParseError: ") + e.what();
  } catch (const std::runtime_error& e) {
    return std::string("runtime_error: ") + e.what();
  }
  return "";
}

std::string at_line(int line) { return std::string(kPath) + ":" + std::to_string(line) + ":"; }

constexpr char kHeader[] = "abi cloudabi v0.21\n";

// Each malformed spec, and the line the message must name.
const std::string kUnknownType = std::string(kHeader) +
                                 "type fd u32 alias \"descriptor\"\n"
                                 "struct pair size 8 align 4 \"two\"\n"
                                 "  0 a : fd\n"
                                 "  4 b : nosuchtype\n"  // line 5
                                 "end\n";
const std::string kWrongOffset = std::string(kHeader) +
                                 "struct pair size 16 align 8 \"two\"\n"
                                 "  0 a : u16\n"
                                 "  2 b : u64\n"  // line 4: C puts it at 8
                                 "end\n";
const std::string kWrongSize = std::string(kHeader) +
                               "struct pair size 12 align 4 \"two\"\n"  // line 2: size is 8
                               "  0 a : u32\n"
                               "  4 b : u32\n"
                               "end\n";
const std::string kDuplicateConstant = std::string(kHeader) +
                                       "type errno u16 enum prefix E \"error\"\n"
                                       "  0 SUCCESS\n"
                                       "  1 PERM\n"
                                       "  2 PERM\n"  // line 5
                                       "end\n";
const std::string kTwoBitFlag = std::string(kHeader) +
                                "type mprot u8 flags prefix PROT_ \"protection\"\n"
                                "  0x1 EXEC\n"
                                "  0x6 READWRITE\n"  // line 4
                                "end\n";
const std::string kZeroFlag = std::string(kHeader) +
                              "type mprot u8 flags prefix PROT_ \"protection\"\n"
                              "  0 NONE\n"  // line 3
                              "end\n";
const std::string kTooWide = std::string(kHeader) +
                             "type signal u8 enum prefix SIG \"signal\"\n"
                             "  255 LAST\n"
                             "  256 TOOBIG\n"  // line 4
                             "end\n";
const std::string kUnterminatedString = std::string(kHeader) +
                                        "type fd u32 alias \"descriptor\"\n"
                                        "type tid u32 alias \"thread id\n"  // line 3
                                        "type lock u32 alias \"lock\"\n";
const std::string kMissingEnd = std::string(kHeader) +
                                "struct pair size 8 align 4 \"two\"\n"
                                "  0 a : u32\n"
                                "  4 b : u32\n";  // line 4: file ends inside the struct
const std::string kSyscallWithoutDescription = std::string(kHeader) +
                                               "type fd u32 alias \"descriptor\"\n"
                                               "syscall fd_close\n"  // line 3
                                               "  in fd : fd\n"
                                               "end\n";

struct Case {
  const char* what;
  const std::string* text;
  int line;
  const char* kind;                 // "ParseError" or "runtime_error"
  std::vector<std::string> naming;  // further words the message must contain
};

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {"unknown type", &kUnknownType, 5, "ParseError", {"nosuchtype", "pair"}},
      {"wrong struct offset", &kWrongOffset, 4, "runtime_error", {"pair.b", "2", "8"}},
      {"wrong struct size", &kWrongSize, 2, "runtime_error", {"pair", "size", "12", "8"}},
      {"duplicate constant", &kDuplicateConstant, 5, "ParseError", {"duplicate", "PERM"}},
      {"flag with two bits", &kTwoBitFlag, 4, "ParseError", {"READWRITE", "single bit"}},
      {"flag with no bit", &kZeroFlag, 3, "ParseError", {"NONE", "single bit"}},
      {"constant too wide", &kTooWide, 4, "ParseError", {"TOOBIG", "u8"}},
      {"unterminated string", &kUnterminatedString, 3, "ParseError", {"unterminated string"}},
      {"missing end", &kMissingEnd, 4, "ParseError", {"ends inside", "struct"}},
      {"syscall without description",
       &kSyscallWithoutDescription,
       3,
       "ParseError",
       {"fd_close", "description"}},
  };
  return all;
}

class AbigenRejects : public ::testing::TestWithParam<size_t> {};

TEST_P(AbigenRejects, WithAMessageNamingTheProblem) {
  const Case& c = cases()[GetParam()];
  std::string message = error_of(*c.text);
  ASSERT_FALSE(message.empty()) << c.what << ": spec was accepted";
  EXPECT_EQ(message.rfind(c.kind, 0), 0u) << c.what << ": " << message;
  for (const std::string& word : c.naming)
    EXPECT_NE(message.find(word), std::string::npos)
        << c.what << ": message does not mention '" << word << "': " << message;
}

TEST_P(AbigenRejects, WithAMessageNamingTheLine) {
  const Case& c = cases()[GetParam()];
  std::string message = error_of(*c.text);
  ASSERT_FALSE(message.empty()) << c.what << ": spec was accepted";
  EXPECT_NE(message.find(at_line(c.line)), std::string::npos)
      << c.what << ": message does not name " << at_line(c.line) << " " << message;
}

std::string case_name(const ::testing::TestParamInfo<size_t>& info) {
  std::string name = cases()[info.param].what;
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Malformed, AbigenRejects, ::testing::Range<size_t>(0, 10), case_name);

TEST(AbigenRejects, CasesCoverEveryListedError) { EXPECT_EQ(cases().size(), 10u); }

// Each malformed spec differs from an accepted one only in the broken line, so
// the rejections above are caused by that line and nothing else.
TEST(AbigenAccepts, RepairedVersionsOfTheMalformedSpecs) {
  auto repaired = [](std::string text, const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
  };
  EXPECT_EQ(error_of(repaired(kUnknownType, "nosuchtype", "fd")), "");
  EXPECT_EQ(error_of(repaired(kWrongOffset, "  2 b", "  8 b")), "");
  EXPECT_EQ(error_of(repaired(kWrongSize, "size 12", "size 8")), "");
  EXPECT_EQ(error_of(repaired(kDuplicateConstant, "2 PERM", "2 NOENT")), "");
  EXPECT_EQ(error_of(repaired(kTwoBitFlag, "0x6", "0x4")), "");
  EXPECT_EQ(error_of(repaired(kZeroFlag, "0 NONE", "0x1 EXEC")), "");
  EXPECT_EQ(error_of(repaired(kTooWide, "256 TOOBIG", "254 BIG")), "");
  EXPECT_EQ(error_of(repaired(kUnterminatedString, "thread id\n", "thread id\"\n")), "");
  EXPECT_EQ(error_of(kMissingEnd + "end\n"), "");
  EXPECT_EQ(error_of(repaired(kSyscallWithoutDescription, "fd_close\n", "fd_close \"close\"\n")),
            "");
}

// A small but complete spec: every kind of declaration.
const char kValid[] = R"(abi cloudabi v0.21
type errno u16 enum prefix E "error codes"
  0 SUCCESS "no error"
  8 BADF
  76 NOTCAPABLE
end
type fd u32 alias "file descriptor"
type filedelta i64 alias "relative offset"
type mprot u8 flags prefix PROT_ "memory protection"
  0x1 EXEC
  0x2 WRITE
  0x4 READ
end
type rights u64 flags prefix RIGHT_ "rights"
  0x8000000000 SOCK_SHUTDOWN
end
type eventtype u8 enum prefix EVENTTYPE_ "event type"
  1 CLOCK
  7 PROC_TERMINATE
end
type lock u32 opaque atomic prefix LOCK_ "lock word"
  0 UNLOCKED
  0x40000000 WRLOCKED
end
struct event size 32 align 8 "an event"
  0 userdata : u64
  8 error : errno
  10 type : eventtype
  union 16 on type
    variant fd_readwrite CLOCK
      16 nbytes : u64
      24 unused : u8[4]
      28 flags : u16
    end
    variant proc_terminate PROC_TERMINATE
      16 unused : u8[4]
      20 signal : u8
      24 exitcode : u32
    end
  end
end
struct ciovec size 16 align 8 "a buffer"
  0 buf : const void *
  8 buf_len : size
end
function threadentry "thread entry point"
  in tid : u32
  in aux : void *
end
syscall fd_write "writes"
  in fd : fd
  in iovs : const ciovec *
  in iovs_len : size
  out nwritten : size
end
syscall thread_exit noreturn "ends the thread"
  in lock : atomic lock *
  in scope : u8
end
syscall aaa_extension extension "an extension call"
end
syscall clock_res_get "resolution"
  in clock_id : u32
  out resolution : u64
end
)";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(AbigenValidSpec, Parses) {
  ASSERT_EQ(error_of(kValid), "");
  abigen::Spec spec = abigen::parse_spec(kPath, kValid);
  EXPECT_EQ(spec.abi_name, "cloudabi");
  EXPECT_EQ(spec.version, "v0.21");
  ASSERT_EQ(spec.syscalls.size(), 4u);
  // Numbered alphabetically; extensions after the base calls.
  EXPECT_EQ(spec.syscalls[0].name, "clock_res_get");
  EXPECT_EQ(spec.syscalls[1].name, "fd_write");
  EXPECT_EQ(spec.syscalls[2].name, "thread_exit");
  EXPECT_TRUE(spec.syscalls[2].noreturn);
  EXPECT_EQ(spec.syscalls[3].name, "aaa_extension");
  EXPECT_TRUE(spec.syscalls[3].extension);
  const abigen::Struct* event = spec.find_struct("event");
  ASSERT_NE(event, nullptr);
  EXPECT_EQ(event->size, 32u);
  ASSERT_TRUE(event->tail_union.has_value());
  EXPECT_EQ(event->tail_union->variants.size(), 2u);
  abigen::SizeAlign sa = abigen::size_align(spec, abigen::TypeRef{"event"});
  EXPECT_EQ(sa.size, 32u);
  EXPECT_EQ(sa.align, 8u);
}

TEST(AbigenValidSpec, TypesCommonHeader) {
  abigen::Spec spec = abigen::parse_spec(kPath, kValid);
  std::string h = abigen::emit_types_common_h(spec);
  EXPECT_TRUE(contains(h, "typedef uint16_t cloudabi_errno_t;")) << h;
  EXPECT_TRUE(contains(h, "typedef uint32_t cloudabi_fd_t;")) << h;
  EXPECT_TRUE(contains(h, "typedef int64_t cloudabi_filedelta_t;")) << h;
  EXPECT_TRUE(contains(h, "#define CLOUDABI_ESUCCESS 0")) << h;
  EXPECT_TRUE(contains(h, "#define CLOUDABI_EBADF 8")) << h;
  EXPECT_TRUE(contains(h, "#define CLOUDABI_ENOTCAPABLE 0x4c")) << h;
  EXPECT_TRUE(contains(h, "#define CLOUDABI_PROT_READ 0x4")) << h;
  EXPECT_TRUE(contains(h, "#define CLOUDABI_RIGHT_SOCK_SHUTDOWN UINT64_C(0x8000000000)")) << h;
  EXPECT_TRUE(contains(h, "#define CLOUDABI_LOCK_WRLOCKED 0x40000000")) << h;
  EXPECT_TRUE(contains(h, "#define CLOUDABI_ABI_VERSION \"v0.21\"")) << h;
}

TEST(AbigenValidSpec, TypesHeaderAssertsTheLayout) {
  abigen::Spec spec = abigen::parse_spec(kPath, kValid);
  std::string h = abigen::emit_types_h(spec);
  for (const char* line : {
           "_CLOUDABI_STATIC_ASSERT(offsetof(cloudabi_event_t, error) == 8,",
           "_CLOUDABI_STATIC_ASSERT(offsetof(cloudabi_event_t, type) == 10,",
           "_CLOUDABI_STATIC_ASSERT(offsetof(cloudabi_event_t, fd_readwrite.nbytes) == 16,",
           "_CLOUDABI_STATIC_ASSERT(offsetof(cloudabi_event_t, fd_readwrite.flags) == 28,",
           "_CLOUDABI_STATIC_ASSERT(offsetof(cloudabi_event_t, proc_terminate.signal) == 20,",
           "_CLOUDABI_STATIC_ASSERT(offsetof(cloudabi_event_t, proc_terminate.exitcode) == 24,",
           "_CLOUDABI_STATIC_ASSERT(sizeof(cloudabi_event_t) == 32,",
           "_CLOUDABI_STATIC_ASSERT(_CLOUDABI_ALIGNOF(cloudabi_event_t) == 8,",
           "_CLOUDABI_STATIC_ASSERT(sizeof(cloudabi_ciovec_t) == 16,",
           "typedef void cloudabi_threadentry_t(uint32_t tid, void *aux);",
       })
    EXPECT_TRUE(contains(h, line)) << "missing: " << line << "\n" << h;
}

TEST(AbigenValidSpec, SyscallHeaders) {
  abigen::Spec spec = abigen::parse_spec(kPath, kValid);
  std::string h = abigen::emit_syscalls_h(spec);
  EXPECT_TRUE(contains(h,
                       "cloudabi_errno_t cloudabi_sys_fd_write(cloudabi_fd_t fd, const "
                       "cloudabi_ciovec_t *iovs, size_t iovs_len, size_t *nwritten);"))
      << h;
  EXPECT_TRUE(contains(h,
                       "_CLOUDABI_NORETURN void cloudabi_sys_thread_exit("
                       "_CLOUDABI_ATOMIC(cloudabi_lock_t) *lock, uint8_t scope);"))
      << h;
  std::string info = abigen::emit_syscalls_info_h(spec);
  EXPECT_TRUE(contains(info, "#define CLOUDABI_SYSCALL_COUNT 3\n")) << info;
  EXPECT_TRUE(contains(info, "#define CLOUDABI_SYSCALL_EXTENSION_COUNT 1\n")) << info;
  EXPECT_TRUE(contains(info,
                       "SYSCALL(clock_res_get) \\\n  SYSCALL(fd_write) \\\n  "
                       "SYSCALL(thread_exit)\n"))
      << info;
  EXPECT_TRUE(contains(info,
                       "#define CLOUDABI_SYSCALL_EXTENSION_NAMES(SYSCALL) \\\n  "
                       "SYSCALL(aaa_extension)\n"))
      << info;
  std::string rt = abigen::emit_runtime_syscalls_h(spec);
  EXPECT_TRUE(contains(rt, "inline constexpr std::size_t kSyscallCount = 4;")) << rt;
  EXPECT_TRUE(contains(rt, "  fd_write = 1,")) << rt;
  EXPECT_TRUE(contains(rt, "  aaa_extension = 3,")) << rt;
  std::string table = abigen::emit_runtime_table_cc(spec);
  EXPECT_TRUE(contains(table,
                       "{\"fd_write\", \"cloudabi_sys_fd_write\", &cloudabi_tramp_fd_write, "
                       "&cloudabi_tramp_traced_fd_write, 4, false, false},"))
      << table;
  EXPECT_TRUE(contains(table, ", 2, true, false},")) << table;  // thread_exit
}

#ifdef ABIGEN_TEST_C_COMPILER
// The emitted headers are valid C11 whose _Static_asserts hold.
TEST(AbigenValidSpec, EmittedHeadersCompileAsC) {
  abigen::Spec spec = abigen::parse_spec(kPath, kValid);
  namespace fs = std::filesystem;
  // Unique per process: the sanitizer build may run this test at the same time.
  fs::path dir =
      fs::path(::testing::TempDir()) / ("abigen_test_headers." + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto write = [&](const char* name, const std::string& text) {
    std::ofstream(dir / name, std::ios::trunc) << text;
  };
  write("cloudabi_types_common.h", abigen::emit_types_common_h(spec));
  write("cloudabi_types.h", abigen::emit_types_h(spec));
  write("cloudabi_syscalls.h", abigen::emit_syscalls_h(spec));
  write("cloudabi_syscalls_info.h", abigen::emit_syscalls_info_h(spec));
  write("use.c",
        "#include \"cloudabi_syscalls.h\"\n#include \"cloudabi_syscalls_info.h\"\n"
        "_Static_assert(CLOUDABI_EBADF == 8, \"EBADF\");\n"
        "_Static_assert(CLOUDABI_SYSCALL_COUNT == 3, \"count\");\n");
  std::string command = std::string(ABIGEN_TEST_C_COMPILER) + " -std=c11 -pedantic-errors -I" +
                        dir.string() + " -fsyntax-only " + (dir / "use.c").string();
  EXPECT_EQ(std::system(command.c_str()), 0) << command;

  // The same with one layout number broken by hand: the header's own
  // assertion stops the compile.
  std::string broken = abigen::emit_types_h(spec);
  const std::string good = "offsetof(cloudabi_event_t, error) == 8,";
  size_t at = broken.find(good);
  ASSERT_NE(at, std::string::npos);
  broken.replace(at, good.size(), "offsetof(cloudabi_event_t, error) == 9,");
  write("cloudabi_types.h", broken);
  command += " 2>/dev/null";
  EXPECT_NE(std::system(command.c_str()), 0) << command;
  fs::remove_all(dir);
}
#endif

}  // namespace
