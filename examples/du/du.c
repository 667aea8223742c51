// du: sizes of the directories in a tree (like `du -b`), or the files in it
// whose names match a pattern (like `find -name`). It is given a read-only
// directory and an output descriptor: it can look at that tree and nothing
// else, and it cannot change anything in it.
//
//   cloudabi-run du du.yaml
//
// Configuration: {root: directory fd, output: fd, errors: fd (optional),
// depth: N (entries deeper than N are counted but not listed; the root is at
// depth 0; default: all), all: bool (also list files), find: "*.c" (list the
// matching files instead of directories, * and ? as wildcards), summary: bool
// (a last line with totals)}.
//
// Sizes are the apparent sizes of the files (st_size), summed over each
// directory; directories themselves count zero bytes, so the numbers do not
// depend on the file system. Symbolic links are counted, never followed.
// Entries are visited in name order, so the output is deterministic. Exit
// status: 0, or 1 if some directory could not be read (the rest is still
// reported), 2 for a bad configuration.
#include <argdata.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <program.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_DEPTH 200  // Each level holds a descriptor open.

struct walk {
  FILE *out;
  int errors;  // Descriptor for error messages, or -1.
  long depth;  // List directories up to this depth (-1: all).
  bool all;
  const char *find;
  bool summary;
  uint64_t files, dirs, bytes;
  int status;
  char path[4096];  // "./a/b" of the directory being walked.
};

static void report_error(struct walk *w, const char *path, const char *name, int error) {
  w->status = 1;
  if (w->errors < 0) return;
  dprintf(w->errors, "du: %s%s%s: %s\n", path, name[0] != '\0' ? "/" : "", name, strerror(error));
}

// Shell-style matching of a whole name: '*' is any run of bytes, '?' any one.
static bool match(const char *pattern, const char *name) {
  const char *star = NULL, *resume = NULL;
  while (*name != '\0') {
    if (*pattern == '*') {
      star = ++pattern;  // Try the shortest run first.
      resume = name;
    } else if (*pattern == '?' || *pattern == *name) {
      ++pattern;
      ++name;
    } else if (star != NULL) {
      pattern = star;  // Let the last '*' take one more byte.
      name = ++resume;
    } else {
      return false;
    }
  }
  while (*pattern == '*') ++pattern;
  return *pattern == '\0';
}

static int compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

// Reads a directory's entry names (without "." and ".."), sorted.
static char **read_names(DIR *d, size_t *count) {
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    if (n == cap) {
      cap = cap == 0 ? 32 : cap * 2;
      char **grown = realloc(names, cap * sizeof(*names));
      if (grown == NULL) break;
      names = grown;
    }
    if ((names[n] = strdup(e->d_name)) == NULL) break;
    ++n;
  }
  if (n > 0) qsort(names, n, sizeof(*names), compare_names);
  *count = n;
  return names;
}

// Walks the directory `fd` (which it closes), whose path is in w->path;
// returns the bytes beneath it.
static uint64_t walk(struct walk *w, int fd, long depth) {
  DIR *d = fdopendir(fd);
  if (d == NULL) {
    report_error(w, w->path, "", errno);
    close(fd);
    return 0;
  }
  ++w->dirs;
  size_t count;
  char **names = read_names(d, &count);
  size_t path_len = strlen(w->path);
  uint64_t total = 0;
  for (size_t i = 0; i < count; ++i) {
    const char *name = names[i];
    struct stat st;
    if (fstatat(dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
      report_error(w, w->path, name, errno);
      continue;
    }
    if (path_len + 1 + strlen(name) >= sizeof(w->path)) {
      report_error(w, w->path, name, ENAMETOOLONG);
      continue;
    }
    w->path[path_len] = '/';
    memcpy(w->path + path_len + 1, name, strlen(name) + 1);
    if (S_ISDIR(st.st_mode)) {
      if (depth + 1 > MAX_DEPTH) {
        report_error(w, w->path, "", ELOOP);
      } else {
        int sub = openat(dirfd(d), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
        if (sub < 0) {
          report_error(w, w->path, "", errno);
        } else {
          total += walk(w, sub, depth + 1);
        }
      }
    } else {
      ++w->files;
      uint64_t size = st.st_size > 0 ? (uint64_t)st.st_size : 0;
      total += size;
      bool listed = w->depth < 0 || depth + 1 <= w->depth;
      if (listed && (w->find != NULL ? match(w->find, name) : w->all)) {
        fprintf(w->out, "%llu\t%s\n", (unsigned long long)size, w->path);
      }
    }
    w->path[path_len] = '\0';
  }
  for (size_t i = 0; i < count; ++i) free(names[i]);
  free(names);
  closedir(d);
  if (w->find == NULL && (w->depth < 0 || depth <= w->depth)) {
    fprintf(w->out, "%llu\t%s\n", (unsigned long long)total, w->path);
  }
  return total;
}

void program_main(const argdata_t *ad) {
  struct walk w = {.errors = -1, .depth = -1};
  int root = -1, out = -1;
  const char *bad = NULL;
  argdata_map_iterator_t it;
  const argdata_t *key, *value;
  for (argdata_map_iterate(ad, &it); argdata_map_get(&it, &key, &value); argdata_map_next(&it)) {
    const char *name;
    if (argdata_get_str_c(key, &name) != 0) continue;
    if (strcmp(name, "root") == 0) {
      if (argdata_get_fd(value, &root) != 0) bad = "root must be a directory descriptor";
    } else if (strcmp(name, "output") == 0) {
      if (argdata_get_fd(value, &out) != 0) bad = "output must be a descriptor";
    } else if (strcmp(name, "errors") == 0) {
      argdata_get_fd(value, &w.errors);
    } else if (strcmp(name, "depth") == 0) {
      if (argdata_get_int(value, &w.depth) != 0 || w.depth < 0) bad = "depth must be 0 or more";
    } else if (strcmp(name, "all") == 0) {
      if (argdata_get_bool(value, &w.all) != 0) bad = "all must be true or false";
    } else if (strcmp(name, "summary") == 0) {
      if (argdata_get_bool(value, &w.summary) != 0) bad = "summary must be true or false";
    } else if (strcmp(name, "find") == 0) {
      if (argdata_get_str_c(value, &w.find) != 0) bad = "find must be a pattern string";
    } else {
      bad = "unknown option (expected root, output, errors, depth, all, find, summary)";
    }
  }
  if (bad == NULL && (root < 0 || out < 0)) bad = "the configuration needs root and output";
  if (bad != NULL) {
    if (w.errors >= 0) dprintf(w.errors, "du: %s\n", bad);
    exit(2);
  }
  w.out = fdopen(out, "w");
  if (w.out == NULL) {
    if (w.errors >= 0) dprintf(w.errors, "du: output: %s\n", strerror(errno));
    exit(2);
  }
  memcpy(w.path, ".", 2);
  uint64_t total = walk(&w, root, 0);
  if (w.summary) {
    fprintf(w.out, "%llu files, %llu directories, %llu bytes\n", (unsigned long long)w.files,
            (unsigned long long)w.dirs, (unsigned long long)total);
  }
  if (fclose(w.out) != 0 && w.status == 0) w.status = 1;
  exit(w.status);
}
