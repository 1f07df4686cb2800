import EditionFormat
import ReportModel

/// One cell that differs between two editions: added, removed or changed.
public struct FigureChange: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case added, removed, changed
    }

    public var kind: Kind
    /// The dataset id.
    public var dataset: String
    /// The row key within the dataset: `cumberland/contacts`, `Health`.
    public var key: String
    /// The column, such as `value` or `stated_percent`; nil when a whole row was added or removed.
    public var column: String?
    public var old: String?
    public var new: String?
    /// Where the row is on the old side, and on the new.
    public var oldLocation: SourceLocation?
    public var newLocation: SourceLocation?

    /// The contract's location of a change: the new side's, or the old side's for a removal.
    public var location: SourceLocation? { newLocation ?? oldLocation }
}

/// Every figure that differs between two editions, or two builds' published data, keyed by
/// dataset and row key, cell by cell.
public enum EditionDiff {
    public static func changes(from old: Edition, to new: Edition) -> [FigureChange] {
        let oldTables = Dictionary(
            DatasetTable.tables(of: old).map { ($0.spec.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newTables = Dictionary(
            DatasetTable.tables(of: new).map { ($0.spec.id, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [FigureChange] = []
        let ids = (old.manifest.datasets.map(\.id) + new.manifest.datasets.map(\.id)).uniqued()
        for id in ids {
            changes += compare(dataset: id, old: oldTables[id], new: newTables[id])
        }
        return changes + ManifestDiff.changes(from: old, to: new)
    }

    private static func compare(dataset: String, old: DatasetTable?, new: DatasetTable?) -> [FigureChange] {
        let oldRows = Dictionary((old?.rows ?? []).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let newRows = Dictionary((new?.rows ?? []).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let keys = ((old?.rows ?? []).map(\.key) + (new?.rows ?? []).map(\.key)).uniqued()
        var changes: [FigureChange] = []
        for key in keys {
            switch (oldRows[key], newRows[key]) {
            case (nil, let added?):
                changes.append(
                    FigureChange(
                        kind: .added, dataset: dataset, key: key, column: nil, old: nil, new: summary(added, new),
                        oldLocation: nil, newLocation: added.location))
            case (let removed?, nil):
                changes.append(
                    FigureChange(
                        kind: .removed, dataset: dataset, key: key, column: nil, old: summary(removed, old), new: nil,
                        oldLocation: removed.location, newLocation: nil))
            case (let before?, let after?):
                let columns = ((old?.columns ?? []) + (new?.columns ?? [])).uniqued()
                for column in columns {
                    let was = value(before, column, in: old)
                    let now = value(after, column, in: new)
                    guard was != now else { continue }
                    // Last year's value moving into this year's previous column is the roll-forward
                    // `new` makes, not a change anyone needs to read.
                    if column == "previous", now != nil, now == value(before, "value", in: old) { continue }
                    changes.append(
                        FigureChange(
                            kind: .changed, dataset: dataset, key: key, column: column, old: was, new: now,
                            oldLocation: old?.location(of: before, column: column) ?? before.location,
                            newLocation: new?.location(of: after, column: column) ?? after.location))
                }
            case (nil, nil):
                break
            }
        }
        return changes
    }

    private static func value(_ row: DatasetTable.Row, _ column: String, in table: DatasetTable?) -> String? {
        guard let index = table?.columns.firstIndex(of: column), row.values.indices.contains(index) else { return nil }
        return row.values[index].isEmpty ? nil : row.values[index]
    }

    private static func summary(_ row: DatasetTable.Row, _ table: DatasetTable?) -> String {
        zip(table?.columns ?? [], row.values).filter { !$1.isEmpty }.map { "\($0)=\($1)" }.joined(separator: ", ")
    }
}
