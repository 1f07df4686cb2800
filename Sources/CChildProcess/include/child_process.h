#ifndef CHILD_PROCESS_H
#define CHILD_PROCESS_H

#include <signal.h>
#include <spawn.h>

/// Adds to `actions` a change of working folder to `folder` in the child, before it runs its
/// program (posix_spawn_file_actions_addchdir_np, glibc 2.29 and macOS 10.15), so a child starts
/// in a folder of its own without the parent changing its own. Returns 0 or an errno value.
int child_actions_add_folder(posix_spawn_file_actions_t *actions, const char *folder);

/// Makes signal `number` only recorded (see child_caught_signal) instead of its usual effect,
/// saving the previous action in `previous`; a signal the process ignores (as under nohup)
/// stays ignored. Returns 1 when the handler was installed, 0 when the signal stays ignored,
/// -1 with errno set on failure.
int child_record_signal(int number, struct sigaction *previous);

/// Puts back the action child_record_signal saved.
void child_restore_signal(int number, const struct sigaction *previous);

/// The last signal recorded since child_forget_signals, or 0.
int child_caught_signal(void);

/// Forgets any signal recorded.
void child_forget_signals(void);

#endif
