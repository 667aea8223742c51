// Entering and leaving guest code on a thread.
//
// The runtime and the guest share the thread's fs base. The guest's thread
// pointer is the word at %fs:0 (CloudABI's convention); ours is the same word
// holding glibc's TCB address. cloudabi_enter_guest saves the runtime's value
// of that word and its stack pointer in runtime TLS variables, which are
// addressed as %fs:var@tpoff and so stay reachable while %fs:0 holds the
// guest's value. The generated trampolines use the same variables.

// void cloudabi_enter_guest(void *entry, void *stack_pointer, uintptr_t arg0,
//                           uintptr_t arg1, void *thread_pointer)
// Jumps to entry(arg0, arg1) on stack_pointer with %fs:0 = thread_pointer.
// Returns only when cloudabi_leave_guest is called on this thread.
  .text
  .globl cloudabi_enter_guest
  .type cloudabi_enter_guest, @function
  .p2align 4
cloudabi_enter_guest:
  .cfi_startproc
  pushq %rbp
  pushq %rbx
  pushq %r12
  pushq %r13
  pushq %r14
  pushq %r15
  subq $8, %rsp
  movq %rsp, %fs:cloudabi_host_sp@tpoff
  movq %fs:0, %rax
  movq %rax, %fs:cloudabi_host_tp@tpoff
  movq %r8, %fs:0
  movq %rsi, %rsp
  movq %rdi, %rax
  movq %rdx, %rdi
  movq %rcx, %rsi
  // The guest starts with no runtime values in its registers.
  xorl %ebp, %ebp
  xorl %ebx, %ebx
  xorl %ecx, %ecx
  xorl %edx, %edx
  xorl %r8d, %r8d
  xorl %r9d, %r9d
  xorl %r10d, %r10d
  xorl %r11d, %r11d
  xorl %r12d, %r12d
  xorl %r13d, %r13d
  xorl %r14d, %r14d
  xorl %r15d, %r15d
  jmpq *%rax
  .cfi_endproc
  .size cloudabi_enter_guest, . - cloudabi_enter_guest

// [[noreturn]] void cloudabi_leave_guest(void)
// Called from runtime code running inside a trampoline (so %fs:0 is already
// the runtime's): discards the guest's frames and returns from this thread's
// cloudabi_enter_guest.
  .globl cloudabi_leave_guest
  .type cloudabi_leave_guest, @function
  .p2align 4
cloudabi_leave_guest:
  .cfi_startproc
  movq %fs:cloudabi_host_sp@tpoff, %rsp
  addq $8, %rsp
  popq %r15
  popq %r14
  popq %r13
  popq %r12
  popq %rbx
  popq %rbp
  ret
  .cfi_endproc
  .size cloudabi_leave_guest, . - cloudabi_leave_guest

  .section .note.GNU-stack,"",@progbits
