import ReportModel

/// A sheet's cells as text, row by row, with what the sheet hides or merges.
struct SheetContent {
    struct Row {
        /// The row number, from 1.
        var number: Int
        var hidden: Bool
        /// The cells that hold something, by column (from 1), in the order they came.
        var cells: [(column: Int, text: String)] = []
        /// The columns of cells that could not be read; the row is left out whole when the
        /// report reads one of them.
        var unreadableColumns: [Int] = []

        /// The text of the cell in `column`, or "" when it is empty.
        func text(column: Int) -> String {
            cells.last { $0.column == column }?.text ?? ""
        }

        /// The last column holding something other than spaces, or 0 for a blank row.
        var lastFilledColumn: Int {
            cells.filter { !Trim.spaces($0.text).isEmpty }.map(\.column).max() ?? 0
        }
    }

    var rows: [Row] = []
    /// Merged ranges, first and last cell.
    var merges: [(first: CellReference, last: CellReference)] = []
    /// Hidden columns, as ranges of column numbers.
    var hiddenColumns: [ClosedRange<Int>] = []
    /// Cells that could not be read (error values, formulas without a cached value, ...).
    var problems: [WorkbookProblem] = []
}
