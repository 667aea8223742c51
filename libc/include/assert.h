// assert.h: verify program assertion. A failed assertion writes a message
// to stderr and aborts. This header may be included again with NDEBUG set
// differently.
#include <_/cdefs.h>

#undef assert
#ifdef NDEBUG
#define assert(expression) ((void)0)
#else
#define assert(expression) \
  ((expression) ? (void)0 : __assertion_failed(__func__, __FILE__, __LINE__, #expression))
#endif

#ifndef _ASSERT_H_
#define _ASSERT_H_
__BEGIN_DECLS
__noreturn void __assertion_failed(const char *, const char *, int, const char *);
__END_DECLS
#if !defined(__cplusplus) && __STDC_VERSION__ >= 201112L
#define static_assert _Static_assert
#endif
#endif
