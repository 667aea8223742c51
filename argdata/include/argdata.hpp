// argdata.hpp - C++17 interface to libargdata.
//
// argdata_t and the reader/writer types gain member functions here; objects
// are still the C library's, owned through std::unique_ptr (whose deleter
// ends up in argdata_free and friends). Nothing here copies data: ranges,
// strings and arrays passed to the create_* functions must outlive the
// value, exactly as with the C functions.

#ifndef ARGDATA_HPP
#define ARGDATA_HPP

#include <time.h>

#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "argdata.h"

struct argdata_t {
  // A contiguous run of T (like std::span, which C++17 lacks).
  template <typename T>
  class range {
   public:
    using element_type = T;
    using value_type = std::remove_cv_t<T>;
    using size_type = std::size_t;
    using pointer = T *;
    using reference = T &;
    using iterator = T *;

    constexpr range() noexcept : data_(nullptr), size_(0) {}
    constexpr range(T *data, std::size_t size) noexcept : data_(data), size_(size) {}
    // From arrays, std::vector, std::array, another range, ...
    template <typename C, typename = std::enable_if_t<
                              !std::is_same_v<std::decay_t<C>, range> &&
                              std::is_convertible_v<decltype(std::data(std::declval<C &>())), T *>>>
    constexpr range(C &&c) noexcept : data_(std::data(c)), size_(std::size(c)) {}

    constexpr T *data() const noexcept { return data_; }
    constexpr std::size_t size() const noexcept { return size_; }
    constexpr bool empty() const noexcept { return size_ == 0; }
    constexpr T *begin() const noexcept { return data_; }
    constexpr T *end() const noexcept { return data_ + size_; }
    constexpr T &operator[](std::size_t i) const noexcept { return data_[i]; }

   private:
    T *data_;
    std::size_t size_;
  };

  // Nanoseconds since 1970-01-01T00:00:00Z.
  using timestamp = std::chrono::time_point<std::chrono::system_clock, std::chrono::nanoseconds>;

  class map;
  class seq;

  // Iterates over the key-value pairs of a map. Dereferencing yields
  // pointers that stay valid until the iterator is advanced or destroyed.
  class map_iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = std::pair<const argdata_t *, const argdata_t *>;
    using difference_type = std::ptrdiff_t;
    using pointer = const value_type *;
    using reference = value_type;

    map_iterator() noexcept { it_.index = ARGDATA_ITERATOR_END; }

    value_type operator*() const noexcept {
      value_type kv{nullptr, nullptr};
      argdata_map_get(&it_, &kv.first, &kv.second);
      return kv;
    }
    pointer operator->() const noexcept {
      current_ = **this;
      return &current_;
    }
    map_iterator &operator++() noexcept {
      argdata_map_next(&it_);
      return *this;
    }
    map_iterator operator++(int) noexcept {
      map_iterator old = *this;
      ++*this;
      return old;
    }

    // Position of the current pair, ARGDATA_ITERATOR_END or
    // ARGDATA_ITERATOR_INVALID.
    std::size_t index() const noexcept { return it_.index; }
    // EINVAL if iteration stopped at corrupt data (or the value is not a
    // map), 0 otherwise.
    int error() const noexcept { return it_.index == ARGDATA_ITERATOR_INVALID ? EINVAL : 0; }

    friend bool operator==(const map_iterator &a, const map_iterator &b) noexcept {
      return a.done() || b.done() ? a.done() == b.done() : a.it_.index == b.it_.index;
    }
    friend bool operator!=(const map_iterator &a, const map_iterator &b) noexcept {
      return !(a == b);
    }

   private:
    friend class map;
    bool done() const noexcept { return it_.index >= ARGDATA_ITERATOR_INVALID; }

