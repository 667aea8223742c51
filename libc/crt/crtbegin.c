// crtbegin.o: linked first by clang's CloudABI driver. Constructors reach
// libc through .init_array (clang 14 no longer emits .ctors for this target),
// whose bounds the linker provides, so this object has nothing to mark.
typedef int crtbegin_is_intentionally_empty;
