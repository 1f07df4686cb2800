/// A small structural check of a PDF file, made before a printer's output is published as
/// `report.pdf`: it starts `%PDF-1.x` (or `2.x`), ends `%%EOF` (trailing line breaks allowed),
/// and its last `startxref` gives an offset inside the file where a cross-reference section
/// begins: a table (`xref`, then a `trailer` naming `/Root`) or a stream (`N G obj` whose
/// dictionary is `/Type /XRef` and names `/Root`). It does not parse every object (pikepdf and
/// pdfinfo do that in `make test`); it tells a PDF from anything else a printer might leave.
public enum PDFStructure {
    /// Nil when `bytes` look like a whole PDF; otherwise what is wrong, in words.
    public static func problem(in bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("%PDF-".utf8)), bytes.count > 8, isDigit(bytes[5]),
            bytes[6] == UInt8(ascii: "."),
            isDigit(bytes[7])
        else { return "it does not start with %PDF-1.x" }
        var end = bytes.count
        while end > 0, [0x0A, 0x0D, 0x20, 0x09, 0x00].contains(bytes[end - 1]) { end -= 1 }
        let eof = Array("%%EOF".utf8)
        guard end >= eof.count, Array(bytes[(end - eof.count)..<end]) == eof else {
            return "it does not end with %%EOF (it is cut short)"
        }
        // The last startxref sits within the file's last kilobyte, before %%EOF.
        let tailStart = max(0, end - 1024)
        guard let keyword = lastRange(of: Array("startxref".utf8), in: bytes, from: tailStart, to: end) else {
            return "it has no startxref before %%EOF"
        }
        guard let offset = integer(in: bytes, after: keyword.upperBound), offset < bytes.count else {
            return "its startxref gives no offset inside the file"
        }
        return crossReferenceProblem(in: bytes, at: offset)
    }

    /// Nil when a cross-reference table or stream with a `/Root` begins at `offset`.
    private static func crossReferenceProblem(in bytes: [UInt8], at offset: Int) -> String? {
        let window = Array(bytes[offset..<min(bytes.count, offset + 4096)])
        if window.starts(with: Array("xref".utf8)) {
            guard let trailer = lastRange(of: Array("trailer".utf8), in: bytes, from: offset, to: bytes.count),
                firstRange(of: Array("/Root".utf8), in: bytes, from: trailer.upperBound) != nil
            else { return "its cross-reference table has no trailer naming the document's /Root" }
            return nil
        }
        // An object header, `21 0 obj`, then a dictionary of type XRef.
        var index = 0
        for _ in 0..<2 {
            let digits = window[index...].prefix(while: isDigit).count
            guard digits > 0 else { return "its startxref does not point at a cross-reference section" }
            index += digits
            guard index < window.count, window[index] == UInt8(ascii: " ") else {
                return "its startxref does not point at a cross-reference section"
            }
            index += 1
        }
        guard window[index...].starts(with: Array("obj".utf8)),
            let stream = firstRange(of: Array("stream".utf8), in: window, from: index)
        else { return "its startxref does not point at a cross-reference section" }
        let dictionary = Array(window[index..<stream.lowerBound])
        guard firstRange(of: Array("/XRef".utf8), in: dictionary, from: 0) != nil,
            firstRange(of: Array("/Root".utf8), in: dictionary, from: 0) != nil
        else { return "its cross-reference stream does not name the document's /Root" }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The decimal number after `start`, past white space.
    private static func integer(in bytes: [UInt8], after start: Int) -> Int? {
        var index = start
        while index < bytes.count, [0x0A, 0x0D, 0x20, 0x09].contains(bytes[index]) { index += 1 }
        let digits = bytes[index...].prefix(while: isDigit).prefix(12)
        guard !digits.isEmpty else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    private static func firstRange(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Range<Int>? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index..<(index + needle.count) }
        }
        return nil
    }

    private static func lastRange(of needle: [UInt8], in bytes: [UInt8], from start: Int, to end: Int) -> Range<Int>? {
        guard end - start >= needle.count else { return nil }
        for index in stride(from: end - needle.count, through: start, by: -1) where bytes[index] == needle[0] {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index..<(index + needle.count) }
        }
        return nil
    }
}
