import CChildProcess
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program run so that nothing of the user's session or the edition reaches it, and nothing
/// of it outlives its run: from a temporary folder of its own (never the edition or the user's
/// working folder), with a minimal environment (system `PATH`, `LANG`/`LC_ALL` `C.UTF-8`, `HOME`
/// the temporary folder, nothing else), in a process group of its own that is ended whole
/// when it finishes, when it runs past its time limit, and when the tool is interrupted
/// (SIGINT, SIGTERM, SIGHUP: the group is killed, the temporary folder removed, and the run
/// fails with `.interrupted`, on which the tool exits 128 + the signal).
package struct IsolatedProcess: Sendable {
    /// How a run ended.
    package enum Ending: Equatable, Sendable {
        /// It exited by itself with this status (a signal that ended it counts as 128 + it).
        case exited(Int32)
        /// It ran past its time limit and was killed.
        case timedOut
        /// The tool received this signal while it ran; it was killed.
        case interrupted(Int32)
    }

    /// What a run left: how it ended and what it wrote to its standard output and error (the
    /// first 64 KB).
    package struct Outcome: Sendable {
        package var ending: Ending
        package var messages: String
    }

    /// The system folders the program's `PATH` holds.
    package static let systemPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    /// The signals that end the tool's run and its program's group.
    package static let endingSignals = [SIGINT, SIGTERM, SIGHUP]

    /// The program to start, by absolute path.
    package var executable: String
    /// The folder the program runs in, its HOME: a temporary folder the caller made and removes.
    package var folder: String
    package var timeLimit: Duration

    package init(executable: String, folder: String, timeLimit: Duration) {
        self.executable = executable
        self.folder = folder
        self.timeLimit = timeLimit
    }

    /// The environment the program gets, whole.
    package var environment: [String] {
        ["PATH=\(Self.systemPath)", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "HOME=\(folder)"]
    }

    /// Runs the program with `arguments` and waits for it (or its time limit, or a signal to the
    /// tool); nil when it cannot be started. Its messages go to a file in its folder, so a
    /// chatty run never blocks on a full pipe.
    package func run(_ arguments: [String]) -> Outcome? {
        let log = "\(folder)/messages.log"
        if SignalGuard.caught != 0 { return Outcome(ending: .interrupted(SignalGuard.caught), messages: "") }
        guard let pid = spawn(arguments, log: log) else { return nil }
        let ending = wait(for: pid)
        let messages = FileManager.default.contents(atPath: log).map {
            String(decoding: $0.prefix(65_536), as: UTF8.self)
        }
        return Outcome(ending: ending, messages: messages ?? "")
    }

    /// Starts the program in a group of its own (its process id is the group's id).
    private func spawn(_ arguments: [String], log: String) -> pid_t? {
        #if canImport(Glibc)
            var attributes = posix_spawnattr_t()
            var actions = posix_spawn_file_actions_t()
        #else
            var attributes: posix_spawnattr_t? = nil
            var actions: posix_spawn_file_actions_t? = nil
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        // Signals the tool handles or ignores are back to their defaults in the program, and
        // none is blocked.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in Self.endingSignals + [SIGPIPE, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        guard child_actions_add_folder(&actions, folder) == 0 else { return nil }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, &attributes, argv, envp) == 0 else { return nil }
        return pid
    }

    /// Waits for the program to end, its time to run out, or a signal to the tool; then ends the
    /// program's whole group (whatever the program started that still runs) and reaps it.
    private func wait(for pid: pid_t) -> Ending {
        let deadline = ContinuousClock.now + timeLimit
        var ending: Ending?
        while ending == nil {
            var info = siginfo_t()
            // WNOWAIT: the program stays a zombie, so its id (the group's) cannot be reused
            // before the group is killed below.
            let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
            #if canImport(Glibc)
                let (child, status) = (info._sifields._sigchld.si_pid, info._sifields._sigchld.si_status)
            #else
                let (child, status) = (info.si_pid, info.si_status)
            #endif
            if result == 0, child == pid {
                ending = .exited(info.si_code == CLD_EXITED ? status : 128 + status)
            } else if result != 0, errno != EINTR {
                ending = .exited(-1)
            } else if SignalGuard.caught != 0 {
                ending = .interrupted(SignalGuard.caught)
            } else if ContinuousClock.now >= deadline {
                ending = .timedOut
            } else {
                usleep(10_000)
            }
        }
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return ending ?? .exited(-1)
    }
}

/// While programs run (`whileInstalled`), SIGINT, SIGTERM and SIGHUP to the tool are recorded,
/// not acted on at once, so that the run can end the program's group and remove its files
/// before the tool exits; outside, they have their usual effect. A signal the tool was started
/// ignoring (`nohup`) stays ignored. The handler is C's (CChildProcess): it only stores the
/// signal's number in a `sig_atomic_t`.
package enum SignalGuard {
    /// The last signal received while installed, or 0.
    package static var caught: Int32 { child_caught_signal() }

    /// Runs `body` with the handlers installed, then puts the previous ones back. Not nested.
    package static func whileInstalled<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure)
        -> Result
    {
        child_forget_signals()
        var previous: [(Int32, sigaction)] = []
        for signal in IsolatedProcess.endingSignals {
            var old = sigaction()
            if child_record_signal(signal, &old) == 1 { previous.append((signal, old)) }
        }
        defer {
            for (signal, old) in previous {
                var old = old
                child_restore_signal(signal, &old)
            }
        }
        return try body()
    }
}
