/// Counting the lines of a file before reading it, so that the arrays its rows go into are
/// made once at their size.
enum LineCount {
    /// The number of line feeds in `bytes`, eight bytes at a time: a million-row file is
    /// counted in a few milliseconds.
    static func lineFeeds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var count = 0
        var index = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while index + 8 <= bytes.count {
            // A byte of `word` is 0 where the input has a line feed; the classic test marks
            // the high bit of exactly those bytes (no borrow crosses a byte).
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ (ones &* 0x0A)
            let marks = ~(((word & lows) &+ lows) | word | lows)
            count += marks.nonzeroBitCount
            index += 8
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { count += 1 }
            index += 1
        }
        return count
    }

    /// `lineFeeds(in:)` of an array of bytes, or a part of one.
    static func lineFeeds<Bytes: Collection<UInt8>>(in bytes: Bytes) -> Int {
        bytes.withContiguousStorageIfAvailable { lineFeeds(in: $0) } ?? bytes.count { $0 == UInt8(ascii: "\n") }
    }
}
