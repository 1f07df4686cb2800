import Testing

@testable import EditionFormat

/// Counting line feeds eight bytes at a time (`LineCount`), against counting them one by one.
@Suite("Line counts")
struct LineCountTests {
    @Test(
        "counts line feeds as one by one would",
        arguments: [
            "", "\n", "a", "\n\n\n\n\n\n\n\n", "1234567\n", "12345678\n", "\r\n\r\n", "\u{0B}\u{09}\n\u{8A}\u{0A}",
            "area,measure,value\nnorth,contacts,12\nsouth,contacts,7", "é\nà\n€\n\u{10A0A}\n",
        ])
    func examples(text: String) {
        let bytes = Array(text.utf8)
        #expect(LineCount.lineFeeds(in: bytes) == bytes.count { $0 == 0x0A })
    }

    @Test("counts line feeds in random bytes of every length up to 70, at every offset")
    func random() {
        var state: UInt64 = 2031
        for length in 0...70 {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ -> UInt8 in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    // Line feeds often, and their neighbours (0x0B, 0x8A, 0x09) as often.
                    return [0x0A, 0x0B, 0x8A, 0x09, 0x00, 0xFF, UInt8(truncatingIfNeeded: state >> 40)][
                        Int(state >> 61) % 7]
                }
                #expect(LineCount.lineFeeds(in: bytes) == bytes.count { $0 == 0x0A }, "\(bytes)")
            }
        }
    }
}
