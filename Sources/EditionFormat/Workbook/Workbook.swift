import Foundation
import ReportModel

/// An `.xlsx` workbook opened for reading datasets from its sheets.
///
/// A sheet reads as the same records a CSV file does (the first non-blank row the header,
/// then a record per row, each field located at its row and column), so every schema, rule
/// and message works on it unchanged; findings name the sheet and cell:
/// `data/figures.xlsx[Budget]!C7`.
public struct Workbook {
    /// The workbook's path as findings name it.
    public let file: String
    private let archive: WorkbookArchive
    private let parts: WorkbookParts
    /// Sheets already unpacked and read, by part, kept while a dataset still to come names them.
    private var readSheets: [String: Result<SheetContent, WorkbookProblem>] = [:]

    /// Opens the workbook in `bytes`.
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: its path as findings should name it.
    ///   - limits: how much it may unpack to.
    ///   - findings: where the reason it cannot be read goes.
    /// - Returns: the workbook, or nil when it cannot be read.
    public static func open(
        _ bytes: [UInt8], file: String, limits: WorkbookLimits = .standard, findings: inout [Finding]
    ) -> Workbook? {
        do throws(WorkbookProblem) {
            let archive = try WorkbookArchive(bytes: bytes, limits: limits)
            return Workbook(file: file, archive: archive, parts: try WorkbookParts(archive: archive))
        } catch {
            findings.append(error.finding(file: file, sheet: nil))
            return nil
        }
    }

    /// The names of its sheets, in the workbook's order.
    public var sheetNames: [String] { parts.sheets.map(\.name) }

    /// The records of a sheet and every problem met reading it.
    /// - Parameters:
    ///   - name: the sheet the manifest names; nil takes the only sheet of a one-sheet workbook.
    ///   - reference: where the manifest names it, for a sheet that does not exist.
    ///   - keep: whether another dataset still names the sheet: its content is then kept, so
    ///     the sheet is unpacked and parsed once however many datasets name it.
    public mutating func records(ofSheet name: String?, namedAt reference: SourceLocation, keep: Bool = false)
        -> CSVDocument
    {
        records(ofSheet: name, namedAt: reference, keep: keep, shaper: nil)
    }

    /// The records of a sheet laid out as `shaper` says (a title above the header, areas
    /// across), shaped into the plain table, and every problem met reading it.
    mutating func records(
        ofSheet name: String?, namedAt reference: SourceLocation, keep: Bool, shaper: TableShaper?
    ) -> CSVDocument {
        guard let entry = sheet(name) else {
            let names = sheetNames
            let message =
                name.map {
                    "the workbook \(file) has no sheet '\($0)'\(Suggestion.hint(for: $0, among: names)): expected one of \(names.joined(separator: ", "))"
                }
                ?? "the workbook \(file) has \(names.count) sheets: expected the dataset's sheet: to name one of \(names.joined(separator: ", "))"
            return CSVDocument(
                records: [],
                findings: [
                    Finding(
                        rule: IngestRule.workbookMissingSheet.id, severity: .error, message: message,
                        location: reference, expected: names.joined(separator: ", "), actual: name ?? "no sheet named")
                ])
        }
        var findings: [Finding] = []
        if entry.hidden {
            findings.append(
                WorkbookProblem(
                    rule: .workbookHidden, severity: .warning,
                    message:
                        "the sheet \(entry.name) is hidden, but its figures are published: expected it visible (right-click a sheet tab, Unhide)",
                    expected: "a visible sheet", actual: "a hidden sheet"
                ).finding(file: file, sheet: entry.name))
        }
        let content = readSheets.removeValue(forKey: entry.part) ?? content(of: entry)
        if keep { readSheets[entry.part] = content }
        switch content {
        case .success(let content):
            return SheetTable(content: content, file: file, sheet: entry.name, shaper: shaper).document(
                prefixing: findings)
        case .failure(let error):
            return CSVDocument(records: [], findings: findings + [error.finding(file: file, sheet: entry.name)])
        }
    }

