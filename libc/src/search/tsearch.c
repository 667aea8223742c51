// Binary search trees, kept balanced as AVL trees. A node's first member is
// the key pointer, so a returned node can be dereferenced to get the key.
#include <search.h>
#include <stdlib.h>

typedef posix_tnode node_t;

static int height(const node_t *n) { return n != NULL ? n->__height : 0; }

static void update(node_t *n) {
  int l = height(n->__left), r = height(n->__right);
  n->__height = (signed char)((l > r ? l : r) + 1);
}

static node_t *rotate_right(node_t *n) {
  node_t *l = n->__left;
  n->__left = l->__right;
  l->__right = n;
  update(n);
  update(l);
  return l;
}

static node_t *rotate_left(node_t *n) {
  node_t *r = n->__right;
  n->__right = r->__left;
  r->__left = n;
  update(n);
  update(r);
  return r;
}

static node_t *balance(node_t *n) {
  update(n);
  int diff = height(n->__left) - height(n->__right);
  if (diff > 1) {
    if (height(n->__left->__left) < height(n->__left->__right)) n->__left = rotate_left(n->__left);
    return rotate_right(n);
  }
  if (diff < -1) {
    if (height(n->__right->__right) < height(n->__right->__left))
      n->__right = rotate_right(n->__right);
    return rotate_left(n);
  }
  return n;
}

// Inserts (if absent) and rebalances; *found receives the key's node, or
// NULL when memory ran out.
static node_t *insert(node_t *n, const void *key, int (*compar)(const void *, const void *),
                      node_t **found) {
  if (n == NULL) {
    node_t *fresh = malloc(sizeof(*fresh));
    if (fresh != NULL) *fresh = (node_t){.key = (void *)key, .__height = 1};
    *found = fresh;
    return fresh;
  }
  int c = compar(key, n->key);
  if (c == 0) {
    *found = n;
    return n;
  }
  if (c < 0)
    n->__left = insert(n->__left, key, compar, found);
  else
    n->__right = insert(n->__right, key, compar, found);
  return balance(n);
}

node_t *tsearch(const void *key, node_t **root, int (*compar)(const void *, const void *)) {
  if (root == NULL) return NULL;
  node_t *found = NULL;
  node_t *top = insert(*root, key, compar, &found);
  if (found != NULL) *root = top;
  return found;
}

node_t *tfind(const void *key, node_t *const *root, int (*compar)(const void *, const void *)) {
  if (root == NULL) return NULL;
  node_t *n = *root;
  while (n != NULL) {
    int c = compar(key, n->key);
    if (c == 0) return n;
    n = c < 0 ? n->__left : n->__right;
  }
  return NULL;
}

static node_t *remove_min(node_t *n, node_t **min) {
  if (n->__left == NULL) {
    *min = n;
    return n->__right;
  }
  n->__left = remove_min(n->__left, min);
  return balance(n);
}

// Removes the key; *parent receives the parent of the removed node (or the
// root pointer's target for the root), *removed whether anything was found.
static node_t *erase(node_t *n, const void *key, int (*compar)(const void *, const void *),
                     node_t *above, node_t **parent, int *removed) {
  if (n == NULL) return NULL;
  int c = compar(key, n->key);
  if (c < 0) {
    n->__left = erase(n->__left, key, compar, n, parent, removed);
  } else if (c > 0) {
    n->__right = erase(n->__right, key, compar, n, parent, removed);
  } else {
    *removed = 1;
    *parent = above;
    node_t *l = n->__left, *r = n->__right;
    free(n);
    if (r == NULL) return l;
    node_t *min;
    r = remove_min(r, &min);
    min->__left = l;
    min->__right = r;
    return balance(min);
  }
  return balance(n);
}

void *tdelete(const void *restrict key, node_t **restrict root,
              int (*compar)(const void *, const void *)) {
  if (root == NULL || *root == NULL) return NULL;
  node_t *parent = NULL;
  int removed = 0;
  node_t *top = erase(*root, key, compar, NULL, &parent, &removed);
  if (!removed) return NULL;
  *root = top;
  // POSIX asks for the parent; the root's removal gives the new root (or
  // a non-null dummy when the tree became empty).
  if (parent != NULL) return parent;
  return top != NULL ? (void *)top : (void *)root;
}

static void walk(const node_t *n, void (*action)(const node_t *, VISIT, int), int depth) {
  if (n->__left == NULL && n->__right == NULL) {
    action(n, leaf, depth);
    return;
  }
  action(n, preorder, depth);
  if (n->__left != NULL) walk(n->__left, action, depth + 1);
  action(n, postorder, depth);
  if (n->__right != NULL) walk(n->__right, action, depth + 1);
  action(n, endorder, depth);
}

void twalk(const node_t *root, void (*action)(const node_t *, VISIT, int)) {
  if (root != NULL && action != NULL) walk(root, action, 0);
}

void tdestroy(node_t *n, void (*free_key)(void *)) {
  if (n == NULL) return;
  tdestroy(n->__left, free_key);
  tdestroy(n->__right, free_key);
  if (free_key != NULL) free_key(n->key);
  free(n);
}
