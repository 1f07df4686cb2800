// Swift's Glibc module does not declare renameat2 (it needs _GNU_SOURCE), so the two calls the
// output folder needs are wrapped here.
#define _GNU_SOURCE
#include "atomic_rename.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

int atomic_rename_exchange(const char *first, const char *second) {
#if defined(__APPLE__)
    return renamex_np(first, second, RENAME_SWAP);
#else
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#endif
}

int atomic_rename_noreplace(const char *from, const char *to) {
#if defined(__APPLE__)
    return renamex_np(from, to, RENAME_EXCL);
#else
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
#endif
}
