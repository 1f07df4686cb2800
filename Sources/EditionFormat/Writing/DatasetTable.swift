import Foundation
import ReportModel

/// A dataset written back out in its schema's columns, one row per record with its key and
/// where it was read from, for `diff` (which compares two editions cell by cell) and `new`
/// (which scaffolds next year's edition). A build writes the same columns and cells as its
/// open-data CSV straight from the records (`DatasetKind.writtenCSV`), without these rows.
public struct DatasetTable: Sendable {
    public typealias Row = WrittenDataset.Row

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

    /// Every dataset of the edition, in manifest order, written out by its kind.
    public static func tables(of edition: Edition) -> [DatasetTable] {
        edition.manifest.datasets.compactMap { spec in
            guard let written = edition.written(spec.id) else { return nil }
            return DatasetTable(
                spec: spec, columns: written.columns,
                rows: written.rows,
                columnPositions: edition.sourceColumns[spec.id] ?? [:])
        }
    }
}
