#define _GNU_SOURCE
#include "spawn_folder.h"

int spawn_actions_add_folder(posix_spawn_file_actions_t *actions, const char *folder) {
    return posix_spawn_file_actions_addchdir_np(actions, folder);
}
