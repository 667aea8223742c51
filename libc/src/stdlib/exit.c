// Process termination: exit() runs, in this order, the calling thread's
// thread_local destructors, the .fini_array functions, the functions
// registered with atexit() and __cxa_atexit() (last registered first), and
// flushes stderr; then it terminates the process.
#include <cloudabi_syscalls.h>
#include <stdatomic.h>
#include <stdlib.h>

struct handler {
  struct handler *next;
  void (*func)(void *);
  void *arg;
};

static _Atomic(struct handler *) atexit_list;
static _Atomic(struct handler *) quick_exit_list;
static _Thread_local struct handler *thread_atexit_list;

int __cxa_atexit(void (*func)(void *), void *arg, void *dso);
int __cxa_thread_atexit(void (*func)(void *), void *arg, void *dso);
void __cxa_thread_atexit_run(void);

// Defined by stdio if the program uses it.
void __stdio_exit(void) __attribute__((weak));

extern void (*const __fini_array_start[])(void) __attribute__((weak));
extern void (*const __fini_array_end[])(void) __attribute__((weak));

static int push(_Atomic(struct handler *) *list, void (*func)(void *), void *arg) {
  struct handler *h = malloc(sizeof(*h));
  if (h == NULL) return -1;
  h->func = func;
  h->arg = arg;
  h->next = atomic_load(list);
  while (!atomic_compare_exchange_weak(list, &h->next, h)) {
  }
  return 0;
}

// Runs handlers until the list is empty, including ones that handlers add.
static void run(_Atomic(struct handler *) *list) {
  struct handler *h;
  while ((h = atomic_exchange(list, NULL)) != NULL) {
    while (h != NULL) {
      struct handler *next = h->next;
      h->func(h->arg);
      free(h);
      h = next;
    }
  }
}

int __cxa_atexit(void (*func)(void *), void *arg, void *dso) {
  (void)dso;  // Only static executables exist.
  return push(&atexit_list, func, arg);
}

static void call_plain(void *arg) {
  void (*func)(void);
  __builtin_memcpy(&func, &arg, sizeof(func));
  func();
}

static void *as_arg(void (*func)(void)) {
  void *arg;
  __builtin_memcpy(&arg, &func, sizeof(arg));
  return arg;
}

int atexit(void (*func)(void)) { return push(&atexit_list, call_plain, as_arg(func)); }

int at_quick_exit(void (*func)(void)) { return push(&quick_exit_list, call_plain, as_arg(func)); }

int __cxa_thread_atexit(void (*func)(void *), void *arg, void *dso) {
  (void)dso;
  struct handler *h = malloc(sizeof(*h));
  if (h == NULL) return -1;
  h->func = func;
  h->arg = arg;
  h->next = thread_atexit_list;
  thread_atexit_list = h;
  return 0;
}

void __cxa_thread_atexit_run(void) {
  struct handler *h;
  while ((h = thread_atexit_list) != NULL) {
    thread_atexit_list = h->next;
    h->func(h->arg);
    free(h);
  }
}

extern _Thread_local cloudabi_tid_t __pthread_thread_id;  // crt0.c

// The handlers run once: a second thread calling exit() waits (as a writer
// on a lock the first one never releases) until the process has ended, and
// exit() called again from a handler ends the process right away.
static void exit_once(int status) {
  static _Atomic(cloudabi_lock_t) exiting;
  cloudabi_lock_t self = __pthread_thread_id | CLOUDABI_LOCK_WRLOCKED;
  cloudabi_lock_t v = CLOUDABI_LOCK_UNLOCKED;
  if (atomic_compare_exchange_strong(&exiting, &v, self)) return;
  if ((v & ~CLOUDABI_LOCK_KERNEL_MANAGED) == self) _Exit(status);
  cloudabi_subscription_t sub = {
      .type = CLOUDABI_EVENTTYPE_LOCK_WRLOCK,
      .lock = {.lock = &exiting, .lock_scope = CLOUDABI_SCOPE_PRIVATE},
  };
  for (;;) {
    cloudabi_event_t ev;
    size_t n;
    cloudabi_sys_poll(&sub, &ev, 1, &n);
    cloudabi_sys_thread_yield();
  }
}

_Noreturn void exit(int status) {
  exit_once(status);
  __cxa_thread_atexit_run();
  size_t n = (size_t)(__fini_array_end - __fini_array_start);
  while (n-- > 0) __fini_array_start[n]();
  run(&atexit_list);
  if (__stdio_exit != NULL) __stdio_exit();
  _Exit(status);
}

_Noreturn void quick_exit(int status) {
  run(&quick_exit_list);
  _Exit(status);
}
