import ReportModel

/// A problem met while reading a workbook: the rule it breaks, a sentence naming what was
/// expected and what was found, and the cell when there is one. It becomes a `Finding`.
struct WorkbookProblem: Error, Sendable {
    var rule: IngestRule
    var severity: Severity = .error
    var message: String
    var expected: String
    var actual: String
    /// The cell, or the row (column nil), the problem is at; nil for the whole workbook or sheet.
    var row: Int?
    var column: Int?

    /// The finding, located in `file` (and `sheet`).
    func finding(file: String, sheet: String?) -> Finding {
        Finding(
            rule: rule.id, severity: severity, message: message,
            location: SourceLocation(file: file, line: row, column: row == nil ? nil : column, sheet: sheet),
            expected: expected, actual: actual)
    }
}
