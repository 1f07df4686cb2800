import ReportModel

/// Finds where bytes stop being UTF-8, so a finding can name the offset an analyst can look
/// up in a hex editor, and the line a text editor shows.
enum UTF8Check {
    /// Where the first invalid sequence starts.
    struct Position: Equatable {
        /// Bytes from the start of the file.
        var offset: Int
        /// The line it is on, from 1.
        var line: Int
        /// The offending byte.
        var byte: UInt8
    }

    /// The first invalid sequence in `bytes[range]`, or nil when those bytes are valid UTF-8.
    /// Line numbers count the line feeds in `bytes` before the sequence, unless `countingLines`
    /// is false (the CSV reader knows its line already; counting from the start for every bad
    /// field would make a file full of them quadratic).
    static func firstInvalid(in bytes: [UInt8], range: Range<Int>? = nil, countingLines: Bool = true) -> Position? {
        let range = range ?? bytes.indices
        var iterator = bytes[range].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = range.lowerBound
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error:
                let line = countingLines ? 1 + LineCount.lineFeeds(in: bytes[..<offset]) : 0
                return Position(offset: offset, line: line, byte: bytes[offset])
            }
        }
    }

    /// "UTF-16" when `bytes` are UTF-16 (a byte-order mark, or the NUL of every other byte that
    /// ASCII text in UTF-16 has), which UTF-8 would read as garbage column names; else nil.
    static func utf16Encoding(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian)" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian)" }
        let start = bytes.prefix(64)
        guard start.count >= 4 else { return nil }
        let evens = stride(from: 0, to: start.count - 1, by: 2).map { start[$0] }
        let odds = stride(from: 1, to: start.count, by: 2).map { start[$0] }
        if odds.allSatisfy({ $0 == 0 }), !evens.contains(0) { return "UTF-16 (little-endian)" }
        if evens.allSatisfy({ $0 == 0 }), !odds.contains(0) { return "UTF-16 (big-endian)" }
        return nil
    }

    /// `invalid byte 0xFF at byte offset 42`, for findings' `actual`.
    static func describe(_ position: Position) -> String {
        "invalid byte 0x\(String(position.byte, radix: 16, uppercase: true)) at byte offset \(position.offset)"
    }

    /// The finding for a whole text file (manifest, Markdown) that is not UTF-8, located at the
    /// line of its first bad byte.
    static func finding(_ bytes: [UInt8], file: String) -> Finding {
        let position = firstInvalid(in: bytes)
        return Finding(
            rule: IngestRule.invalidUTF8.id, severity: .error,
            message:
                "the bytes at offset \(position?.offset ?? 0) are not valid UTF-8: expected the file saved as UTF-8",
            location: SourceLocation(file: file, line: position?.line ?? 1), expected: "UTF-8",
            actual: position.map(describe) ?? "invalid UTF-8")
    }
}
