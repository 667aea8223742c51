// grep: print the lines of files that contain a string, like `grep -F`.
// It is given a directory (read-only is enough) and searches the files
// named in its configuration, or every file beneath the directory in name
// order. It can reach nothing but that directory and its output.
//
//   cloudabi-run grep grep.yaml
//
// Configuration: {root: directory fd, pattern: "text", output: fd,
// errors: fd (optional), files: ["a.txt", "dir/b.c"] (default: the whole
// tree), ignore_case: bool, invert: bool (lines that do not match),
// count: bool (only the number of matching lines per file),
// line_numbers: bool, max_depth: N}.
//
// Output: "path:line", "path:number:line" with line_numbers, "path:count"
// with count. Exit status: 0 if a line matched, 1 if none did, 2 if a file
// could not be read or the configuration is bad (as grep does).
#include <argdata.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <program.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct grep {
  const char *pattern;
  size_t pattern_len;
  bool ignore_case, invert, count, line_numbers;
  long max_depth;
  FILE *out;
  bool matched, failed;
  char *lowered;  // the current line in lower case (ignore_case)
  size_t lowered_size;
};

// A fixed-string search; with ignore_case both sides are lowered (ASCII).
static bool line_matches(struct grep *g, const char *line, size_t len) {
  const char *hay = line;
  if (g->ignore_case) {
    if (len + 1 > g->lowered_size) {
      char *p = realloc(g->lowered, len + 1);
      if (p == NULL) {
        fprintf(stderr, "grep: out of memory\n");
        exit(2);
      }
      g->lowered = p;
      g->lowered_size = len + 1;
    }
    for (size_t i = 0; i < len; ++i) g->lowered[i] = (char)tolower((unsigned char)line[i]);
    hay = g->lowered;
  }
  return memmem(hay, len, g->pattern, g->pattern_len) != NULL;
}

static void search_stream(struct grep *g, FILE *f, const char *path) {
  char *line = NULL;
  size_t size = 0;
  ssize_t len;
  long number = 0, hits = 0;
  while ((len = getline(&line, &size, f)) >= 0) {
    ++number;
    size_t text = (size_t)len;
    if (text > 0 && line[text - 1] == '\n') --text;
    if (line_matches(g, line, text) == g->invert) continue;
    ++hits;
    if (g->count) continue;
    if (g->line_numbers)
      fprintf(g->out, "%s:%ld:%.*s\n", path, number, (int)text, line);
    else
      fprintf(g->out, "%s:%.*s\n", path, (int)text, line);
  }
  if (ferror(f)) {
    fprintf(stderr, "grep: %s: %s\n", path, strerror(errno));
    g->failed = true;
  }
  if (g->count) fprintf(g->out, "%s:%ld\n", path, hits);
  if (hits > 0) g->matched = true;
  free(line);
}

static void search_file(struct grep *g, int dir, const char *name, const char *path) {
  FILE *f = fopenat(dir, name, "r");
  if (f == NULL) {
    fprintf(stderr, "grep: %s: %s\n", path, strerror(errno));
    g->failed = true;
    return;
  }
  search_stream(g, f, path);
  fclose(f);
}

static int skip_dots(const struct dirent *e) {
  return strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
}

// Every regular file beneath dir, in name order; symbolic links are not
// followed.
static void search_tree(struct grep *g, int dir, const char *path, long depth) {
  struct dirent **entries;
  int n = scandirat(dir, ".", &entries, skip_dots, alphasort);
  if (n < 0) {
    fprintf(stderr, "grep: %s: %s\n", path, strerror(errno));
    g->failed = true;
    return;
  }
  for (int i = 0; i < n; ++i) {
    const char *name = entries[i]->d_name;
    char *child;
    if (asprintf(&child, "%s/%s", path, name) < 0) {
      fprintf(stderr, "grep: out of memory\n");
      exit(2);
    }
    struct stat st;
    if (fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
      fprintf(stderr, "grep: %s: %s\n", child, strerror(errno));
      g->failed = true;
    } else if (S_ISDIR(st.st_mode)) {
      if (g->max_depth < 0 || depth < g->max_depth) {
        int sub = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
        if (sub < 0) {
          fprintf(stderr, "grep: %s: %s\n", child, strerror(errno));
          g->failed = true;
        } else {
          search_tree(g, sub, child, depth + 1);
          close(sub);
        }
      }
    } else if (S_ISREG(st.st_mode)) {
      search_file(g, dir, name, child);
    }
    free(child);
    free(entries[i]);
  }
  free(entries);
}

