import EditionFormat
import Foundation
import ReportModel
import Testing

@Suite("What goes wrong in workbooks gets a clear, located finding")
struct WorkbookProblemTests {
    struct ProblemCase: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var bytes: @Sendable () throws -> [UInt8]
        var sheet = "Budget"
        var rule: String
        var severity = Severity.error
        var message: String
        /// Where the finding is, as text output prints it.
        var location: String
    }

    static let header = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>value</t></is></c></row>"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    static func sheet(_ rows: String, state: String? = nil, extra: String = "") -> @Sendable () throws -> [UInt8] {
        {
            try TestWorkbook(sheets: [
                TestWorkbook.Sheet(name: "Budget", xml: "<sheetData>\(header)\(rows)</sheetData>\(extra)", state: state)
            ]).bytes()
        }
    }

    /// A sheet part as a whole document, for tricks that come before the root element.
    static func document(_ xml: String) -> @Sendable () throws -> [UInt8] {
        { try TestWorkbook(sheets: [TestWorkbook.Sheet(name: "Budget", xml: xml)]).bytes() }
    }

    /// An OLE compound file, as Excel 97-2003 and password protection both write.
    static func compoundFile(holding name: String?) -> @Sendable () throws -> [UInt8] {
        {
            var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
            if let name { bytes += Array(name.utf8).flatMap { [$0, 0] } }
            return bytes + Array(repeating: 0, count: 512)
        }
    }

    static let cases: [ProblemCase] = [
        ProblemCase(
            testDescription: "a legacy .xls", bytes: compoundFile(holding: "Workbook"), rule: "workbook.unreadable",
            message: "the file is an Excel 97-2003 workbook (.xls), which is not read: expected it saved as .xlsx",
            location: "wb.xlsx"),
        ProblemCase(
            testDescription: "a workbook encrypted with a password", bytes: compoundFile(holding: "EncryptedPackage"),
            rule: "workbook.unreadable", message: "the workbook is protected with a password", location: "wb.xlsx"),
        ProblemCase(
            testDescription: "a CSV file named .xlsx", bytes: { Array("agency,amount\nPolice,5\n".utf8) },
            rule: "workbook.unreadable", message: "the file is not an Excel workbook", location: "wb.xlsx"),
        ProblemCase(
            testDescription: "a damaged zip", bytes: { [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 7, count: 100) },
            rule: "workbook.unreadable", message: "the workbook's zip container is damaged", location: "wb.xlsx"),
        ProblemCase(
            testDescription: "a missing sheet, with a did-you-mean", bytes: sheet(""), sheet: "Budgte",
            rule: "workbook.missing-sheet",
            message: "the workbook wb.xlsx has no sheet 'Budgte' (did you mean 'Budget'?): expected one of Budget",
            location: "edition.yaml:12:5"),
        ProblemCase(
            testDescription: "merged cells across the table",
            bytes: sheet(
                "<row r=\"2\"><c r=\"A2\"><v>5</v></c></row>",
                extra: "<mergeCells><mergeCell ref=\"A2:B3\"/></mergeCells>"),
            rule: "workbook.merged-cells", message: "the cells A2:B3 are merged: expected one value in each cell",
            location: "wb.xlsx[Budget]!A2"),
        ProblemCase(
            testDescription: "a formula with no cached value",
            bytes: sheet("<row r=\"2\"><c r=\"A2\"><f>VLOOKUP(B2,C:D,2)</f><v></v></c></row>"),
            rule: "workbook.no-cached-value",
            message:
                "the formula =VLOOKUP(B2,C:D,2) has no saved result, and cannot be computed here because VLOOKUP is not among the functions it computes (SUM and ROUND)",
            location: "wb.xlsx[Budget]!A2"),
        ProblemCase(
            testDescription: "a formula whose saved result disagrees with it",
            bytes: sheet("<row r=\"2\"><c r=\"A2\"><v>10</v></c><c r=\"B2\"><f>A2*2</f><v>21</v></c></row>"),
            rule: "workbook.stale-value",
            message: "the saved result 21 of the formula =A2*2 disagrees with the formula, which gives 20",
            location: "wb.xlsx[Budget]!B2"),
        ProblemCase(
            testDescription: "a formula whose saved result is Excel's binary rounding of it is no finding",
            bytes: sheet(
                "<row r=\"2\"><c r=\"A2\"><f>0.1+0.2</f><v>0.30000000000000004</v></c><c r=\"B2\" t=\"e\"><v>#N/A</v></c></row>"
            ),
            rule: "workbook.error-value", message: "the cell shows the error #N/A",
            location: "wb.xlsx[Budget]!B2"),
        ProblemCase(
            testDescription: "a formula without a result that names text is a located error naming the formula",
            bytes: sheet(
                "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"B2\"><f>A2+1</f></c></row>"),
            rule: "workbook.no-cached-value",
            message:
                "the formula =A2+1 has no saved result, and cannot be computed here because A2 holds text, not a number",
            location: "wb.xlsx[Budget]!B2"),
        ProblemCase(
            testDescription: "an error value",
            bytes: sheet("<row r=\"2\"><c r=\"A2\" t=\"e\"><f>B2/C2</f><v>#DIV/0!</v></c></row>"),
            rule: "workbook.error-value", message: "the cell shows the error #DIV/0!: expected a value",
            location: "wb.xlsx[Budget]!A2"),
        ProblemCase(
            testDescription: "a hidden sheet",
            bytes: sheet("<row r=\"2\"><c r=\"A2\"><v>5</v></c></row>", state: "hidden"),
            rule: "workbook.hidden", severity: .warning,
            message: "the sheet Budget is hidden, but its figures are published",
            location: "wb.xlsx[Budget]"),
        ProblemCase(
            testDescription: "hidden rows",
            bytes: sheet(
                "<row r=\"2\" hidden=\"1\"><c r=\"A2\"><v>5</v></c></row><row r=\"3\"><c r=\"A3\"><v>6</v></c></row><row r=\"4\" hidden=\"1\"><c r=\"A4\"><v>7</v></c></row>"
            ),
            rule: "workbook.hidden", severity: .warning,
            message: "rows 2 and 4 of the sheet are hidden, but their figures are published",
            location: "wb.xlsx[Budget]!2:2"),
        ProblemCase(
            testDescription: "a hidden column",
            bytes: {
                try TestWorkbook(sheets: [
                    TestWorkbook.Sheet(
                        name: "Budget",
                        xml:
                            "<cols><col min=\"1\" max=\"1\" hidden=\"1\"/></cols><sheetData>\(header)<row r=\"2\"><c r=\"A2\"><v>5</v></c></row></sheetData>"
                    )
                ]).bytes()
            }, rule: "workbook.hidden", severity: .warning, message: "column A of the table is hidden",
            location: "wb.xlsx[Budget]!A1"),
        ProblemCase(
            testDescription: "a zip bomb: a sheet that unpacks a thousand to one",
            bytes: document(
                "<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\">" + String(repeating: " ", count: 40 << 20)
                    + "<sheetData/></worksheet>"),
            rule: "workbook.too-large", message: "beyond what any real workbook holds", location: "wb.xlsx[Budget]"),
        ProblemCase(
            testDescription: "a cell beyond Excel's last column",
            bytes: sheet("<row r=\"2\"><c r=\"XFE2\"><v>5</v></c></row>"), rule: "workbook.too-large",
            message: "the sheet has the cell XFE2, beyond Excel's last cell XFD1048576", location: "wb.xlsx[Budget]"),
        ProblemCase(
            testDescription: "a row beyond Excel's last row",
            bytes: sheet("<row r=\"1048577\"><c><v>5</v></c></row>"), rule: "workbook.too-large",
            message: "the sheet has row 1048577, beyond Excel's last cell", location: "wb.xlsx[Budget]"),
        ProblemCase(
            testDescription: "entity expansion (billion laughs)",
            bytes: document(
                """
                <?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
                <worksheet xmlns="\(main)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row></sheetData></worksheet>
                """), rule: "workbook.unreadable", message: "declares a document type or entities",
            location: "wb.xlsx[Budget]"),
        ProblemCase(
            testDescription: "an external entity (XXE)",
            bytes: document(
                """
                <?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <worksheet xmlns="\(main)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&secret;</t></is></c></row></sheetData></worksheet>
                """), rule: "workbook.unreadable", message: "declares a document type or entities",
            location: "wb.xlsx[Budget]"),
        ProblemCase(
            testDescription: "a sheet that is not well-formed XML",
            bytes: document("<?xml version=\"1.0\"?><worksheet><sheetData>"),
            rule: "workbook.unreadable", message: "is not well-formed XML", location: "wb.xlsx[Budget]"),
        ProblemCase(
            testDescription: "a shared string that is not there",
            bytes: sheet("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>9</v></c></row>"),
            rule: "workbook.unreadable", message: "refers to shared string 9, which the workbook does not have",
            location: "wb.xlsx[Budget]!A2"),
        ProblemCase(
            testDescription: "a date cell with no date in it",
            bytes: sheet("<row r=\"2\"><c r=\"A2\" s=\"\(TestWorkbook.style("date"))\"><v>-5</v></c></row>"),
            rule: "workbook.unreadable", message: "is formatted as a date but holds -5", location: "wb.xlsx[Budget]!A2"),
        ProblemCase(
            testDescription: "an empty sheet",
            bytes: document("<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData/></worksheet>"),
            rule: "csv.empty-file",
            message: "the sheet is empty: expected a header row", location: "wb.xlsx[Budget]"),
    ]

    @Test("a problem in a workbook is one finding with its rule, message and place", arguments: cases)
    func problem(_ test: ProblemCase) throws {
        var findings: [Finding] = []
        if var workbook = Workbook.open(try test.bytes(), file: "wb.xlsx", findings: &findings) {
            findings +=
                workbook.records(
                    ofSheet: test.sheet, namedAt: SourceLocation(file: "edition.yaml", line: 12, column: 5)
                )
                .findings
        }
        let matching = findings.filter { $0.rule == test.rule }
        #expect(matching.count == 1, "\(findings.map { "\($0.rule): \($0.message)" })")
        let finding = try #require(matching.first)
        #expect(finding.severity == test.severity)
        #expect(finding.message.contains(test.message), "\(finding.message)")
        #expect(finding.location?.description == test.location)
    }

    @Test("a row with an unreadable cell is left out whole; the rest of the sheet is read")
    func rowLeftOut() throws {
        var findings: [Finding] = []
        let bytes = try Self.sheet(
            "<row r=\"2\"><c r=\"A2\" t=\"e\"><v>#REF!</v></c></row><row r=\"3\"><c r=\"A3\"><v>7</v></c></row>")()
        var workbook = try #require(Workbook.open(bytes, file: "wb.xlsx", findings: &findings))
        let document = workbook.records(ofSheet: "Budget", namedAt: SourceLocation(file: "edition.yaml"))
        #expect(document.records.map(\.line) == [1, 3])
        #expect(document.findings.map(\.rule) == ["workbook.error-value"])
    }
}
