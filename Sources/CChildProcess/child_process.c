#define _GNU_SOURCE
#include "child_process.h"

#include <string.h>

// Written only by the handler and read by the waiting loop: sig_atomic_t is what a handler
// may write safely.
static volatile sig_atomic_t caught = 0;

static void record(int number) { caught = number; }

int child_actions_add_folder(posix_spawn_file_actions_t *actions, const char *folder) {
    return posix_spawn_file_actions_addchdir_np(actions, folder);
}

int child_record_signal(int number, struct sigaction *previous) {
    if (sigaction(number, NULL, previous) != 0) return -1;
    if (previous->sa_handler == SIG_IGN) return 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = record;
    sigemptyset(&action.sa_mask);
    return sigaction(number, &action, NULL) == 0 ? 1 : -1;
}

void child_restore_signal(int number, const struct sigaction *previous) { sigaction(number, previous, NULL); }

int child_caught_signal(void) { return caught; }

void child_forget_signals(void) { caught = 0; }
