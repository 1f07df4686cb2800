import ReportModel

/// Turns a CSV document into typed rows of a schema: checks the header against the schema,
/// reads every cell as its column's type and makes sure keys are unique. Every problem is a
/// located finding; a row with a problem is left out of the rows, never half-read.
public struct TableReader: Sendable {
    public var schema: DatasetSchema
    /// The file's path as findings name it.
    public var file: String
    /// The sheet, when the table is a sheet of a workbook; findings then name its cells.
    public var sheet: String?
    /// Header names (normalised) whose columns are read and left alone: the analyst's own
    /// notes and comments, and whatever the manifest's `ignore_columns:` lists.
    public var ignored: Set<String>

    public init(schema: DatasetSchema, file: String, sheet: String? = nil, layout: TableLayout = TableLayout()) {
        self.schema = schema
        self.file = file
        self.sheet = sheet
        self.ignored = TableReader.ignored(layout: layout, schema: schema)
    }

    /// Columns every table may keep for the analyst's own use, unless its schema reads them.
    static let analystColumns: Set<String> = ["notes", "note", "comments", "comment"]

    /// The header names a table's reader leaves alone.
    static func ignored(layout: TableLayout, schema: DatasetSchema) -> Set<String> {
        Set(layout.ignoredColumns.map(normalise)).union(analystColumns.subtracting(schema.columns.map(\.name)))
    }

