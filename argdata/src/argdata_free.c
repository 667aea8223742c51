#include <stdlib.h>

#include "argdata_impl.h"

void argdata_free(argdata_t *ad) { free(ad); }
