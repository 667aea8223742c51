#include "argdata_impl.h"

/* Null is the empty encoding. */
const argdata_t argdata_null = {
    .kind = AD_BUFFER,
    .u.buffer = {.ptr = (const unsigned char *)"", .len = 0},
};