static bool get_bool(const argdata_t *v) {
  bool b = false;
  argdata_get_bool(v, &b);
  return b;
}

void program_main(const argdata_t *ad) {
  struct grep g = {.max_depth = -1};
  int root = -1, output = -1, errors = -1;
  bool have_files = false;
  argdata_map_iterator_t it;
  const argdata_t *key, *value;
  for (argdata_map_iterate(ad, &it); argdata_map_get(&it, &key, &value); argdata_map_next(&it)) {
    const char *name;
    if (argdata_get_str_c(key, &name) != 0) continue;
    if (strcmp(name, "root") == 0) {
      argdata_get_fd(value, &root);
    } else if (strcmp(name, "output") == 0) {
      argdata_get_fd(value, &output);
    } else if (strcmp(name, "errors") == 0) {
      argdata_get_fd(value, &errors);
    } else if (strcmp(name, "pattern") == 0) {
      argdata_get_str_c(value, &g.pattern);
    } else if (strcmp(name, "files") == 0) {
      have_files = true;  // searched below: values live only as long as the iterator
    } else if (strcmp(name, "ignore_case") == 0) {
      g.ignore_case = get_bool(value);
    } else if (strcmp(name, "invert") == 0) {
      g.invert = get_bool(value);
    } else if (strcmp(name, "count") == 0) {
      g.count = get_bool(value);
    } else if (strcmp(name, "line_numbers") == 0) {
      g.line_numbers = get_bool(value);
    } else if (strcmp(name, "max_depth") == 0) {
      argdata_get_int_long(value, &g.max_depth);
    }
  }
  // Diagnostics go to stderr once it has somewhere to go.
  if (errors >= 0) {
    FILE *f = fdopen(errors, "w");
    if (f != NULL) {
      setvbuf(f, NULL, _IOLBF, 0);
      fswap(stderr, f);
      fclose(f);
    }
  }
  if (output < 0 || root < 0 || g.pattern == NULL) {
    fprintf(stderr, "grep: needs root, output and pattern\n");
    exit(2);
  }
  g.out = fdopen(output, "w");
  if (g.out == NULL) {
    fprintf(stderr, "grep: output: %s\n", strerror(errno));
    exit(2);
  }
  g.pattern_len = strlen(g.pattern);
  if (g.ignore_case) {
    char *lowered = strdup(g.pattern);
    if (lowered == NULL) exit(2);
    for (char *p = lowered; *p != '\0'; ++p) *p = (char)tolower((unsigned char)*p);
    g.pattern = lowered;
  }

  if (have_files) {
    for (argdata_map_iterate(ad, &it); argdata_map_get(&it, &key, &value); argdata_map_next(&it)) {
      const char *name;
      if (argdata_get_str_c(key, &name) != 0 || strcmp(name, "files") != 0) continue;
      argdata_seq_iterator_t sit;
      const argdata_t *file;
      for (argdata_seq_iterate(value, &sit); argdata_seq_get(&sit, &file); argdata_seq_next(&sit)) {
        const char *path;
        if (argdata_get_str_c(file, &path) == 0) {
          search_file(&g, root, path, path);
        } else {
          fprintf(stderr, "grep: files must be strings\n");
          g.failed = true;
        }
      }
    }
  } else {
    search_tree(&g, root, ".", 0);
  }
  if (fclose(g.out) != 0) {
    fprintf(stderr, "grep: output: %s\n", strerror(errno));
    g.failed = true;
  }
  exit(g.failed ? 2 : g.matched ? 0 : 1);
}
