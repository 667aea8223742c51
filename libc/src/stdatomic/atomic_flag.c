// The functions of <stdatomic.h> that also exist as real functions.
#include <stdatomic.h>

#undef atomic_flag_clear
#undef atomic_flag_clear_explicit
#undef atomic_flag_test_and_set
#undef atomic_flag_test_and_set_explicit
#undef atomic_signal_fence
#undef atomic_thread_fence

void atomic_flag_clear(volatile atomic_flag *flag) {
  atomic_flag_clear_explicit(flag, memory_order_seq_cst);
}

void(atomic_flag_clear_explicit)(volatile atomic_flag *flag, memory_order order) {
  __c11_atomic_store(&flag->_Value, 0, order);
}

_Bool atomic_flag_test_and_set(volatile atomic_flag *flag) {
  return __c11_atomic_exchange(&flag->_Value, 1, memory_order_seq_cst);
}

_Bool(atomic_flag_test_and_set_explicit)(volatile atomic_flag *flag, memory_order order) {
  return __c11_atomic_exchange(&flag->_Value, 1, order);
}

void(atomic_signal_fence)(memory_order order) { __c11_atomic_signal_fence(order); }

void(atomic_thread_fence)(memory_order order) { __c11_atomic_thread_fence(order); }
