#ifndef SPAWN_FOLDER_H
#define SPAWN_FOLDER_H

#include <spawn.h>

/// Adds to `actions` a change of working folder to `folder` in the child, before it runs its
/// program (posix_spawn_file_actions_addchdir_np, glibc 2.29 and macOS 10.15), so a child starts
/// in a folder of its own without the parent changing its own. Returns 0 or an errno value.
int spawn_actions_add_folder(posix_spawn_file_actions_t *actions, const char *folder);

#endif
