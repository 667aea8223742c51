#include "argdata_impl.h"

static const unsigned char encoding[] = {ADT_BOOL, 0x01};

const argdata_t argdata_true = {
    .kind = AD_BUFFER,
    .u.buffer = {.ptr = encoding, .len = sizeof(encoding)},
};
