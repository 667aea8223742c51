// hello: the smallest useful CloudABI program. It gets everything it may use
// through its argument data: a descriptor to write to and the message.
//
//   cloudabi-run hello hello.yaml
#include <argdata.h>
#include <cloudabi_syscalls.h>
#include <program.h>
#include <stdlib.h>
#include <string.h>

static void write_all(int fd, const char *buf, size_t len) {
  while (len > 0) {
    cloudabi_ciovec_t iov = {.buf = buf, .buf_len = len};
    size_t written;
    if (cloudabi_sys_fd_write((cloudabi_fd_t)fd, &iov, 1, &written) != 0) exit(1);
    buf += written;
    len -= written;
  }
}

void program_main(const argdata_t *ad) {
  int out = -1;
  const char *message = "Hello, world!";
  argdata_map_iterator_t it;
  const argdata_t *key, *value;
  for (argdata_map_iterate(ad, &it); argdata_map_get(&it, &key, &value); argdata_map_next(&it)) {
    const char *name;
    if (argdata_get_str_c(key, &name) != 0) continue;
    if (strcmp(name, "stdout") == 0) {
      argdata_get_fd(value, &out);
    } else if (strcmp(name, "message") == 0) {
      argdata_get_str_c(value, &message);
    }
  }
  if (out < 0) exit(2);
  write_all(out, message, strlen(message));
  write_all(out, "\n", 1);
  exit(0);
}