    argdata_map_iterator_t it_;
    mutable value_type current_{nullptr, nullptr};
  };

  // Iterates over the elements of a sequence. Dereferencing yields a pointer
  // that stays valid until the iterator is advanced or destroyed.
  class seq_iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = const argdata_t *;
    using difference_type = std::ptrdiff_t;
    using pointer = const value_type *;
    using reference = value_type;

    seq_iterator() noexcept { it_.index = ARGDATA_ITERATOR_END; }

    value_type operator*() const noexcept {
      const argdata_t *element = nullptr;
      argdata_seq_get(&it_, &element);
      return element;
    }
    seq_iterator &operator++() noexcept {
      argdata_seq_next(&it_);
      return *this;
    }
    seq_iterator operator++(int) noexcept {
      seq_iterator old = *this;
      ++*this;
      return old;
    }

    std::size_t index() const noexcept { return it_.index; }
    int error() const noexcept { return it_.index == ARGDATA_ITERATOR_INVALID ? EINVAL : 0; }

    friend bool operator==(const seq_iterator &a, const seq_iterator &b) noexcept {
      return a.done() || b.done() ? a.done() == b.done() : a.it_.index == b.it_.index;
    }
    friend bool operator!=(const seq_iterator &a, const seq_iterator &b) noexcept {
      return !(a == b);
    }

   private:
    friend class seq;
    bool done() const noexcept { return it_.index >= ARGDATA_ITERATOR_INVALID; }

    argdata_seq_iterator_t it_;
  };

  // A map viewed as a range of key-value pairs.
  class map {
   public:
    map() noexcept { start_.it_.index = ARGDATA_ITERATOR_END; }
    explicit map(const argdata_t *ad) noexcept { argdata_map_iterate(ad, &start_.it_); }
    map_iterator begin() const noexcept { return start_; }
    map_iterator end() const noexcept { return map_iterator(); }
    // EINVAL if the value is not a map or starts with corrupt data.
    int error() const noexcept { return start_.error(); }

   private:
    map_iterator start_;
  };

  // A sequence viewed as a range of elements.
  class seq {
   public:
    seq() noexcept { start_.it_.index = ARGDATA_ITERATOR_END; }
    explicit seq(const argdata_t *ad) noexcept { argdata_seq_iterate(ad, &start_.it_); }
    seq_iterator begin() const noexcept { return start_; }
    seq_iterator end() const noexcept { return seq_iterator(); }
    int error() const noexcept { return start_.error(); }

   private:
    seq_iterator start_;
  };

  // argdata_t objects only exist inside the C library.
  argdata_t() = delete;
  argdata_t(const argdata_t &) = delete;
  argdata_t &operator=(const argdata_t &) = delete;
  static void operator delete(void *p) noexcept { argdata_free(static_cast<argdata_t *>(p)); }

  // Factories; nullptr on failure (errno is set).
  static std::unique_ptr<argdata_t> create_from_buffer(range<const unsigned char> buf,
                                                       int (*convert_fd)(void *,
                                                                         std::size_t) = nullptr,
                                                       void *convert_fd_arg = nullptr) {
    return std::unique_ptr<argdata_t>(
        argdata_from_buffer(buf.data(), buf.size(), convert_fd, convert_fd_arg));
  }
  static std::unique_ptr<argdata_t> create_binary(range<const unsigned char> buf) {
    return std::unique_ptr<argdata_t>(argdata_create_binary(buf.data(), buf.size()));
  }
  static std::unique_ptr<argdata_t> create_binary(const void *buf, std::size_t len) {
    return std::unique_ptr<argdata_t>(argdata_create_binary(buf, len));
  }
  static std::unique_ptr<argdata_t> create_fd(int fd) {
    return std::unique_ptr<argdata_t>(argdata_create_fd(fd));
  }
  static std::unique_ptr<argdata_t> create_float(double value) {
    return std::unique_ptr<argdata_t>(argdata_create_float(value));
  }
  template <typename T,
            std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  static std::unique_ptr<argdata_t> create_int(T value) {
    if constexpr (std::is_signed_v<T>) {
      return std::unique_ptr<argdata_t>(argdata_create_int_s(value));
    } else {
      return std::unique_ptr<argdata_t>(argdata_create_int_u(value));
    }
  }
  static std::unique_ptr<argdata_t> create_int(int value) {
    return std::unique_ptr<argdata_t>(argdata_create_int_s(value));
  }
  // nullptr with errno == EILSEQ if the string is not valid UTF-8. Embedded
  // NULs are kept.
  static std::unique_ptr<argdata_t> create_str(std::string_view str) {
    return std::unique_ptr<argdata_t>(argdata_create_str(str.data(), str.size()));
  }
  static std::unique_ptr<argdata_t> create_timestamp(const struct timespec &ts) {
    return std::unique_ptr<argdata_t>(argdata_create_timestamp(&ts));
  }
  static std::unique_ptr<argdata_t> create_timestamp(timestamp t) {
    std::int64_t ns = t.time_since_epoch().count();
    struct timespec ts;
    ts.tv_sec = static_cast<time_t>(ns / 1000000000);
    ts.tv_nsec = static_cast<long>(ns % 1000000000);
    if (ts.tv_nsec < 0) {
      ts.tv_nsec += 1000000000;
      --ts.tv_sec;
    }
    return create_timestamp(ts);
  }
  // keys and values must have the same size (else nullptr, errno EINVAL).
  static std::unique_ptr<argdata_t> create_map(range<const argdata_t *const> keys,
                                               range<const argdata_t *const> values) {
    if (keys.size() != values.size()) {
      errno = EINVAL;
      return nullptr;
    }
    return std::unique_ptr<argdata_t>(argdata_create_map(keys.data(), values.data(), keys.size()));
  }
  static std::unique_ptr<argdata_t> create_seq(range<const argdata_t *const> elements) {
    return std::unique_ptr<argdata_t>(argdata_create_seq(elements.data(), elements.size()));
  }

  // The constants.
  static const argdata_t *false_() noexcept { return &argdata_false; }
  static const argdata_t *true_() noexcept { return &argdata_true; }
  static const argdata_t *null() noexcept { return &argdata_null; }
  static const argdata_t *bool_(bool value) noexcept { return value ? true_() : false_(); }

  // Getters: std::nullopt if the value is of another type, malformed or out
  // of range.
  std::optional<range<const unsigned char>> get_binary() const {
    const void *buf;
    std::size_t len;
    if (argdata_get_binary(this, &buf, &len) != 0) return std::nullopt;
    return range<const unsigned char>(static_cast<const unsigned char *>(buf), len);
  }
  std::optional<bool> get_bool() const {
    bool value;
    if (argdata_get_bool(this, &value) != 0) return std::nullopt;
    return value;
  }
  std::optional<int> get_fd() const {
    int fd;
    if (argdata_get_fd(this, &fd) != 0) return std::nullopt;
    return fd;
  }
  std::optional<double> get_float() const {
    double value;
    if (argdata_get_float(this, &value) != 0) return std::nullopt;
    return value;
  }
  template <typename T = std::intmax_t>
  std::optional<T> get_int() const {
    static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>, "integer type required");
    if constexpr (std::is_signed_v<T>) {
      std::intmax_t value;
      if (argdata_get_int_s(this, &value, std::numeric_limits<T>::min(),
                            std::numeric_limits<T>::max()) != 0)
        return std::nullopt;
      return static_cast<T>(value);
    } else {
      std::uintmax_t value;
      if (argdata_get_int_u(this, &value, std::numeric_limits<T>::max()) != 0) return std::nullopt;
      return static_cast<T>(value);
    }
  }
  std::optional<std::string_view> get_str() const {
    const char *str;
    std::size_t len;
    if (argdata_get_str(this, &str, &len) != 0) return std::nullopt;
    return std::string_view(str, len);
  }
  std::optional<struct timespec> get_timespec() const {
    struct timespec ts;
    if (argdata_get_timestamp(this, &ts) != 0) return std::nullopt;
    return ts;
  }
  // std::nullopt also if the time does not fit in 64-bit nanoseconds.
  std::optional<timestamp> get_timestamp() const {
    std::optional<struct timespec> ts = get_timespec();
    if (!ts) return std::nullopt;
    constexpr std::int64_t giga = 1000000000;
    constexpr std::int64_t lo = std::numeric_limits<std::int64_t>::min() / giga;
    if (ts->tv_sec < lo ||
        ts->tv_sec > (std::numeric_limits<std::int64_t>::max() - ts->tv_nsec) / giga)
      return std::nullopt;
    return timestamp(
        std::chrono::nanoseconds(static_cast<std::int64_t>(ts->tv_sec) * giga + ts->tv_nsec));
  }
  std::optional<map> get_map() const {
    map m(this);
    if (m.error() != 0) return std::nullopt;
    return m;
  }
  std::optional<seq> get_seq() const {
    seq s(this);
    if (s.error() != 0) return std::nullopt;
    return s;
  }

  // Getters with defaults: empty, false, -1, 0.0, 0, "", the epoch, empty.
  range<const unsigned char> as_binary() const {
    return get_binary().value_or(range<const unsigned char>());
  }
  bool as_bool() const { return get_bool().value_or(false); }
  int as_fd() const { return get_fd().value_or(-1); }
  double as_float() const { return get_float().value_or(0.0); }
  template <typename T = std::intmax_t>
  T as_int() const {
    return get_int<T>().value_or(T(0));
  }
  std::string_view as_str() const { return get_str().value_or(std::string_view()); }
  timestamp as_timestamp() const { return get_timestamp().value_or(timestamp()); }
  map as_map() const { return map(this); }
  seq as_seq() const { return seq(this); }

  // Serialization.
  std::size_t serialized_length(std::size_t *n_fds = nullptr) const {
    std::size_t size;
    argdata_serialized_length(this, &size, n_fds);
    return size;
  }
  // Descriptor numbers are written literally.
  void serialize(std::vector<unsigned char> &buf) const {
    buf.resize(serialized_length());
    argdata_serialize(this, buf.data(), nullptr);
  }
  // Descriptors become indices into fds.
  void serialize(std::vector<unsigned char> &buf, std::vector<int> &fds) const {
    std::size_t n_fds;
    buf.resize(serialized_length(&n_fds));
    fds.resize(n_fds);
    fds.resize(argdata_serialize(this, buf.data(), fds.data()));
  }
  std::vector<unsigned char> serialize(std::vector<int> *fds = nullptr) const {
    std::vector<unsigned char> buf;
    if (fds != nullptr) {
      serialize(buf, *fds);
    } else {
      serialize(buf);
    }
    return buf;
  }
};

