// Thread types shared by <pthread.h> and <threads.h>. Not for direct use.
//
// Layouts follow cloudlibc's ABI (reference cloudlibc.md 4.1): mutexes,
// read-write locks and spin locks are one 12-byte lock type whose first word
// is a CloudABI lock word; condition variables are 12 bytes starting with the
// CloudABI condvar word; barriers are 36 bytes and once-objects 4. Where the
// reference gives no layout (attribute objects, pthread_key_t), this library
// chose the ones below (see libc/src/internal/pthread_impl.h).
#ifndef ___PTHREAD_TYPES_H_
#define ___PTHREAD_TYPES_H_

#include <_/types.h>

typedef struct {
  __uint32_t __state;           // CloudABI lock word (accessed atomically)
  __int32_t __write_recursion;  // -1: not recursive; else extra write holds
  __uint8_t __pshared;          // CloudABI scope: 4 private, 8 shared
} __pthread_lock_t;

typedef struct {
  __uint32_t __waiters;  // CloudABI condvar word (accessed atomically)
  __uint32_t __clock;    // CloudABI clock ID of timed waits
  __uint8_t __pshared;
} __pthread_cond_t;

typedef struct {
  __uint32_t __state;  // a lock word; LOCK_BOGUS until the routine has run
} __pthread_once_t;

typedef struct __pthread *__pthread_t;
typedef struct __pthread_key *__pthread_key_t;

#endif
