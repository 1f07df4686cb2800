import Foundation

/// Why a file could not be read.
public enum FileSourceError: Error, Equatable, Sendable {
    /// Nothing is at the path.
    case notFound(String)
    /// Something that is not a regular file is at the path: `kind` says what ("a folder").
    case notAFile(String, kind: String)
    /// The path leads outside the folder it must stay in, through a symbolic link.
    case outside(String)
    /// The file exists but cannot be read; `reason` says why in words.
    case unreadable(String, reason: String)
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
