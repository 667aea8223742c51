// Streams over memory: fmemopen(), open_memstream() and tmpfile().
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "stdio_impl.h"

static void publish(struct memory_store *m) {
  if (m->user_data != NULL) {
    *m->user_data = m->data;
    *m->user_size = m->position < m->length ? m->position : m->length;
  }
}

static ssize_t memory_read(FILE *f, void *buf, size_t len) {
  struct memory_store *m = &f->memory;
  if (m->position >= m->length) return 0;
  size_t n = m->length - m->position;
  if (n > len) n = len;
  memcpy(buf, m->data + m->position, n);
  m->position += n;
  return (ssize_t)n;
}

static ssize_t memory_write(FILE *f, const void *buf, size_t len) {
  struct memory_store *m = &f->memory;
  if (m->append) m->position = m->length;
  // Growable stores keep room for a terminating null byte.
  size_t reserve = m->grow && m->terminate ? 1 : 0;
  if (m->grow && m->position + len + reserve > m->size) {
    if (len > SIZE_MAX / 2 - m->position) {
      errno = ENOMEM;
      return -1;
    }
    size_t size = m->size < 64 ? 64 : m->size;
    while (size < m->position + len + reserve) size *= 2;
    char *data = realloc(m->data, size);
    if (data == NULL) return -1;
    memset(data + m->size, 0, size - m->size);
    m->data = data;
    m->size = size;
  }
  if (m->position >= m->size) {
    errno = ENOSPC;
    return -1;
  }
  size_t n = m->size - m->position;
  if (n > len) n = len;
  if (m->position > m->length) memset(m->data + m->length, 0, m->position - m->length);
  memcpy(m->data + m->position, buf, n);
  m->position += n;
  if (m->position > m->length) m->length = m->position;
  if (m->terminate && m->length < m->size) m->data[m->length] = '\0';
  publish(m);
  return (ssize_t)n;
}

static off_t memory_seek(FILE *f, off_t offset, int whence) {
  struct memory_store *m = &f->memory;
  off_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (off_t)m->position : (off_t)m->length;
  if ((offset > 0 && base > INT64_MAX - offset) || base + offset < 0 ||
      (!m->grow && (size_t)(base + offset) > m->size)) {
    errno = EINVAL;
    return -1;
  }
  m->position = (size_t)(base + offset);
  publish(m);
  return (off_t)m->position;
}

static int memory_close(FILE *f) {
  struct memory_store *m = &f->memory;
  publish(m);
  if (m->owned) free(m->data);
  return 0;
}

const struct stream_ops __stream_memory_ops = {memory_read, memory_write, memory_seek,
                                               memory_close};
