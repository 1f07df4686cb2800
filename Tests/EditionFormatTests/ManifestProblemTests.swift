import ReportModel
import Testing

@testable import EditionFormat

/// What a kind cannot use in its manifest entry is a located error, never silently ignored.
@Suite("A dataset's manifest entry as its kind reads it")
struct ManifestProblemTests {
    /// The synthetic edition with its budget entry and file changed.
    static func read(entry: String, budget: String = SyntheticEdition.budget) throws -> [Finding] {
        let manifest = SyntheticEdition.manifest.replacingOccurrences(
            of: "  - id: budget\n    schema: budget\n", with: "  - id: budget\n" + entry)
        var files = SyntheticEdition.files
        files[SyntheticEdition.manifestPath] = Array(manifest.utf8)
        files[SyntheticEdition.budgetPath] = Array(budget.utf8)
        return try SyntheticEdition.read(files).findings
    }

    static let partsBudget = SyntheticEdition.budget.replacingOccurrences(
        of: "agency,parent,amount,", with: "part,parent,value,"
    ).replacingOccurrences(of: "£", with: "")

    @Test(
        "is refused where it stands, saying what was expected",
        arguments: [
            ("    schema: parts\n", partsBudget, "needs", "expected unit: money or unit: count, found no unit:"),
            ("    schema: parts\n    unit: percent\n", partsBudget, "percent", "found unit: percent"),
            ("    schema: budget\n    unit: count\n", SyntheticEdition.budget, "count", "is in money"),
            (
                "    schema: budget\n    labels: { part: Funder, colour: red }\n", SyntheticEdition.budget, "colour",
                "unknown key 'colour'"
            ),
            (
                "    schema: budget\n    periods_add_up: true\n", SyntheticEdition.budget, "periods",
                "expected it on no budget dataset"
            ),
        ])
    func refused(entry: String, budget: String, _ note: String, words: String) throws {
        let findings = try Self.read(entry: entry, budget: budget)
        let finding = try #require(findings.first { $0.message.contains(words) }, "\(findings)")
        #expect(finding.severity == .error)
        #expect(finding.location?.file == SyntheticEdition.manifestPath)
        #expect(finding.location?.line != nil)
    }

    @Test("unit: and labels: on a figures dataset are refused, not ignored")
    func figuresWithLabels() throws {
        let manifest = SyntheticEdition.manifest.replacingOccurrences(
            of: "    schema: figures\n", with: "    schema: figures\n    labels: { part: Area }\n")
        var files = SyntheticEdition.files
        files[SyntheticEdition.manifestPath] = Array(manifest.utf8)
        let findings = try SyntheticEdition.read(files).findings
        #expect(
            findings.map(\.message) == [
                "the dataset figures: unit: and labels: describe a parts table: expected neither on a figures dataset"
            ])
    }

    @Test("a parts table with its unit reads clean, and its values in that unit")
    func partsWithUnit() throws {
        let findings = try Self.read(entry: "    schema: parts\n    unit: count\n", budget: Self.partsBudget)
        #expect(findings.isEmpty, "\(findings)")
    }
}
