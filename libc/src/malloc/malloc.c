// The memory allocator.
//
// Memory comes from the system in spans of 64 KiB, aligned to their size.
// A span either serves one size class (small requests, up to 16 KiB) or is
// the start of a mapping of its own (larger requests). Its header sits at
// the span's start, so the header of any block is found by rounding the
// block's address (minus one) down to the span size: blocks never start at
// a span's first byte.
//
// Small spans keep a free list of their objects and carve fresh objects
// from their untouched end. Each size class has a list of spans with free
// objects and a lock. A span whose objects are all free again is returned
// to the system, except for one per class kept for reuse, so freeing memory
// gives it back and allocation patterns cannot make it thrash.
//
// Large blocks are mappings of their own. A freed one of at most
// LARGE_CACHE_MAX bytes is kept in a small cache (LARGE_CACHE_SLOTS
// mappings, LARGE_CACHE_BYTES in all) and reused by a later request of about
// its size: a program that keeps allocating and freeing blocks of tens of
// KiB would otherwise make four system calls and take page faults for every
// block. Every operation takes constant time.
#include <cloudabi_syscalls.h>
#include <errno.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SPAN ((size_t)64 * 1024)
#define SPAN_HEADER 64
#define PAGE ((size_t)4096)
#define LARGE 0xffff

// Object sizes of the small classes: 16-byte steps up to 128, then four
// classes per power of two.
static const uint32_t class_size[] = {16,   32,   48,   64,   80,   96,    112,   128,   160,
                                      192,  224,  256,  320,  384,  448,   512,   640,   768,
                                      896,  1024, 1280, 1536, 1792, 2048,  2560,  3072,  3584,
                                      4096, 5120, 6144, 7168, 8192, 10240, 12288, 14336, 16384};
#define NCLASSES (sizeof(class_size) / sizeof(class_size[0]))
#define MAX_SMALL 16384

#define LARGE_CACHE_SLOTS 16
#define LARGE_CACHE_MAX ((size_t)1 << 20)
#define LARGE_CACHE_BYTES ((size_t)4 << 20)

struct span {
  uint16_t cls;  // size class, or LARGE
  bool listed;   // small: in the class's list of spans with free objects
  union {
    struct {  // large: the whole mapping and the usable size of the block
      char *map;
      size_t map_len;
      size_t usable;
    };
    struct {  // small
      uint32_t nfree, capacity;
      void *free_list;
      char *unused;  // objects from here on were never handed out
      struct span *prev, *next;
    };
  };
};
_Static_assert(sizeof(struct span) <= SPAN_HEADER, "span header too large");

struct free_object {
  struct free_object *next;
};

struct size_class {
  atomic_flag lock;
  struct span *partial;  // spans with free objects
  struct span *spare;    // one empty span kept for reuse
};

// Freed large mappings kept for reuse (their span headers stay valid).
struct large_cache {
  atomic_flag lock;
  size_t count, bytes;
  struct span *spans[LARGE_CACHE_SLOTS];
};

// Zero-initialized: every lock clear.
static struct size_class classes[NCLASSES];
static struct large_cache large_cache;
static atomic_size_t mapped_bytes;

// Bytes currently obtained from the system (for tests).
size_t __malloc_mapped_bytes(void);
size_t __malloc_mapped_bytes(void) { return atomic_load(&mapped_bytes); }

// Spin locks: uncontended they cost one atomic exchange and no system call.
static void lock_flag(atomic_flag *f) {
  while (atomic_flag_test_and_set_explicit(f, memory_order_acquire)) cloudabi_sys_thread_yield();
}

static void unlock_flag(atomic_flag *f) { atomic_flag_clear_explicit(f, memory_order_release); }

static void lock(struct size_class *c) { lock_flag(&c->lock); }
static void unlock(struct size_class *c) { unlock_flag(&c->lock); }

static void *map(size_t len) {
  void *mem;
  if (cloudabi_sys_mem_map(NULL, len, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                           CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE, CLOUDABI_MAP_ANON_FD, 0,
                           &mem) != 0)
    return NULL;
  atomic_fetch_add(&mapped_bytes, len);
  return mem;
}

static void unmap(void *addr, size_t len) {
  if (len == 0) return;
  cloudabi_sys_mem_unmap(addr, len);
  atomic_fetch_sub(&mapped_bytes, len);
}

// Maps len bytes (a multiple of PAGE) such that the address `offset` bytes
// into the mapping is aligned to `align` (a power of two, at least PAGE),
// giving back the surplus. Returns the start of the mapping.
static char *map_aligned(size_t len, size_t align, size_t offset) {
  if (len > SIZE_MAX - align) return NULL;
  char *raw = map(len + align);
  if (raw == NULL) return NULL;
  uintptr_t target = ((uintptr_t)raw + offset + align - 1) & ~(uintptr_t)(align - 1);
  char *start = (char *)(target - offset);
  unmap(raw, (size_t)(start - raw));
  unmap(start + len, (size_t)(raw + len + align - (start + len)));
  return start;
}

