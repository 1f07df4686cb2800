import Foundation
import Publishing
import Testing

@Suite("Replacing the output folder")
struct OutputFolderTests {
    /// What is at the target before a build.
    enum Before: String, CaseIterable, Sendable {
        case nothing, emptyFolder, ourOutput, someonesFolder, aFile
        /// A build's output (it publishes edition.yaml) as the marker lists it.
        case ourOutputWithManifest
        /// An output from before the marker listed manifests: edition.yaml beside findings.json.
        case olderOutputWithManifest
        /// A build's output whose edition.yaml someone has since edited into their own.
        case ourOutputWithEditedManifest
        /// An edition someone keeps inside a former output folder.
        case editionInsideOurOutput
        /// A manifest someone put into an output whose build wrote none.
        case manifestAddedToOurOutput
        /// An edition that an older `new` marked as output.
        case markedEdition
        /// A marker that is a FIFO (reading it would block), a link to a real marker, a folder.
        case fifoMarker, linkedMarker, folderMarker
    }

    private static let olderMarker = "Written by annual-report; the next build replaces this folder whole.\n"

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
        case .ourOutputWithManifest:
            try OutputFolder.replace(
                target.path, with: [("edition.yaml", "partnership: x\n"), ("findings.json", "{}")])
        case .olderOutputWithManifest:
            try write([
                "edition.yaml": "partnership: x\n", "findings.json": "{}", OutputFolder.marker: Self.olderMarker,
            ])
        case .ourOutputWithEditedManifest:
            try OutputFolder.replace(
                target.path, with: [("edition.yaml", "partnership: x\n"), ("findings.json", "{}")])
            try Data("partnership: mine\n".utf8).write(to: target.appendingPathComponent("edition.yaml"))
        case .editionInsideOurOutput:
            try OutputFolder.replace(
                target.path, with: [("edition.yaml", "partnership: x\n"), ("findings.json", "{}")])
            try write(["kept/edition.yaml": "partnership: mine\n", "kept/narrative/a.md": "Mine."])
        case .manifestAddedToOurOutput:
            try OutputFolder.replace(target.path, with: [("old.txt", "old"), ("findings.json", "{}")])
            try write(["edition.yaml": "partnership: mine\n"])
        case .markedEdition:
            try write([
                "edition.yaml": "partnership: x\n", "narrative/a.md": "Mine.", OutputFolder.marker: Self.olderMarker,
            ])
        case .fifoMarker:
            try write(["notes.txt": "mine"])
            #expect(mkfifo(target.appendingPathComponent(OutputFolder.marker).path, 0o644) == 0)
        case .linkedMarker:
            let elsewhere = target.deletingLastPathComponent().appendingPathComponent("elsewhere")
            try OutputFolder.replace(elsewhere.path, with: [("old.txt", "old")])
            try write(["notes.txt": "mine"])
            try FileManager.default.createSymbolicLink(
                atPath: target.appendingPathComponent(OutputFolder.marker).path,
                withDestinationPath: elsewhere.appendingPathComponent(OutputFolder.marker).path)
        case .folderMarker:
            try write(["notes.txt": "mine", "\(OutputFolder.marker)/x": "x"])
        }

        func write(_ files: [String: String]) throws {
            for (path, text) in files {
                let url = target.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }
    }

    @Test(
        "replaces nothing, an empty folder or its own output, and refuses anything else",
        arguments: [
            (Before.nothing, true), (.emptyFolder, true), (.ourOutput, true), (.someonesFolder, false), (.aFile, false),
            (.ourOutputWithManifest, true), (.olderOutputWithManifest, true), (.ourOutputWithEditedManifest, false),
            (.editionInsideOurOutput, false), (.manifestAddedToOurOutput, false), (.markedEdition, false),
            (.fifoMarker, false), (.linkedMarker, false),
            (.folderMarker, false),
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
        let besides = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0 != "elsewhere" }
        #expect(besides == ["out"])
    }

    @Test(
        "a refusal says why, naming the edition or the marker that is not a regular file",
        arguments: [
            (
                Before.editionInsideOurOutput,
                "it holds an edition (OUT/kept/edition.yaml) that is not a build's own output"
            ),
            (.ourOutputWithEditedManifest, "it holds an edition (OUT/edition.yaml) that is not a build's own output"),
            (.markedEdition, "it holds an edition (OUT/edition.yaml)"),
            (.fifoMarker, "its marker OUT/.annual-report is not a regular file (it is a FIFO)"),
            (.linkedMarker, "its marker OUT/.annual-report is not a regular file (it is a symbolic link)"),
            (.folderMarker, "its marker OUT/.annual-report is not a regular file (it is a folder)"),
        ])
    func refusalSaysWhy(before: Before, reason: String) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let target = scratch.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try prepare(before, at: target)
        // The message names the folder as the user named it (OUT in the table).
        #expect {
            try OutputFolder.checkReplaceable(target.path)
        } throws: { error in
            "\(error)".contains(reason.replacingOccurrences(of: "OUT", with: target.path))
        }
    }

    @Test("an edition marked as output holds a stray marker; a build's own output does not")
    func strayMarker() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        for (before, stray) in [(Before.markedEdition, true), (.ourOutputWithManifest, false), (.emptyFolder, false)] {
            let target = scratch.appendingPathComponent(before.rawValue)
            try prepare(before, at: target)
            #expect(OutputFolder.holdsStrayMarker(target.path) == stray, "\(before)")
        }
    }
}
