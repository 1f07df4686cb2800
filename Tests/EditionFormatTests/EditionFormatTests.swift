import EditionFormat
import ReportModel
import Testing

/// The manifest's `format:` key as ingest reads it: absent is format 1, a known number is that
/// format, anything else is a located finding, and a newer format stops the run.
@Suite("The edition format key")
struct EditionFormatTests {
    static func read(_ formatLine: String?) throws -> IngestResult {
        let manifest = SyntheticEdition.manifest(
            replacing: "partnership:\n", with: (formatLine.map { $0 + "\n" } ?? "") + "partnership:\n")
        return try SyntheticEdition.read(
            SyntheticEdition.files(replacing: SyntheticEdition.manifestPath, with: manifest))
    }

    @Test(
        "a known format reads as itself, and no key as format 1",
        arguments: [(nil, 1), ("format: 1", 1), ("format: 2", 2), ("format: \"2\"", 2), ("format: 2  # today's", 2)]
            as [(String?, Int)])
    func known(_ line: String?, _ format: Int) throws {
        let result = try Self.read(line)
        #expect(result.findings == [])
        #expect(result.edition?.manifest.format == format)
    }

    @Test(
        "a value that is no format is a located finding naming the formats there are",
        arguments: ["format: 0", "format: two", "format: 2.0", "format: -1", "format: ٢"])
    func unreadable(_ line: String) throws {
        let findings = try Self.read(line).findings
        #expect(findings.map(\.rule) == [IngestRule.manifestInvalid.id])
        #expect(findings.first?.location == SourceLocation(file: SyntheticEdition.manifestPath, line: 2, column: 9))
        #expect(findings.first?.expected == "an edition format from 1 to 2")
    }

    @Test("a newer format than this release reads stops the run (exit 2), located, saying to install a newer one")
    func newer() throws {
        #expect(
            throws: EditionReadError.newerFormat(
                SourceLocation(file: SyntheticEdition.manifestPath, line: 2, column: 9), found: 3)
        ) { try Self.read("format: 3") }
    }

    @Test("what the manifest writer writes reads back in the current format, its appendices listed")
    func writer() throws {
        let manifest = try #require(try Self.read(nil).edition?.manifest)
        let text = ManifestWriter.yaml(manifest)
        #expect(text.hasPrefix("format: \(FormatVersion.current)\n"))
        let files = SyntheticEdition.files(replacing: SyntheticEdition.manifestPath, with: text)
        let reread = try #require(try SyntheticEdition.read(files).edition)
        #expect(reread.manifest.format == FormatVersion.current)
        #expect(reread.manifest.appendices == AppendixKind.defaults)
    }
}
