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
        var formula = ""
    }

    /// Where text goes as it arrives.
    private enum TextTarget {
        case none, value, inline, formula
    }

    func read(_ data: Data, part: String) throws(WorkbookProblem) -> SheetContent {
        var content = SheetContent()
        var row: SheetContent.Row?
        var cell: Cell?
        var target = TextTarget.none
        var inPhonetic = false
        var lastColumn = 0
        let formulas = FormulaCells()
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
            case .start("f", _):
                cell?.hasFormula = true
                target = .formula
            case .end("v"), .end("t"), .end("f"): target = .none
            case .text(let text):
                switch target {
                case .value: cell?.value.append(text)
                case .inline: cell?.inline.append(text)
                case .formula: cell?.formula.append(text)
                case .none: break
                }
            case .end("c"):
                if let finished = cell {
                    if row == nil { row = SheetContent.Row(number: finished.reference.row, hidden: false) }
                    formulas.note(finished.reference, type: finished.type, value: finished.value)
                    if finished.hasFormula, finished.type == "n" || finished.type == "b" {
                        formulas.formulas[finished.reference] = (finished.formula, finished.style, finished.value)
                    }
                    if finished.hasFormula, finished.value.isEmpty, finished.type == "n" {
                        // Computed once the whole sheet is read, since it may refer to cells below.
                    } else {
                        store(finished, in: &row, problems: &content.problems)
                    }
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
        compute(formulas, into: &content)
        return content
    }

    /// Computes the formulas saved without their results, and checks those saved with one: a
    /// result that disagrees with its formula was saved before its inputs changed.
    private func compute(_ formulas: FormulaCells, into content: inout SheetContent) {
        guard !formulas.formulas.isEmpty else { return }
        let rowIndex = Dictionary(
            content.rows.enumerated().map { ($1.number, $0) }, uniquingKeysWith: { first, _ in first })
        for reference in formulas.formulas.keys.sorted(by: { ($0.row, $0.column) < ($1.row, $1.column) }) {
            guard let (text, style, saved) = formulas.formulas[reference] else { continue }
            let cell = Cell(reference: reference, style: style, type: "n", value: saved, inline: "", hasFormula: true)
            let result = formulas.value(of: reference)
            if !saved.isEmpty {
                guard case .success(let computed?) = result, let stored = Decimal(string: saved, locale: Formula.posix)
                else { continue }
                // Excel saves results in binary floating point: 0.1+0.2 is kept as 0.30000000000000004.
                let tolerance = max(abs(computed), 1) * Decimal(string: "1e-12")!
                if abs(stored - computed) > tolerance {
                    content.problems.append(
                        problem(
                            .workbookStaleValue, at: cell,
                            "the saved result \(saved) of the formula =\(text) disagrees with the formula, which gives \(computed): expected them to agree (the workbook was changed without recalculating: open it in Excel or LibreOffice, recalculate and save it)",
                            expected: "\(computed)", actual: saved))
                    if let index = rowIndex[reference.row] {
                        content.rows[index].unreadableColumns.append(reference.column)
                    }
                }
                continue
            }
            guard let index = rowIndex[reference.row] else { continue }
            switch result {
            case .success(let computed):
                let value = computed.map { "\($0)" } ?? "0"
                var computedCell = cell
                computedCell.value = value
                switch number(value, cell: computedCell) {
                case .success(let text?): content.rows[index].cells.append((reference.column, text))
                case .success(nil): break
                case .failure(let problem):
                    content.problems.append(problem)
                    content.rows[index].unreadableColumns.append(reference.column)
                }
            case .failure(let unsupported):
                content.problems.append(
                    problem(
                        .workbookNoCachedValue, at: cell,
                        "the formula =\(text) has no saved result, and cannot be computed here because \(unsupported.reason): expected a value (open the workbook in Excel or LibreOffice and save it, so the result is saved with the formula, or type the value in place of the formula)",
                        expected: "a value", actual: "=\(text)"))
                content.rows[index].unreadableColumns.append(reference.column)
            }
        }
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

/// A sheet's numbers and formulas as it is read, so that a formula saved without its result
/// can be computed from the cells it names (which may themselves be such formulas).
final class FormulaCells {
    /// Numbers as stored, by cell.
    private var numbers: [CellReference: String] = [:]
    /// Cells holding text, which arithmetic cannot use.
    private var texts: Set<CellReference> = []
    /// Each formula cell: its formula, style and saved result ("" when none was saved).
    var formulas: [CellReference: (formula: String, style: Int, saved: String)] = [:]
    private var computed: [CellReference: Result<Decimal?, Formula.Unsupported>] = [:]
    private var computing: Set<CellReference> = []

    func note(_ reference: CellReference, type: String, value: String) {
        switch type {
        case "n": if !value.isEmpty { numbers[reference] = value }
        case "s", "str", "inlineStr": texts.insert(reference)
        default: break
        }
    }

    /// The cell's value for arithmetic: its formula's computed result when it has one.
    func value(of reference: CellReference) -> Result<Decimal?, Formula.Unsupported> {
        if let known = computed[reference] { return known }
        let result: Result<Decimal?, Formula.Unsupported>
        if let (formula, _, _) = formulas[reference] {
            // A chain of formulas each naming the one before is followed a thousand deep at most,
            // so a crafted sheet cannot exhaust the stack.
            guard computing.count < 1_000 else {
                return .failure(Formula.Unsupported(reason: "it depends on a chain of more than 1,000 formulas"))
            }
            guard computing.insert(reference).inserted else {
                return .failure(Formula.Unsupported(reason: "it refers back to itself through \(reference)"))
            }
            result = Result { () throws(Formula.Unsupported) -> Decimal? in
                try Formula.evaluate(
                    formula,
                    lookup: { [unowned self] cell throws(Formula.Unsupported) in try self.value(of: cell).get() },
                    range: { [unowned self] first, last throws(Formula.Unsupported) in
                        try self.numbers(from: first, to: last)
                    })
            }
            computing.remove(reference)
        } else if let number = numbers[reference] {
            result =
                Decimal(string: DecimalText(number)?.plain() ?? number, locale: Formula.posix).map { .success($0) }
                ?? .failure(Formula.Unsupported(reason: "\(reference) holds '\(number)'"))
        } else if texts.contains(reference) {
            result = .failure(Formula.Unsupported(reason: "\(reference) holds text, not a number"))
        } else {
            result = .success(nil)
        }
        computed[reference] = result
        return result
    }

    /// The numbers in a range (text and empty cells left out, as SUM does).
    private func numbers(from first: CellReference, to last: CellReference) throws(Formula.Unsupported) -> [Decimal] {
        let rows = min(first.row, last.row)...max(first.row, last.row)
        let columns = min(first.column, last.column)...max(first.column, last.column)
        // A small range is walked cell by cell; a large one (a whole column) through the cells
        // the sheet has, so `SUM(A:A)`-sized ranges cost the sheet's size, not a million rows.
        let inside: [CellReference]
        if rows.count * columns.count <= 10_000 {
            inside = rows.flatMap { row in columns.map { CellReference(row: row, column: $0) } }.filter {
                numbers[$0] != nil || formulas[$0] != nil
            }
        } else {
            inside = Array(
                Set(numbers.keys).union(formulas.keys).filter { rows.contains($0.row) && columns.contains($0.column) })
        }
        var values: [Decimal] = []
        for cell in inside.sorted(by: { ($0.row, $0.column) < ($1.row, $1.column) }) {
            if let value = try value(of: cell).get() { values.append(value) }
        }
        return values
    }
}
