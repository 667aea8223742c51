// The memory allocator. Small requests come from size classes carved out of
// 64 KiB chunks and are recycled through per-class free lists; large ones are
// mapped directly and returned to the system when freed. Every block carries
// a 16-byte header recording its size class (or mapping size), so free and
// realloc need no lookups.
#include <cloudabi_syscalls.h>
#include <errno.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define HEADER 16
#define CHUNK (64 * 1024)
#define LARGE_CLASS 0xff

// Usable sizes of the small classes; larger requests are mapped directly.
static const size_t class_size[] = {16,  32,   48,   64,   96,   128,  192,  256,  384,   512,
                                    768, 1024, 1536, 2048, 3072, 4096, 6144, 8192, 12288, 16384};
#define NCLASSES (sizeof(class_size) / sizeof(class_size[0]))

struct header {
  size_t size;  // usable size after the header
  // Index into class_size; or LARGE_CLASS for a mapping of its own, with the
  // distance from the mapping's start to the header in the bits above 8.
  size_t cls;
};
_Static_assert(sizeof(struct header) == HEADER, "header must keep 16-byte alignment");

struct free_block {
  struct free_block *next;
};

static struct free_block *free_lists[NCLASSES];
static char *chunk_cur, *chunk_end;
static atomic_flag lock = ATOMIC_FLAG_INIT;

static void acquire(void) {
  while (atomic_flag_test_and_set_explicit(&lock, memory_order_acquire))
    cloudabi_sys_thread_yield();
}

static void release(void) { atomic_flag_clear_explicit(&lock, memory_order_release); }

static void *map(size_t len) {
  void *mem;
  if (cloudabi_sys_mem_map(NULL, len, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                           CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE, CLOUDABI_MAP_ANON_FD, 0,
                           &mem) != 0)
    return NULL;
  return mem;
}

static size_t page_round(size_t n, bool *overflow) {
  const size_t page = 4096;
  if (n > SIZE_MAX - page) {
    *overflow = true;
    return 0;
  }
  return (n + page - 1) & ~(page - 1);
}

static void *alloc_large(size_t size) {
  bool overflow = false;
  size_t len = page_round(size + HEADER, &overflow);
  if (overflow || size > SIZE_MAX - HEADER) return NULL;
  struct header *h = map(len);
  if (h == NULL) return NULL;
  h->size = len - HEADER;
  h->cls = LARGE_CLASS;
  return (char *)h + HEADER;
}

static void *alloc_small(size_t cls) {
  size_t block = class_size[cls] + HEADER;
  acquire();
  struct free_block *b = free_lists[cls];
  if (b != NULL) {
    free_lists[cls] = b->next;
    release();
    return b;
  }
  if ((size_t)(chunk_end - chunk_cur) < block) {
    char *chunk = map(CHUNK);
    if (chunk == NULL) {
      release();
      return NULL;
    }
    // The tail of the previous chunk is abandoned; at most one block's worth.
    chunk_cur = chunk;
    chunk_end = chunk + CHUNK;
  }
  struct header *h = (struct header *)chunk_cur;
  chunk_cur += block;
  release();
  h->size = class_size[cls];
  h->cls = cls;
  return (char *)h + HEADER;
}

void *malloc(size_t size) {
  if (size == 0) size = 1;
  for (size_t cls = 0; cls < NCLASSES; ++cls)
    if (size <= class_size[cls]) {
      void *p = alloc_small(cls);
      if (p == NULL) errno = ENOMEM;
      return p;
    }
  void *p = alloc_large(size);
  if (p == NULL) errno = ENOMEM;
  return p;
}

void free(void *ptr) {
  if (ptr == NULL) return;
  struct header *h = (struct header *)((char *)ptr - HEADER);
  if ((h->cls & 0xff) == LARGE_CLASS) {
    size_t lead = h->cls >> 8;
    cloudabi_sys_mem_unmap((char *)h - lead, lead + HEADER + h->size);
    return;
  }
  struct free_block *b = ptr;
  acquire();
  b->next = free_lists[h->cls];
  free_lists[h->cls] = b;
  release();
}

void *calloc(size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) {
    errno = ENOMEM;
    return NULL;
  }
  void *p = malloc(count * size);
  if (p != NULL) memset(p, 0, count * size);
  return p;
}

void *realloc(void *ptr, size_t size) {
  if (ptr == NULL) return malloc(size);
  struct header *h = (struct header *)((char *)ptr - HEADER);
  if (size <= h->size && ((h->cls & 0xff) == LARGE_CLASS || size > h->size / 2)) return ptr;
  void *p = malloc(size);
  if (p == NULL) return NULL;
  memcpy(p, ptr, size < h->size ? size : h->size);
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
  if (alignment <= HEADER) {
    void *p = malloc(size);
    if (p == NULL) return ENOMEM;
    *ptr = p;
    return 0;
  }
  // A mapping of its own, with the block placed at the first aligned address
  // past a header; the header records how far into the mapping it sits.
  if (size > SIZE_MAX - alignment - HEADER) return ENOMEM;
  bool overflow = false;
  size_t len = page_round(size + alignment + HEADER, &overflow);
  if (overflow) return ENOMEM;
  char *mem = map(len);
  if (mem == NULL) return ENOMEM;
  uintptr_t user = ((uintptr_t)mem + HEADER + alignment - 1) & ~(uintptr_t)(alignment - 1);
  size_t lead = (user - HEADER) - (uintptr_t)mem;
  struct header *h = (struct header *)(user - HEADER);
  h->size = len - lead - HEADER;
  h->cls = LARGE_CLASS | (lead << 8);
  *ptr = (void *)user;
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
