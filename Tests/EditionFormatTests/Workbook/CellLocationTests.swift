import ReportModel
import Testing

@Suite("Locations in workbooks name the sheet and the cell")
struct CellLocationTests {
    @Test(
        "a location prints as a compiler or a spreadsheet names it",
        arguments: [
            (ReportModel.SourceLocation(file: "d/budget.csv", line: 7, column: 3), "d/budget.csv:7:3"),
            (
                ReportModel.SourceLocation(file: "d/figures.xlsx", line: 7, column: 3, sheet: "Budget"),
                "d/figures.xlsx[Budget]!C7"
            ),
            (
                ReportModel.SourceLocation(file: "d/figures.xlsx", line: 7, sheet: "Budget"),
                "d/figures.xlsx[Budget]!7:7"
            ),
            (ReportModel.SourceLocation(file: "d/figures.xlsx", sheet: "Budget"), "d/figures.xlsx[Budget]"),
            (
                ReportModel.SourceLocation(file: "d/figures.xlsx", line: 2, column: 28, sheet: "A sheet"),
                "d/figures.xlsx[A sheet]!AB2"
            ),
        ])
    func description(_ location: ReportModel.SourceLocation, _ expected: String) {
        #expect(location.description == expected)
    }

    @Test("file and sheet are kept apart")
    func parts() {
        var location = ReportModel.SourceLocation(file: "d/figures.xlsx", line: 7, column: 3, sheet: "Budget")
        #expect(location.file == "d/figures.xlsx")
        #expect(location.sheet == "Budget")
        #expect(location.cell == "C7")
        location.file = "e/figures.xlsx"
        #expect(location.description == "e/figures.xlsx[Budget]!C7")
        #expect(ReportModel.SourceLocation(file: "d/budget.csv", line: 7, column: 3).cell == nil)
    }

    @Test(
        "column letters", arguments: [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (703, "AAA"), (16_384, "XFD")])
    func letters(_ column: Int, _ letters: String) {
        #expect(CellReference.letters(column: column) == letters)
        #expect(CellReference("\(letters)1") == CellReference(row: 1, column: column))
    }

    @Test(
        "references beyond Excel's last cell, or not references at all, are refused",
        arguments: ["XFE1", "A1048577", "A0", "1A", "", "A", "a1"])
    func refused(_ text: String) {
        #expect(CellReference(text) == nil)
    }
}
