// The argdata functions that need stdio and sockets, built into libc:
// argdata_print_yaml() onto a stream, and a message with a descriptor sent
// by the stream writer and received by the reader over a socket pair.
#include <argdata.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../libc_support/libc_check.h"

TEST(print_yaml) {
  const argdata_t *keys[] = {argdata_create_str_c("name"), argdata_create_str_c("count")};
  const argdata_t *values[] = {argdata_create_str_c("value"), argdata_create_int(42)};
  argdata_t *map = argdata_create_map(keys, values, 2);
  char *text;
  size_t size;
  FILE *f = open_memstream(&text, &size);
  argdata_print_yaml(map, f);
  CHECK_EQ(fclose(f), 0);
  CHECK(strstr(text, "name") != NULL);
  CHECK(strstr(text, "value") != NULL);
  CHECK(strstr(text, "42") != NULL);
  free(text);
}

TEST(writer_and_reader) {
  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  int file = openat(harness_tmp_fd, "attached", O_RDWR | O_CREAT);
  CHECK(file >= 0);
  CHECK_EQ(write(file, "payload", 7), 7);
  const argdata_t *keys[] = {argdata_create_str_c("file")};
  const argdata_t *values[] = {argdata_create_fd(file)};
  argdata_t *map = argdata_create_map(keys, values, 1);
  argdata_writer_t *w = argdata_writer_create();
  CHECK(w != NULL);
  argdata_writer_set(w, map);
  int r;
  while ((r = argdata_writer_push(w, sv[0])) == EAGAIN) {
  }
  CHECK_EQ(r, 0);
  argdata_reader_t *rd = argdata_reader_create(4096, 4);
  CHECK(rd != NULL);
  while ((r = argdata_reader_pull(rd, sv[1])) == EAGAIN) {
  }
  CHECK_EQ(r, 0);
  const argdata_t *got = argdata_reader_get(rd);
  CHECK(got != NULL);
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  argdata_map_iterate(got, &it);
  CHECK(argdata_map_get(&it, &k, &v));
  int fd;
  CHECK_EQ(argdata_get_fd(v, &fd), 0);
  char buf[8] = {0};
  CHECK_EQ(pread(fd, buf, 7, 0), 7);
  CHECK_STREQ(buf, "payload");
  argdata_reader_free(rd);
  argdata_writer_free(w);
  close(sv[0]);
  close(sv[1]);
  close(file);
}
