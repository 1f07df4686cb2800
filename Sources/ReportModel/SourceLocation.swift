/// Where a value came from: a file of the edition, and the line and column inside it.
///
/// Lines and columns count from 1. In a CSV file the column is the field's position in its row
/// (the spreadsheet column: 1 is A), so an analyst can go straight to the cell. In a sheet of a
/// workbook the line is the row and the location prints as the cell: `figures.xlsx[Budget]!C7`.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    // File and sheet share one string, the sheet after a NUL (which neither a path nor a sheet
    // name can hold): a location stays three words, however many millions an edition keeps.
    private var storedPath: String

    /// The file's path as the user named it (relative to where the command ran).
    public var file: String {
        // The NUL is looked for among the bytes: a search by characters costs hundreds of
        // instructions a character, and locations are read by the million.
        get { storedPath.utf8.firstIndex(of: 0).map { String(storedPath[..<$0]) } ?? storedPath }
        set { storedPath = SourceLocation.path(file: newValue, sheet: sheet) }
    }

    /// The sheet of a workbook the value is in; nil for a file that is not a workbook.
    public var sheet: String? {
        get { storedPath.utf8.firstIndex(of: 0).map { String(storedPath[storedPath.utf8.index(after: $0)...]) } }
        set { storedPath = SourceLocation.path(file: file, sheet: newValue) }
    }

    private static func path(file: String, sheet: String?) -> String {
        sheet.map { "\(file)\u{0}\($0)" } ?? file
    }
    // Every value of an edition carries a location, and an edition may hold millions of
    // values: line and column are kept in 32 bits each, 0 standing for "not known".
    private var storedLine: Int32 = 0
    private var storedColumn: Int32 = 0

    /// The line, from 1; nil when the problem concerns the whole file.
    public var line: Int? {
        get { storedLine > 0 ? Int(storedLine) : nil }
        set { storedLine = newValue.map { Int32(clamping: $0) } ?? 0 }
    }

    /// The column, from 1; nil when the problem concerns a whole line or file.
    public var column: Int? {
        get { storedColumn > 0 ? Int(storedColumn) : nil }
        set { storedColumn = newValue.map { Int32(clamping: $0) } ?? 0 }
    }

    /// Creates a location.
    /// - Parameters:
    ///   - file: the file's path as the user named it.
    ///   - line: the line, from 1.
    ///   - column: the column, from 1.
    ///   - sheet: the sheet, when the file is a workbook.
    public init(file: String, line: Int? = nil, column: Int? = nil, sheet: String? = nil) {
        storedPath = SourceLocation.path(file: file, sheet: sheet)
        self.line = line
        self.column = column
    }

    /// The cell in A1 notation (`C7`), for a location in a sheet with a row and column.
    public var cell: String? {
        guard sheet != nil, let line, let column else { return nil }
        return CellReference(row: line, column: column).description
    }

    /// `file:line:column`, as compilers print it, leaving out what is unknown; in a workbook
    /// `file[Sheet]!C7`, or `file[Sheet]!7:7` for a whole row, as a spreadsheet names them.
    public var description: String {
        guard let sheet else {
            return [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
        }
        let place = "\(file)[\(sheet)]"
        guard let line else { return place }
        return place + "!" + (cell ?? "\(line):\(line)")
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.storedPath, lhs.line ?? 0, lhs.column ?? 0) < (rhs.storedPath, rhs.line ?? 0, rhs.column ?? 0)
    }
}

/// A value together with the place in the edition it was read from.
public struct Located<Value> {
    /// The value.
    public var value: Value
    /// Where it was read from.
    public var location: SourceLocation

    /// Pairs a value with its location.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
