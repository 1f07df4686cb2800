import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a set of files into a folder that does not exist yet (or is empty), as `init` and
/// `templates export` do: they start something the user then edits, so they never overwrite.
enum NewFolder {
    /// Why the folder could not be written, in words a user can act on.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Creates `folder` and writes `files` (paths relative to it) into it.
    /// - Throws: `Failure` when the folder holds anything already or cannot be written.
    static func write(_ folder: String, files: [(path: String, text: String)]) throws(Failure) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw Failure(description: "\(folder) is a file: expected a new folder") }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [""]
            guard entries.isEmpty else {
                throw Failure(description: "\(folder) already holds files: expected a new or empty folder")
            }
        }
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file.path)
            let parent = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw Failure(description: "cannot create the folder \(parent): \(reason(for: parent))")
            }
            guard FileManager.default.createFile(atPath: path, contents: Data(file.text.utf8)) else {
                throw Failure(description: "cannot write \(path): \(reason(for: parent))")
            }
        }
    }

    /// Why `path` (or the nearest folder above it that exists) cannot be written: `permission
    /// denied`, `not a directory`.
    private static func reason(for path: String) -> String {
        var existing = path
        while !existing.isEmpty, existing != "/", !FileManager.default.fileExists(atPath: existing) {
            existing = (existing as NSString).deletingLastPathComponent
        }
        if access(existing.isEmpty ? "." : existing, W_OK) != 0 { return String(cString: strerror(errno)).lowercased() }
        return "the file system refused it"
    }
}
