// httpd: a static-file HTTP/1.1 server.
//
// It is given everything it may use: a listening socket, a read-only document
// root and a descriptor to log to. It serves the files beneath the root (GET
// and HEAD) with their length and MIME type, to many clients at once (one
// thread, poll()), keeps connections alive, serves a directory by its
// index.html (redirecting "/dir" to "/dir/"), and answers 400, 403, 404, 405,
// 431, 500, 503 (out of descriptors) and 505 where they apply. It refuses "..", "." and empty path
// segments (so also absolute paths such as "//etc/passwd") before it opens
// anything; under cloudabi-run the runtime would refuse them as well, since
// every open stays beneath the root descriptor.
//
//   cloudabi-run httpd httpd.yaml        (socket: !socket {bind: ...}, root: !file ...)
//
// The same source builds natively (the HTTP benchmark compares the two):
//
//   httpd socket=127.0.0.1:8080 root=www log=2       (or socket=N: an inherited socket)
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifdef __CloudABI__
#include <argdata.h>
#include <program.h>
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#endif

#define REQUEST_MAX 8192     // Request line and headers together.
#define OUT_MAX (16 * 1024)  // Response buffer per connection, refilled from the file.
#define IDLE_SECONDS 30      // Idle connections are closed after this long.
#define DRAIN_SECONDS 2      // How long a closing connection's unread input is drained.

struct config {
  int socket;       // Listening socket.
  int root;         // Document root directory.
  int log;          // Request log; -1: none.
  int max_clients;  // Connections at once.
  // 0 turns off the server's own check of request paths, simulating a
  // path-traversal bug, to show that the sandbox still holds (make demo and
  // the tests use it). Never turn it off for real.
  int check_paths;
};

struct conn {
  int fd;
  char in[REQUEST_MAX];
  size_t in_len;
  char out[OUT_MAX];
  size_t out_len, out_off;
  int file;                  // Body still to send from this file, or -1.
  off_t file_off, file_end;  // Next byte and end of the body.
  int close_after;           // Close once the response is out.
  int draining;              // Response out, write side shut: reading until the client closes.
  time_t last_active;
};

static struct config cfg;
static struct conn **conns;
static size_t nconns;

static time_t now_seconds(void) {
  struct timespec ts;
  if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) return 0;
  return ts.tv_sec;
}

static void write_all(int fd, const char *buf, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, buf, len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    buf += n;
    len -= (size_t)n;
  }
}

// One line per request: method, target (non-printable bytes as '?'),
// status, body bytes.
static void log_request(const char *method, const char *target, size_t target_len, int status,
                        long long bytes) {
  if (cfg.log < 0) return;
  char clean[256];
  size_t n = target_len < sizeof(clean) - 1 ? target_len : sizeof(clean) - 1;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = (unsigned char)target[i];
    clean[i] = c > 0x20 && c < 0x7f ? (char)c : '?';
  }
  clean[n] = '\0';
  char line[400];
  int len = snprintf(line, sizeof(line), "%s %s%s %d %lld\n", method, clean,
                     target_len > n ? "..." : "", status, bytes);
  if (len > 0)
    write_all(cfg.log, line, (size_t)len < sizeof(line) ? (size_t)len : sizeof(line) - 1);
}

static void log_error(const char *what, int error) {
  if (cfg.log < 0) return;
  char line[200];
  int len = snprintf(line, sizeof(line), "httpd: %s: %s\n", what, strerror(error));
  if (len > 0)
    write_all(cfg.log, line, (size_t)len < sizeof(line) ? (size_t)len : sizeof(line) - 1);
}