static struct span *span_of(const void *ptr) {
  return (struct span *)(((uintptr_t)ptr - 1) & ~(uintptr_t)(SPAN - 1));
}

// Above 128 bytes there are four classes per power of two: the class
// follows from the position of the highest bit of size - 1 and the two bits
// below it.
static size_t class_of(size_t size) {
  if (size <= 128) return size == 0 ? 0 : (size - 1) / 16;
  size_t s = size - 1;
  unsigned top = 63 - (unsigned)__builtin_clzll(s);  // 7 or more
  return 8 + (top - 7) * 4 + ((s >> (top - 2)) & 3);
}

static void list_push(struct size_class *c, struct span *s) {
  s->prev = NULL;
  s->next = c->partial;
  if (c->partial != NULL) c->partial->prev = s;
  c->partial = s;
  s->listed = true;
}

static void list_remove(struct size_class *c, struct span *s) {
  if (s->prev != NULL) s->prev->next = s->next;
  if (s->next != NULL) s->next->prev = s->prev;
  if (c->partial == s) c->partial = s->next;
  s->prev = s->next = NULL;
  s->listed = false;
}

static void *alloc_small(size_t cls) {
  struct size_class *c = &classes[cls];
  lock(c);
  struct span *s = c->partial;
  if (s == NULL) {
    s = c->spare;
    c->spare = NULL;
    if (s == NULL) {
      s = (struct span *)map_aligned(SPAN, SPAN, 0);
      if (s == NULL) {
        unlock(c);
        return NULL;
      }
      *s = (struct span){.cls = (uint16_t)cls,
                         .capacity = (uint32_t)((SPAN - SPAN_HEADER) / class_size[cls]),
                         .unused = (char *)s + SPAN_HEADER};
      s->nfree = s->capacity;
    }
    list_push(c, s);
  }
  void *obj;
  if (s->free_list != NULL) {
    struct free_object *f = s->free_list;
    s->free_list = f->next;
    obj = f;
  } else {
    obj = s->unused;
    s->unused += class_size[cls];
  }
  if (--s->nfree == 0) list_remove(c, s);
  unlock(c);
  return obj;
}

static void free_small(struct span *s, void *ptr) {
  struct size_class *c = &classes[s->cls];
  // Aligned allocations hand out addresses inside an object: free the
  // object itself.
  size_t size = class_size[s->cls];
  char *first = (char *)s + SPAN_HEADER;
  char *obj = first + (size_t)((char *)ptr - first) / size * size;
  lock(c);
  struct free_object *f = (struct free_object *)obj;
  f->next = s->free_list;
  s->free_list = f;
  if (++s->nfree == 1) list_push(c, s);
  struct span *release = NULL;
  if (s->nfree == s->capacity) {
    list_remove(c, s);
    if (c->spare == NULL) {
      // Start over: the free list and the unused area are reset.
      s->free_list = NULL;
      s->unused = first;
      c->spare = s;
    } else {
      release = s;
    }
  }
  unlock(c);
  if (release != NULL) unmap(release, SPAN);
}

// Takes a cached mapping of len bytes or somewhat more (a quarter at most,
// so small requests do not pin big mappings), or returns NULL.
static struct span *large_cache_take(size_t len) {
  struct large_cache *lc = &large_cache;
  struct span *found = NULL;
  lock_flag(&lc->lock);
  for (size_t i = 0; i < lc->count; ++i) {
    struct span *s = lc->spans[i];
    if (s->map_len >= len && s->map_len - len <= len / 4) {
      found = s;
      lc->spans[i] = lc->spans[--lc->count];
      lc->bytes -= s->map_len;
      break;
    }
  }
  unlock_flag(&lc->lock);
  return found;
}

// Keeps a freed mapping for reuse if it is small enough and there is room;
// returns false if it must be unmapped.
static bool large_cache_put(struct span *s) {
  if (s->map_len > LARGE_CACHE_MAX || s->map != (char *)s) return false;
  struct large_cache *lc = &large_cache;
  bool kept = false;
  lock_flag(&lc->lock);
  if (lc->count < LARGE_CACHE_SLOTS && lc->bytes + s->map_len <= LARGE_CACHE_BYTES) {
    lc->spans[lc->count++] = s;
    lc->bytes += s->map_len;
    kept = true;
  }
  unlock_flag(&lc->lock);
  return kept;
}

