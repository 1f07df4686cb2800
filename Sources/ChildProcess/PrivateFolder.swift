import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A temporary folder only this user can enter (mode 700), made for one child process's run
/// and removed after it, whatever happens: its working folder, its `HOME`, and where its input
/// and output files are kept.
package enum PrivateFolder {
    /// Why a run in a private folder did not finish.
    package enum Problem: Error, Sendable {
        /// The folder could not be made in `base`, for this reason.
        case cannotMake(base: String, reason: String)
        /// The tool received this signal meanwhile.
        case interrupted(Int32)
    }

    /// Runs `body` with a new private folder in `base` (nil: the system's temporary folder,
    /// `TMPDIR` else `/tmp`) named `prefix-XXXXXX`, removed afterwards, with the signal
    /// handlers installed throughout so that an interruption removes it too.
    package static func run<Result, Failure: Error>(
        in base: String?, prefix: String, problem: (Problem) -> Failure,
        _ body: (String) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try SignalGuard.whileInstalled { () throws(Failure) -> Result in
            let base = base ?? FileManager.default.temporaryDirectory.path
            var template = Array("\(base)/\(prefix)-XXXXXX".utf8CString)
            guard let made = mkdtemp(&template) else {
                throw problem(.cannotMake(base: base, reason: String(cString: strerror(errno))))
            }
            let folder = String(cString: made)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let result = try body(folder)
            if SignalGuard.caught != 0 { throw problem(.interrupted(SignalGuard.caught)) }
            return result
        }
    }
}
