/// Where a value came from: a file of the edition, and the line and column inside it.
///
/// Lines and columns count from 1. In a CSV file the column is the field's position in its row
/// (the spreadsheet column: 1 is A), so an analyst can go straight to the cell.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file's path as the user named it (relative to where the command ran).
    public var file: String
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
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, as compilers print it, leaving out what is unknown.
    public var description: String {
        [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0)
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
