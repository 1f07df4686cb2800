/// A row of a dataset, named the way corrections, diffs and the published data name it.
public protocol DatasetRecord: Sendable {
    /// The id of the dataset the row was read from.
    var dataset: String { get }
    /// The row's key, unique within its dataset: `cumberland/contacts`, `Health`.
    var rowKey: String { get }
    /// Where the row was read from.
    var location: SourceLocation { get }
    /// The row's words, as typed (names, notes, sources), for checks that read them.
    var texts: [String] { get }
}

/// A dataset written out as text: its columns and, for each record, its key, its cells and
/// where it was read from. Writing, `diff`, corrections and `new` all read datasets this way.
public struct WrittenDataset: Sendable {
    public struct Row: Sendable {
        /// The row's key, as corrections and diffs name it: `cumberland/contacts`, `Health`.
        public var key: String
        /// One text per column, numbers written plainly: `231675`, `43.6`.
        public var values: [String]
        public var location: SourceLocation

        public init(key: String, values: [String], location: SourceLocation) {
            self.key = key
            self.values = values
            self.location = location
        }
    }

    public var columns: [String]
    public var rows: [Row]

    public init(columns: [String], rows: [Row]) {
        self.columns = columns
        self.rows = rows
    }
}

extension DatasetKind {
    /// One dataset of this kind written out as text.
    public func written(_ dataset: String, in edition: Edition) -> WrittenDataset {
        let (records, columns, cells) = writing(dataset, in: edition)
        return WrittenDataset(
            columns: columns,
            rows: records.map { WrittenDataset.Row(key: $0.rowKey, values: cells($0), location: $0.location) })
    }

    /// One dataset of this kind as RFC 4180 CSV text with CRLF line ends, in the columns
    /// `written` gives, each record's cells appended as they are made: a million rows are never
    /// held as rows of strings.
    public func writtenCSV(_ dataset: String, in edition: Edition) -> (columns: [String], csv: String) {
        let (records, columns, cells) = writing(dataset, in: edition)
        var bytes: [UInt8] = []
        CSVText.appendRow(columns, to: &bytes)
        for record in records { CSVText.appendRow(cells(record), to: &bytes) }
        return (columns, String(decoding: bytes, as: UTF8.self))
    }

    /// A dataset's records, the columns they are written in, and how a record's cells are made.
    private func writing(_ dataset: String, in edition: Edition) -> (
        records: [Record], columns: [String], cells: (Record) -> [String]
    ) {
        let records = records(of: dataset, in: edition)
        let columns = writtenColumns(for: records)
        return (records, columns, cellWriter(columns: columns))
    }

    /// The text of one cell of the row with this key, if the dataset has that row.
    public func cell(_ column: String, key: String, of dataset: String, in edition: Edition) -> String? {
        records(of: dataset, in: edition).first { $0.rowKey == key }.map { cell(column, of: $0) }
    }

    /// Every record of one dataset, whatever their type.
    public func anyRecords(of dataset: String, in edition: Edition) -> [any DatasetRecord] {
        records(of: dataset, in: edition)
    }
}

extension Edition {
    /// The key of every row of a dataset, in reading order.
    public func rowKeys(of dataset: String) -> [String] {
        kinds[dataset]?.anyRecords(of: dataset, in: self).map(\.rowKey) ?? []
    }

    /// A dataset as CSV text and its columns (see `DatasetKind.writtenCSV`), or nil when the
    /// edition has no such dataset.
    public func writtenCSV(_ dataset: String) -> (columns: [String], csv: String)? {
        kinds[dataset]?.writtenCSV(dataset, in: self)
    }

    /// A dataset written out as text, or nil when the edition has no such dataset.
    public func written(_ dataset: String) -> WrittenDataset? {
        kinds[dataset]?.written(dataset, in: self)
    }

    /// The text of one cell, named as a correction names it: dataset, row key and column.
    public func cell(dataset: String, key: String, column: String) -> String? {
        kinds[dataset]?.cell(column, key: key, of: dataset, in: self)
    }
}

/// The kind of the measures catalogue, which describes figures rather than being a dataset of
/// rows like the others.
public protocol MeasureCatalogueKind: DatasetKind {}

extension Figure: DatasetRecord {
    public var rowKey: String { key }
    public var texts: [String] { [source].compactMap { $0 } }
}

extension Measure: DatasetRecord {
    public var rowKey: String { key }
    public var texts: [String] { [label, description].compactMap { $0 } }
}

extension RankedItem: DatasetRecord {
    public var rowKey: String { key }
    public var texts: [String] { [item.value] }
}

extension PracticeReview: DatasetRecord {
    public var rowKey: String { name.value }
    public var texts: [String] { [name.value, publishedIn, note].compactMap { $0 } }
}

extension BoardMember: DatasetRecord {
    public var rowKey: String { "\(agency.value)/\(role.value)" }
    public var texts: [String] { [agency.value, role.value] }
}

extension GlossaryEntry: DatasetRecord {
    public var rowKey: String { abbreviation.value }
    public var texts: [String] { [abbreviation.value, expansion] }
}

extension Correction: DatasetRecord {
    public var rowKey: String { "\(target.value)/\(key.value)/\(column.value)" }
    public var texts: [String] { [publishedValue, reason] }
}
