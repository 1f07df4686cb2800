import Foundation

/// A cell read as its column's type.
public enum CellValue: Hashable, Sendable {
    case text(String)
    case count(Int)
    case money(Decimal)
    case percent(StatedPercentage)
    case date(CalendarDate)
    case period(Period)
}

/// A data row whose cells have been read as their columns' types. Empty optional cells are
/// absent; the accessors return nil for them.
public struct TypedRow: Sendable {
    /// The file the row is in, as findings name it.
    public var file: String
    /// The sheet, when the row is in a workbook.
    public var sheet: String? = nil
    /// The line the row starts on.
    public var line: Int
    /// The schema's column names, in the order of `values`, shared by every row of a table.
    /// A handful of short names: finding one by comparison is cheaper than hashing it.
    let names: [String]
    /// The cells, in the schema's column order.
    var values: [Located<CellValue>?]
    /// Each schema column's position in the file (1 is column A), shared by every row.
    let fieldColumns: [String: Int]

    public init(
        file: String, sheet: String? = nil, line: Int, names: [String], values: [Located<CellValue>?],
        fieldColumns: [String: Int]
    ) {
        self.file = file
        self.sheet = sheet
        self.line = line
        self.names = names
        self.values = values
        self.fieldColumns = fieldColumns
    }

    /// The file column a schema column was read from, for locating a missing value.
    public func fileColumn(_ column: String) -> Int? {
        fieldColumns[column]
    }

    /// Where the whole row is.
    public var location: SourceLocation { SourceLocation(file: file, line: line, sheet: sheet) }

    /// Where one of the row's cells is, by its file column.
    public func location(column: Int?) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column, sheet: sheet)
    }

    /// The cell of a column, if it has a value.
    public func cell(_ column: String) -> Located<CellValue>? {
        names.firstIndex(of: column).flatMap { values[$0] }
    }

    public func text(_ column: String) -> Located<String>? {
        guard let cell = cell(column), case .text(let value) = cell.value else { return nil }
        return Located(value, at: cell.location)
    }

    public func count(_ column: String) -> Located<Int>? {
        guard let cell = cell(column), case .count(let value) = cell.value else { return nil }
        return Located(value, at: cell.location)
    }

    public func money(_ column: String) -> Located<Decimal>? {
        guard let cell = cell(column), case .money(let value) = cell.value else { return nil }
        return Located(value, at: cell.location)
    }

    public func percent(_ column: String) -> Located<StatedPercentage>? {
        guard let cell = cell(column), case .percent(let value) = cell.value else { return nil }
        return Located(value, at: cell.location)
    }

    public func date(_ column: String) -> Located<CalendarDate>? {
        guard let cell = cell(column), case .date(let value) = cell.value else { return nil }
        return Located(value, at: cell.location)
    }

    public func period(_ column: String) -> Located<Period>? {
        guard let cell = cell(column), case .period(let value) = cell.value else { return nil }
        return Located(value, at: cell.location)
    }
}
