// time.h
#ifndef _TIME_H_
#define _TIME_H_

#include <stddef.h>
#include <stdint.h>

typedef int64_t time_t;

struct timespec {
  time_t tv_sec;
  long tv_nsec;
};

#endif
