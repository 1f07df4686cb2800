import EditionFormat
import Foundation
import ReportModel
import Testing

@Suite("Scaffolding next year's edition")
struct ScaffoldTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The reference edition, and a Cumberland 2024/25 successor scaffolded from it in memory
    /// (built here for the test, never committed as if real).
    static func scaffold(workbook: String? = nil) throws -> (
        old: Edition, files: [String: String], findings: [Finding]
    ) {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(root.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let old = try #require(try EditionReader().read(folder: "inputs/cumbria-2023-24").edition)
        let scaffold = EditionScaffold(
            partnership: Partnership(name: "Cumberland Safeguarding Children Partnership", shortName: "CSCP"),
            area: "cumberland", period: nil, sourceFolder: "inputs/cumbria-2023-24", workbook: workbook)
        var files: [String: String] = [:]
        let made = try scaffold.files(from: old)
        for file in made.texts { files["new/\(file.path)"] = file.text }
        var source = MemoryFileSource(texts: files)
        if let sheets = made.workbook { source.files["new/\(sheets.path)"] = sheets.bytes }
        let findings = try EditionReader(files: source).read(folder: "new").findings
        return (old, files, findings)
    }

    @Test("each missing Cumberland figure is reported by name, with last year's value")
    func missingFigures() throws {
        let (old, _, findings) = try Self.scaffold()
        let subtree: Set = ["cumberland", "carlisle", "allerdale", "copeland"]
        let expected = old.figures.filter { subtree.contains($0.area.value) }
        #expect(expected.count >= 20)
        for figure in expected {
            let label = old.measure(figure.measure.value)?.label ?? ""
            let message =
                "no value yet for \(figure.key) (\(label)); last year's was \(GovUKFormat.quantity(figure.value.value))"
            #expect(
                findings.contains { $0.rule == "value.missing" && $0.message.hasPrefix(message) }, "missing: \(message)"
            )
        }
        #expect(
            !findings.contains { $0.message.contains("westmorland-furness/") },
            "W&F figures do not belong to Cumberland's edition")
    }

    @Test("the 2023/24 Cumberland figures are carried as comparators, and nothing is silently zero")
    func comparators() throws {
        let (old, files, _) = try Self.scaffold()
        let performance = try #require(files["new/data/performance.csv"])
        let rows = performance.split(separator: "\r\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(rows.count == old.figures.filter { $0.dataset == "performance" && $0.area.value == "cumberland" }.count)
        for row in rows {
            let figure = try #require(old.figures.first { $0.key == "\(row[0])/\(row[1])" })
            #expect(row[2] == "", "the value must be left for the analyst, never zero")
            #expect(row[7] == NSDecimalNumber(decimal: figure.value.value.exact).stringValue)
        }
    }

    @Test(
        "publication.date moves on with the period, 29 February becoming the 28th; none stays none",
        arguments: [
            ("2024-09-30", "2025-09-30"), ("2024-02-29", "2025-02-28"), (nil, nil),
        ] as [(String?, String?)])
    func publicationDate(last: String?, next: String?) throws {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(Self.root.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        var old = try #require(try EditionReader().read(folder: "inputs/cumbria-2023-24").edition)
        old.manifest.publication.date = last.flatMap { try? DateReader.date($0).get() }
        let period = ReportingPeriod(
            period: old.manifest.reportingPeriod.period.shifted(years: 1), label: "2024/25")
        #expect(EditionScaffold.publicationDate(of: old, movingTo: period)?.description == next)
    }

    @Test("the manifest names the new partnership, period and area tree")
    func manifest() throws {
        let (_, files, _) = try Self.scaffold()
        let manifest = try #require(files["new/edition.yaml"])
        #expect(manifest.contains("name: Cumberland Safeguarding Children Partnership"))
        #expect(
            manifest.contains("label: 2024/25") && manifest.contains("start: 2024-04-01")
                && manifest.contains("end: 2025-03-31"))
        #expect(!manifest.contains("westmorland-furness") && !manifest.contains("key: cumbria"))
        #expect(
            manifest.contains("title: Children's social care activity in March 2025")
                || manifest.contains("period: 2025-03-01/2025-03-31"))
    }

    @Test("with --workbook, the same edition as one workbook, a sheet per dataset: check says the same, by cell")
    func workbook() throws {
        let (_, csvFiles, csvFindings) = try Self.scaffold()
        let (_, files, findings) = try Self.scaffold(workbook: "data/figures.xlsx")
        #expect(files.keys.filter { $0.hasSuffix(".csv") }.isEmpty)
        #expect(csvFiles.keys.contains("new/data/performance.csv"))
        let manifest = try #require(files["new/edition.yaml"])
        #expect(manifest.contains("file: data/figures.xlsx") && manifest.contains("sheet: performance"))
        #expect(findings.map(\.message) == csvFindings.map(\.message))
        #expect(findings.map(\.rule) == csvFindings.map(\.rule))
        let data = findings.filter { $0.location?.file == "new/data/figures.xlsx" }
        #expect(!data.isEmpty)
        #expect(data.allSatisfy { $0.location?.sheet != nil && $0.location?.line != nil })
        #expect(data.contains { $0.location?.cell != nil })
    }
}
