import ReportModel
import Testing

@Suite("Writing published CSV")
struct CSVTextTests {
    @Test(
        "a text a spreadsheet would run as a formula is published with a leading apostrophe; signed numbers are not",
        arguments: [
            ("=HYPERLINK(\"http://x.invalid\",\"click\")", "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"click\"\")\""),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("@SUM(1+1)", "'@SUM(1+1)"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"), ("\tx", "'\tx"), ("-", "'-"),
            ("-12", "-12"), ("+3.5%", "+3.5%"), ("-£1,234.50", "\"-£1,234.50\""), ("Police", "Police"),
            ("a=b", "a=b"), ("", ""),
        ])
    func field(text: String, published: String) {
        #expect(CSVText.field(text) == published)
    }

    @Test(
        "a line break of any kind inside a field is quoted, so the row stays one row when read back",
        arguments: ["two\r\nlines", "two\nlines", "two\rlines", "ends\r\n"])
    func lineBreaks(text: String) {
        #expect(CSVText.field(text) == "\"" + text + "\"")
        var bytes: [UInt8] = []
        CSVText.appendField(text, to: &bytes)
        #expect(bytes == Array(("\"" + text + "\"").utf8))
    }
}

@Suite("Writing published CSV as bytes")
struct CSVBytesTests {
    /// Texts made of the characters that decide quoting, with and without plain ones around.
    static func randomTexts(count: Int) -> [String] {
        let pieces = [
            "a", "Z", "1", "-", "+", "=", "@", "\t", "\r", "\n", "\r\n", ",", "\"", " ", "'", "£", "é", "e\u{301}",
            ",\u{301}", " \u{301}", "%", ".", "\u{1F600}",
        ]
        var generator = SplitMix(seed: 16)
        return (0..<count).map { _ in
            String(
                (0..<Int(generator.next() % 7)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
                    .joined())
        }
    }

    @Test("appendField writes exactly field's text, on random texts of the deciding characters")
    func fieldDifferential() {
        for text in Self.randomTexts(count: 20_000) {
            var bytes: [UInt8] = []
            CSVText.appendField(text, to: &bytes)
            #expect(bytes == Array(CSVText.field(text).utf8), "\(text.debugDescription)")
        }
    }

    @Test("document is the fields joined by commas and CRLF, as it was written before")
    func documentDifferential() {
        let texts = Self.randomTexts(count: 3_000)
        let rows = stride(from: 0, to: texts.count, by: 3).map { Array(texts[$0..<min($0 + 3, texts.count)]) }
        let before = rows.map { $0.map(CSVText.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        #expect(CSVText.document(rows) == before)
        #expect(CSVText.document([]) == "\r\n")
        #expect(CSVText.document([[]]) == "\r\n")
    }
}

/// A small fixed-seed generator, so the random texts are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D4_9BB4_9133_11EB
        return z ^ (z >> 31)
    }
}
