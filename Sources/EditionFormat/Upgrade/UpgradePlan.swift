import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An upgrade worked out and checked, not yet written: the changes to print and the files that
/// make them.
public struct UpgradePlan: Sendable {
    /// The edition folder, as the user named it.
    public var folder: String
    /// The format the edition is in, and the one it will be in.
    public var from: Int
    public var to: Int
    /// Every change, by file and line in the upgraded files.
    public var changes: [UpgradeChange]
    /// The upgraded files' full text, by path.
    public var files: [(path: String, text: String)]

    public init(folder: String, from: Int, to: Int, changes: [UpgradeChange], files: [(path: String, text: String)]) {
        self.folder = folder
        self.from = from
        self.to = to
        self.changes = changes
        self.files = files
    }

    /// Writes each file whole to a temporary file beside it and renames it over the old one,
    /// so a file is either as it was or fully upgraded, never half written. The file keeps its
    /// permissions. A file that is a symbolic link (the reader has made sure it stays inside
    /// the edition) is written through: the link stays, and the file it names is upgraded.
    /// - Throws: `UpgradeRefusal` when a file cannot be written; the old file is then untouched.
    public func write() throws(UpgradeRefusal) {
        for file in files {
            guard let resolved = realpath(file.path, nil) else {
                throw UpgradeRefusal("cannot find \(file.path): \(Self.reason(errno))")
            }
            let target = String(cString: resolved)
            free(resolved)
            var status = stat()
            guard stat(target, &status) == 0 else {
                throw UpgradeRefusal("cannot read \(target): \(Self.reason(errno))")
            }
            let temporary = "\(target).upgrade-\(getpid()).tmp"
            do {
                try Self.writeNew(temporary, Array(file.text.utf8), like: status)
            } catch {
                unlink(temporary)
                throw error
            }
            guard rename(temporary, target) == 0 else {
                let reason = Self.reason(errno)
                unlink(temporary)
                throw UpgradeRefusal("cannot replace \(target): \(reason)")
            }
        }
    }

    /// Writes a new file with the permissions (and, where allowed, the owner) of `original`.
    private static func writeNew(_ path: String, _ bytes: [UInt8], like original: stat) throws(UpgradeRefusal) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw UpgradeRefusal("cannot write \(path): \(reason(errno))") }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                // Inside the loop the buffer holds at least one byte, so it has an address.
                systemWrite(descriptor, buffer.baseAddress! + written, bytes.count - written)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw UpgradeRefusal("cannot write \(path): \(reason(errno))") }
            written += count
        }
        // Only root may give a file away; for anyone else the owner is already theirs.
        _ = fchown(descriptor, original.st_uid, original.st_gid)
        guard fchmod(descriptor, original.st_mode & 0o7777) == 0 else {
            throw UpgradeRefusal("cannot set the permissions of \(path): \(reason(errno))")
        }
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif
