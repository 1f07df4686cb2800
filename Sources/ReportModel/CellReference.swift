/// A spreadsheet cell in A1 notation: `C7` is column 3 (C), row 7.
///
/// Columns run from A (1) to XFD (16,384) and rows from 1 to 1,048,576, Excel's own limits:
/// no real workbook has a cell beyond them.
public struct CellReference: Hashable, Sendable, CustomStringConvertible {
    /// The largest column a workbook can have (XFD).
    public static let lastColumn = 16_384
    /// The largest row a workbook can have.
    public static let lastRow = 1_048_576

    /// The row, from 1.
    public var row: Int
    /// The column, from 1 (A).
    public var column: Int

    /// A reference to the cell at `row` and `column`, both from 1.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Reads `C7` or `$C$7`; nil for anything else, or a cell beyond Excel's limits.
    public init?(_ text: some StringProtocol) {
        var column = 0
        var row = 0
        var sawDigit = false
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar {
            case "A"..."Z" where !sawDigit:
                column = column * 26 + Int(scalar.value - 64)
                guard column <= CellReference.lastColumn else { return nil }
            case "0"..."9":
                sawDigit = true
                row = row * 10 + Int(scalar.value - 48)
                guard row <= CellReference.lastRow else { return nil }
            default:
                return nil
            }
        }
        guard column > 0, row > 0 else { return nil }
        self.init(row: row, column: column)
    }

    /// The column's letters: 1 is A, 27 is AA, 16,384 is XFD.
    public static func letters(column: Int) -> String {
        var number = max(column, 1)
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// `C7`.
    public var description: String { "\(CellReference.letters(column: column))\(row)" }
}
