import Foundation

/// Why output could not be written: the tool cannot do its job (exit status 2).
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): cannot write the output: \(reason)" }
}

/// Writes a set of files as one folder, atomically: everything goes into a temporary folder
/// beside the target, which then replaces the target in one rename. A run that fails at any
/// point leaves the last good output exactly as it was.
public enum OutputFolder {
    /// Replaces `folder` with exactly `files` (paths relative to it).
    /// - Throws: `OutputError` when the folder cannot be written.
    public static func replace(_ folder: String, with files: [(path: String, text: String)]) throws(OutputError) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: folder)
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())")
        let previous = parent.appendingPathComponent(".\(target.lastPathComponent).previous-\(getpid())")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try? manager.removeItem(at: staging)
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw OutputError(path: folder, reason: error.localizedDescription)
        }
        let hadPrevious = manager.fileExists(atPath: target.path)
        do {
            if hadPrevious { try manager.moveItem(at: target, to: previous) }
            try manager.moveItem(at: staging, to: target)
        } catch {
            // Put the last good output back before reporting.
            if hadPrevious, !manager.fileExists(atPath: target.path) { try? manager.moveItem(at: previous, to: target) }
            try? manager.removeItem(at: staging)
            throw OutputError(path: folder, reason: error.localizedDescription)
        }
        try? manager.removeItem(at: previous)
    }
}
