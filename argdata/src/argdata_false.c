#include "argdata_impl.h"

static const unsigned char encoding[] = {ADT_BOOL};

const argdata_t argdata_false = {
    .kind = AD_BUFFER,
    .u.buffer = {.ptr = encoding, .len = sizeof(encoding)},
};
