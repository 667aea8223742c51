// Compares the generated C headers, compiled as C11, with the hand
// transcription of the CloudABI v0.21 reference in reference_data.h: every
// constant, typedef width and signedness, struct size, alignment, field
// offset, field size and field type, the syscall numbering and the exact type
// of every cloudabi_sys_* prototype (with _Atomic, which only C has).
//
// Runs as a plain program: prints every mismatch, returns 1 if there was any.
// Including the headers also runs their own _Static_asserts in C mode.
// The mutation test (mutation_test.cmake) compiles this file against headers
// generated from a deliberately broken spec and expects it to fail.
#include <cloudabi_syscalls.h>
#include <cloudabi_syscalls_info.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "reference_data.h"

static unsigned checks;
static unsigned failures;

static void check_u64(const char *what, unsigned long long generated,
                      unsigned long long reference) {
  ++checks;
  if (generated != reference) {
    ++failures;
    fprintf(stderr, "MISMATCH %s: generated %llu (0x%llx), reference %llu (0x%llx)\n", what,
            generated, generated, reference, reference);
  }
}

static void check_true(const char *what, int ok) {
  ++checks;
  if (!ok) {
    ++failures;
    fprintf(stderr, "MISMATCH %s\n", what);
  }
}

// Constants: the value, and that the generated value fits its typedef.
#define CHECK_CONSTANT(type, NAME, value)                                  \
  check_u64("CLOUDABI_" #NAME, (unsigned long long)(CLOUDABI_##NAME),      \
            (unsigned long long)(value));                                  \
  check_true("CLOUDABI_" #NAME " fits cloudabi_" #type "_t",               \
             (unsigned long long)(cloudabi_##type##_t)(CLOUDABI_##NAME) == \
                 (unsigned long long)(CLOUDABI_##NAME));

#define CHECK_SCALAR(name, ctype, size, is_signed)                              \
  check_u64("sizeof(cloudabi_" #name "_t)", sizeof(cloudabi_##name##_t), size); \
  check_true("cloudabi_" #name "_t is " #ctype,                                 \
             _Generic((cloudabi_##name##_t)0, ctype : 1, default : 0));         \
  check_u64("signedness of cloudabi_" #name "_t",                               \
            !((cloudabi_##name##_t) - 1 > (cloudabi_##name##_t)0), is_signed);

#define CHECK_STRUCT(name, size, align)                                         \
  check_u64("sizeof(cloudabi_" #name "_t)", sizeof(cloudabi_##name##_t), size); \
  check_u64("_Alignof(cloudabi_" #name "_t)", _Alignof(cloudabi_##name##_t), align);

#define CHECK_FIELD(s, member, offset, size)                                                \
  check_u64("offsetof(cloudabi_" #s "_t, " #member ")", offsetof(cloudabi_##s##_t, member), \
            offset);                                                                        \
  check_u64("sizeof(cloudabi_" #s "_t." #member ")", sizeof(((cloudabi_##s##_t *)0)->member), size);

#define CHECK_FIELD_TYPE(s, member, type)                     \
  check_true("cloudabi_" #s "_t." #member " has type " #type, \
             _Generic(((cloudabi_##s##_t *)0)->member, type : 1, default : 0));

#define CHECK_PROTOTYPE(number, name, nparams, noreturn, ret, ...)    \
  check_true("cloudabi_sys_" #name " is " #ret " (" #__VA_ARGS__ ")", \
             _Generic(&cloudabi_sys_##name, ret(*)(__VA_ARGS__) : 1, default : 0));

#define REFERENCE_NAME(number, name, ...) [number] = #name,
static const char *const reference_syscalls[REF_SYSCALL_COUNT] = {REF_SYSCALLS(REFERENCE_NAME)};

#define GENERATED_NAME(name) #name,
static const char *const generated_syscalls[] = {CLOUDABI_SYSCALL_NAMES(GENERATED_NAME)};

#define OR_RIGHT(type, NAME, value) | CLOUDABI_##NAME

int main(void) {
  REF_SCALARS(CHECK_SCALAR)
  REF_ERRNOS(CHECK_CONSTANT)
  REF_RIGHTS(CHECK_CONSTANT)
  REF_FILETYPES(CHECK_CONSTANT)
  REF_ENUMS(CHECK_CONSTANT)
  REF_SIGNALS(CHECK_CONSTANT)
  REF_AUXTYPES(CHECK_CONSTANT)
  check_u64("union of all CLOUDABI_RIGHT_*", 0 REF_RIGHTS(OR_RIGHT), REF_RIGHTS_ALL);

  REF_STRUCTS(CHECK_STRUCT)
  REF_FIELDS(CHECK_FIELD)
  REF_FIELD_TYPES(CHECK_FIELD_TYPE)
  check_true(
      "cloudabi_processentry_t is void (const cloudabi_auxv_t *)",
      _Generic((cloudabi_processentry_t *)0, void (*)(const cloudabi_auxv_t *) : 1, default : 0));
  check_true(
      "cloudabi_threadentry_t is void (cloudabi_tid_t, void *)",
      _Generic((cloudabi_threadentry_t *)0, void (*)(cloudabi_tid_t, void *) : 1, default : 0));

  check_u64("CLOUDABI_SYSCALL_COUNT", CLOUDABI_SYSCALL_COUNT, REF_SYSCALL_COUNT);
  size_t generated_count = sizeof(generated_syscalls) / sizeof(generated_syscalls[0]);
  check_u64("entries of CLOUDABI_SYSCALL_NAMES", generated_count, REF_SYSCALL_COUNT);
  for (size_t i = 0; i < REF_SYSCALL_COUNT && i < generated_count; ++i) {
    char what[96];
    snprintf(what, sizeof(what), "syscall %zu is %s (generated: %s)", i, reference_syscalls[i],
             generated_syscalls[i]);
    check_true(what, strcmp(reference_syscalls[i], generated_syscalls[i]) == 0);
  }
  REF_SYSCALLS(CHECK_PROTOTYPE)

  printf("%u checks, %u mismatches\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