    /// The sheet's part unpacked and read.
    private func content(of entry: SheetEntry) -> Result<SheetContent, WorkbookProblem> {
        do throws(WorkbookProblem) {
            guard let data = try archive.part(entry.part) else {
                throw WorkbookProblem(
                    rule: .workbookUnreadable,
                    message:
                        "the workbook lists the sheet \(entry.name) but has no \(entry.part): expected an .xlsx file that Excel can open",
                    expected: entry.part, actual: "no such part")
            }
            return .success(try SheetReader(parts: parts).read(data, part: entry.part))
        } catch {
            return .failure(error)
        }
    }

    private func sheet(_ name: String?) -> SheetEntry? {
        guard let name else { return parts.sheets.count == 1 ? parts.sheets.first : nil }
        return parts.sheets.first { $0.name == name }
            ?? parts.sheets.first { $0.name.lowercased() == name.lowercased() }
    }
}

/// A sheet's content as a table: the header's width decides how many fields each record has,
/// so Excel's trailing empty columns and formatted-but-empty cells add nothing.
struct SheetTable {
    /// The widest header read as a table: far more columns than any kind of dataset has.
    static let widestHeader = 256

    let content: SheetContent
    let file: String
    let sheet: String
    var shaper: TableShaper? = nil

    func document(prefixing earlier: [Finding]) -> CSVDocument {
        var findings = earlier
        let filled = content.rows.filter { $0.lastFilledColumn > 0 }
        guard let header = filled.first else {
            findings.append(
                Finding(
                    rule: IngestRule.emptyFile.id, severity: .error,
                    message: "the sheet is empty: expected a header row and at least one data row",
                    location: SourceLocation(file: file, sheet: sheet), expected: "a header row",
                    actual: "nothing"))
            return CSVDocument(records: [], findings: findings)
        }
        var width = header.lastFilledColumn
        // Every record is as wide as the header, so a header reaching far right (one cell in
        // column XFD) would make each row thousands of empty fields, from a few bytes each.
        guard width <= Self.widestHeader else {
            findings.append(
                Finding(
                    rule: IngestRule.workbookTooLarge.id, severity: .error,
                    message:
                        "the header row reaches column \(CellReference.letters(column: width)), beyond the widest table read (\(Self.widestHeader) columns, to \(CellReference.letters(column: Self.widestHeader))): expected the table's header in its first columns, with nothing to its right",
                    location: SourceLocation(file: file, line: header.number, column: width, sheet: sheet),
                    expected: "at most \(Self.widestHeader) columns", actual: "\(width) columns"))
            // What the sheet hides or merges is still said (in time linear in the width).
            return CSVDocument(
                records: [], findings: findings + hidden(filled, width: width, reading: nil) + merged(below: 0))
        }
        var records = filled.map { row in
            // One pass over the row's cells (the last cell of a column wins, as `text(column:)`
            // reads it). The header's columns, then only the filled cells past them: a row of a
            // few cells, one in column XFD, is a few fields too many, not 16,384 mostly empty
            // ones (20,000 such rows in a 200 KB workbook took 5.6 GB and never finished).
            var texts: [Int: String] = [:]
            for cell in row.cells { texts[cell.column] = cell.text }
            // A row is padded to its last filled cell (a title row above the header may be
            // narrower than the rows below); a row reaching past the widest header read is its
            // header's fields and its filled cells beyond.
            let padded = row.lastFilledColumn <= Self.widestHeader ? max(width, row.lastFilledColumn) : width
            let beyond = texts.filter { $0.key > padded && !Trim.spaces($0.value).isEmpty }.keys.sorted()
            return CSVRecord(
                line: row.number,
                fields: (Array(1...padded) + beyond).map { column in
                    CSVField(text: texts[column] ?? "", line: row.number, column: column, quoted: false)
                })
        }
        // Title rows and a two-row header are the analyst's layout: their merges and hidden
        // cells hold no figures, and columns the report does not read are left alone.
        var headerEnd = 0
        var readColumns: Set<Int>?
        if var shaper {
            shaper.file = file
            shaper.sheet = sheet
            shaper.pads = true
            let shaped = shaper.shape(records)
            records = shaped.records
            findings += shaped.findings
            headerEnd = shaped.headerEnd
            readColumns = shaped.readColumns
            if headerEnd > 0 { width = filled.filter { $0.number <= headerEnd }.map(\.lastFilledColumn).max() ?? width }
        }
        // A cell that cannot be read matters only where the report reads it: an error value in
        // a helper column or a title row is the analyst's own.
        func isRead(row: Int?, column: Int?) -> Bool {
            guard let row, row > headerEnd else { return row == nil }
            guard let readColumns, let column else { return true }
            return readColumns.contains(column)
        }
        findings =
            content.problems.filter { isRead(row: $0.row, column: $0.column) }.map {
                $0.finding(file: file, sheet: sheet)
            } + findings
        let refused = Set(
            filled.filter { row in row.unreadableColumns.contains { isRead(row: row.number, column: $0) } }.map(
                \.number))
        if !refused.isEmpty { records.removeAll { refused.contains($0.line) } }
        findings +=
            hidden(filled.filter { $0.number > headerEnd || headerEnd == 0 }, width: width, reading: readColumns)
            + merged(below: headerEnd)
        return CSVDocument(records: records, findings: findings, refusedRows: refused.count)
    }

