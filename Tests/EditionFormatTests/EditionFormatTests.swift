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

    @Test("every key a dataset entry may have is written back: new and the published data lose none")
    func writerKeepsDatasetKeys() throws {
        let entry = """
              - id: budget
                schema: parts
                unit: money
                labels: { part: Funder, value: Income, leads: gave the most }
                appendix: finance
                periods_add_up: true
                data_only: true

            """
        let manifest = SyntheticEdition.manifest.replacingOccurrences(
            of: "  - id: budget\n    schema: budget\n", with: entry)
        var files = SyntheticEdition.files(replacing: SyntheticEdition.manifestPath, with: manifest)
        files[SyntheticEdition.budgetPath] = Array(
            SyntheticEdition.budget.replacingOccurrences(of: "agency,parent,amount,", with: "part,parent,value,").utf8)
        let read = try #require(try SyntheticEdition.read(files).edition)
        let written = ManifestWriter.yaml(read.manifest)
        let reread = try #require(
            try SyntheticEdition.read(
                files.merging([SyntheticEdition.manifestPath: Array(written.utf8)]) { $1 }
            ).edition)
        let before = try #require(read.dataset("budget"))
        let after = try #require(reread.dataset("budget"))
        #expect(after.unit == .money && after.labels == before.labels && after.appendix == .finance)
        #expect(after.periodsAddUp && after.dataOnly)
    }
}
