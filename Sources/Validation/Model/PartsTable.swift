import Foundation
import ReportModel

/// A table of parts with a stated total, seen the same way whatever the dataset: the budget's
/// contributions, the training courses, any other parts table. Rules about totals and shares
/// read this view.
struct PartsTable {
    struct Row {
        var key: Located<String>
        var value: Located<Decimal>
        var statedPercentage: Located<StatedPercentage>?
        var parent: Located<String>?
        var kind: RowKind
        var location: SourceLocation
    }

    var dataset: String
    var unit: MeasureUnit
    var rows: [Row]

    /// The rows the stated total is the sum of: parts that belong to no group.
    var topLevelParts: [Row] { rows.filter { $0.kind == .part && $0.parent == nil } }
    var totals: [Row] { rows.filter { $0.kind == .total } }

    /// Every table of the edition, one per dataset.
    static func all(in edition: Edition) -> [PartsTable] {
        Dictionary(grouping: edition.parts, by: \.dataset).map { dataset, rows in
            PartsTable(
                dataset: dataset, unit: rows.first?.unit ?? .count,
                rows: rows.map {
                    Row(
                        key: $0.part, value: $0.value, statedPercentage: $0.statedPercentage, parent: $0.parent,
                        kind: $0.kind, location: $0.location)
                })
        }
        // A table some of whose rows could not be read cannot be added up: its unread rows have
        // their own errors, and a sum without them would only add a made-up one.
        .filter { !edition.incompleteDatasets.contains($0.dataset) }
        .sorted { $0.dataset < $1.dataset }
    }
}

extension Sequence {
    /// The exact sum of a decimal property.
    func sum(_ value: (Element) -> Decimal) -> Decimal {
        reduce(Decimal(0)) { $0 + value($1) }
    }
}
