#include <wchar.h>

int mbsinit(const mbstate_t *ps) { return ps == NULL || (ps->__bytes == 0 && ps->__pending == 0); }
