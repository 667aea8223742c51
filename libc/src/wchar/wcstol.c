#include <inttypes.h>
#include <wchar.h>

#define STRTOINT_NAME parse
#define STRTOINT_CHAR wchar_t
#include "strtoint.h"

#define STRTOINT_PARSE parse
#define STRTOINT_PREFIX wcs
#include "strtoint_types.h"

STRTOINT_SIGNED(tol, long, LONG_MIN, LONG_MAX)
STRTOINT_SIGNED(toll, long long, LLONG_MIN, LLONG_MAX)
STRTOINT_SIGNED(toimax, intmax_t, INTMAX_MIN, INTMAX_MAX)
STRTOINT_UNSIGNED(toul, unsigned long, ULONG_MAX)
STRTOINT_UNSIGNED(toull, unsigned long long, ULLONG_MAX)
STRTOINT_UNSIGNED(toumax, uintmax_t, UINTMAX_MAX)
