import EditionFormat
import Foundation
import Testing

/// A scratch edition on disk with links in and out of it, for the file source's refusals.
private struct ScratchEdition {
    let root: URL
    var edition: String { root.appendingPathComponent("edition").path }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("disk-source-\(UUID().uuidString)")
        let manager = FileManager.default
        let edition = root.appendingPathComponent("edition")
        try manager.createDirectory(at: edition.appendingPathComponent("data"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("secret"), withIntermediateDirectories: true)
        try Data("inside\n".utf8).write(to: edition.appendingPathComponent("data/inside.csv"))
        try Data("secret\n".utf8).write(to: root.appendingPathComponent("secret/passwd"))
        try manager.createSymbolicLink(
            atPath: edition.appendingPathComponent("etc").path, withDestinationPath: "../secret")
        try manager.createSymbolicLink(
            atPath: edition.appendingPathComponent("data/out.csv").path, withDestinationPath: "../../secret/passwd")
        try manager.createSymbolicLink(
            atPath: edition.appendingPathComponent("data/alias.csv").path, withDestinationPath: "inside.csv")
        try manager.createSymbolicLink(
            atPath: edition.appendingPathComponent("data/dangling.csv").path, withDestinationPath: "nowhere.csv")
        try manager.createSymbolicLink(
            atPath: edition.appendingPathComponent("data/loop.csv").path, withDestinationPath: "loop.csv")
        #expect(mkfifo(edition.appendingPathComponent("data/pipe.csv").path, 0o600) == 0)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

@Suite("Reading files from the disk")
struct DiskFileSourceTests {
    @Test(
        "reads regular files inside the edition, links included, and refuses everything else",
        arguments: [
            ("data/inside.csv", "inside\n"),
            ("data/alias.csv", "inside\n"),
            ("etc/passwd", "outside"),
            ("data/out.csv", "outside"),
            ("data/missing.csv", "not found"),
            ("data/dangling.csv", "not found"),
            ("data", "a folder"),
            ("data/pipe.csv", "not a regular file (a device, pipe or socket)"),
            (
                "data/loop.csv",
                "unreachable: it is a loop of symbolic links (or more links in a row than the system follows)"
            ),
            (
                "data/\(String(repeating: "n", count: 300)).csv",
                "unreachable: it is too long for the file system (a name over 255 bytes, or a path over 4096 bytes)"
            ),
        ])
    func reads(path: String, expected: String) throws {
        let scratch = try ScratchEdition()
        defer { scratch.remove() }
        let outcome: String
        do {
            let bytes = try DiskFileSource().contents(of: "\(scratch.edition)/\(path)", inside: scratch.edition)
            outcome = String(decoding: bytes, as: UTF8.self)
        } catch {
            switch error {
            case .outside: outcome = "outside"
            case .notFound: outcome = "not found"
            case .notAFile(_, let kind): outcome = kind
            case .unreadable(_, let reason): outcome = reason
            case .unreachable(_, let reason): outcome = "unreachable: \(reason)"
            }
        }
        #expect(outcome == expected)
    }
}
