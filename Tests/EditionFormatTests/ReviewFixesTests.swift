import EditionFormat
import ReportModel
import Testing

@Suite("Problems found in review, pinned")
struct ReviewFixesTests {
    @Test("an empty value is located at the value column wherever the header puts it")
    func missingValueLocatedByHeader() throws {
        let files = SyntheticEdition.files(
            replacing: SyntheticEdition.figuresPath,
            with: "value,area,measure\n,north,contacts\n")
        let findings = try SyntheticEdition.read(files).findings
        let finding = try #require(findings.first { $0.rule == IngestRule.missingValue.id })
        #expect(finding.location == ReportModel.SourceLocation(file: SyntheticEdition.figuresPath, line: 2, column: 1))
        #expect(finding.message.hasPrefix("no value yet for north/contacts"))
    }

    @Test("a figures file without a value column names the missing column")
    func valueColumnRequired() throws {
        let files = SyntheticEdition.files(
            replacing: SyntheticEdition.figuresPath, with: "area,measure\nnorth,contacts\n")
        let findings = try SyntheticEdition.read(files).findings
        #expect(
            findings.contains {
                $0.rule == IngestRule.missingColumn.id && $0.actual == "no such column" && $0.expected == "value"
            })
    }

    @Test("an unclosed reference does not stop the references after it from being read")
    func unclosedReference() {
        let (references, findings) = ReferenceParser.references(in: "{{= a/b\n\nThen {{= c/d }}.", file: "n.md")
        #expect(findings.count == 1)
        #expect(references.map(\.expression) == [.value("c/d")])
    }

    @Test("ids that would name files or links badly are refused", arguments: ["../../x", "Has Space", "UPPER"])
    func badIds(id: String) throws {
        let manifest = String(
            decoding: try #require(SyntheticEdition.files[SyntheticEdition.manifestPath]), as: UTF8.self)
        let replaced = manifest.replacingOccurrences(of: "id: budget", with: "id: \"\(id)\"")
        #expect(replaced != manifest)
        let findings = try SyntheticEdition.read(
            SyntheticEdition.files(replacing: SyntheticEdition.manifestPath, with: replaced)
        ).findings
        #expect(findings.contains { $0.rule == IngestRule.manifestInvalid.id && $0.actual == id })
    }
}

@Suite("Control characters are found where they were typed")
struct ControlCharacterTests {
    @Test("in a CSV cell")
    func inCell() throws {
        let files = SyntheticEdition.files(
            replacing: SyntheticEdition.figuresPath, with: "area,measure,value\nnorth,contacts,\"1\u{0007}2\"\n")
        let finding = try #require(try SyntheticEdition.read(files).findings.first { $0.actual == "U+0007" })
        #expect(finding.location == ReportModel.SourceLocation(file: SyntheticEdition.figuresPath, line: 2, column: 3))
    }

    @Test("in a section's Markdown, with its line and column")
    func inMarkdown() throws {
        let path = try #require(SyntheticEdition.files.keys.first { $0.hasSuffix(".md") })
        let files = SyntheticEdition.files(replacing: path, with: "First line.\nSecond \u{0085}line.\n")
        let finding = try #require(try SyntheticEdition.read(files).findings.first { $0.actual == "U+0085" })
        #expect(finding.location == ReportModel.SourceLocation(file: path, line: 2, column: 8))
    }
}
