#include <string.h>

#include "argdata_impl.h"

/* Serialization of in-memory trees. Created trees are built by the program
 * itself, so recursing on their nesting is fine; serialized buffers embedded
 * in them are handled by the iterative __argdata_scan_fds. */

static void count_visitor(void *ctx, size_t offset) {
  (void)offset;
  ++*(size_t *)ctx;
}

size_t __argdata_length(const argdata_t *ad) {
  switch (ad->kind) {
    case AD_BUFFER:
      return ad->u.buffer.len;
    case AD_BINARY:
      return 1 + ad->u.binary.len;
    case AD_STR:
      return 1 + ad->u.str.len + 1;
    case AD_FD:
      return 5;
    case AD_MAP: {
      size_t total = 1;
      for (size_t i = 0; i < ad->u.map.count; ++i) {
        size_t k = __argdata_length(ad->u.map.keys[i]);
        size_t v = __argdata_length(ad->u.map.values[i]);
        total += __argdata_varint_size(k) + k + __argdata_varint_size(v) + v;
      }
      return total;
    }
    case AD_SEQ: {
      size_t total = 1;
      for (size_t i = 0; i < ad->u.seq.count; ++i) {
        size_t e = __argdata_length(ad->u.seq.elements[i]);
        total += __argdata_varint_size(e) + e;
      }
      return total;
    }
  }
  return 0;
}

size_t __argdata_count_fds(const argdata_t *ad) {
  size_t count = 0;
  switch (ad->kind) {
    case AD_BUFFER:
      __argdata_scan_fds(ad->u.buffer.ptr, ad->u.buffer.len, count_visitor, &count);
      break;
    case AD_FD:
      count = 1;
      break;
    case AD_MAP:
      for (size_t i = 0; i < ad->u.map.count; ++i) {
        count += __argdata_count_fds(ad->u.map.keys[i]);
        count += __argdata_count_fds(ad->u.map.values[i]);
      }
      break;
    case AD_SEQ:
      for (size_t i = 0; i < ad->u.seq.count; ++i)
        count += __argdata_count_fds(ad->u.seq.elements[i]);
      break;
    default:
      break;
  }
  return count;
}

uint32_t __argdata_fd_table_add(struct __argdata_fd_table *table, int fd) {
  if (fd < 0) return ARGDATA_FD_INVALID_RAW;
  if (table->fds == NULL) return (uint32_t)fd;
  for (size_t i = 0; i < table->count; ++i) {
    if (table->fds[i] == fd) return (uint32_t)i;
  }
  table->fds[table->count] = fd;
  return (uint32_t)table->count++;
}

struct remap_context {
  const argdata_t *ad;
  unsigned char *out;
  struct __argdata_fd_table *table;
};

static void remap_visitor(void *ctx_, size_t offset) {
  struct remap_context *ctx = ctx_;
  const argdata_t *ad = ctx->ad;
  int fd = __argdata_convert_fd(ad->u.buffer.convert_fd, ad->u.buffer.convert_fd_arg,
                                __argdata_load_be32(ad->u.buffer.ptr + offset));
  __argdata_store_be32(ctx->out + offset, __argdata_fd_table_add(ctx->table, fd));
}

static unsigned char *write_subfield(const argdata_t *ad, unsigned char *out,
                                     struct __argdata_fd_table *table) {
  out = __argdata_varint_put(out, __argdata_length(ad));
  return out + __argdata_write(ad, out, table);
}

size_t __argdata_write(const argdata_t *ad, unsigned char *out, struct __argdata_fd_table *table) {
  unsigned char *start = out;
  switch (ad->kind) {
    case AD_BUFFER: {
      if (ad->u.buffer.len > 0) memcpy(out, ad->u.buffer.ptr, ad->u.buffer.len);
      struct remap_context ctx = {ad, out, table};
      __argdata_scan_fds(ad->u.buffer.ptr, ad->u.buffer.len, remap_visitor, &ctx);
      out += ad->u.buffer.len;
      break;
    }
    case AD_BINARY:
      *out++ = ADT_BINARY;
      if (ad->u.binary.len > 0) memcpy(out, ad->u.binary.ptr, ad->u.binary.len);
      out += ad->u.binary.len;
      break;
    case AD_STR:
      *out++ = ADT_STR;
      if (ad->u.str.len > 0) memcpy(out, ad->u.str.ptr, ad->u.str.len);
      out += ad->u.str.len;
      *out++ = '\0';
      break;
    case AD_FD:
      *out++ = ADT_FD;
      __argdata_store_be32(out, __argdata_fd_table_add(table, ad->u.fd));
      out += 4;
      break;
    case AD_MAP:
      *out++ = ADT_MAP;
      for (size_t i = 0; i < ad->u.map.count; ++i) {
        out = write_subfield(ad->u.map.keys[i], out, table);
        out = write_subfield(ad->u.map.values[i], out, table);
      }
      break;
    case AD_SEQ:
      *out++ = ADT_SEQ;
      for (size_t i = 0; i < ad->u.seq.count; ++i)
        out = write_subfield(ad->u.seq.elements[i], out, table);
      break;
  }
  return (size_t)(out - start);
}
