// Compares the generated headers and the runtime's syscall table with the
// hand transcription of the CloudABI v0.21 reference in reference_data.h
// (written from /work/shared/reference/cloudabi-abi.md sections 1 and 2,
// independently of abi/cloudabi.abi). Every mismatch names the constant,
// type or field, the generated value and the reference value.
#include <gtest/gtest.h>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "cloudabi_syscalls.h"
#include "cloudabi_syscalls_info.h"
#include "syscalls.h"  // generated/runtime: cloudabi::runtime::kSyscalls
#include "tests/abi/reference_data.h"

namespace {

struct Constant {
  const char* name;
  uint64_t generated;
  uint64_t reference;
};

#define ABI_CONSTANT(type, NAME, value) \
  {#NAME, static_cast<uint64_t>(CLOUDABI_##NAME), static_cast<uint64_t>(value)},

void expect_constants(const std::vector<Constant>& constants) {
  for (const Constant& c : constants) EXPECT_EQ(c.generated, c.reference) << "CLOUDABI_" << c.name;
}

// The reference's own consistency: names in alphabetical order, as the
// document says errno values and signal numbers are, over [first, end).
void expect_alphabetical(const std::vector<Constant>& constants, size_t first, size_t end) {
  for (size_t i = first + 1; i < end; ++i)
    EXPECT_LT(std::strcmp(constants[i - 1].name, constants[i].name), 0)
        << constants[i - 1].name << " / " << constants[i].name;
}

const std::vector<Constant> kErrnos = {REF_ERRNOS(ABI_CONSTANT)};
const std::vector<Constant> kRights = {REF_RIGHTS(ABI_CONSTANT)};
const std::vector<Constant> kFiletypes = {REF_FILETYPES(ABI_CONSTANT)};
const std::vector<Constant> kEnums = {REF_ENUMS(ABI_CONSTANT)};
const std::vector<Constant> kSignals = {REF_SIGNALS(ABI_CONSTANT)};
const std::vector<Constant> kAuxtypes = {REF_AUXTYPES(ABI_CONSTANT)};

// ---- §2.1 scalar typedefs ---------------------------------------------------

TEST(AbiReferenceScalars, WidthTypeAndSignedness) {
  size_t n = 0;
#define ABI_SCALAR(name, ctype, size, is_signed)                                                  \
  ++n;                                                                                            \
  EXPECT_EQ(sizeof(cloudabi_##name##_t), size##u) << "sizeof(cloudabi_" #name "_t)";              \
  EXPECT_TRUE((std::is_same_v<cloudabi_##name##_t, ctype>)) << "cloudabi_" #name "_t is " #ctype; \
  EXPECT_EQ(std::is_signed_v<cloudabi_##name##_t>, bool(is_signed))                               \
      << "signedness of cloudabi_" #name "_t";
  REF_SCALARS(ABI_SCALAR)
#undef ABI_SCALAR
  EXPECT_EQ(n, size_t{REF_SCALAR_COUNT});
}

TEST(AbiReferenceScalars, SpotChecks) {
  static_assert(sizeof(cloudabi_errno_t) == 2);
  static_assert(sizeof(cloudabi_rights_t) == 8);
  static_assert(sizeof(cloudabi_tid_t) == 4);
  static_assert(std::is_signed_v<cloudabi_filedelta_t>);
  static_assert(std::is_unsigned_v<cloudabi_filesize_t>);
  static_assert(std::is_unsigned_v<cloudabi_timestamp_t>);
}

// ---- §2.2 errno -------------------------------------------------------------

TEST(AbiReferenceErrno, EveryValueByName) {
  ASSERT_EQ(kErrnos.size(), size_t{REF_ERRNO_COUNT});
  expect_constants(kErrnos);
}

TEST(AbiReferenceErrno, TranscriptionIsDenseAndAlphabetical) {
  for (size_t i = 0; i < kErrnos.size(); ++i) EXPECT_EQ(kErrnos[i].reference, i) << kErrnos[i].name;
  // SUCCESS is 0, then 1..75 are alphabetical; ENOTCAPABLE (76) was added
  // last, after EXDEV.
  EXPECT_STREQ(kErrnos[0].name, "ESUCCESS");
  expect_alphabetical(kErrnos, 1, 76);
  EXPECT_STREQ(kErrnos[76].name, "ENOTCAPABLE");
}

TEST(AbiReferenceErrno, SpotChecks) {
  EXPECT_EQ(CLOUDABI_EBADF, 8);
  EXPECT_EQ(CLOUDABI_ENOSYS, 52);
  EXPECT_EQ(CLOUDABI_ENOTCAPABLE, 76);
}

// ---- §2.3 rights ------------------------------------------------------------

TEST(AbiReferenceRights, EveryBitByName) {
  ASSERT_EQ(kRights.size(), size_t{REF_RIGHT_COUNT});
  expect_constants(kRights);
}

TEST(AbiReferenceRights, SingleDistinctBitsMakingRightsAll) {
  uint64_t all = 0;
  for (const Constant& c : kRights) {
    EXPECT_EQ(std::popcount(c.reference), 1) << c.name;
    EXPECT_EQ(all & c.reference, 0u) << c.name << " repeats a bit";
    all |= c.reference;
  }
  EXPECT_EQ(all, REF_RIGHTS_ALL);
  EXPECT_EQ(std::popcount(all), REF_RIGHT_COUNT);
  uint64_t generated = 0;
  for (const Constant& c : kRights) generated |= c.generated;
  EXPECT_EQ(generated, REF_RIGHTS_ALL);
}

// The per-type sets of the emulator in §2.3, rebuilt from generated names.
TEST(AbiReferenceRights, PerTypeSetsFromTheReference) {
  const uint64_t directory =
      CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS | CLOUDABI_RIGHT_FD_SYNC | CLOUDABI_RIGHT_FILE_ADVISE |
      CLOUDABI_RIGHT_FILE_CREATE_DIRECTORY | CLOUDABI_RIGHT_FILE_CREATE_FILE |
      CLOUDABI_RIGHT_FILE_LINK_SOURCE | CLOUDABI_RIGHT_FILE_LINK_TARGET | CLOUDABI_RIGHT_FILE_OPEN |
      CLOUDABI_RIGHT_FILE_READDIR | CLOUDABI_RIGHT_FILE_READLINK |
      CLOUDABI_RIGHT_FILE_RENAME_SOURCE | CLOUDABI_RIGHT_FILE_RENAME_TARGET |
      CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_FILE_STAT_FPUT_TIMES |
      CLOUDABI_RIGHT_FILE_STAT_GET | CLOUDABI_RIGHT_FILE_STAT_PUT_TIMES |
      CLOUDABI_RIGHT_FILE_SYMLINK | CLOUDABI_RIGHT_FILE_UNLINK | CLOUDABI_RIGHT_POLL_FD_READWRITE;
  const uint64_t regular =
      CLOUDABI_RIGHT_FD_DATASYNC | CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_SEEK |
      CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS | CLOUDABI_RIGHT_FD_SYNC | CLOUDABI_RIGHT_FD_TELL |
      CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_ADVISE | CLOUDABI_RIGHT_FILE_ALLOCATE |
      CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE |
      CLOUDABI_RIGHT_FILE_STAT_FPUT_TIMES | CLOUDABI_RIGHT_MEM_MAP | CLOUDABI_RIGHT_MEM_MAP_EXEC |
      CLOUDABI_RIGHT_POLL_FD_READWRITE | CLOUDABI_RIGHT_PROC_EXEC;
  const uint64_t shared_memory =
      CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_STAT_FGET |
      CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE | CLOUDABI_RIGHT_MEM_MAP | CLOUDABI_RIGHT_MEM_MAP_EXEC;
  const uint64_t tty = CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS |
                       CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_STAT_FGET |
                       CLOUDABI_RIGHT_POLL_FD_READWRITE;
  const uint64_t socket = tty | CLOUDABI_RIGHT_SOCK_SHUTDOWN;
  EXPECT_EQ(directory, 0x13EFF698u);
  EXPECT_EQ(directory | regular, 0x11FFFF7FFu);
  EXPECT_EQ(regular, 0x11C3801FFu);
  EXPECT_EQ(shared_memory, 0xC180042u);
  EXPECT_EQ(socket, 0x801008004Au);
  EXPECT_EQ(tty, 0x1008004Au);
  // "stdout ... opened write-only reported rights_base = 0x11C3801FD".
  EXPECT_EQ(regular & ~uint64_t{CLOUDABI_RIGHT_FD_READ}, 0x11C3801FDu);
}

// ---- §2.4 filetype, §2.5 flags and enums ------------------------------------

TEST(AbiReferenceFiletype, EveryValueByName) {
  ASSERT_EQ(kFiletypes.size(), size_t{REF_FILETYPE_COUNT});
  expect_constants(kFiletypes);
}

TEST(AbiReferenceEnums, EveryConstantOfEveryFlagAndEnumType) {
  ASSERT_EQ(kEnums.size(), size_t{REF_ENUM_COUNT});
  expect_constants(kEnums);
}

TEST(AbiReferenceEnums, ConstantsFitTheirType) {
#define ABI_FITS(type, NAME, value)                                                   \
  EXPECT_EQ(static_cast<uint64_t>(static_cast<cloudabi_##type##_t>(CLOUDABI_##NAME)), \
            static_cast<uint64_t>(CLOUDABI_##NAME))                                   \
      << "CLOUDABI_" #NAME " in cloudabi_" #type "_t";
  REF_ERRNOS(ABI_FITS)
  REF_RIGHTS(ABI_FITS)
  REF_FILETYPES(ABI_FITS)
  REF_ENUMS(ABI_FITS)
  REF_SIGNALS(ABI_FITS)
  REF_AUXTYPES(ABI_FITS)
#undef ABI_FITS
}

// ---- §2.6 signals, §2.7 auxv ------------------------------------------------

TEST(AbiReferenceSignals, All26ByName) {
  ASSERT_EQ(kSignals.size(), size_t{REF_SIGNAL_COUNT});
  expect_constants(kSignals);
  for (size_t i = 0; i < kSignals.size(); ++i)
    EXPECT_EQ(kSignals[i].reference, i + 1) << kSignals[i].name;
  expect_alphabetical(kSignals, 0, kSignals.size());
}

TEST(AbiReferenceAuxv, EveryTypeByName) {
  ASSERT_EQ(kAuxtypes.size(), size_t{REF_AUXTYPE_COUNT});
  expect_constants(kAuxtypes);
}

// ---- §2.8 struct layouts ----------------------------------------------------

TEST(AbiReferenceLayout, StructSizeAndAlignment) {
  size_t n = 0;
#define ABI_STRUCT(name, size, align)                                                   \
  ++n;                                                                                  \
  EXPECT_EQ(sizeof(cloudabi_##name##_t), size##u) << "sizeof(cloudabi_" #name "_t)";    \
  EXPECT_EQ(alignof(cloudabi_##name##_t), align##u) << "alignof(cloudabi_" #name "_t)"; \
  EXPECT_TRUE(std::is_standard_layout_v<cloudabi_##name##_t>) << #name;                 \
  EXPECT_TRUE(std::is_trivially_copyable_v<cloudabi_##name##_t>) << #name;
  REF_STRUCTS(ABI_STRUCT)
#undef ABI_STRUCT
  EXPECT_EQ(n, size_t{REF_STRUCT_COUNT});
}

TEST(AbiReferenceLayout, FieldOffsetsAndSizesIncludingUnionMembers) {
  size_t n = 0;
#define ABI_FIELD(s, member, offset, size)                                         \
  ++n;                                                                             \
  EXPECT_EQ(offsetof(cloudabi_##s##_t, member), size_t{offset})                    \
      << "offsetof(cloudabi_" #s "_t, " #member ")";                               \
  EXPECT_EQ(sizeof(static_cast<cloudabi_##s##_t*>(nullptr)->member), size_t{size}) \
      << "sizeof(cloudabi_" #s "_t." #member ")";
  REF_FIELDS(ABI_FIELD)
#undef ABI_FIELD
  EXPECT_EQ(n, size_t{REF_FIELD_COUNT});
}

TEST(AbiReferenceLayout, FieldTypes) {
#define ABI_FIELD_TYPE(s, member, type)                                                          \
  EXPECT_TRUE((std::is_same_v<decltype(static_cast<cloudabi_##s##_t*>(nullptr)->member), type>)) \
      << "cloudabi_" #s "_t." #member " is " #type;
  REF_FIELD_TYPES(ABI_FIELD_TYPE)
#undef ABI_FIELD_TYPE
}

TEST(AbiReferenceLayout, SpotChecksNamedInTheBrief) {
  EXPECT_EQ(offsetof(cloudabi_event_t, fd_readwrite.nbytes), 16u);
  EXPECT_EQ(offsetof(cloudabi_event_t, fd_readwrite.flags), 28u);
  EXPECT_EQ(offsetof(cloudabi_event_t, proc_terminate.signal), 20u);
  EXPECT_EQ(offsetof(cloudabi_event_t, proc_terminate.exitcode), 24u);
  EXPECT_EQ(offsetof(cloudabi_subscription_t, clock.clock_id), 24u);
  EXPECT_EQ(offsetof(cloudabi_subscription_t, clock.timeout), 32u);
  EXPECT_EQ(offsetof(cloudabi_auxv_t, a_val), 8u);
}

// lookup is passed by value in one register: fd in the low 32 bits.
TEST(AbiReferenceLayout, LookupPacksIntoOneRegister) {
  cloudabi_lookup_t l{};
  l.fd = 0x11223344;
  l.flags = CLOUDABI_LOOKUP_SYMLINK_FOLLOW;
  uint64_t word;
  std::memcpy(&word, &l, sizeof(word));
  EXPECT_EQ(word, 0x0000000111223344u);
}

TEST(AbiReferenceLayout, FunctionTypes) {
  EXPECT_TRUE((std::is_same_v<cloudabi_processentry_t, void(const cloudabi_auxv_t*)>));
  EXPECT_TRUE((std::is_same_v<cloudabi_threadentry_t, void(cloudabi_tid_t, void*)>));
}

// ---- §1 system calls ---------------------------------------------------------

template <typename F>
struct Signature;
template <typename R, typename... A>
struct Signature<R (*)(A...)> {
  static constexpr size_t arity = sizeof...(A);
  static constexpr bool returns_void = std::is_void_v<R>;
};

struct RefSyscall {
  unsigned number;
  const char* name;
  unsigned parameters;
  bool noreturn;
  size_t prototype_arity;
  bool prototype_matches;
  bool returns_void;
  unsigned sys_enum;
};

// `ret (*)(void)` is valid C++ too, so thread_yield needs no special case.
#define ABI_SYSCALL(number, name, nparams, noret, ret, ...)              \
  {number,                                                               \
   #name,                                                                \
   nparams,                                                              \
   bool(noret),                                                          \
   Signature<decltype(&cloudabi_sys_##name)>::arity,                     \
   std::is_same_v<decltype(&cloudabi_sys_##name), ret (*)(__VA_ARGS__)>, \
   Signature<decltype(&cloudabi_sys_##name)>::returns_void,              \
   static_cast<unsigned>(cloudabi::runtime::Sys::name)},

const std::vector<RefSyscall> kRefSyscalls = {REF_SYSCALLS(ABI_SYSCALL)};

std::vector<std::string> generated_names() {
  std::vector<std::string> names;
#define ABI_NAME(name) names.push_back(#name);
  CLOUDABI_SYSCALL_NAMES(ABI_NAME)
#undef ABI_NAME
  return names;
}

TEST(AbiReferenceSyscalls, CountIs49) {
  EXPECT_EQ(CLOUDABI_SYSCALL_COUNT, 49);
  ASSERT_EQ(kRefSyscalls.size(), 49u);
  EXPECT_EQ(generated_names().size(), 49u);
  EXPECT_EQ(cloudabi::runtime::kSyscallCount,
            size_t{CLOUDABI_SYSCALL_COUNT} + CLOUDABI_SYSCALL_EXTENSION_COUNT);
}

TEST(AbiReferenceSyscalls, TranscriptionIsAlphabeticalAndNumbered) {
  for (size_t i = 0; i < kRefSyscalls.size(); ++i) {
    EXPECT_EQ(kRefSyscalls[i].number, i) << kRefSyscalls[i].name;
    if (i > 0) {
      EXPECT_LT(std::strcmp(kRefSyscalls[i - 1].name, kRefSyscalls[i].name), 0)
          << kRefSyscalls[i].name;
    }
  }
}

TEST(AbiReferenceSyscalls, NamesMacroIsInNumberingOrder) {
  std::vector<std::string> names = generated_names();
  ASSERT_EQ(names.size(), kRefSyscalls.size());
  for (size_t i = 0; i < names.size(); ++i)
    EXPECT_EQ(names[i], kRefSyscalls[i].name) << "CLOUDABI_SYSCALL_NAMES index " << i;
}

TEST(AbiReferenceSyscalls, RuntimeTableNamesParametersAndNoreturn) {
  ASSERT_GE(cloudabi::runtime::kSyscallCount, kRefSyscalls.size());
  for (const RefSyscall& r : kRefSyscalls) {
    const cloudabi::runtime::SyscallInfo& info = cloudabi::runtime::kSyscalls[r.number];
    EXPECT_STREQ(info.name, r.name) << "kSyscalls[" << r.number << "]";
    EXPECT_EQ(std::string(info.vdso_symbol), std::string("cloudabi_sys_") + r.name);
    EXPECT_EQ(info.parameters, r.parameters) << "kSyscalls[" << r.number << "] " << r.name;
    EXPECT_EQ(info.noreturn, r.noreturn) << r.name;
    EXPECT_FALSE(info.extension) << r.name << " is a v0.21 call";
    EXPECT_EQ(r.sys_enum, r.number) << "Sys::" << r.name;
  }
  // Extension calls, if any, come after the 49 and are marked.
  for (size_t i = kRefSyscalls.size(); i < cloudabi::runtime::kSyscallCount; ++i)
    EXPECT_TRUE(cloudabi::runtime::kSyscalls[i].extension) << cloudabi::runtime::kSyscalls[i].name;
}

TEST(AbiReferenceSyscalls, ExactPrototypes) {
  for (const RefSyscall& r : kRefSyscalls) {
    EXPECT_TRUE(r.prototype_matches) << "prototype of cloudabi_sys_" << r.name;
    EXPECT_EQ(r.prototype_arity, r.parameters) << "parameter count of cloudabi_sys_" << r.name;
    EXPECT_EQ(r.returns_void, r.noreturn) << "return type of cloudabi_sys_" << r.name;
  }
}

TEST(AbiReferenceSyscalls, SpotChecks) {
  EXPECT_EQ(static_cast<unsigned>(cloudabi::runtime::Sys::clock_res_get), 0u);
  EXPECT_EQ(static_cast<unsigned>(cloudabi::runtime::Sys::fd_write), 16u);
  EXPECT_EQ(static_cast<unsigned>(cloudabi::runtime::Sys::mem_map), 33u);
  EXPECT_EQ(static_cast<unsigned>(cloudabi::runtime::Sys::thread_yield), 48u);
  EXPECT_EQ(cloudabi::runtime::kSyscalls[33].parameters, 7u);
  EXPECT_EQ(cloudabi::runtime::kSyscalls[16].parameters, 4u);
  EXPECT_EQ(cloudabi::runtime::kSyscalls[48].parameters, 0u);
  EXPECT_TRUE(cloudabi::runtime::kSyscalls[39].noreturn);
  EXPECT_TRUE(cloudabi::runtime::kSyscalls[47].noreturn);
  size_t noreturn = 0;
  for (size_t i = 0; i < 49; ++i) noreturn += cloudabi::runtime::kSyscalls[i].noreturn;
  EXPECT_EQ(noreturn, 2u);
}

}  // namespace
