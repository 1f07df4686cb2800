import Foundation

/// Why a file could not be read.
public enum FileSourceError: Error, Equatable, Sendable {
    case notFound(String)
    case unreadable(String, reason: String)
}

/// Where an edition's files come from: the disk, or memory in tests. Passing it in keeps the
/// pipeline free of real paths.
public protocol FileSource: Sendable {
    /// The bytes of the file at `path`.
    /// - Throws: `FileSourceError` when it is missing or cannot be read.
    func contents(of path: String) throws(FileSourceError) -> [UInt8]
    /// True when `path` is a folder.
    func isFolder(_ path: String) -> Bool
}

/// Files on the disk, paths relative to the working directory.
public struct DiskFileSource: FileSource {
    /// The largest file read: 2 GiB, well above the million-row editions the benchmark uses.
    public static let largestFile = 2 << 30

    public init() {}

    public func contents(of path: String) throws(FileSourceError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
            !isDirectory.boolValue
        else { throw .notFound(path) }
        // Only regular files (links followed), and none larger than a report could need: a FIFO
        // or a link to /dev/zero must not hang the tool.
        let values = try? URL(fileURLWithPath: path).resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey])
        guard values?.isRegularFile == true else { throw .unreadable(path, reason: "it is not a regular file") }
        guard (values?.fileSize ?? 0) <= DiskFileSource.largestFile else {
            throw .unreadable(path, reason: "it is larger than \(DiskFileSource.largestFile / 1_048_576) MiB")
        }
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .unreadable(path, reason: error.localizedDescription)
        }
    }

    public func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && isDirectory.boolValue
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

    public func contents(of path: String) throws(FileSourceError) -> [UInt8] {
        guard let bytes = files[path] else { throw .notFound(path) }
        return bytes
    }

    public func isFolder(_ path: String) -> Bool {
        files.keys.contains { $0.hasPrefix(path + "/") }
    }
}
