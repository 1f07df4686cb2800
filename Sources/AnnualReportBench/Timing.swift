import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Wall-clock timing, reported as the median of repeated runs.
enum Timing {
    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// The median wall time of `runs` calls of `work`, in seconds.
    static func median(runs: Int, _ work: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = now()
            try work()
            times.append(now() - start)
        }
        return medianOf(times)
    }

    static func medianOf(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// A command run as a separate process: its wall time and its peak resident memory, read from
/// the kernel's accounting of the child (wait4's rusage), not estimated.
struct ProcessRun {
    var seconds: Double
    var peakMegabytes: Double
    var status: Int32

    static func run(_ executable: String, _ arguments: [String], quiet: Bool = true) -> ProcessRun {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if quiet {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let start = Timing.now()
        let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { return ProcessRun(seconds: .nan, peakMegabytes: .nan, status: -1) }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Timing.now() - start
        // ru_maxrss is in kilobytes on Linux.
        return ProcessRun(seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xFF)
    }

    /// The median time and the largest peak of `runs` runs.
    static func repeated(_ runs: Int, _ executable: String, _ arguments: [String]) -> ProcessRun {
        let all = (0..<runs).map { _ in run(executable, arguments) }
        return ProcessRun(
            seconds: Timing.medianOf(all.map(\.seconds)), peakMegabytes: all.map(\.peakMegabytes).max() ?? .nan,
            status: all.map(\.status).max() ?? 0)
    }

    /// True when `name` can be found on the PATH.
    static func available(_ name: String) -> Bool {
        run("sh", ["-c", "command -v \(name)"]).status == 0
    }
}