struct argdata_reader_t {
  argdata_reader_t() = delete;
  argdata_reader_t(const argdata_reader_t &) = delete;
  argdata_reader_t &operator=(const argdata_reader_t &) = delete;
  static void operator delete(void *p) noexcept {
    argdata_reader_free(static_cast<argdata_reader_t *>(p));
  }

  static std::unique_ptr<argdata_reader_t> create(std::size_t max_data_len,
                                                  std::size_t max_fds_len) {
    return std::unique_ptr<argdata_reader_t>(argdata_reader_create(max_data_len, max_fds_len));
  }
  // The last message read; nullptr after end-of-file.
  const argdata_t *get() const { return argdata_reader_get(this); }
  // 0 when a message (or end-of-file) was read, else an errno value.
  int pull(int fd) { return argdata_reader_pull(this, fd); }
  // Takes ownership of a received descriptor away from the reader.
  void release_fd(int fd) { argdata_reader_release_fd(this, fd); }
};

struct argdata_writer_t {
  argdata_writer_t() = delete;
  argdata_writer_t(const argdata_writer_t &) = delete;
  argdata_writer_t &operator=(const argdata_writer_t &) = delete;
  static void operator delete(void *p) noexcept {
    argdata_writer_free(static_cast<argdata_writer_t *>(p));
  }

  static std::unique_ptr<argdata_writer_t> create() {
    return std::unique_ptr<argdata_writer_t>(argdata_writer_create());
  }
  // 0 once the current message has been written completely, else an errno
  // value (EAGAIN: call again when the descriptor is writable).
  int push(int fd) { return argdata_writer_push(this, fd); }
  void set(const argdata_t *ad) { argdata_writer_set(this, ad); }
};

#endif
