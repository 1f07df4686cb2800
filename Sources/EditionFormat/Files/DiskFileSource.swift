import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files on the disk, paths relative to the working directory.
///
/// A path is resolved whole (every symbolic link in every component followed) before it is
/// opened, and refused unless it ends inside the folder it must stay in: a link to a file or
/// to a folder out of the edition (`etc -> /etc`) never lets a manifest read what lies there.
/// Only regular files are read, opened without waiting, so a FIFO or a device cannot hang the
/// tool.
public struct DiskFileSource: FileSource {
    /// The largest file read: 2 GiB, well above the million-row editions the benchmark uses.
    public static let largestFile = 2 << 30

    public init() {}

    public func contents(of path: String, inside folder: String) throws(FileSourceError) -> [UInt8] {
        try contents(of: path, inside: folder, largest: Self.largestFile)
    }

    /// The bytes of the regular file at `path`, as `contents(of:inside:)` reads them, refused
    /// unread when it holds more than `largest` bytes.
    public func contents(of path: String, inside folder: String, largest: Int) throws(FileSourceError) -> [UInt8] {
        guard let root = Self.resolved(folder) else { throw .notFound(folder) }
        guard let real = Self.resolved(path) else {
            let reason = errno
            if reason == ENOENT || reason == ENOTDIR { throw .notFound(path) }
            if let unreachable = Self.unreachable(reason) { throw .unreachable(path, reason: unreachable) }
            throw .unreadable(path, reason: Self.describe(reason))
        }
        guard real == root || real.hasPrefix(root == "/" ? "/" : root + "/") else { throw .outside(path) }
        let descriptor = open(real, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno
            if let unreachable = Self.unreachable(reason) { throw .unreachable(path, reason: unreachable) }
            throw .unreadable(path, reason: Self.describe(reason))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path, reason: Self.describe(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .notAFile(path, kind: "a folder")
        default: throw .notAFile(path, kind: "not a regular file (a device, pipe or socket)")
        }
        guard Int(status.st_size) <= largest else {
            let limit = largest >= 1_048_576 ? "\(largest / 1_048_576) MiB" : "\(largest / 1024) KiB"
            throw .unreadable(path, reason: "it is larger than \(limit)")
        }
        return try Self.readAll(descriptor, path: path, expected: Int(status.st_size))
    }

    /// The folder at `path` with every symbolic link followed, which must lie inside `root`
    /// (or be it): an edition's templates folder that is a link out of the edition is refused
    /// as a file would be.
    /// - Throws: `FileSourceError` when it is missing, not a folder or outside `root`.
    public func folder(_ path: String, inside root: String) throws(FileSourceError) -> String {
        guard let real = Self.resolved(path) else {
            let reason = errno
            if reason == ENOENT || reason == ENOTDIR { throw .notFound(path) }
            if let unreachable = Self.unreachable(reason) { throw .unreachable(path, reason: unreachable) }
            throw .unreadable(path, reason: Self.describe(reason))
        }
        guard let base = Self.resolved(root) else { throw .notFound(root) }
        guard real == base || real.hasPrefix(base == "/" ? "/" : base + "/") else { throw .outside(path) }
        guard isFolder(real) else { throw .notAFile(path, kind: "a file") }
        return real
    }

    public func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// The real path, every symbolic link followed; the path as written when it has none.
    public func identity(of path: String) -> String {
        Self.resolved(path) ?? path
    }

    /// The absolute path with every symbolic link followed, or nil (with `errno` set).
    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func readAll(_ descriptor: Int32, path: String, expected: Int) throws(FileSourceError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: expected)
        var filled = 0
        while filled < expected {
            // The buffer holds `expected` > 0 bytes inside the loop, so it has an address.
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, expected - filled)
            }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .unreadable(path, reason: describe(errno)) }
            if count == 0 { break }  // The file shrank while being read: take what is there.
            filled += count
        }
        return Array(bytes[..<filled])
    }

    /// Why a path cannot be followed, for the errors that are the path's own fault rather than
    /// the disk's; nil for any other.
    private static func unreachable(_ code: Int32) -> String? {
        switch code {
        case ELOOP: "it is a loop of symbolic links (or more links in a row than the system follows)"
        case ENAMETOOLONG:
            "it is too long for the file system (a name over \(NAME_MAX) bytes, or a path over \(PATH_MAX) bytes)"
        default: nil
        }
    }

    /// `permission denied`, from an errno value.
    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
