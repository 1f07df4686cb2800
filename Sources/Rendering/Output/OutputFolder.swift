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
    /// The file that marks a folder as written by this tool, and so safe to replace.
    public static let marker = ".annual-report"

    /// Replaces `folder` with exactly `files` (paths relative to it). A folder that exists is
    /// replaced only if it is empty or this tool wrote it, so a mistyped `--output` can never
    /// delete someone's documents.
    /// - Throws: `OutputError` when the folder cannot or must not be written.
    public static func replace(_ folder: String, with files: [(path: String, text: String)]) throws(OutputError) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        // A build before the marker existed is recognised by its report and findings.
        if let existing = try? manager.contentsOfDirectory(atPath: target.path), !existing.isEmpty,
            !existing.contains(marker), !(existing.contains("report.xhtml") && existing.contains("findings.json"))
        {
            throw OutputError(
                path: folder,
                reason: "it is a folder this tool did not write and is not empty; choose a new or empty folder")
        }
        if manager.fileExists(atPath: target.path), (try? manager.contentsOfDirectory(atPath: target.path)) == nil {
            throw OutputError(path: folder, reason: "it is a file, not a folder")
        }
        for file in files where file.path.hasPrefix("/") || file.path.split(separator: "/").contains("..") {
            throw OutputError(path: folder, reason: "the file name \(file.path) would leave the output folder")
        }
        let files = files + [(marker, "Written by annual-report; the next build replaces this folder whole.\n")]
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