static const char *mime_type(const char *path) {
  static const struct {
    const char *ext, *type;
  } types[] = {
      {"html", "text/html; charset=utf-8"},
      {"htm", "text/html; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"json", "application/json"},
      {"txt", "text/plain; charset=utf-8"},
      {"md", "text/markdown; charset=utf-8"},
      {"csv", "text/csv; charset=utf-8"},
      {"xml", "application/xml"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"ico", "image/vnd.microsoft.icon"},
      {"wasm", "application/wasm"},
      {"pdf", "application/pdf"},
      {"woff", "font/woff"},
      {"woff2", "font/woff2"},
  };
  const char *slash = strrchr(path, '/');
  const char *dot = strrchr(slash != NULL ? slash : path, '.');
  if (dot != NULL) {
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); ++i) {
      if (strcasecmp(dot + 1, types[i].ext) == 0) return types[i].type;
    }
  }
  return "application/octet-stream";
}

static const char *reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 301:
      return "Moved Permanently";
    case 400:
      return "Bad Request";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Error";
  }
}

// Queues the status line and headers of a response.
static void queue_head(struct conn *c, int status, const char *type, long long length,
                       const char *extra) {
  int n = snprintf(c->out + c->out_len, sizeof(c->out) - c->out_len,
                   "HTTP/1.1 %d %s\r\nServer: cloudabi-httpd\r\nContent-Type: %s\r\n"
                   "Content-Length: %lld\r\n%sConnection: %s\r\n\r\n",
                   status, reason(status), type, length, extra,
                   c->close_after ? "close" : "keep-alive");
  if (n > 0 && (size_t)n < sizeof(c->out) - c->out_len) c->out_len += (size_t)n;
}

// Queues an error response with a short HTML body.
static void queue_error(struct conn *c, int status, int head_only, const char *extra) {
  char body[160];
  int n = snprintf(body, sizeof(body), "<!DOCTYPE html>\n<title>%d %s</title>\n<h1>%d %s</h1>\n",
                   status, reason(status), status, reason(status));
  if (n < 0) n = 0;
  queue_head(c, status, "text/html; charset=utf-8", n, extra);
  if (!head_only && (size_t)n <= sizeof(c->out) - c->out_len) {
    memcpy(c->out + c->out_len, body, (size_t)n);
    c->out_len += (size_t)n;
  }
}

// Appends a string if it fits (glibc 2.36 has no strlcat).
static int append(char *buf, size_t size, const char *s) {
  size_t len = strlen(buf), add = strlen(s);
  if (len + add >= size) return 0;
  memcpy(buf + len, s, add + 1);
  return 1;
}

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Turns the request target into a path relative to the root: percent-decodes
// it and checks every segment. Returns 0, or the status to answer with.
static int target_to_path(const char *target, size_t len, char *path, size_t path_size) {
  if (len == 0 || target[0] != '/') return 400;  // Only origin-form ("/...").
  size_t end = 0;
  while (end < len && target[end] != '?' && target[end] != '#') ++end;
  size_t out = 0;
  for (size_t i = 1; i < end; ++i) {
    char ch = target[i];
    if (ch == '%') {
      int hi = i + 2 < end ? hex_value(target[i + 1]) : -1;
      int lo = hi >= 0 ? hex_value(target[i + 2]) : -1;
      if (lo < 0) return 400;
      ch = (char)(hi * 16 + lo);
      if (ch == '\0') return 400;
      i += 2;
    }
    if (out + 1 >= path_size) return 404;
    path[out++] = ch;
  }
  path[out] = '\0';
  // Every segment between slashes must be a name: not empty (that would make
  // "//etc/passwd" absolute), not "." and not "..". A trailing slash is fine.
  for (size_t start = 0; start < out && cfg.check_paths;) {
    size_t stop = start;
    while (stop < out && path[stop] != '/') ++stop;
    size_t seg = stop - start;
    if (seg == 0) return 400;
    if (path[start] == '.' && (seg == 1 || (seg == 2 && path[start + 1] == '.'))) return 400;
    start = stop + 1;
  }
  // Directories are served by their index.html.
  if (out == 0 || path[out - 1] == '/') {
    if (!append(path, path_size, "index.html")) return 404;
  }
  return 0;
}

