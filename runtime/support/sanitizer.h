// Whether this build runs under AddressSanitizer. Its runtime changes what a
// process may safely do: it makes system calls of its own (so a strict
// seccomp filter kills it) and does not hold its allocator's locks across
// fork() (so a child forked while other threads allocate can hang).
#pragma once

namespace cloudabi {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

}  // namespace cloudabi
