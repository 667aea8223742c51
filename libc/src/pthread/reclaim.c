// Detached threads that have called pthread_exit, waiting to be unmapped.
#include "lock.h"
#include "pthread_impl.h"

static struct libc_lock zombies_lock;
static struct __pthread *zombies;

void __pthread_zombie_add(struct __pthread *t) {
  libc_lock(&zombies_lock);
  t->next_zombie = zombies;
  zombies = t;
  libc_unlock(&zombies_lock);
}

void __pthread_reclaim(void) {
  // Unlocked peek: a thread missed here is freed by a later call.
  if (__atomic_load_n(&zombies, __ATOMIC_RELAXED) == NULL) return;
  libc_lock(&zombies_lock);
  for (struct __pthread **p = &zombies; *p != NULL;) {
    struct __pthread *t = *p;
    // thread_exit releases the join lock once the thread no longer runs.
    if ((atomic_load(&t->join) & CLOUDABI_LOCK_WRLOCKED) == 0) {
      *p = t->next_zombie;
      cloudabi_sys_mem_unmap(t->map, t->map_len);
    } else {
      p = &t->next_zombie;
    }
  }
  libc_unlock(&zombies_lock);
}

// pdfork: the list must not change while the process is copied.
void __pthread_zombies_fork_prepare(void) { libc_lock(&zombies_lock); }

void __pthread_zombies_fork_parent(void) { libc_unlock(&zombies_lock); }

// In the child none of these threads exists, whether or not the system had
// released its join lock yet, so all of their mappings can go.
void __pthread_zombies_fork_child(void) {
  while (zombies != NULL) {
    struct __pthread *t = zombies;
    zombies = t->next_zombie;
    cloudabi_sys_mem_unmap(t->map, t->map_len);
  }
  libc_unlock(&zombies_lock);
}