// A block of its own mapping, `align` aligned, after a span header. *fresh
// tells whether the memory comes straight from the system (and is zero).
static void *alloc_large(size_t size, size_t align, bool *fresh) {
  if (size > SIZE_MAX / 2) return NULL;
  // The header is the span the block's address minus one rounds down to:
  // SPAN_HEADER bytes before the block normally, a whole span before it
  // when the block must be span aligned.
  size_t offset = align < SPAN ? (align > SPAN_HEADER ? align : SPAN_HEADER) : SPAN;
  size_t len = (offset + size + PAGE - 1) & ~(PAGE - 1);
  *fresh = true;
  if (align < SPAN) {
    // Cached mappings start at a span boundary, like fresh ones below.
    struct span *s = large_cache_take(len);
    if (s != NULL) {
      s->usable = s->map_len - offset;
      *fresh = false;
      return (char *)s + offset;
    }
  }
  char *map_start;
  if (align < SPAN) {
    map_start = map_aligned(len, SPAN, 0);
  } else {
    map_start = map_aligned(len, align, offset);
  }
  if (map_start == NULL) return NULL;
  struct span *s = (struct span *)map_start;
  *s = (struct span){.cls = LARGE, .map = map_start, .map_len = len, .usable = len - offset};
  return map_start + offset;
}

void *malloc(size_t size) {
  bool fresh;
  void *p = size <= MAX_SMALL ? alloc_small(class_of(size)) : alloc_large(size, 16, &fresh);
  if (p == NULL) errno = ENOMEM;
  return p;
}

void free(void *ptr) {
  if (ptr == NULL) return;
  struct span *s = span_of(ptr);
  if (s->cls == LARGE) {
    if (!large_cache_put(s)) unmap(s->map, s->map_len);
  } else {
    free_small(s, ptr);
  }
}

static size_t usable_size(const void *ptr) {
  struct span *s = span_of(ptr);
  if (s->cls == LARGE)
    return s->usable - (size_t)((const char *)ptr - (s->map + (s->map_len - s->usable)));
  size_t size = class_size[s->cls];
  const char *first = (const char *)s + SPAN_HEADER;
  const char *obj = first + (size_t)((const char *)ptr - first) / size * size;
  return size - (size_t)((const char *)ptr - obj);
}

void *calloc(size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) {
    errno = ENOMEM;
    return NULL;
  }
  size_t total = count * size;
  if (total <= MAX_SMALL) {
    void *p = malloc(total);
    if (p != NULL) memset(p, 0, total);
    return p;
  }
  bool fresh;
  void *p = alloc_large(total, 16, &fresh);
  if (p == NULL)
    errno = ENOMEM;
  else if (!fresh)  // fresh mappings are zero already
    memset(p, 0, total);
  return p;
}

void *realloc(void *ptr, size_t size) {
  if (ptr == NULL) return malloc(size);
  size_t have = usable_size(ptr);
  // Shrinking by less than half keeps the block.
  if (size <= have && size >= have / 2) return ptr;
  void *p = malloc(size);
  if (p == NULL) return NULL;
  memcpy(p, ptr, size < have ? size : have);
  free(ptr);
  return p;
}

void *reallocarray(void *ptr, size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) {
    errno = ENOMEM;
    return NULL;
  }
  return realloc(ptr, count * size);
}

int posix_memalign(void **ptr, size_t alignment, size_t size) {
  if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0) return EINVAL;
  void *p;
  bool fresh;
  if (alignment <= 16) {
    p = size <= MAX_SMALL ? alloc_small(class_of(size)) : alloc_large(size, 16, &fresh);
  } else if (alignment <= PAGE && size + alignment <= MAX_SMALL) {
    // An object large enough to hold an aligned block.
    char *obj = alloc_small(class_of(size + alignment));
    p = obj == NULL ? NULL
                    : (void *)(((uintptr_t)obj + alignment - 1) & ~(uintptr_t)(alignment - 1));
  } else {
    p = alloc_large(size, alignment, &fresh);
  }
  if (p == NULL) return ENOMEM;
  *ptr = p;
  return 0;
}

void *aligned_alloc(size_t alignment, size_t size) {
  void *p;
  int error = posix_memalign(&p, alignment < sizeof(void *) ? sizeof(void *) : alignment, size);
  if (error != 0) {
    errno = error;
    return NULL;
  }
  return p;
}

// pdfork: no other thread may be inside the allocator while the process is
// copied, or the child would find a lock whose holder does not exist in it.
// No allocator path holds two of these locks at once, so any order works.
void __malloc_fork_prepare(void);
void __malloc_fork_prepare(void) {
  for (size_t i = 0; i < NCLASSES; ++i) lock(&classes[i]);
  lock_flag(&large_cache.lock);
}

void __malloc_fork_done(void);
void __malloc_fork_done(void) {
  unlock_flag(&large_cache.lock);
  for (size_t i = NCLASSES; i-- > 0;) unlock(&classes[i]);
}
