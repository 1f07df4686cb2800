import Foundation
import Testing

/// The reference edition's `performance` sheet laid out as analysts lay it out, by openpyxl
/// (scripts/analyst_workbook_case.py): each case reads into the same report as the plain
/// layout, or gives the one right message at the right cell.
@Suite("Workbooks as analysts keep them")
struct AnalystWorkbookTests {
    static let reference = "inputs/cumbria-2023-24"

    /// What a case must give: the same figures as the CSV edition, or one error.
    enum Outcome: Sendable, CustomStringConvertible {
        case sameReport
        case oneError(rule: String, cell: String, saying: String)

        var description: String {
            switch self {
            case .sameReport: "the same report"
            case .oneError(let rule, let cell, _): "one \(rule) at \(cell)"
            }
        }
    }

    static let cases: [(String, Outcome)] = [
        ("title", .sameReport),
        ("header-row", .sameReport),
        ("two-row-header", .sameReport),
        ("notes", .sameReport),
        ("wide", .sameReport),
        ("total-row", .sameReport),
        ("helper-listed", .sameReport),
        (
            "total-row-wrong",
            .oneError(
                rule: "table.total", cell: "C18",
                saying: "the total of contacts is 1308, but the 2 rows it totals add up to 1307")
        ),
        (
            "helper-unlisted",
            .oneError(rule: "schema.unknown-column", cell: "H1", saying: "list it under ignore_columns:")
        ),
        ("formulas", .sameReport),
        (
            "formula-other",
            .oneError(
                rule: "workbook.no-cached-value", cell: "C2",
                saying:
                    "the formula =VLOOKUP(A2,Lookup!A:B,2,FALSE) has no saved result, and cannot be computed here because VLOOKUP is not among the functions it computes (SUM and ROUND): expected a value (open the workbook in Excel or LibreOffice and save it, so the result is saved with the formula, or type the value in place of the formula)"
            )
        ),
        (
            "formula-stale",
            .oneError(
                rule: "workbook.stale-value", cell: "C2",
                saying: "the saved result 801 of the formula =800+2 disagrees with the formula, which gives 802")
        ),
    ]

    static func make(_ name: String) throws -> (folder: URL, edition: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "annual-report-\(UUID().uuidString)")
        let edition = scratch.appendingPathComponent("cumbria-2023-24").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/analyst_workbook_case.py", reference, edition, name]
        process.currentDirectoryURL = CommandRunner.root
        let error = Pipe()
        process.standardError = error
        try process.run()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "scripts/analyst_workbook_case.py \(name) failed: \(message)")
        return (scratch, edition)
    }

    @Test(
        "a workbook laid out as an analyst keeps it reads as the plain one, or gives one located error",
        arguments: cases)
    func analystLayout(name: String, outcome: Outcome) throws {
        let (scratch, edition) = try Self.make(name)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let json = try CommandRunner.run(["check", "--format", "json", edition])
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let findings = try #require(object?["findings"] as? [[String: Any]])
        // A row refused blocks the narrative's references to it: they make one note together.
        let errors = findings.filter {
            $0["severity"] as? String == "error" && $0["rule"] as? String != "narrative.reference"
        }
        let blocked = findings.filter { $0["rule"] as? String == "narrative.reference" }
        #expect(blocked.count <= 1, "\(blocked)")
        switch outcome {
        case .sameReport:
            #expect(json.status == 0, "\(errors)")
            #expect(errors.isEmpty, "\(errors)")
            let diff = try CommandRunner.run(["diff", Self.reference, edition])
            #expect(diff.standardOutput == "no differences\n", "\(diff.standardOutput)")
        case .oneError(let rule, let cell, let saying):
            #expect(errors.count == 1, "\(errors)")
            let error = try #require(errors.first)
            #expect(error["rule"] as? String == rule)
            #expect(error["sheet"] as? String == "performance")
            #expect(error["cell"] as? String == cell)
            #expect((error["message"] as? String)?.contains(saying) == true, "\(error)")
        }
        // Nothing the analyst keeps for themselves (titles, notes, a hidden helper) is reported.
        let warnings = findings.filter { $0["severity"] as? String == "warning" }.compactMap { $0["rule"] as? String }
        #expect(!warnings.contains("workbook.hidden") && !warnings.contains("workbook.merged-cells"), "\(warnings)")
    }
}
