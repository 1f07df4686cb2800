import Foundation

/// What reading a dataset may need from the rest of the edition.
public struct DatasetContext: Sendable {
    /// The manifest's entry for the dataset being read.
    public var spec: DatasetSpec
    /// The measures catalogue, read before any figures.
    public var measures: [String: Measure]

    public init(spec: DatasetSpec, measures: [String: Measure] = [:]) {
        self.spec = spec
        self.measures = measures
    }
}

/// What changes between one year's edition and the next, for a kind to carry its rows forward.
public struct YearChange: Sendable {
    /// The partnership as last year's edition names it, and as the new one does.
    public var oldPartnership: Partnership
    public var newPartnership: Partnership
    /// A period moved on by a year, written as the edition format writes it ("2024-03" to
    /// "2025-03"), or nil when the text is not a period.
    public var nextPeriod: @Sendable (String) -> String?

    public init(
        oldPartnership: Partnership, newPartnership: Partnership, nextPeriod: @escaping @Sendable (String) -> String?
    ) {
        self.oldPartnership = oldPartnership
        self.newPartnership = newPartnership
        self.nextPeriod = nextPeriod
    }
}

/// A manifest entry a kind cannot use as it stands: what was expected and what was found.
public struct ManifestProblem: Hashable, Sendable {
    public var message: String
    public var expected: String
    public var actual: String

    public init(message: String, expected: String, actual: String) {
        self.message = message
        self.expected = expected
        self.actual = actual
    }
}

/// Where the report shows a dataset of a kind when its manifest entry names no section.
public enum DatasetHome: Hashable, Sendable {
    /// In the appendix of this kind, when the report has it.
    case appendix(AppendixKind)
    /// Through the other datasets it serves (the measures catalogue names figures; corrections
    /// are listed in the data-quality statement): never a warning that it is shown nowhere.
    case throughOthers
    /// Only in a section that names it.
    case sectionOnly
}

/// One kind of dataset an edition can hold, declared in one place: its columns, how a row
/// becomes a record and is written back, what is cleared for next year, how it is shown and
/// where. The manifest's `schema:` names a kind; `DatasetKinds` lists them.
///
/// A kind is a value, so one kind can serve several schema names with different wording
/// (`PartsKind` is the budget, the training courses and any other parts table).
public protocol DatasetKind: Sendable {
    associatedtype Record: DatasetRecord & Hashable & Sendable

    /// The schema: the name the manifest uses, the columns and the row key.
    var schema: DatasetSchema { get }

    /// The record a row stands for, or nil after reporting in `findings` why it cannot be made.
    func record(from row: TypedRow, dataset: String, context: DatasetContext, findings: inout [Finding]) -> Record?

    /// The columns written out for these records, in order: the schema's, by default.
    func writtenColumns(for records: [Record]) -> [String]

    /// The text of one cell, written plainly (`231675`, `43.6`, empty when absent): the cell
    /// lookup that writing, diffs, corrections and next year's scaffold share.
    func cell(_ column: String, of record: Record) -> String

    /// The cells of records in `columns`' order, the columns looked at once for all the rows
    /// (a kind whose datasets run to millions of rows resolves them ahead; the default asks
    /// `cell` for each).
    func cellWriter(columns: [String]) -> (Record) -> [String]

    /// A row's cells carried into next year's edition: figures emptied, last year's kept where
    /// the kind has a column for it. Rows it returns nil for are left out.
    func nextYear(_ cells: [String: String], change: YearChange) -> [String: String]?

    /// Whether `new` carries a dataset of this kind into next year's edition (corrections to
    /// last year's figures are not).
    var isCarriedForward: Bool { get }

    /// How the report shows a dataset of this kind.
    func display(_ spec: DatasetSpec) -> DatasetDisplay

    /// A record's cells in a plain table (`DatasetDisplay.table`), the first being the row's
    /// heading: the written cells, unless the kind words them for readers.
    func displayCells(of record: Record) -> [String]

    /// True when a reader may ask where the rows came from (figures, amounts, seats): the data-
    /// quality statement lists the source of each such dataset. False for the datasets that
    /// describe the rest (the measures catalogue, the glossary, the corrections).
    var isSourced: Bool { get }

    /// Where it is shown when no section names it.
    var home: DatasetHome { get }

    /// The words a record stands for when the narrative names its row (`dataset:row`): a
    /// ranked item, a review's state. Nil for kinds whose rows the narrative names by number.
    func narrativeWords(for record: Record) -> String?

    /// What this kind finds wrong with its manifest entry (a parts table without its `unit:`),
    /// besides what `manifestProblems` finds for every kind.
    func kindProblems(_ spec: DatasetSpec) -> [ManifestProblem]

    /// The records of one dataset of this kind in the edition. Most kinds keep them in the
    /// edition's `datasets`; figures and measures keep theirs in the edition's indexed stores.
    func records(of dataset: String, in edition: Edition) -> [Record]

    /// Puts a dataset's records into the edition.
    func store(_ records: [Record], dataset: String, in edition: inout Edition)
}

extension DatasetKind {
    public func writtenColumns(for records: [Record]) -> [String] { schema.columns.map(\.name) }

    public func nextYear(_ cells: [String: String], change: YearChange) -> [String: String]? { cells }

    public var home: DatasetHome { .sectionOnly }

    public func kindProblems(_ spec: DatasetSpec) -> [ManifestProblem] { [] }

