import CAtomicRename
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why output could not be written: the tool cannot do its job (exit status 2).
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): cannot write the output: \(reason)" }
}

/// Writes a set of files as one folder, atomically.
///
/// Everything goes into a hidden staging folder beside the target (`.out.partial-PID`), which
/// then takes the target's place in one rename: swapped with the old output
/// (`RENAME_EXCHANGE`), or renamed onto a target that does not yet exist (`RENAME_NOREPLACE`).
/// At every instant the target path holds a whole output, the old or the new, so a run that
/// fails or is killed at any point leaves the last good output as it was; the old output,
/// left in the staging folder by the swap, is then removed. A staging folder that a killed run
/// left behind is removed by the next run once its process is gone. Concurrent builds each
/// swap their own whole output in, and the last to swap wins.
public enum OutputFolder {
    /// The file that marks a folder as a build's own output, and so safe to replace
    /// (`OutputMarker`).
    public static let marker = OutputMarker.name

    /// Replaces `folder` with exactly `files` (paths relative to it). A folder that exists is
    /// replaced only if it is empty or a build's own output (its marker a regular file, and no
    /// edition inside it but the manifest the build wrote), so a mistyped `--output` can never
    /// delete someone's documents or an edition.
    /// - Throws: `OutputError` when the folder cannot or must not be written.
    public static func replace(_ folder: String, with files: [(path: String, text: String)]) throws(OutputError) {
        try replace(folder, withBytes: files.map { ($0.path, Array($0.text.utf8)) })
    }

    /// Replaces `folder` with exactly `files`, given as bytes (a PDF beside the text files).
    /// - Throws: `OutputError` when the folder cannot or must not be written.
    public static func replace(_ folder: String, withBytes files: [(path: String, bytes: [UInt8])]) throws(OutputError)
    {
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = target.deletingLastPathComponent().path
        let name = target.lastPathComponent
        func failure(_ reason: String) -> OutputError { OutputError(path: folder, reason: reason) }
        for file in files where file.path.hasPrefix("/") || file.path.split(separator: "/").contains("..") {
            throw failure("the file name \(file.path) would leave the output folder")
        }
        try checkReplaceable(target.path, shown: folder, failure: failure)
        do {
            try Staging.makeFolders(parent)
        } catch {
            throw failure("cannot create the folder \(parent): \(error.reason)")
        }
        Staging.removeAbandoned(in: parent, for: name)
        let staging = Staging(parent: parent, name: name)
        do {
            try staging.write(files + [(marker, Array(OutputMarker.text(for: files).utf8))])
        } catch {
            staging.remove()
            let shownParent = (folder as NSString).deletingLastPathComponent
            guard error.path.hasPrefix(staging.path + "/") else {
                throw failure(
                    "cannot write into the folder \(shownParent.isEmpty ? "." : shownParent): \(error.reason)")
            }
            throw failure("cannot write \(error.path.dropFirst(staging.path.count + 1)): \(error.reason)")
        }
        do {
            try swapIn(staging.path, at: target.path, failure: failure)
        } catch {
            staging.remove()
            throw error
        }
        // The staging folder now holds the old output (or nothing).
        staging.remove()
    }

    /// Refuses a target that is a file, or a folder that is neither empty nor a build's output.
    /// Throws when `folder` must not be replaced (someone else's files, or a file), so a build
    /// can refuse before it does slow work such as printing the PDF.
    public static func checkReplaceable(_ folder: String) throws(OutputError) {
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        try checkReplaceable(target.path, shown: folder) { OutputError(path: folder, reason: $0) }
    }

    private static func checkReplaceable(_ path: String, shown: String, failure: (String) -> OutputError)
        throws(OutputError)
    {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }  // Nothing there yet.
        guard status.st_mode & S_IFMT == S_IFDIR else { throw failure("it is a file, not a folder") }
        if let refusal = OutputMarker.refusal(for: path, shown: shown) { throw failure(refusal) }
    }

    /// True when `folder` holds an output marker but is not a build's own output: an edition
    /// that an older `new` or `init` marked. Such a marker is stray, and `upgrade` removes it.
    public static func holdsStrayMarker(_ folder: String) -> Bool {
        var status = stat()
        return lstat("\(folder)/\(marker)", &status) == 0 && OutputMarker.refusal(for: folder, shown: folder) != nil
    }

    /// Puts the staging folder at the target path in one rename.
    private static func swapIn(_ staging: String, at target: String, failure: (String) -> OutputError)
        throws(OutputError)
    {
        // Twice at most: a target another build creates between the two calls is swapped.
        for _ in 0..<2 {
            if atomic_rename_exchange(staging, target) == 0 { return }
            guard errno == ENOENT else { break }
            if atomic_rename_noreplace(staging, target) == 0 { return }
            guard errno == EEXIST || errno == ENOTEMPTY else { break }
            try checkReplaceable(target, shown: target, failure: failure)
        }
        throw failure("cannot move the new output into place: \(Staging.describe(errno))")
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif

/// The hidden folder a build writes before swapping it in.
struct Staging {
    /// A file-system call that failed: the path and why, in words.
    struct Failure: Error {
        var path: String
        var reason: String
    }

    let path: String

    init(parent: String, name: String) {
        path = "\(parent)/\(Staging.prefix(for: name))\(getpid())"
    }

    /// `.out.partial-`: what every staging folder for `name` is called, before its process id.
    static func prefix(for name: String) -> String { ".\(name).partial-" }

    /// Writes every file, creating folders on the way; nothing that was there survives.
    func write(_ files: [(path: String, bytes: [UInt8])]) throws(Failure) {
        remove()
        try Staging.makeFolders(path)
        for file in files {
            let destination = "\(path)/\(file.path)"
            try Staging.makeFolders(String(destination[..<(destination.lastIndex(of: "/") ?? destination.endIndex)]))
            try Staging.writeFile(destination, file.bytes)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Removes staging folders (and the `.previous-` folders of older versions) that runs which
    /// no longer exist left beside the target.
    static func removeAbandoned(in parent: String, for name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries {
            for prefix in [prefix(for: name), ".\(name).previous-"] where entry.hasPrefix(prefix) {
                guard let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid() else { continue }
                // kill(pid, 0) fails with ESRCH only when no such process exists.
                if kill(pid, 0) != 0, errno == ESRCH {
                    try? FileManager.default.removeItem(atPath: "\(parent)/\(entry)")
                }
            }
        }
    }

    /// `mkdir -p`, with POSIX calls, so a failure names its cause.
    static func makeFolders(_ path: String) throws(Failure) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeFolders(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw Failure(path: path, reason: describe(errno)) }
    }

    /// Writes a new file with POSIX calls, so a failure names its cause (`permission denied`).
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, reason: describe(errno)) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                // Inside the loop the buffer holds at least one byte, so it has an address.
                systemWrite(descriptor, buffer.baseAddress! + written, bytes.count - written)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw Failure(path: path, reason: describe(errno)) }
            written += count
        }
    }

    /// `permission denied`, from an errno value.
    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
