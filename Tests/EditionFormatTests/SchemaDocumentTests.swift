import Foundation
import Testing

@testable import EditionFormat

@Suite("The edition format's schema reference is written from the kinds")
struct SchemaDocumentTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/edition-format.md")

    @Test("docs/edition-format.md has a block for every kind, each as the kind declares it")
    func notStale() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let (refreshed, missing) = SchemaDocument.refreshed(text)
        #expect(missing.isEmpty, "no block for \(missing): add its markers to docs/edition-format.md")
        #expect(refreshed == text, "docs/edition-format.md is stale: run `make docs`")
    }

    @Test("a column added to a kind changes its block, so the staleness test would fail")
    func columnShows() {
        var kind = PartsDataset.general
        kind.partColumn = ("heading", "a heading of spending")
        let text = SchemaDocument.markdown(for: DatasetKinds([kind]))
        #expect(text.contains("| `heading` | text | yes | a heading of spending |"))
        #expect(text.contains("Row key: `heading`."))
    }
}
