import ReportModel

/// One field of a CSV file, decoded, with where it starts.
public struct CSVField: Hashable, Sendable {
    /// The field's text, quotes removed and doubled quotes undone.
    public var text: String
    /// The line the field starts on, from 1.
    public var line: Int
    /// The field's position in its record, from 1 (the spreadsheet column).
    public var column: Int
    /// True when the field was written in quotes.
    public var quoted: Bool
}

/// One record (row) of a CSV file.
public struct CSVRecord: Hashable, Sendable {
    /// The line the record starts on.
    public var line: Int
    public var fields: [CSVField]

    /// True for a row with nothing in it, such as the blank lines and `,,,` rows spreadsheets
    /// leave at the end of an export.
    var isBlank: Bool {
        fields.allSatisfy { $0.text.isEmpty && !$0.quoted }
    }
}

/// A CSV file read as records, with every problem found on the way.
public struct CSVDocument: Sendable {
    public var records: [CSVRecord]
    public var findings: [Finding]
    /// Rows left out before they became records (a sheet's row with a cell that cannot be
    /// read), each with its own finding: a table of nothing else is not an empty one.
    public var refusedRows = 0

    public init(records: [CSVRecord], findings: [Finding], refusedRows: Int = 0) {
        self.records = records
        self.findings = findings
        self.refusedRows = refusedRows
    }
}
