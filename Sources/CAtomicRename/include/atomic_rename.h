#ifndef ATOMIC_RENAME_H
#define ATOMIC_RENAME_H

/// Swaps what two existing paths name, in one step no other process can see half done
/// (renameat2 with RENAME_EXCHANGE on Linux, renamex_np with RENAME_SWAP on macOS).
/// Returns 0, or -1 with errno set.
int atomic_rename_exchange(const char *first, const char *second);

/// Renames `from` to `to` only if nothing is at `to` (fails with EEXIST otherwise).
/// Returns 0, or -1 with errno set.
int atomic_rename_noreplace(const char *from, const char *to);

#endif