static int status_of_open_error(int error) {
  switch (error) {
    case ENOENT:
    case ENOTDIR:
    case ENAMETOOLONG:
      return 404;
    case EACCES:
    case EPERM:
    case ELOOP:
#ifdef ENOTCAPABLE
    case ENOTCAPABLE:
#endif
      return 403;
    case EMFILE:
    case ENFILE:
      return 503;  // Out of descriptors: come back later.
    default:
      return 500;
  }
}

// Opens the file for a path; returns the descriptor, or -status (-301 for
// a directory named without its trailing slash).
static int open_file(const char *path, struct stat *st) {
  int fd = openat(cfg.root, path, O_RDONLY);
  if (fd < 0) return -status_of_open_error(errno);
  if (fstat(fd, st) != 0) {
    int error = errno;
    close(fd);
    return -status_of_open_error(error);
  }
  if (S_ISDIR(st->st_mode)) {
    close(fd);
    return -301;  // "/dir" is served as "/dir/", so that relative links work.
  }
  if (!S_ISREG(st->st_mode)) {
    close(fd);
    return -403;
  }
  return fd;
}

static int token_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

// The length of the request head (through its empty line), or 0 if it is
// not complete yet. Lines end in CRLF or, leniently, LF.
static size_t head_length(const char *buf, size_t len) {
  for (size_t i = 0; i < len; ++i) {
    if (buf[i] != '\n') continue;
    if (i + 1 < len && buf[i + 1] == '\n') return i + 2;
    if (i + 2 < len && buf[i + 1] == '\r' && buf[i + 2] == '\n') return i + 3;
  }
  return 0;
}

