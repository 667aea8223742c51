// Fork handlers: pdfork runs the prepare handlers newest first, then the
// parent or child handlers oldest first. Handlers cannot be removed.
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>

#include "lock.h"
#include "pthread_impl.h"

struct handler {
  void (*prepare)(void);
  void (*parent)(void);
  void (*child)(void);
  struct handler *prev, *next;
};

// Recursive, so a handler may register another one; a handler registered
// during a fork runs from the next fork on.
static struct libc_lock handlers_lock;
static struct handler *first, *last;
// The newest handler when the running fork started.
static struct handler *fork_last;

int pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void)) {
  struct handler *h = malloc(sizeof(*h));
  if (h == NULL) return ENOMEM;
  *h = (struct handler){.prepare = prepare, .parent = parent, .child = child};
  libc_lock(&handlers_lock);
  h->prev = last;
  if (last != NULL)
    last->next = h;
  else
    first = h;
  last = h;
  libc_unlock(&handlers_lock);
  return 0;
}

void __pthread_atfork_prepare(void) {
  libc_lock(&handlers_lock);
  fork_last = last;
  for (struct handler *h = fork_last; h != NULL; h = h->prev)
    if (h->prepare != NULL) h->prepare();
}

static void run_in_order(bool in_child) {
  if (fork_last != NULL) {
    for (struct handler *h = first;; h = h->next) {
      void (*fn)(void) = in_child ? h->child : h->parent;
      if (fn != NULL) fn();
      if (h == fork_last) break;
    }
  }
  libc_unlock(&handlers_lock);
}

void __pthread_atfork_parent(void) { run_in_order(false); }

void __pthread_atfork_child(void) { run_in_order(true); }
