// search.h: search tables.
//
// Extensions:
// - hcreate_r(), hdestroy_r(), hsearch_r(): hash tables passed explicitly.
// - tdestroy(): frees a whole binary search tree.
// - posix_tnode: a tree node, whose first member is the key pointer (as
//   proposed for POSIX issue 8), so nodes need no pointer casts.
//
// Features missing:
// - hcreate(), hdestroy(), hsearch(): one hidden global table is not
//   thread-safe. Use the *_r() variants.
#ifndef _SEARCH_H_
#define _SEARCH_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _SIZE_T_DECLARED
typedef __size_t size_t;
#define _SIZE_T_DECLARED
#endif

typedef struct {
  char *key;
  void *data;
} ENTRY;

typedef enum { FIND, ENTER } ACTION;
typedef enum { preorder, postorder, endorder, leaf } VISIT;

struct __hsearch;
struct hsearch_data {
  struct __hsearch *__hsearch;
};

typedef struct __posix_tnode {
  void *key;
  struct __posix_tnode *__left;
  struct __posix_tnode *__right;
  signed char __height;  // AVL height of this subtree
} posix_tnode;

__BEGIN_DECLS
int hcreate_r(size_t, struct hsearch_data *);
void hdestroy_r(struct hsearch_data *);
int hsearch_r(ENTRY, ACTION, ENTRY **, struct hsearch_data *);
void insque(void *, void *);
void *lfind(const void *, const void *, size_t *, size_t, int (*)(const void *, const void *));
void *lsearch(const void *, void *, size_t *, size_t, int (*)(const void *, const void *));
void remque(void *);
void *tdelete(const void *__restrict, posix_tnode **__restrict,
              int (*)(const void *, const void *));
void tdestroy(posix_tnode *, void (*)(void *));
posix_tnode *tfind(const void *, posix_tnode *const *, int (*)(const void *, const void *));
posix_tnode *tsearch(const void *, posix_tnode **, int (*)(const void *, const void *));
void twalk(const posix_tnode *, void (*)(const posix_tnode *, VISIT, int));
__END_DECLS

#endif
