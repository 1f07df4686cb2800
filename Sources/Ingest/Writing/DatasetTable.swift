import Foundation
import ReportModel

/// A dataset written back out in its schema's columns, one row per record with its key and
/// where it was read from. The same tables serve the open-data CSV a build publishes (which
/// reads back in as an edition), `diff` (which compares two editions cell by cell) and `new`
/// (which scaffolds next year's edition).
public struct DatasetTable: Sendable {
    public struct Row: Sendable {
        /// The row's key, as corrections and diffs name it: `cumberland/contacts`, `Health`.
        public var key: String
        /// One text per column, numbers written plainly: `231675`, `43.6`.
        public var values: [String]
        public var location: SourceLocation
    }

    public var spec: DatasetSpec
    public var columns: [String]
    public var rows: [Row]
    /// Where each column was in the dataset's file or sheet (1 is column A), when known.
    public var columnPositions: [String: Int] = [:]

    /// Where the cell of `row` in `column` is: the row's location with the column's position.
    public func location(of row: Row, column: String) -> SourceLocation {
        var location = row.location
        location.column = columnPositions[column]
        return location
    }

    /// The table as RFC 4180 CSV with CRLF line ends.
    public var csv: String {
        CSVText.document([columns] + rows.map(\.values))
    }

    /// Every dataset of the edition, in manifest order.
    public static func tables(of edition: Edition) -> [DatasetTable] {
        // Figures grouped by dataset once, so an edition of many datasets is not read once per dataset.
        let figures = Dictionary(grouping: edition.figures, by: \.dataset)
        return edition.manifest.datasets.compactMap { spec in
            var table = table(for: spec, in: edition, figures: figures[spec.id] ?? [])
            table?.columnPositions = edition.sourceColumns[spec.id] ?? [:]
            return table
        }
    }

    private static func table(for spec: DatasetSpec, in edition: Edition, figures: [Figure]) -> DatasetTable? {
        let id = spec.id
        func row(_ key: String, _ location: SourceLocation, _ values: [String]) -> Row {
            Row(key: key, values: values, location: location)
        }
        func percent(_ value: Located<StatedPercentage>?) -> String { value?.value.description ?? "" }
        switch spec.schema {
        case "measures":
            // Breakdown names and subsets are written only when some measure has them, so an
            // edition that never used them publishes the same file as before they existed.
            let breakdowns = edition.measures.contains { $0.breakdown != nil }
            let subsets = edition.measures.contains { $0.subsetOf != nil }
            var columns = ["measure", "label", "unit", "additive", "part_of"]
            if breakdowns { columns.append("breakdown") }
            if subsets { columns.append("subset_of") }
            return DatasetTable(
                spec: spec, columns: columns + ["description"],
                rows: edition.measures.map {
                    var values = [
                        $0.key, $0.label, $0.unit.rawValue, $0.additive ? "yes" : "no", $0.partOf?.value ?? "",
                    ]
                    if breakdowns { values.append($0.breakdown ?? "") }
                    if subsets { values.append($0.subsetOf?.value ?? "") }
                    return row($0.key, $0.location, values + [$0.description ?? ""])
                })
        case "figures":
            return DatasetTable(
                spec: spec,
                columns: ["area", "measure", "value", "stated_percent", "percent_of", "period", "source", "previous"],
                rows: figures.map {
                    row(
                        $0.rowKey, $0.location,
                        [
                            $0.area.value, $0.measure.value, plain($0.value.value), percent($0.statedPercentage),
                            $0.percentOf?.value ?? "", $0.period?.value.description ?? "", $0.source ?? "",
                            $0.previous.map { plain($0.value) } ?? "",
                        ])
                })
        case "budget":
            return DatasetTable(
                spec: spec, columns: ["agency", "parent", "amount", "stated_percent", "row"],
                rows: edition.budget.filter { $0.dataset == id }.map {
                    row(
                        $0.rowKey, $0.location,
                        [
                            $0.agency.value, $0.parent?.value ?? "", plain($0.amount.value),
                            percent($0.statedPercentage), $0.kind.rawValue,
                        ])
                })
        case "training-courses":
            return DatasetTable(
                spec: spec, columns: ["course", "mode", "completions", "row"],
                rows: edition.trainingCourses.filter { $0.dataset == id }.map {
                    row(
                        $0.rowKey, $0.location,
                        [$0.course.value, $0.mode ?? "", String($0.completions.value), $0.kind.rawValue])
                })
        case "rankings":
            return DatasetTable(
                spec: spec, columns: ["list", "area", "rank", "item", "stated_percent"],
                rows: edition.rankings.filter { $0.dataset == id }.map {
                    row(
                        $0.rowKey, $0.location,
                        [
                            $0.list.value, $0.area.value, String($0.rank.value), $0.item.value,
                            percent($0.statedPercentage),
                        ])
                })
        case "reviews":
            return DatasetTable(
                spec: spec, columns: ["review", "kind", "publication", "published_in", "note"],
                rows: edition.reviews.filter { $0.dataset == id }.map {
                    row(
                        $0.rowKey, $0.location,
                        [$0.name.value, $0.kind, $0.publication.rawValue, $0.publishedIn ?? "", $0.note ?? ""])
                })
        case "board":
            return DatasetTable(
                spec: spec, columns: ["agency", "role", "group"],
                rows: edition.board.filter { $0.dataset == id }.map {
                    row($0.rowKey, $0.location, [$0.agency.value, $0.role.value, $0.group])
                })
        case "glossary":
            return DatasetTable(
                spec: spec, columns: ["abbreviation", "expansion"],
                rows: edition.glossary.filter { $0.dataset == id }.map {
                    row($0.rowKey, $0.location, [$0.abbreviation.value, $0.expansion])
                })
        case "corrections":
            return DatasetTable(
                spec: spec, columns: ["dataset", "key", "column", "published_value", "reason", "date"],
                rows: edition.corrections.filter { $0.dataset == id }.map {
                    row(
                        $0.rowKey, $0.location,
                        [
                            $0.target.value, $0.key.value, $0.column.value, $0.publishedValue, $0.reason,
                            $0.date?.description ?? "",
                        ])
                })
        default:
            return nil
        }
    }

    /// A value written plainly, for reuse in any tool: `231675`, `43.6`.
    static func plain(_ quantity: Quantity) -> String {
        if case .percent(let stated) = quantity { return stated.description }
        if case .bound(let bound) = quantity { return bound.before + plain(bound.limit) + bound.after }
        return plain(quantity.exact)
    }

    static func plain(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: value).stringValue
    }
}
