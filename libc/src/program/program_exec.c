#include <argdata.h>
#include <cloudabi_syscalls.h>
#include <errno.h>
#include <program.h>
#include <stdlib.h>

int program_exec(int fd, const argdata_t *ad) {
  size_t len, nfds;
  argdata_serialized_length(ad, &len, &nfds);
  void *buf = malloc(len > 0 ? len : 1);
  int *fds = malloc((nfds > 0 ? nfds : 1) * sizeof(int));
  if (buf == NULL || fds == NULL) {
    free(buf);
    free(fds);
    return ENOMEM;
  }
  nfds = argdata_serialize(ad, buf, fds);
  // The descriptors keep their order: the new program sees them as 0, 1, ...
  cloudabi_fd_t cfds[nfds > 0 ? nfds : 1];
  for (size_t i = 0; i < nfds; ++i) cfds[i] = (cloudabi_fd_t)fds[i];
  cloudabi_errno_t error = cloudabi_sys_proc_exec((cloudabi_fd_t)fd, buf, len, cfds, nfds);
  free(buf);
  free(fds);
  return error;
}
