import Foundation
import ReportModel

/// Reads one sheet's XML into text cells, as the analyst sees them in Excel: shared and
/// inline strings, numbers written plainly and exactly, percentages shown as percentages,
/// dates as ISO dates, booleans as TRUE and FALSE, formulas by their cached value.
struct SheetReader {
    let parts: WorkbookParts

    /// The cell being read: its attributes and what its elements held.
    private struct Cell {
        var reference: CellReference
        var style = 0
        var type = "n"
        var value = ""
        var inline = ""
        var hasFormula = false
    }

    /// Where text goes as it arrives.
    private enum TextTarget {
        case none, value, inline
    }

    func read(_ data: Data, part: String) throws(WorkbookProblem) -> SheetContent {
        var content = SheetContent()
        var row: SheetContent.Row?
        var cell: Cell?
        var target = TextTarget.none
        var inPhonetic = false
        var lastColumn = 0
        func finishRow() {
            if let finished = row { content.rows.append(finished) }
            row = nil
        }
        try XMLStream.scan(data, part: part) { event throws(WorkbookProblem) in
            switch event {
            case .start("row", let attributes):
                finishRow()
                let previous = content.rows.last?.number ?? 0
                let number = attributes["r"].flatMap { Int($0) } ?? previous + 1
                guard (1...CellReference.lastRow).contains(number) else { throw beyondLimits("row \(number)") }
                row = SheetContent.Row(number: number, hidden: ["1", "true"].contains(attributes["hidden"] ?? ""))
                lastColumn = 0
            case .end("row"):
                finishRow()
            case .start("c", let attributes):
                let number = row?.number ?? 1
                let reference: CellReference
                if let text = attributes["r"] {
                    guard let parsed = CellReference(text) else { throw beyondLimits("the cell \(text)") }
                    reference = parsed
                } else {
                    reference = CellReference(row: number, column: lastColumn + 1)
                    guard reference.column <= CellReference.lastColumn else {
                        throw beyondLimits("column \(reference.column)")
                    }
                }
                lastColumn = reference.column
                cell = Cell(
                    reference: reference, style: attributes["s"].flatMap { Int($0) } ?? 0, type: attributes["t"] ?? "n")
            case .start("v", _): target = .value
            case .start("t", _) where cell != nil: target = inPhonetic ? .none : .inline
            case .start("rPh", _): inPhonetic = true
            case .end("rPh"): inPhonetic = false
            case .start("f", _): cell?.hasFormula = true
            case .end("v"), .end("t"): target = .none
            case .text(let text):
                switch target {
                case .value: cell?.value.append(text)
                case .inline: cell?.inline.append(text)
                case .none: break
                }
            case .end("c"):
                if let finished = cell {
                    if row == nil { row = SheetContent.Row(number: finished.reference.row, hidden: false) }
                    store(finished, in: &row, problems: &content.problems)
                }
                cell = nil
            case .start("col", let attributes):
                if ["1", "true"].contains(attributes["hidden"] ?? ""),
                    let first = attributes["min"].flatMap({ Int($0) }),
                    let last = attributes["max"].flatMap({ Int($0) }), first <= last
                {
                    content.hiddenColumns.append(first...last)
                }
            case .start("mergeCell", let attributes):
                let ends = (attributes["ref"] ?? "").split(separator: ":")
                if let first = ends.first.flatMap({ CellReference($0) }) {
                    content.merges.append((first, ends.last.flatMap { CellReference($0) } ?? first))
                }
            default:
                return
            }
        }
        finishRow()
        content.rows.sort { $0.number < $1.number }
        return content
    }

    private func store(_ cell: Cell, in row: inout SheetContent.Row?, problems: inout [WorkbookProblem]) {
        switch text(of: cell) {
        case .success(let text?):
            row?.cells.append((cell.reference.column, text))
        case .success(nil):
            break
        case .failure(let problem):
            row?.unreadableColumns.append(cell.reference.column)
            problems.append(problem)
        }
    }

    /// The cell's text as the analyst sees it; nil for a cell with nothing in it.
    private func text(of cell: Cell) -> Result<String?, WorkbookProblem> {
        let value = cell.value
        if cell.hasFormula, value.isEmpty, cell.type != "str", cell.type != "inlineStr" {
            return .failure(
                problem(
                    .workbookNoCachedValue, at: cell,
                    "the formula in this cell has no saved result, so its value cannot be read: expected the workbook saved by a program that calculates (open it in Excel and save it)",
                    expected: "a calculated value", actual: "a formula with no value"))
        }
        switch cell.type {
        case "s":
            guard let index = Int(value), parts.sharedStrings.indices.contains(index) else {
                return .failure(
                    problem(
                        .workbookUnreadable, at: cell,
                        "the cell refers to shared string \(value), which the workbook does not have: expected an .xlsx file that Excel can open",
                        expected: "a shared string", actual: value))
            }
            return .success(parts.sharedStrings[index])
        case "inlineStr": return .success(cell.inline)
        case "str": return .success(value)
        case "b": return .success(value == "1" || value.lowercased() == "true" ? "TRUE" : "FALSE")
        case "d": return .success(String(value.prefix(10)))
        case "e":
            return .failure(
                problem(
                    .workbookErrorValue, at: cell,
                    "the cell shows the error \(value): expected a value (correct the formula, or type the figure)",
                    expected: "a value", actual: value))
        default:
            guard !value.isEmpty else { return .success(nil) }
            return number(value, cell: cell).map { $0 }
        }
    }

    /// A number as its format shows it, exactly.
    private func number(_ value: String, cell: Cell) -> Result<String?, WorkbookProblem> {
        guard let decimal = DecimalText(value) else {
            return .failure(
                problem(
                    .workbookUnreadable, at: cell, "the cell's number '\(value)' cannot be read: expected a number",
                    expected: "a number", actual: value))
        }
        let format = parts.styleFormats.indices.contains(cell.style) ? parts.styleFormats[cell.style] : .plain
        switch format {
        case .plain:
            return .success(decimal.plain())
        case .percent(let decimals):
            // Stored as a fraction (0.235); the analyst sees and means 23.5%.
            return .success(decimal.shifted(by: 2).rounded(toDecimals: decimals).plain(minimumDecimals: decimals) + "%")
        case .date(let hasDay):
            guard !decimal.negative, let serial = decimal.wholePart,
                let date = SerialDate.date(serial: serial, uses1904: parts.uses1904)
            else {
                return .failure(
                    problem(
                        .workbookUnreadable, at: cell,
                        "the cell is formatted as a date but holds \(value), which is no date Excel can show: expected a date",
                        expected: "a date", actual: value))
            }
            let month = (date.month < 10 ? "0" : "") + String(date.month)
            return .success(hasDay ? date.description : "\(date.year)-\(month)")
        }
    }

    private func problem(
        _ rule: IngestRule, at cell: Cell, _ message: String, expected: String, actual: String
    ) -> WorkbookProblem {
        WorkbookProblem(
            rule: rule, message: message, expected: expected, actual: actual, row: cell.reference.row,
            column: cell.reference.column)
    }

    private func beyondLimits(_ what: String) -> WorkbookProblem {
        WorkbookProblem(
            rule: .workbookTooLarge,
            message:
                "the sheet has \(what), beyond Excel's last cell \(CellReference(row: CellReference.lastRow, column: CellReference.lastColumn)): no real workbook has it, so the sheet was not read",
            expected: "cells within A1:XFD1048576", actual: what)
    }
}
