// Access to the two x86-64 floating-point units' control and status
// registers: SSE's MXCSR (float and double arithmetic) and the x87 FPU's
// control and status words (long double arithmetic). The exception flag bits
// and the rounding-mode encoding are laid out alike in both, which the
// FE_* values in <fenv.h> rely on.
#ifndef LIBC_FENV_IMPL_H
#define LIBC_FENV_IMPL_H

#include <fenv.h>
#include <stdint.h>

// MXCSR: flags in bits 0-5, their trap masks in bits 7-12, rounding in 13-14.
#define MXCSR_ROUND_MASK 0x6000u
// x87 control word: rounding in bits 10-11, i.e. FE_* >> 3.
#define X87_ROUND_SHIFT 3
#define X87_ROUND_MASK 0x0c00u

static inline uint32_t fenv_get_mxcsr(void) {
  uint32_t v;
  __asm__ volatile("stmxcsr %0" : "=m"(v));
  return v;
}

static inline void fenv_set_mxcsr(uint32_t v) { __asm__ volatile("ldmxcsr %0" : : "m"(v)); }

static inline uint16_t fenv_get_x87_status(void) {
  uint16_t v;
  __asm__ volatile("fnstsw %0" : "=a"(v));
  return v;
}

static inline uint16_t fenv_get_x87_control(void) {
  uint16_t v;
  __asm__ volatile("fnstcw %0" : "=m"(v));
  return v;
}

static inline void fenv_set_x87_control(uint16_t v) { __asm__ volatile("fldcw %0" : : "m"(v)); }

// fnstenv masks all x87 exceptions as a side effect; the control word is
// put back so that storing the environment changes nothing.
static inline void fenv_get_x87_env(struct __x87_state *s) {
  __asm__ volatile("fnstenv %0" : "=m"(*s));
  fenv_set_x87_control((uint16_t)s->__control);
}

static inline void fenv_set_x87_env(const struct __x87_state *s) {
  __asm__ volatile("fldenv %0" : : "m"(*s));
}

// Clears the given flags in the x87 status word (fnclex would clear all).
static inline void fenv_clear_x87_flags(int excepts) {
  struct __x87_state s;
  fenv_get_x87_env(&s);
  s.__status &= ~(uint32_t)excepts;
  fenv_set_x87_env(&s);
}

#endif