// Handles one complete request head of `len` bytes at the start of c->in.
static void handle_request(struct conn *c, size_t len) {
  char *head = c->in;
  // Request line: METHOD SP TARGET SP VERSION.
  char *line_end = memchr(head, '\n', len);
  size_t line_len = (size_t)(line_end - head);
  if (line_len > 0 && head[line_len - 1] == '\r') --line_len;
  char *sp1 = memchr(head, ' ', line_len);
  char *sp2 = sp1 != NULL ? memchr(sp1 + 1, ' ', line_len - (size_t)(sp1 + 1 - head)) : NULL;
  const char *method = "-";
  char method_buf[16];
  if (sp1 == NULL || sp2 == NULL || sp1 == head || sp2 == sp1 + 1) {
    c->close_after = 1;
    queue_error(c, 400, 0, "");
    log_request(method, head, line_len, 400, 0);
    return;
  }
  size_t method_len = (size_t)(sp1 - head);
  const char *target = sp1 + 1;
  size_t target_len = (size_t)(sp2 - target);
  const char *version = sp2 + 1;
  size_t version_len = line_len - (size_t)(version - head);
  int valid_method = method_len < sizeof(method_buf);
  for (size_t i = 0; i < method_len; ++i) valid_method = valid_method && token_char(head[i]);
  if (valid_method) {
    memcpy(method_buf, head, method_len);
    method_buf[method_len] = '\0';
    method = method_buf;
  }
  int http10 = version_len == 8 && memcmp(version, "HTTP/1.0", 8) == 0;
  int http11 = version_len == 8 && memcmp(version, "HTTP/1.1", 8) == 0;
  int status = 0;
  if (!valid_method || version_len < 5 || memcmp(version, "HTTP/", 5) != 0 ||
      memchr(target, ' ', target_len) != NULL) {
    status = 400;
  } else if (!http10 && !http11) {
    status = 505;
  }
  c->close_after = !http11;

  // Headers.
  int has_host = 0, has_body = 0;
  char *p = line_end + 1;
  char *end = head + len;
  while (status == 0 && p < end) {
    char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t l = (size_t)(nl - p);
    if (l > 0 && p[l - 1] == '\r') --l;
    if (l == 0) break;  // The empty line.
    char *colon = memchr(p, ':', l);
    if (colon == NULL || colon == p) {
      status = 400;
      break;
    }
    size_t name_len = (size_t)(colon - p);
    for (size_t i = 0; i < name_len; ++i) {
      if (!token_char(p[i])) status = 400;  // Also rejects "Name :".
    }
    char *value = colon + 1;
    size_t value_len = l - name_len - 1;
    while (value_len > 0 && (*value == ' ' || *value == '\t')) ++value, --value_len;
    while (value_len > 0 && (value[value_len - 1] == ' ' || value[value_len - 1] == '\t')) {
      --value_len;
    }
    if (name_len == 4 && strncasecmp(p, "Host", 4) == 0) {
      if (has_host) status = 400;  // More than one Host.
      has_host = 1;
    } else if (name_len == 10 && strncasecmp(p, "Connection", 10) == 0) {
      // A list of options; "close" and "keep-alive" are the ones that matter.
      for (size_t i = 0; i < value_len;) {
        while (i < value_len && (value[i] == ',' || value[i] == ' ' || value[i] == '\t')) ++i;
        size_t j = i;
        while (j < value_len && value[j] != ',' && value[j] != ' ' && value[j] != '\t') ++j;
        if (j - i == 5 && strncasecmp(value + i, "close", 5) == 0) c->close_after = 1;
        if (j - i == 10 && strncasecmp(value + i, "keep-alive", 10) == 0 && http10) {
          c->close_after = 0;
        }
        i = j;
      }
    } else if (name_len == 14 && strncasecmp(p, "Content-Length", 14) == 0) {
      if (!(value_len == 1 && value[0] == '0')) has_body = 1;
    } else if (name_len == 17 && strncasecmp(p, "Transfer-Encoding", 17) == 0) {
      has_body = 1;
    }
    p = nl + 1;
  }
  if (status == 0 && http11 && !has_host) status = 400;  // RFC 9112, 3.2.
  // This server reads no request bodies: after a request that has one, the
  // connection cannot be reused, as the body would be read as a request.
  if (has_body) c->close_after = 1;

  int head_only = 0;
  if (status == 0) {
    if (method_len == 4 && memcmp(method, "HEAD", 4) == 0) {
      head_only = 1;
    } else if (!(method_len == 3 && memcmp(method, "GET", 3) == 0)) {
      status = 405;
    }
  }
  char path[1024];
  if (status == 0) status = target_to_path(target, target_len, path, sizeof(path));
  if (status != 0) {
    if (status == 400 || status == 505) c->close_after = 1;
    queue_error(c, status, head_only, status == 405 ? "Allow: GET, HEAD\r\n" : "");
    log_request(method, target, target_len, status, 0);
    return;
  }

  struct stat st;
  int fd = open_file(path, &st);
  if (fd == -301) {
    // Redirect to the same path with a slash (the target has no spaces or
    // line breaks, so it cannot inject headers).
    size_t path_len = 0;
    while (path_len < target_len && target[path_len] != '?' && target[path_len] != '#') ++path_len;
    char location[1100];
    if (path_len > 1024) {
      fd = -404;
    } else {
      snprintf(location, sizeof(location), "Location: %.*s/\r\n", (int)path_len, target);
      queue_error(c, 301, head_only, location);
      log_request(method, target, target_len, 301, 0);
      return;
    }
  }
  if (fd == -503) c->close_after = 1;  // Give a descriptor back.
  if (fd < 0) {
    queue_error(c, -fd, head_only, fd == -503 ? "Retry-After: 1\r\n" : "");
    log_request(method, target, target_len, -fd, 0);
    return;
  }
  queue_head(c, 200, mime_type(path), (long long)st.st_size, "");
  log_request(method, target, target_len, 200, head_only ? 0 : (long long)st.st_size);
  if (head_only || st.st_size == 0) {
    close(fd);
    return;
  }
  c->file = fd;
  c->file_off = 0;
  c->file_end = st.st_size;
}

