#include <wchar.h>

#define VERSCMP_NAME compare
#define VERSCMP_CHAR wchar_t
#include "verscmp.h"

// Characters that are not ASCII digits compare as the (signed) values of
// wchar_t, as in wcscmp().
int wcsverscmp(const wchar_t *a, const wchar_t *b) { return compare(a, b); }
