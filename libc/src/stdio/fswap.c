#include <stdint.h>

#include "stdio_impl.h"

// Exchanges the state of two streams: everything but their locks, their
// places in the list of open streams and how their FILE objects are freed.
void fswap(FILE *a, FILE *b) {
  if (a == b) return;
  // Lock in address order, so that concurrent swaps cannot deadlock.
  FILE *first = (uintptr_t)a < (uintptr_t)b ? a : b, *second = first == a ? b : a;
  libc_lock(&first->lock);
  libc_lock(&second->lock);
  FILE t = *a;
  unsigned int a_static = a->flags & F_STATIC, b_static = b->flags & F_STATIC;
  FILE *a_prev = a->prev, *a_next = a->next, *b_prev = b->prev, *b_next = b->next;
  struct libc_lock a_lock = a->lock, b_lock = b->lock;
  *a = *b;
  *b = t;
  a->lock = a_lock;
  b->lock = b_lock;
  a->prev = a_prev;
  a->next = a_next;
  b->prev = b_prev;
  b->next = b_next;
  a->flags = (a->flags & ~F_STATIC) | a_static;
  b->flags = (b->flags & ~F_STATIC) | b_static;
  libc_unlock(&second->lock);
  libc_unlock(&first->lock);
}