    /// What is wrong with a manifest entry of this kind, which the reader reports at the entry:
    /// keys only other kinds read (`unit:` and `labels:` are for parts tables, `periods_add_up:`
    /// for figures) are refused rather than silently ignored, and the kind's own problems.
    public func manifestProblems(_ spec: DatasetSpec) -> [ManifestProblem] {
        var problems = kindProblems(spec)
        if spec.unit != nil || !spec.labels.isEmpty, !isPartsTable(spec) {
            problems.append(
                ManifestProblem(
                    message: "unit: and labels: describe a parts table: expected neither on a \(schema.name) dataset",
                    expected: "no unit: or labels:", actual: spec.unit != nil ? "unit:" : "labels:"))
        }
        if spec.periodsAddUp, display(spec) != .figureGrid {
            problems.append(
                ManifestProblem(
                    message:
                        "periods_add_up: says a figures dataset's months or quarters add up to its year: expected it on no \(schema.name) dataset",
                    expected: "no periods_add_up:", actual: "periods_add_up: true"))
        }
        return problems
    }

    private func isPartsTable(_ spec: DatasetSpec) -> Bool {
        if case .parts = display(spec) { return true }
        return false
    }

    public var isCarriedForward: Bool { true }

    public func narrativeWords(for record: Record) -> String? { nil }

    /// The words of the row with this key, and where it is.
    public func words(forRow key: String, of dataset: String, in edition: Edition) -> (
        text: String, location: SourceLocation
    )? {
        guard let record = records(of: dataset, in: edition).first(where: { $0.rowKey == key }),
            let text = narrativeWords(for: record)
        else { return nil }
        return (text, record.location)
    }

    public func displayCells(of record: Record) -> [String] {
        cells(of: record, columns: schema.columns.map(\.name))
    }

    public var isSourced: Bool { true }

    /// Every record of one dataset as a plain table's rows.
    public func displayRows(of dataset: String, in edition: Edition) -> [[String]] {
        records(of: dataset, in: edition).map(displayCells)
    }

    /// The type of the kind's records.
    public var recordType: Any.Type { Record.self }

    public func records(of dataset: String, in edition: Edition) -> [Record] {
        (edition.datasets[dataset] as? StoredDataset<Self>)?.records ?? []
    }

    public func store(_ records: [Record], dataset: String, in edition: inout Edition) {
        edition.datasets[dataset] = StoredDataset(kind: self, records: records)
    }

    /// Every cell of a record, in `columns`' order.
    public func cells(of record: Record, columns: [String]) -> [String] {
        columns.map { cell($0, of: record) }
    }

    public func cellWriter(columns: [String]) -> (Record) -> [String] {
        { cells(of: $0, columns: columns) }
    }
}

/// How a dataset is shown: one of the shapes the renderer draws. A kind chooses its shape and
/// supplies the words; the renderer knows shapes, not kinds.
public enum DatasetDisplay: Hashable, Sendable {
    /// Figures by area and measure: a table for each level of area, and a chart comparing areas.
    case figureGrid
    /// Parts of a stated total: a table with the total in its foot and a bar chart of the parts.
    case parts(PartsLayout)
    /// Ranked lists: one table per list, ranks down the side and areas across.
    case rankedLists
    /// One row per record under these headings; the kind's `displayCells` gives the cells.
    case table(headings: [String])
    /// The glossary: the abbreviations the report uses, in order.
    case glossary
    /// Not shown as a table of its own.
    case none
}

/// How a parts table is shown: its headings and the words its chart's summary says, from the
/// manifest (a dataset's `labels:`) or the kind's defaults, and the column corrections name.
public struct PartsLayout: Hashable, Sendable {
    /// The heading over the parts: "Agency", "Course".
    public var part: String
    /// The heading over the parts' values: "Contribution", "Completions".
    public var value: String
    /// The heading over a column of words about each part ("Delivery"), when there is one.
    public var detail: String?
    /// The heading over the stated shares, when the table has them.
    public var share: String?
    /// What the chart shows its bars by: "by agency".
    public var chartBy: String
    /// How the summary says which part is largest: "contributed the most".
    public var leads: String
    /// The column of values, as a correction names it: `amount`.
    public var valueColumn: String

    public init(
        part: String, value: String, detail: String?, share: String?, chartBy: String, leads: String,
        valueColumn: String
    ) {
        self.valueColumn = valueColumn
        self.part = part
        self.value = value
        self.detail = detail
        self.share = share
        self.chartBy = chartBy
        self.leads = leads
    }
}

/// A dataset's records with the kind that read them, kept in `Edition.datasets`.
public struct StoredDataset<Kind: DatasetKind>: AnyDataset {
    public let kind: Kind
    public var records: [Kind.Record]

    public init(kind: Kind, records: [Kind.Record]) {
        self.kind = kind
        self.records = records
    }

    public var anyRecords: [any DatasetRecord] { records }
    public func records<Record>(as type: Record.Type) -> [Record]? { records as? [Record] }

    public func hasSameRecords(as other: any AnyDataset) -> Bool {
        (other as? StoredDataset<Kind>)?.records == records
    }
}

/// A stored dataset whatever its kind.
public protocol AnyDataset: Sendable {
    var anyRecords: [any DatasetRecord] { get }
    /// The records, when they are of this type.
    func records<Record>(as type: Record.Type) -> [Record]?
    /// True when the other holds records of the same kind, equal to these.
    func hasSameRecords(as other: any AnyDataset) -> Bool
}
