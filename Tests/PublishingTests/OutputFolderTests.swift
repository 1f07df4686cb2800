import Foundation
import Publishing
import Testing

@Suite("Replacing the output folder")
struct OutputFolderTests {
    /// What is at the target before a build.
    enum Before: String, CaseIterable, Sendable {
        case nothing, emptyFolder, ourOutput, someonesFolder, aFile
    }

    private func prepare(_ before: Before, at target: URL) throws {
        let manager = FileManager.default
        switch before {
        case .nothing: break
        case .emptyFolder: try manager.createDirectory(at: target, withIntermediateDirectories: true)
        case .ourOutput: try OutputFolder.replace(target.path, with: [("old.txt", "old")])
        case .someonesFolder:
            // Looks like output (report and findings) but has no marker: someone's documents.
            try manager.createDirectory(at: target, withIntermediateDirectories: true)
            for name in ["report.xhtml", "findings.json", "notes.txt"] {
                try Data("mine".utf8).write(to: target.appendingPathComponent(name))
            }
        case .aFile: try Data("a file".utf8).write(to: target)
        }
    }

    @Test(
        "replaces nothing, an empty folder or its own output, and refuses anything else",
        arguments: [
            (Before.nothing, true), (.emptyFolder, true), (.ourOutput, true), (.someonesFolder, false), (.aFile, false),
        ])
    func replaces(before: Before, replaced: Bool) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let target = scratch.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try prepare(before, at: target)
        let contentsBefore = try? FileManager.default.contentsOfDirectory(atPath: target.path).sorted()
        let refused: Bool
        do {
            try OutputFolder.replace(target.path, with: [("report.html", "new"), ("data/a.csv", "a\r\n")])
            refused = false
        } catch {
            refused = true
        }
        #expect(refused == !replaced)
        let contents = try? FileManager.default.contentsOfDirectory(atPath: target.path).sorted()
        #expect(contents == (replaced ? [OutputFolder.marker, "data", "report.html"] : contentsBefore))
        // Nothing hidden is left beside the target, whatever happened.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["out"])
    }
}
