// stdlib.h
#ifndef _STDLIB_H_
#define _STDLIB_H_

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

#ifdef __cplusplus
extern "C" {
#endif

_Noreturn void _Exit(int status);
_Noreturn void abort(void);
_Noreturn void exit(int status);

void *aligned_alloc(size_t alignment, size_t size);
void *calloc(size_t count, size_t size);
void free(void *ptr);
void *malloc(size_t size);
int posix_memalign(void **ptr, size_t alignment, size_t size);
void *realloc(void *ptr, size_t size);
void *reallocarray(void *ptr, size_t count, size_t size);

#ifdef __cplusplus
}
#endif

#endif
