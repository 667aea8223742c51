// crtend.o: linked last by clang's CloudABI driver; see crtbegin.c.
typedef int crtend_is_intentionally_empty;
