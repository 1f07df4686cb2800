import Testing

@testable import EditionFormat

@Suite("Hidden columns of a sheet")
struct HiddenColumnsTests {
    @Test(
        "the hidden columns are those some range holds, within the table's width",
        arguments: [
            ([], 5, []),
            ([2...3], 5, [2, 3]),
            ([2...3, 3...4, 1...1], 5, [1, 2, 3, 4]),
            ([4...100, 0...1], 5, [1, 4, 5]),
            ([7...9], 5, []),
            (Array(repeating: 2...2, count: 1000), 3, [2]),
        ] as [([ClosedRange<Int>], Int, [Int])])
    func hidden(ranges: [ClosedRange<Int>], width: Int, columns: [Int]) {
        #expect(SheetTable.hidden(ranges, upTo: width) == columns)
        // The same as asking every range about every column, the quadratic way.
        #expect(columns == (1...width).filter { column in ranges.contains { $0.contains(column) } })
    }
}