    /// A place in the table's file (or sheet).
    func location(line: Int, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column, sheet: sheet)
    }

    /// Reads every data row of `document`.
    public func read(_ document: CSVDocument) -> (rows: [TypedRow], findings: [Finding]) {
        var consumer = consumer()
        var rows: [TypedRow] = []
        for record in document.records {
            if let row = consumer.consume(record) { rows.append(row) }
        }
        return (rows, document.findings + consumer.finish())
    }

    /// A reader that takes the records one by one as the CSV reader streams them.
    public func consumer() -> Consumer {
        Consumer(reader: self)
    }

    /// Reads records as they come: the first is the header, each later one a data row.
    public struct Consumer {
        let reader: TableReader
        private var columns: [ColumnSchema?]?
        private let names: [String]
        /// For each field of the header, the schema position of its column.
        private var fieldPositions: [Int?] = []
        private var fieldColumns: [String: Int] = [:]
        private var headerLine: Int?
        private var headerUnusable = false
        private var dataRows = 0
        private var acceptedRows = 0
        /// Rows refused before they reached the table (a sheet's unreadable cells), counted
        /// with those refused here when saying that none was read.
        public var refusedBefore = 0
        private var keys: [RowKey: Int] = [:]
        private var findings: [Finding] = []

        init(reader: TableReader) {
            self.reader = reader
            names = reader.schema.columns.map(\.name)
        }

        /// Makes room for about `rows` keys at once, so checking them for duplicates never
        /// regrows a large table.
        public mutating func reserve(rows: Int) {
            keys.reserveCapacity(rows)
        }

        /// Each schema column's position in the file (1 is column A), once the header is read.
        public var columnPositions: [String: Int] { fieldColumns }

        /// The typed row a record stands for, or nil for the header and for rows with problems.
        public mutating func consume(_ record: CSVRecord) -> TypedRow? {
            guard headerLine != nil else {
                headerLine = record.line
                columns = reader.readHeader(record, findings: &findings)
                headerUnusable = columns == nil
                // The header's own column: a shaped table (areas across) keeps each cell's place.
                for (field, column) in zip(record.fields, columns ?? []) {
                    if let column { fieldColumns[column.name] = field.column }
                }
                fieldPositions = (columns ?? []).map { column in column.flatMap { names.firstIndex(of: $0.name) } }
                return nil
            }
            guard let columns else { return nil }
            dataRows += 1
            guard
                let row = reader.readRow(
                    record, columns: columns, names: names, fieldPositions: fieldPositions, fieldColumns: fieldColumns,
                    findings: &findings)
            else { return nil }
            let parts = reader.schema.key.map { reader.keyPart(row.cell($0)?.value) ?? "" }
            let rowKey = RowKey(parts: parts)
            if let first = keys[rowKey] {
                // An optional key column left empty (a figure with no period) is not named.
                let named = zip(reader.schema.key, parts).filter { !$0.1.isEmpty }
                let key = named.map(\.1).joined(separator: "/")
                findings.append(
                    Finding(
                        rule: IngestRule.duplicateKey.id, severity: .error,
                        message:
                            "the key '\(key)' is used again: expected each row's \(named.map(\.0).joined(separator: " and ")) to be unique, but line \(first) has the same",
                        location: reader.location(line: record.line),
                        expected: "a unique key", actual: key))
                return nil
            }
            keys[rowKey] = record.line
            acceptedRows += 1
            return row
        }

        /// The findings, once every record has been consumed.
        public mutating func finish() -> [Finding] {
            let refused = dataRows - acceptedRows + refusedBefore
            let place = reader.sheet.map { "the sheet \($0)" } ?? reader.file
            // Only where rows were refused before the table saw them (a sheet's unreadable cells)
            // would the table otherwise look empty; each refused row has its own error, so
            // this is a note of what they block.
            if let headerLine, !headerUnusable, acceptedRows == 0, refusedBefore > 0 {
                findings.append(
                    Finding(
                        rule: IngestRule.emptyFile.id, severity: .warning,
                        message:
                            "\(refused == 1 ? "the only row" : "all \(refused) rows") of \(place) \(refused == 1 ? "was" : "were") refused: see the errors above, and fix them so the rows are read",
                        location: reader.location(line: headerLine),
                        expected: "at least one readable row", actual: "\(refused) refused"))
            } else if let headerLine, !headerUnusable, dataRows == 0, refusedBefore == 0,
                reader.schema.name != "corrections"
            {
                // A corrections file with only its header says there are no corrections.
                findings.append(
                    Finding(
                        rule: IngestRule.emptyFile.id, severity: .error,
                        message: "the file has a header but no data rows: expected at least one row of data",
                        location: reader.location(line: headerLine),
                        expected: "at least one data row", actual: "only the header"))
            }
            return findings
        }
    }

    /// Header names as analysts may type them: "Stated percent" reads as `stated_percent`.
    static func normalise(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
    }

    /// The schema column of each header field (nil for unknown ones), or nil when the header
    /// is unusable.
    func readHeader(_ header: CSVRecord, findings: inout [Finding]) -> [ColumnSchema?]? {
        let known = schema.columns.map(\.name)
        if let delimiter = otherDelimiter(header) {
            findings.append(
                Finding(
                    rule: IngestRule.delimiter.id, severity: .error,
                    message:
                        "the header is one column holding \(delimiter.name): the file separates its fields with \(delimiter.name), expected commas (a spreadsheet's Save As CSV UTF-8 writes them)",
                    location: SourceLocation(file: file, line: header.line, column: 1), expected: "commas",
                    actual: delimiter.name))
            return nil
        }
        var seen: Set<String> = []
        var columns: [ColumnSchema?] = []
        // Unknown names in a row that lacks several required columns are that row not being
        // the header: the one error about the header says so.
        var unknown: [Finding] = []
        for field in header.fields {
            let name = TableReader.normalise(field.text)
            let location = location(line: field.line, column: field.column)
            if let control = ControlCharacters.first(in: field.text) {
                findings.append(
                    ControlCharacters.finding(
                        control.scalar, in: "the header's column \(field.column)", expected: "a column name",
                        at: location))
                columns.append(nil)
                continue
            }
            if let lookalike = LookalikeText.finding(
                in: field.text, subject: "the header's column \(field.column)", at: location)
            {
                findings.append(lookalike)
            }
            if ignored.contains(name) {
                columns.append(nil)
                continue
            }
            if name.isEmpty {
                unknown.append(
                    Finding(
                        rule: IngestRule.emptyColumn.id, severity: .warning,
                        message:
                            "column \(field.column) of the header has no name, so its cells are not read: if it holds figures, give it the name of the column it holds (one of \(known.joined(separator: ", "))), or name it Notes to keep it for yourself; a spreadsheet also saves an empty column like this when a cell beyond the table was once used",
                        location: location, expected: "a named column", actual: "no name"))
                columns.append(nil)
                continue
            }
            if !seen.insert(name).inserted {
                findings.append(
                    Finding(
                        rule: IngestRule.duplicateColumn.id, severity: .error,
                        message: "the column '\(name)' appears twice in the header: expected each column once",
                        location: location, expected: "one '\(name)' column", actual: "two"))
                columns.append(nil)
                continue
            }
            let column = schema.column(name)
            if column == nil {
                unknown.append(
                    Finding(
                        rule: IngestRule.unknownColumn.id, severity: .error,
                        message:
                            "unknown column '\(field.text)' in a \(schema.name) dataset\(Suggestion.hint(for: name, among: known)): expected one of \(known.joined(separator: ", ")) (if the report should not read it, list it under ignore_columns: in the dataset's entry)",
                        location: location, expected: known.joined(separator: ", "), actual: field.text))
            }
            columns.append(column)
        }
        let missing = schema.columns.filter { ($0.isRequired || $0.mustBePresent) && !seen.contains($0.name) }
        if missing.count <= 1 { findings += unknown }
        if missing.count > 1 {
            // One cause (a title above the header, or the wrong file) gives one error.
            let names = missing.map { "'\($0.name)'" }
            findings.append(
                Finding(
                    rule: IngestRule.missingColumn.id, severity: .error,
                    message:
                        "the header has none of the columns \(ListFormat.and(names)), which a \(schema.name) dataset requires: expected the header (the row naming them) as the first row, or its row given as header_row: in the dataset's entry when a title is above it",
                    location: location(line: header.line),
                    expected: missing.map(\.name).joined(separator: ", "), actual: "no such columns"))
        }
        for column in missing where missing.count == 1 {
            findings.append(
                Finding(
                    rule: IngestRule.missingColumn.id, severity: .error,
                    message:
                        "the header has no '\(column.name)' column, which a \(schema.name) dataset requires (\(column.summary))",
                    location: location(line: header.line),
                    expected: column.name, actual: "no such column"))
        }
        return missing.isEmpty ? columns : nil
    }

    /// The delimiter a one-field header was evidently written with, when the schema needs more
    /// than one column: semicolons (spreadsheets in many European languages) or tabs.
    private func otherDelimiter(_ header: CSVRecord) -> (character: Character, name: String)? {
        guard header.fields.count == 1, schema.columns.count > 1, let text = header.fields.first?.text else {
            return nil
        }
        return [(";", "semicolons"), ("\t", "tabs")].first { text.contains($0.0) }.map { ($0.0, $0.1) }
    }

    func readRow(
        _ record: CSVRecord, columns: [ColumnSchema?], names: [String], fieldPositions: [Int?],
        fieldColumns: [String: Int],
        findings: inout [Finding]
    ) -> TypedRow? {
        guard record.fields.count == columns.count else {
            findings.append(
                Finding(
                    rule: IngestRule.raggedRow.id, severity: .error,
                    message:
                        "this row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"): expected \(columns.count), one per header column",
                    location: location(line: record.line),
                    expected: "\(columns.count) fields", actual: "\(record.fields.count) fields"))
            return nil
        }
        var values = [Located<CellValue>?](repeating: nil, count: names.count)
        var isComplete = true
        // The row's key as typed, so a message can say which row a missing value belongs to.
        var keyText: String {
            schema.key.compactMap { name in
                zip(record.fields, columns).first { $0.1?.name == name }.map { Trim.spaces($0.0.text) }
            }.filter { !$0.isEmpty }.joined(separator: "/")
        }
        for (fieldIndex, (field, column)) in zip(record.fields, columns).enumerated() {
            guard let column, let position = fieldPositions[fieldIndex] else { continue }
            let location = location(line: field.line, column: field.column)
            let text = Trim.spaces(field.text)
            if let control = ControlCharacters.first(in: text) {
                findings.append(
                    ControlCharacters.finding(
                        control.scalar, in: "the '\(column.name)' cell", expected: "printable text", at: location))
                isComplete = false
                continue
            }
            // A key, or a reference to one, that only looks like another never matches it.
            if column.refersTo != nil || schema.key.contains(column.name),
                let lookalike = LookalikeText.finding(in: text, subject: "the '\(column.name)' cell", at: location)
            {
                findings.append(lookalike)
            }
            if text.isEmpty {
                if column.isRequired {
                    findings.append(
                        Finding(
                            rule: IngestRule.missingValue.id, severity: .error,
                            message:
                                "the '\(column.name)' cell\(keyText.isEmpty || schema.key.contains(column.name) ? "" : " of \(keyText)") is empty: expected \(column.type.expectation)",
                            location: location, expected: column.type.expectation, actual: "an empty cell"))
                    isComplete = false
                }
                continue
            }
            switch TableReader.cell(text, type: column.type) {
            case .success(let value):
                if case .text(let text) = value, CSVText.startsLikeFormula(text) {
                    findings.append(
                        Finding(
                            rule: IngestRule.formulaLike.id, severity: .warning,
                            message:
                                "the '\(column.name)' cell starts like a spreadsheet formula, which a spreadsheet opening the published data would run: it is published with a leading apostrophe; expected text that starts with a letter or digit",
                            location: location, expected: "text", actual: String(text.prefix(40))))
                }
                values[position] = Located(value, at: location)
            case .failure(let problem):
                findings.append(
                    Finding(
                        rule: IngestRule.unreadableValue.id, severity: .error,
                        message: "cannot read '\(text)' in column '\(column.name)': expected \(problem.expected)",
                        location: location, expected: problem.expected, actual: text))
                isComplete = false
            }
        }
        return isComplete
            ? TypedRow(
                file: file, sheet: sheet, line: record.line, names: names, values: values, fieldColumns: fieldColumns)
            : nil
    }

    /// Reads one cell's text as a column type.
    static func cell(_ text: String, type: ColumnType) -> Result<CellValue, ValueProblem> {
        switch type {
        case .text, .measured: .success(.text(text))
        case .count: ValueReader.count(text).map(CellValue.count)
        case .money: ValueReader.money(text).map(CellValue.money)
        case .percent: ValueReader.percent(text).map(CellValue.percent)
        case .date: DateReader.date(text).map(CellValue.date)
        case .period: DateReader.period(text).map(CellValue.period)
        case .choice(let words):
            words.contains(text.lowercased())
                ? .success(.text(text.lowercased()))
                : .failure(ValueProblem(expected: "one of " + words.joined(separator: ", ")))
        }
    }

    func keyPart(_ value: CellValue?) -> String? {
        switch value {
        case .text(let text): text
        case .count(let count): String(count)
        case .date(let date): date.description
        // One period has one key however it is spelled: 2024-03 and 2024-03-01/2024-03-31 meet.
        case .period(let period): PeriodSpelling.spelling(of: period)
        case .percent(let stated): stated.description
        case .money(let amount): "\(amount)"
        case nil: nil
        }
    }
}

/// A row's key as its parts (at most three in any schema), compared part by part: no joined
/// string is built for each of a million rows, and "a/b" + "c" never equals "a" + "b/c".
struct RowKey: Hashable {
    var first = ""
    var second = ""
    var third = ""

    init(parts: [String]) {
        first = parts.first ?? ""
        second = parts.count > 1 ? parts[1] : ""
        third = parts.count > 2 ? parts[2...].joined(separator: "\u{0}") : ""
    }
}
