#include <stdlib.h>
#include <string.h>

int getsubopt(char **optionp, char *const *tokens, char **valuep) {
  char *option = *optionp;
  *valuep = NULL;
  // Split off this option at the next comma.
  char *end = option + strcspn(option, ",");
  *optionp = *end == ',' ? end + 1 : end;
  *end = '\0';
  char *eq = strchr(option, '=');
  size_t namelen = eq != NULL ? (size_t)(eq - option) : strlen(option);
  for (int i = 0; tokens[i] != NULL; ++i) {
    if (strncmp(tokens[i], option, namelen) == 0 && tokens[i][namelen] == '\0') {
      if (eq != NULL) *valuep = eq + 1;
      return i;
    }
  }
  *valuep = option;
  return -1;
}
