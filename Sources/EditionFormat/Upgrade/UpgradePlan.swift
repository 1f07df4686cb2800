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
    /// permissions.
    /// - Throws: `UpgradeRefusal` when a file cannot be written; the old file is then untouched.
    public func write() throws(UpgradeRefusal) {
        for file in files {
            let temporary = "\(file.path).upgrade-\(getpid()).tmp"
            let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
            let permissions = attributes?[.posixPermissions]
            guard
                FileManager.default.createFile(
                    atPath: temporary, contents: Data(file.text.utf8),
                    attributes: permissions.map { [.posixPermissions: $0] })
            else {
                throw UpgradeRefusal("cannot write \(temporary): \(String(cString: strerror(errno)).lowercased())")
            }
            guard rename(temporary, file.path) == 0 else {
                let reason = String(cString: strerror(errno)).lowercased()
                unlink(temporary)
                throw UpgradeRefusal("cannot replace \(file.path): \(reason)")
            }
        }
    }
}
