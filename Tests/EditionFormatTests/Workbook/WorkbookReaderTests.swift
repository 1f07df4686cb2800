import EditionFormat
import Foundation
import ReportModel
import Testing

@Suite("Reading a sheet of a workbook as the analyst sees it")
struct WorkbookReaderTests {
    /// The text of the single data cell of a one-column sheet.
    static func text(of workbook: TestWorkbook) throws -> String? {
        var findings: [Finding] = []
        var opened = try #require(Workbook.open(try workbook.bytes(), file: "wb.xlsx", findings: &findings))
        let document = opened.records(ofSheet: "Budget", namedAt: SourceLocation(file: "edition.yaml"))
        #expect(findings.isEmpty && document.findings.isEmpty, "\(findings + document.findings)")
        return document.records.dropFirst().first?.fields.first?.text
    }

    struct CellCase: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var cell: String
        var expected: String
        var sharedStrings: [String] = []
    }

    static func cell(_ attributes: String, _ content: String) -> String {
        "<row r=\"2\"><c r=\"A2\" \(attributes)>\(content)</c></row>"
    }

    static let cells: [CellCase] = [
        CellCase(
            testDescription: "a shared string", cell: cell("t=\"s\"", "<v>1</v>"), expected: "Health",
            sharedStrings: ["Police", "Health"]),
        CellCase(
            testDescription: "an inline string with a comma",
            cell: cell("t=\"inlineStr\"", "<is><t>CAFCASS, Cumbria</t></is>"), expected: "CAFCASS, Cumbria"),
        CellCase(
            testDescription: "rich text runs joined, phonetic guide left out",
            cell: cell("t=\"inlineStr\"", "<is><r><t>Local </t></r><r><t>authorities</t></r><rPh><t>x</t></rPh></is>"),
            expected: "Local authorities"),
        CellCase(testDescription: "a whole number", cell: cell("", "<v>2874</v>"), expected: "2874"),
        CellCase(
            testDescription: "a number in exponent notation, exactly", cell: cell("", "<v>1.5E-3</v>"),
            expected: "0.0015"),
        CellCase(
            testDescription: "a long decimal kept digit for digit", cell: cell("", "<v>0.30000000000000004</v>"),
            expected: "0.30000000000000004"),
        CellCase(
            testDescription: "pounds formatted as £#,##0 read as the number",
            cell: cell("s=\"\(TestWorkbook.style("money"))\"", "<v>109228</v>"), expected: "109228"),
        CellCase(testDescription: "a boolean", cell: cell("t=\"b\"", "<v>1</v>"), expected: "TRUE"),
        CellCase(
            testDescription: "a fraction shown as 0.0% reads as the percentage",
            cell: cell("s=\"\(TestWorkbook.style("0.0%"))\"", "<v>0.235</v>"), expected: "23.5%"),
        CellCase(
            testDescription: "a percentage keeps the decimals its format shows",
            cell: cell("s=\"\(TestWorkbook.style("0.0%"))\"", "<v>0.2</v>"), expected: "20.0%"),
        CellCase(
            testDescription: "a percentage is read as shown, rounded half up",
            cell: cell("s=\"\(TestWorkbook.style("0.0%"))\"", "<v>0.23565</v>"), expected: "23.6%"),
        CellCase(
            testDescription: "built-in 0% format", cell: cell("s=\"\(TestWorkbook.style("0%"))\"", "<v>0.45</v>"),
            expected: "45%"),
        CellCase(
            testDescription: "built-in 0.00% format",
            cell: cell("s=\"\(TestWorkbook.style("0.00%"))\"", "<v>3.6799999999999999E-2</v>"), expected: "3.68%"),
        CellCase(
            testDescription: "a date in the 1900 system",
            cell: cell("s=\"\(TestWorkbook.style("date"))\"", "<v>45382</v>"), expected: "2024-03-31"),
        CellCase(
            testDescription: "a date before Excel's phantom 29 February 1900",
            cell: cell("s=\"\(TestWorkbook.style("date"))\"", "<v>59</v>"), expected: "1900-02-28"),
        CellCase(
            testDescription: "the day after the phantom 29 February 1900",
            cell: cell("s=\"\(TestWorkbook.style("date"))\"", "<v>61</v>"), expected: "1900-03-01"),
        CellCase(
            testDescription: "a date with a time of day reads as the day",
            cell: cell("s=\"\(TestWorkbook.style("date"))\"", "<v>45382.75</v>"), expected: "2024-03-31"),
        CellCase(
            testDescription: "a month format reads as a month period",
            cell: cell("s=\"\(TestWorkbook.style("mmm-yy"))\"", "<v>45352</v>"), expected: "2024-03"),
        CellCase(
            testDescription: "a formula by its cached value", cell: cell("", "<f>SUM(7,8)</f><v>15</v>"),
            expected: "15"),
        CellCase(
            testDescription: "a text formula by its cached value", cell: cell("t=\"str\"", "<f>B2</f><v>Police</v>"),
            expected: "Police"),
    ]

    @Test("reads a cell", arguments: cells)
    func readsCell(_ test: CellCase) throws {
        var workbook = TestWorkbook.oneSheet(rows: test.cell)
        workbook.sharedStrings = test.sharedStrings
        #expect(try Self.text(of: workbook) == test.expected)
    }

    @Test("reads a date in the 1904 system, 1,462 days on from the 1900 system's serial")
    func dates1904() throws {
        var workbook = TestWorkbook.oneSheet(
            rows: Self.cell("s=\"\(TestWorkbook.style("date"))\"", "<v>43920</v>"))
        workbook.date1904 = true
        #expect(try Self.text(of: workbook) == "2024-03-31")
    }

    @Test("the header's width decides the fields: trailing empty and formatted cells add none; blank rows are skipped")
    func trailingColumns() throws {
        let workbook = TestWorkbook(sheets: [
            TestWorkbook.Sheet(
                name: "Budget",
                xml: """
                    <sheetData>
                    <row r="1"><c r="A1" t="inlineStr"><is><t>agency</t></is></c><c r="B1" t="inlineStr"><is><t>amount</t></is></c><c r="C1" s="5"/></row>
                    <row r="2"><c r="A2" t="inlineStr"><is><t>Police</t></is></c><c r="B2"><v>21344</v></c><c r="D2" s="5"/></row>
                    <row r="3"><c r="A3" t="inlineStr"><is><t> </t></is></c></row>
                    <row r="5"><c r="B5"><v>7</v></c></row>
                    </sheetData>
                    """)
        ])
        var findings: [Finding] = []
        var opened = try #require(Workbook.open(try workbook.bytes(), file: "wb.xlsx", findings: &findings))
        let document = opened.records(ofSheet: "Budget", namedAt: SourceLocation(file: "edition.yaml"))
        #expect(document.findings.isEmpty)
        #expect(document.records.map(\.line) == [1, 2, 5])
        #expect(
            document.records.map { $0.fields.map(\.text) } == [["agency", "amount"], ["Police", "21344"], ["", "7"]])
        #expect(document.records[2].fields.map(\.column) == [1, 2])
    }

    @Test(
        "a sheet named by several datasets, in any case, reads the same for each, kept or not",
        arguments: [["figures", "FIGURES", "Figures"], ["figures", "figures"], ["Figures"]])
    func namedAgain(names: [String]) throws {
        let rows = [["area", "measure", "value"], ["north", "contacts", "1,000"], ["south", "contacts", "=1+1"]]
        let bytes = try WorkbookWriter.workbook([WorkbookWriter.Sheet(name: "figures", rows: rows)])
        var findings: [Finding] = []
        var opened = try #require(Workbook.open(bytes, file: "wb.xlsx", findings: &findings))
        var documents: [CSVDocument] = []
        for (index, name) in names.enumerated() {
            documents.append(
                opened.records(
                    ofSheet: name, namedAt: SourceLocation(file: "edition.yaml", line: index + 1),
                    keep: index < names.count - 1))
        }
        for document in documents {
            #expect(document.records.map { $0.fields.map(\.text) } == rows)
            #expect(document.findings == documents[0].findings)
        }
    }

    @Test("a workbook written by WorkbookWriter reads back cell for cell")
    func roundTrip() throws {
        let rows = [
            ["area", "measure", "value", "previous"], ["cumberland", "contacts", "", "802"], ["x", "y", "1.5", "-3"],
        ]
        let bytes = try WorkbookWriter.workbook([WorkbookWriter.Sheet(name: "figures", rows: rows)])
        #expect(try WorkbookWriter.workbook([WorkbookWriter.Sheet(name: "figures", rows: rows)]) == bytes)
        var findings: [Finding] = []
        var opened = try #require(Workbook.open(bytes, file: "wb.xlsx", findings: &findings))
        let document = opened.records(ofSheet: "figures", namedAt: SourceLocation(file: "edition.yaml"))
        #expect(document.records.map { $0.fields.map(\.text) } == rows)
    }
}
