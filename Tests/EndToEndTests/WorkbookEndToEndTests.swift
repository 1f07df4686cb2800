import Foundation
import Testing

/// The reference edition converted to one workbook by openpyxl (PyPI), an .xlsx writer
/// independent of this tool: `make test` installs it (scripts/install-python-packages.sh).
final class WorkbookEdition {
    /// The edition folder, named as the reference edition's so the two build the same report.
    let path: String
    private let scratch: URL

    /// Converts `edition` with scripts/edition_to_workbook.py, putting `changes`
    /// (`sheet!C7=text`, typed as a CSV cell would be) into the workbook.
    init(converting edition: String, changes: [String] = []) throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("annual-report-\(UUID().uuidString)")
        path = scratch.appendingPathComponent((edition as NSString).lastPathComponent).path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", "scripts/edition_to_workbook.py", edition, path] + changes.flatMap { ["--set", $0] }
        process.currentDirectoryURL = CommandRunner.root
        let error = Pipe()
        process.standardError = error
        try process.run()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0,
            "scripts/edition_to_workbook.py failed (make referee-packages installs openpyxl): \(message)")
    }

    deinit {
        try? FileManager.default.removeItem(at: scratch)
    }
}

@Suite("An edition kept as one workbook, run as a user runs it")
struct WorkbookEndToEndTests {
    static let reference = "inputs/cumbria-2023-24"

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("annual-report-out-\(UUID().uuidString)")
    }

    @Test("the reference edition as one workbook checks clean and builds byte-identical reports and data")
    func sameReport() throws {
        let workbook = try WorkbookEdition(converting: Self.reference)
        let fromCSV = Self.temporaryFolder()
        let fromWorkbook = Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: fromCSV)
            try? FileManager.default.removeItem(at: fromWorkbook)
        }
        #expect(try CommandRunner.run(["build", Self.reference, "--output", fromCSV.path]).status == 0)
        let built = try CommandRunner.run(["build", workbook.path, "--output", fromWorkbook.path])
        #expect(built.status == 0, "\(built.standardOutput)\(built.standardError)")
        for file in ["report.html", "report.xhtml", "data/budget.csv", "data/performance.csv", "datapackage.json"] {
            let left = try Data(contentsOf: fromCSV.appendingPathComponent(file))
            let right = try Data(contentsOf: fromWorkbook.appendingPathComponent(file))
            #expect(left == right, "\(file) differs")
        }
        let diff = try CommandRunner.run(["diff", Self.reference, workbook.path])
        #expect(diff.standardOutput == "no differences\n")
    }

    @Test("every finding of a mutated workbook names its sheet and cell, in text, JSON and JUnit")
    func mutatedWorkbook() throws {
        let workbook = try WorkbookEdition(
            converting: Self.reference,
            changes: ["budget!D4=45%", "training-courses!C11=256", "context!C3=1,5", "board!A3="])
        let json = try CommandRunner.run(["check", "--format", "json", workbook.path])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let findings = try #require(object?["findings"] as? [[String: Any]])
        let data = findings.filter { ($0["file"] as? String)?.hasSuffix("figures.xlsx") == true }
        // Everything but the narrative's references to a figure whose row was left out.
        #expect(data.count == findings.filter { ($0["file"] as? String)?.hasSuffix(".md") != true }.count)
        #expect(data.count >= 6)
        for finding in data {
            #expect(finding["sheet"] as? String != nil, "\(finding)")
            #expect((finding["cell"] as? String).map { CellPattern.matches($0) } == true, "\(finding)")
        }
        let cells = Set(data.map { "\($0["sheet"] as? String ?? "")!\($0["cell"] as? String ?? "")" })
        #expect(cells.isSuperset(of: ["budget!D4", "training-courses!C15", "context!C3", "board!A3"]), "\(cells)")

        let text = try CommandRunner.run(["check", workbook.path])
        #expect(text.standardOutput.contains("/data/figures.xlsx[budget]!D4: error: 45% is stated"))
        #expect(text.standardOutput.contains("/data/figures.xlsx[context]!C3: error: cannot read '1,5'"))
        let junit = try CommandRunner.run(["check", "--format", "junit", workbook.path])
        #expect(junit.standardOutput.contains("/data/figures.xlsx[training-courses]!C15: the stated total"))
    }

    @Test("diff locates a changed figure at its sheet and cell")
    func diffLocatesCells() throws {
        let old = try WorkbookEdition(converting: Self.reference)
        let new = try WorkbookEdition(
            converting: Self.reference, changes: ["training-courses!C11=256", "training-courses!C15=6,928"])
        let outcome = try CommandRunner.run(["diff", old.path, new.path])
        #expect(outcome.status == 1)
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("\(new.path)/data/figures.xlsx[training-courses]!C11: changed") == true)
        #expect(
            lines.dropFirst().first?.hasPrefix("\(new.path)/data/figures.xlsx[training-courses]!C15: changed") == true)
    }
}

/// `C7`: column letters, then a row number.
enum CellPattern {
    static func matches(_ text: String) -> Bool {
        text.range(of: "^[A-Z]{1,3}[1-9][0-9]*$", options: .regularExpression) != nil
    }
}
