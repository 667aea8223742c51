// <fenv.h> - floating-point environment.
//
// On x86-64 two units keep floating-point state: SSE (the MXCSR register),
// which float and double arithmetic uses, and the x87 FPU, which long double
// arithmetic uses. These functions act on both: flags are the union of the
// two units' flags, and the rounding mode is set in both.
//
// Extensions:
// - FE_DENORMAL: the x86 "denormal operand" flag.
#ifndef _FENV_H_
#define _FENV_H_

#include <_/cdefs.h>
#include <_/types.h>

// The x87 environment as fnstenv stores it in 32-bit protected mode.
struct __x87_state {
  __uint32_t __control;  // Control word.
  __uint32_t __status;   // Status word.
  __uint32_t __tag;      // Tag word.
  __uint32_t __fpu_ipo;  // Instruction pointer offset.
  __uint32_t __fpu_ips;  // Instruction pointer selector.
  __uint32_t __fpu_dpo;  // Data pointer offset.
  __uint32_t __fpu_dps;  // Data pointer selector.
};

typedef struct {
  struct __x87_state __x87;
  __uint32_t __mxcsr;
} fenv_t;

typedef struct {
  __uint8_t __exceptions;
} fexcept_t;

// Exception flags: the bit positions of both MXCSR and the x87 status word.
#define FE_INVALID 0x01
#define FE_DENORMAL 0x02
#define FE_DIVBYZERO 0x04
#define FE_OVERFLOW 0x08
#define FE_UNDERFLOW 0x10
#define FE_INEXACT 0x20
#define FE_ALL_EXCEPT \
  (FE_INVALID | FE_DENORMAL | FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INEXACT)

// Rounding modes: their position in MXCSR (the x87 control word has the
// same two bits 3 places further right).
#define FE_TONEAREST 0x0000
#define FE_DOWNWARD 0x2000
#define FE_UPWARD 0x4000
#define FE_TOWARDZERO 0x6000

// The environment a program starts with.
extern const fenv_t __fe_dfl_env;
#define FE_DFL_ENV (&__fe_dfl_env)

__BEGIN_DECLS
int feclearexcept(int);
int fegetenv(fenv_t *);
int fegetexceptflag(fexcept_t *, int);
int fegetround(void);
int feholdexcept(fenv_t *);
int feraiseexcept(int);
int fesetenv(const fenv_t *);
int fesetexceptflag(const fexcept_t *, int);
int fesetround(int);
int fetestexcept(int);
int feupdateenv(const fenv_t *);
__END_DECLS

#endif
