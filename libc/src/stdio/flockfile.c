#include "stdio_impl.h"

void flockfile(FILE *f) { libc_lock(&f->lock); }

int ftrylockfile(FILE *f) { return libc_lock_try(&f->lock) ? 0 : -1; }

void funlockfile(FILE *f) { libc_unlock(&f->lock); }
