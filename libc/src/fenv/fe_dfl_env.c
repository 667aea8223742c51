#include <fenv.h>

// The state the processor starts in: all exceptions masked, no flags,
// round to nearest; x87 at 64-bit (extended) precision with all registers
// empty; MXCSR 0x1f80 (all masked, no flush-to-zero).
const fenv_t __fe_dfl_env = {
    .__x87 = {.__control = 0x037f, .__status = 0, .__tag = 0xffff},
    .__mxcsr = 0x1f80,
};
