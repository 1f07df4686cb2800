import ArgumentParser
import EditionFormat
import Foundation

/// `annual-report schema`: every dataset kind's columns, as Markdown, from the kinds' own
/// declarations; `--update FILE` rewrites the marked blocks of a document in place
/// (`make docs` does it to docs/edition-format.md, and a test keeps them equal).
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print the columns of every kind of dataset an edition may hold.")

    @Option(name: .customLong("update"), help: "A Markdown file whose schema blocks to rewrite in place.")
    var document: String?

    func run() throws {
        guard let document else {
            printOutput(SchemaDocument.markdown(), terminator: "")
            return
        }
        let text = try String(contentsOfFile: document, encoding: .utf8)
        let (refreshed, missing) = SchemaDocument.refreshed(text)
        guard missing.isEmpty else {
            throw ValidationError("\(document) has no block for \(missing.joined(separator: ", "))")
        }
        try Data(refreshed.utf8).write(to: URL(fileURLWithPath: document), options: .atomic)
    }
}