static void close_conn(size_t i) {
  struct conn *c = conns[i];
  if (c->file >= 0) close(c->file);
  close(c->fd);
  free(c);
  conns[i] = conns[--nconns];
}

// Moves the response forward: refills the buffer from the file and writes.
// Returns 0 to keep the connection, -1 to close it.
static int flush_conn(struct conn *c) {
  for (;;) {
    if (c->out_off == c->out_len && c->file >= 0) {
      // Refill from the file, right after whatever is left in the buffer.
      c->out_off = c->out_len = 0;
      off_t want = c->file_end - c->file_off;
      if (want > (off_t)sizeof(c->out)) want = (off_t)sizeof(c->out);
      ssize_t n = pread(c->file, c->out, (size_t)want, c->file_off);
      if (n <= 0) return -1;  // The file shrank or broke: the length is a lie now.
      c->out_len = (size_t)n;
      c->file_off += n;
      if (c->file_off == c->file_end) {
        close(c->file);
        c->file = -1;
      }
    } else if (c->out_len - c->out_off > 0 && c->file >= 0 && c->out_off == 0 &&
               c->out_len < sizeof(c->out)) {
      // Head and the start of a small body in one write.
      off_t want = c->file_end - c->file_off;
      if (want > (off_t)(sizeof(c->out) - c->out_len)) want = (off_t)(sizeof(c->out) - c->out_len);
      ssize_t n = pread(c->file, c->out + c->out_len, (size_t)want, c->file_off);
      if (n <= 0) return -1;
      c->out_len += (size_t)n;
      c->file_off += n;
      if (c->file_off == c->file_end) {
        close(c->file);
        c->file = -1;
      }
    }
    if (c->out_off == c->out_len) return 0;  // Done.
    ssize_t n = write(c->fd, c->out + c->out_off, c->out_len - c->out_off);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
    }
    c->out_off += (size_t)n;
    if (c->out_off == c->out_len && c->file < 0) {
      c->out_off = c->out_len = 0;
      return 0;
    }
  }
}

static int busy(const struct conn *c) { return c->out_off != c->out_len || c->file >= 0; }

// Answers every complete request in the input while the output is free.
// Returns 0 to keep the connection, -1 to close it.
static int serve(struct conn *c) {
  for (;;) {
    if (busy(c)) {
      if (flush_conn(c) != 0) return -1;
      if (busy(c)) return 0;  // Wait for POLLOUT.
    }
    if (c->close_after) {
      // The last response is out. Closing a socket with unread input makes
      // the kernel send a reset, which can destroy the response before the
      // client has read it; so shut the write side and read until the
      // client closes (or DRAIN_SECONDS pass), as a lingering close.
      if (shutdown(c->fd, SHUT_WR) != 0) return -1;
      c->draining = 1;
      return 0;
    }
    // Empty lines before a request line are ignored (RFC 9112, 2.2).
    size_t blank = 0;
    while (blank < c->in_len && (c->in[blank] == '\r' || c->in[blank] == '\n')) ++blank;
    if (blank > 0) {
      memmove(c->in, c->in + blank, c->in_len - blank);
      c->in_len -= blank;
    }
    size_t len = head_length(c->in, c->in_len);
    if (len == 0) {
      if (c->in_len == sizeof(c->in)) {
        c->close_after = 1;
        queue_error(c, 431, 0, "");
        log_request("-", c->in, 0, 431, 0);
        continue;
      }
      return 0;  // Wait for more input.
    }
    handle_request(c, len);
    memmove(c->in, c->in + len, c->in_len - len);
    c->in_len -= len;
  }
}

static time_t accept_paused_until;  // After running out of descriptors.

