#include <stdlib.h>

#include "argdata_writer_impl.h"

argdata_writer_t *argdata_writer_create(void) { return calloc(1, sizeof(argdata_writer_t)); }