    /// "7, 9 and 12", or the first ten and how many more.
    static func listed(_ items: [String]) -> String {
        items.count <= 10
            ? ListFormat.and(items) : items.prefix(10).joined(separator: ", ") + " and \(items.count - 10) more"
    }

    /// A warning for hidden rows and columns that hold figures: published data should hide nothing.
    private func hidden(_ rows: [SheetContent.Row], width: Int, reading: Set<Int>?) -> [Finding] {
        var findings: [Finding] = []
        let hiddenRows = rows.filter(\.hidden).map(\.number)
        if let first = hiddenRows.first {
            findings.append(
                Finding(
                    rule: IngestRule.workbookHidden.id, severity: .warning,
                    message:
                        "\(hiddenRows.count == 1 ? "row" : "rows") \(SheetTable.listed(hiddenRows.map(String.init))) of the sheet \(hiddenRows.count == 1 ? "is" : "are") hidden, but \(hiddenRows.count == 1 ? "its" : "their") figures are published: expected every row visible (select the rows around, Unhide)",
                    location: SourceLocation(file: file, line: first, sheet: sheet), expected: "visible rows",
                    actual: "\(hiddenRows.count) hidden"))
        }
        // A hidden helper column the report does not read publishes nothing.
        let hiddenColumns = SheetTable.hidden(content.hiddenColumns, upTo: max(width, 1)).filter {
            reading?.contains($0) ?? true
        }
        if let first = hiddenColumns.first, let headerRow = rows.first?.number {
            findings.append(
                Finding(
                    rule: IngestRule.workbookHidden.id, severity: .warning,
                    message:
                        "column \(SheetTable.listed(hiddenColumns.map { CellReference.letters(column: $0) })) of the table is hidden, but its figures are published: expected every column visible",
                    location: SourceLocation(file: file, line: headerRow, column: first, sheet: sheet),
                    expected: "visible columns", actual: "\(hiddenColumns.count) hidden"))
        }
        return findings
    }

    /// The columns from 1 to `width` that some range holds, in order. Each range adds one at
    /// its start and takes one away past its end (clamped to the width), and one sweep sums
    /// them: the cost is the width plus the ranges, however many there are or overlap.
    static func hidden(_ ranges: [ClosedRange<Int>], upTo width: Int) -> [Int] {
        var starts = [Int](repeating: 0, count: width + 2)
        for range in ranges where range.lowerBound <= width && range.upperBound >= 1 {
            starts[max(range.lowerBound, 1)] += 1
            starts[min(range.upperBound, width) + 1] -= 1
        }
        var covering = 0
        var columns: [Int] = []
        for column in 1...width {
            covering += starts[column]
            if covering > 0 { columns.append(column) }
        }
        return columns
    }

    /// An error for each merged range: a merged cell holds one value where the table needs several.
    /// Merges within the title and header rows (up to `headerEnd`) are the analyst's headings.
    private func merged(below headerEnd: Int) -> [Finding] {
        content.merges.filter { $0.last.row > headerEnd }.map { first, last in
            let range = first == last ? first.description : "\(first):\(last)"
            return Finding(
                rule: IngestRule.workbookMergedCells.id, severity: .error,
                message:
                    "the cells \(range) are merged: expected one value in each cell of the table (select them, Unmerge Cells, and fill each cell)",
                location: SourceLocation(file: file, line: first.row, column: first.column, sheet: sheet),
                expected: "unmerged cells", actual: "merged \(range)")
        }
    }
}
