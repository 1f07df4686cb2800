import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the program a child process runs by an absolute path, so that a program of the same
/// name in the working folder (or the edition) is never the one started.
package enum ExecutableSearch {
    /// `name` as an absolute path: itself when it names a path (made absolute from the working
    /// folder), else the first executable regular file of that name in a folder of `PATH` that
    /// is an absolute path; nil when there is none.
    package static func absolutePath(of name: String) -> String? {
        if name.contains("/") {
            return name.hasPrefix("/") ? name : "\(FileManager.default.currentDirectoryPath)/\(name)"
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? IsolatedProcess.systemPath
        for folder in path.split(separator: ":") where folder.hasPrefix("/") {
            let candidate = "\(folder)/\(name)"
            var status = stat()
            if stat(candidate, &status) == 0, status.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }
}
