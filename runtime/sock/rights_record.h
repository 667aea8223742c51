// Rights travel with descriptors sent over sockets.
//
// Linux passes open files between processes (SCM_RIGHTS) but knows nothing of
// CloudABI rights, so sock_send attaches one extra descriptor after the
// program's: a sealed memfd holding a rights record, one entry per
// descriptor. The receiving runtime recognises the record (last descriptor,
// sealed against writing and resizing, exact size, magic, version, entry count
// equal to the number of other descriptors), closes it, and gives each
// received descriptor at most the rights the record lists. Descriptors that
// arrive without a record (from a program that is not a CloudABI runtime) get
// the most their type allows, narrowed by their access mode, as in the
// reference's emulator.
//
// Trust: a record can only take rights away. A forged record gains nothing a
// sender without one would not get, so the receiver needs no trust in it.
// Trade-off: a receiver that is not a CloudABI runtime sees one descriptor
// more than the program sent (the record, a small read-only memfd), and a
// message carries at most 252 of the program's descriptors (Linux's limit is
// 253 per message).
//
// Record layout (version 1, little-endian as on x86_64):
//   magic "CABIRGHT" (8 bytes), u32 version = 1, u32 count,
//   count x { u8 filetype, u8 padding[7], u64 rights_base, u64 rights_inheriting }
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "runtime/fd/fd_table.h"
#include "runtime/support/result.h"

namespace cloudabi::runtime {

// The most descriptors a program can send in one message.
inline constexpr size_t kMaxSentDescriptors = 252;

// Creates the record for these descriptors' entries: a sealed memfd
// (close-on-exec) the caller sends after them and then closes.
Result<int> make_rights_record(const std::vector<FdEntry>& entries);

// If `fd` is a rights record for `count` descriptors, returns its entries.
std::optional<std::vector<FdEntry>> read_rights_record(int fd, size_t count);

// The entry for a descriptor received over a socket: its type and maximal
// rights from describe_fd(), narrowed by the sender's record entry if there
// is one. A record may refine a regular file to shared memory (Linux shows a
// memfd as a regular file), never to anything else.
Result<FdEntry> received_entry(int fd, const FdEntry* record);

}  // namespace cloudabi::runtime
