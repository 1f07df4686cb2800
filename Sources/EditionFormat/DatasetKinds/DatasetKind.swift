import Foundation
import ReportModel

/// Every kind of dataset the tool reads, for the manifest's `schema:`, the reader, the writers
/// and the format's documentation. A kind added here (or passed to `EditionReader` by a caller
/// that brings its own) is read, checked, written, carried into next year and shown with no
/// other change.
public struct DatasetKinds: Sendable {
    public var all: [any DatasetKind]

    public init(_ all: [any DatasetKind]) {
        self.all = all
    }

    /// The kinds of the edition format, in the order its documentation lists them.
    public static let standard = DatasetKinds([
        MeasuresDataset(), FiguresDataset(), PartsDataset.budget, PartsDataset.trainingCourses, PartsDataset.general,
        RankingsDataset(), ReviewsDataset(), BoardDataset(), GlossaryDataset(), CorrectionsDataset(),
    ])

    /// These kinds and one more.
    public func adding(_ kind: any DatasetKind) -> DatasetKinds {
        DatasetKinds(all + [kind])
    }

    /// The kind a manifest's `schema:` names, if there is one.
    public func kind(named name: String) -> (any DatasetKind)? {
        all.first { $0.schema.name == name }
    }

    /// Every kind's schema, in order.
    public var schemas: [DatasetSchema] { all.map(\.schema) }
}

/// A kind with a faster road for a regular CSV file than the general reader's: figures, which
/// a large edition holds millions of.
protocol DirectlyReadKind: DatasetKind {
    /// Stores the records of a regular file in the edition and returns each column's position,
    /// or returns nil, storing nothing, when the general reader must read it (and report what
    /// it finds).
    func readDirectly(_ bytes: [UInt8], file: String, context: DatasetContext, into edition: inout Edition)
        -> [String: Int]?
}

/// How values are written back out: plainly, for reuse in any tool.
enum PlainText {
    /// `231675`, `43.6`; a percentage as stated.
    static func quantity(_ quantity: Quantity) -> String {
        switch quantity {
        // A count is written straight from its integer: most published values are counts, and
        // going through NSDecimalNumber cost a seventh of a large build.
        case .count(let count): String(count)
        case .percent(let stated): stated.description
        case .bound(let bound): bound.before + PlainText.quantity(bound.limit) + bound.after
        // The symbol as the official tables write it, declared in `datapackage.json`'s missingValues.
        case .symbol(let symbol): symbol.symbol.rawValue
        case .money(let amount): decimal(amount)
        }
    }

    static func decimal(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: value).stringValue
    }

    static func percent(_ value: Located<StatedPercentage>?) -> String { value?.value.description ?? "" }

    /// A row's cells with these columns emptied, for next year's edition.
    static func emptying(_ columns: [String], in cells: [String: String]) -> [String: String] {
        var cells = cells
        for column in columns where cells[column] != nil { cells[column] = "" }
        return cells
    }
}
