import Foundation

/// Why a file could not be read.
public enum FileSourceError: Error, Equatable, Sendable {
    /// Nothing is at the path.
    case notFound(String)
    /// Something that is not a regular file is at the path: `kind` says what ("a folder").
    case notAFile(String, kind: String)
    /// The path leads outside the folder it must stay in, through a symbolic link.
    case outside(String)
    /// The path cannot be followed to a file at all: a loop of symbolic links, a name longer
    /// than the file system allows. `reason` says which, in words. Unlike `unreadable`, this is
    /// the path's fault, so it is reported where the path is named rather than stopping the run.
    case unreachable(String, reason: String)
    /// The file exists but cannot be read; `reason` says why in words.
    case unreadable(String, reason: String)
}

extension FileSourceError {
    /// A path short enough to read in a message: one longer than 200 characters keeps its first
    /// 120 and last 60 (the location of the finding says where it is written in full).
    public static func shortened(_ path: String) -> String {
        guard path.count > 200 else { return path }
        return "\(path.prefix(120))...\(path.suffix(60)) (\(path.count) characters)"
    }
}

/// Where an edition's files come from: the disk, or memory in tests. Passing it in keeps the
/// pipeline free of real paths.
public protocol FileSource: Sendable {
    /// The bytes of the regular file at `path`, which must lie inside `folder` once every
    /// symbolic link on the way is followed: an edition never reads anything outside itself.
    /// - Throws: `FileSourceError` when it is missing, not a file, outside `folder` or unreadable.
    func contents(of path: String, inside folder: String) throws(FileSourceError) -> [UInt8]
    /// True when `path` is a folder.
    func isFolder(_ path: String) -> Bool
    /// One spelling for every path that names the same file (`data/w.xlsx`, `./data/w.xlsx`,
    /// a link to it), so what is read once per file is read once however it is named.
    func identity(of path: String) -> String
}

extension FileSource {
    /// The path with empty and `.` components dropped: the spellings that name the same file
    /// whatever the disk holds.
    public func identity(of path: String) -> String {
        let components = path.split(separator: "/").filter { $0 != "." }
        return (path.hasPrefix("/") ? "/" : "") + components.joined(separator: "/")
    }
}

/// Files held in memory, for tests: a path maps to its bytes; folders are implied by paths.
public struct MemoryFileSource: FileSource {
    public var files: [String: [UInt8]]

    public init(_ files: [String: [UInt8]]) {
        self.files = files
    }

    /// Files given as text, stored as UTF-8.
    public init(texts: [String: String]) {
        self.files = texts.mapValues { Array($0.utf8) }
    }

    public func contents(of path: String, inside folder: String) throws(FileSourceError) -> [UInt8] {
        if let bytes = files[path] { return bytes }
        throw isFolder(path) ? .notAFile(path, kind: "a folder") : .notFound(path)
    }

    public func isFolder(_ path: String) -> Bool {
        files.keys.contains { $0.hasPrefix(path + "/") }
    }
}