static void accept_clients(void) {
  while (nconns < (size_t)cfg.max_clients) {
    int fd = accept(cfg.socket, NULL, NULL);
    if (fd < 0) {
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR && errno != ECONNABORTED) {
        log_error("accept", errno);
        // Out of descriptors or memory: the connection stays queued and the
        // socket readable, so stop polling it for a second instead of spinning.
        accept_paused_until = now_seconds() + 1;
      }
      return;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) {
      log_error("making a connection non-blocking", errno);
      close(fd);
      continue;
    }
    struct conn *c = malloc(sizeof(*c));
    if (c == NULL) {
      close(fd);
      return;
    }
    c->fd = fd;
    c->in_len = c->out_len = c->out_off = 0;
    c->file = -1;
    c->file_off = c->file_end = 0;
    c->close_after = 0;
    c->draining = 0;
    c->last_active = now_seconds();
    conns[nconns++] = c;
  }
}

static _Noreturn void run_server(void) {
  conns = calloc((size_t)cfg.max_clients, sizeof(*conns));
  struct pollfd *fds = calloc((size_t)cfg.max_clients + 1, sizeof(*fds));
  if (conns == NULL || fds == NULL) {
    log_error("allocating the connection table", ENOMEM);
    exit(1);
  }
  int flags = fcntl(cfg.socket, F_GETFL);
  if (flags < 0 || fcntl(cfg.socket, F_SETFL, flags | O_NONBLOCK) != 0) {
    log_error("making the listening socket non-blocking", errno);
    exit(1);
  }
  time_t last_sweep = now_seconds();
  for (;;) {
    // The listening socket only while there is room for another client.
    size_t n = 0;
    if (nconns < (size_t)cfg.max_clients && now_seconds() >= accept_paused_until) {
      fds[n++] = (struct pollfd){.fd = cfg.socket, .events = POLLIN};
    }
    size_t first = n;
    for (size_t i = 0; i < nconns; ++i) {
      fds[n++] = (struct pollfd){.fd = conns[i]->fd, .events = busy(conns[i]) ? POLLOUT : POLLIN};
    }
    int ready = poll(fds, n, nconns > 0 || first == 0 ? 1000 : -1);
    if (ready < 0) {
      if (errno == EINTR) continue;
      log_error("poll", errno);
      exit(1);
    }
    time_t now = now_seconds();
    // Walk backwards: close_conn() moves the last connection into the slot.
    for (size_t k = n; k-- > first;) {
      size_t i = k - first;
      struct conn *c = conns[i];
      short ev = fds[k].revents;
      if (ev == 0) continue;
      c->last_active = now;
      int keep = 0;
      if (c->draining) {
        char scratch[4096];
        ssize_t got = read(c->fd, scratch, sizeof(scratch));
        keep = got > 0 || (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
                   ? 0
                   : -1;
      } else if (ev & POLLOUT) {
        keep = serve(c);
      } else if (ev & (POLLIN | POLLHUP | POLLERR)) {
        ssize_t got = read(c->fd, c->in + c->in_len, sizeof(c->in) - c->in_len);
        if (got > 0) {
          c->in_len += (size_t)got;
          keep = serve(c);
        } else if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
          keep = 0;
        } else {
          keep = -1;  // End of input or an error.
        }
      } else {
        keep = -1;  // POLLNVAL.
      }
      if (keep != 0) close_conn(i);
    }
    if (first == 1 && (fds[0].revents & POLLIN)) accept_clients();
    if (now - last_sweep >= 1) {
      last_sweep = now;
      for (size_t i = nconns; i-- > 0;) {
        if (now - conns[i]->last_active >= (conns[i]->draining ? DRAIN_SECONDS : IDLE_SECONDS)) {
          close_conn(i);
        }
      }
    }
  }
}

