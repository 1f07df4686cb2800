import ReportModel

/// Excel's plain "CSV (Comma delimited)" on Windows saves Windows-1252, where `£` is the one
/// byte 0xA3 that is not UTF-8. A file that is not UTF-8, holds no UTF-8 sequence beyond ASCII,
/// and only bytes Windows-1252 defines is read as Windows-1252, with a warning saying how to
/// save it as UTF-8; anything else stays an error naming the byte.
enum Windows1252 {
    /// The characters of bytes 0x80 to 0x9F; nil for the five it leaves undefined.
    private static let high: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// The bytes as UTF-8 and a warning, when they are evidently Windows-1252; nil otherwise
    /// (UTF-8 already, UTF-16, or bytes no Windows-1252 file holds).
    static func transcoded(_ bytes: [UInt8], file: String) -> (bytes: [UInt8], warning: Finding)? {
        guard bytes.contains(where: { $0 >= 0x80 }), !bytes.contains(0),
            UTF8Check.utf16Encoding(of: bytes) == nil,
            let first = UTF8Check.firstInvalid(in: bytes), !hasMultiByteUTF8(bytes)
        else { return nil }
        var text = String.UnicodeScalarView()
        for byte in bytes {
            if byte < 0x80 || byte >= 0xA0 {
                text.append(Unicode.Scalar(byte))
            } else if let scalar = high[Int(byte - 0x80)] {
                text.append(scalar)
            } else {
                return nil
            }
        }
        let character =
            high.indices.contains(Int(first.byte) - 0x80)
            ? high[Int(first.byte) - 0x80].map(String.init) ?? "" : String(Unicode.Scalar(first.byte))
        let warning = Finding(
            rule: IngestRule.invalidUTF8.id, severity: .warning,
            message:
                "the file is saved as Windows-1252 (Excel's plain \"CSV (Comma delimited)\"), not UTF-8: it was read as Windows-1252, where byte 0x\(String(first.byte, radix: 16, uppercase: true)) on this line is '\(character)'; expected UTF-8 (in Excel, Save As \"CSV UTF-8 (Comma delimited)\"; in LibreOffice, Save As Text CSV with character set Unicode (UTF-8))",
            location: SourceLocation(file: file, line: first.line), expected: "UTF-8", actual: "Windows-1252")
        return (Array(String(text).utf8), warning)
    }

    /// True when some sequence of two or more bytes is valid UTF-8: a file that has them is
    /// UTF-8 with a damaged byte, not Windows-1252.
    private static func hasMultiByteUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): if scalar.count > 1 { return true }
            case .emptyInput: return false
            case .error: continue
            }
        }
    }
}