#ifdef __CloudABI__
// The configuration is one map: {socket: fd, root: fd, log: fd, max_clients: N,
// check_paths: bool}.
void program_main(const argdata_t *ad) {
  cfg = (struct config){.socket = -1, .root = -1, .log = -1, .max_clients = 1000, .check_paths = 1};
  argdata_map_iterator_t it;
  const argdata_t *key, *value;
  for (argdata_map_iterate(ad, &it); argdata_map_get(&it, &key, &value); argdata_map_next(&it)) {
    const char *name;
    if (argdata_get_str_c(key, &name) != 0) continue;
    if (strcmp(name, "socket") == 0) {
      argdata_get_fd(value, &cfg.socket);
    } else if (strcmp(name, "root") == 0) {
      argdata_get_fd(value, &cfg.root);
    } else if (strcmp(name, "log") == 0) {
      argdata_get_fd(value, &cfg.log);
    } else if (strcmp(name, "max_clients") == 0) {
      int n;
      if (argdata_get_int(value, &n) == 0 && n > 0 && n <= 100000) cfg.max_clients = n;
    } else if (strcmp(name, "check_paths") == 0) {
      bool check;
      if (argdata_get_bool(value, &check) == 0) cfg.check_paths = check;
    }
  }
  if (cfg.socket < 0 || cfg.root < 0) {
    log_error("the configuration needs socket and root descriptors", EINVAL);
    exit(2);
  }
  run_server();
}
#else
// Natively: httpd socket=HOST:PORT|FD root=DIR [log=FD] [max_clients=N] [check_paths=0].
static int listen_on(const char *address) {
  char *end;
  long fd = strtol(address, &end, 10);
  if (*address != '\0' && *end == '\0') return (int)fd;  // An inherited socket.
  const char *colon = strrchr(address, ':');
  if (colon == NULL) return -1;
  char host[64];
  size_t host_len = (size_t)(colon - address);
  if (host_len >= sizeof(host)) return -1;
  memcpy(host, address, host_len);
  host[host_len] = '\0';
  struct sockaddr_in sin = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(colon + 1))};
  if (inet_pton(AF_INET, host, &sin.sin_addr) != 1) return -1;
  int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  if (s < 0 || setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0 ||
      bind(s, (struct sockaddr *)&sin, sizeof(sin)) != 0 || listen(s, SOMAXCONN) != 0) {
    return -1;
  }
  return s;
}

static int usage(void) {
  fprintf(stderr,
          "usage: httpd socket=HOST:PORT|FD root=DIR [log=FD] [max_clients=N] [check_paths=0]\n");
  return 2;
}

int main(int argc, char **argv) {
  cfg = (struct config){.socket = -1, .root = -1, .log = 2, .max_clients = 1000, .check_paths = 1};
  for (int i = 1; i < argc; ++i) {
    const char *arg = argv[i];
    if (strncmp(arg, "socket=", 7) == 0) {
      cfg.socket = listen_on(arg + 7);
      if (cfg.socket < 0) {
        fprintf(stderr, "httpd: cannot listen on %s: %s\n", arg + 7, strerror(errno));
        return 2;
      }
    } else if (strncmp(arg, "root=", 5) == 0) {
      cfg.root = open(arg + 5, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (cfg.root < 0) {
        fprintf(stderr, "httpd: cannot open %s: %s\n", arg + 5, strerror(errno));
        return 2;
      }
    } else if (strncmp(arg, "log=", 4) == 0) {
      cfg.log = atoi(arg + 4);
    } else if (strcmp(arg, "check_paths=0") == 0) {
      cfg.check_paths = 0;
    } else if (strncmp(arg, "max_clients=", 12) == 0) {
      cfg.max_clients = atoi(arg + 12);
      if (cfg.max_clients < 1) cfg.max_clients = 1;
    } else {
      return usage();
    }
  }
  if (cfg.socket < 0 || cfg.root < 0) return usage();
  signal(SIGPIPE, SIG_IGN);  // A client that goes away is an EPIPE, not a signal.
  run_server();
}
#endif
