/// Writing CSV per RFC 4180, for every file the tool publishes.
public enum CSVText {
    /// A field, quoted when it holds a comma, a quote, a line break or edge spaces. A text a
    /// spreadsheet would run as a formula is published with a leading apostrophe, which
    /// spreadsheets read as "this is text" (OWASP's advice for CSV injection).
    public static func field(_ text: String) -> String {
        let text = startsLikeFormula(text) ? "'" + text : text
        // Scalars, not characters: "\r\n" is one character, equal to neither "\r" nor "\n".
        let needsQuotes =
            text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first == " " || text.last == " "
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// Rows as CSV text with CRLF line ends.
    public static func document(_ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "\r\n" }
        var bytes: [UInt8] = []
        for row in rows { appendRow(row, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one row and its CRLF to CSV bytes, exactly as `document` writes it.
    public static func appendRow(_ row: [String], to bytes: inout [UInt8]) {
        for (index, text) in row.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendField(text, to: &bytes)
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    /// Appends `field(text)` to CSV bytes. Most fields need neither quotes nor an apostrophe,
    /// which one scan of their bytes shows; those are copied as they are, and any field that
    /// might need either (it holds a comma, quote or line break, starts or ends with a space,
    /// or starts with a character a formula can) is written by `field`.
    public static func appendField(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        let copied = text.withUTF8 { utf8 -> Bool in
            guard let first = utf8.first, let last = utf8.last else { return true }
            if first == 0x20 || last == 0x20 { return false }
            switch first {
            case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return false
            default: break
            }
            for byte in utf8
            where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
                return false
            }
            bytes.append(contentsOf: utf8)
            return true
        }
        if !copied { bytes.append(contentsOf: field(text).utf8) }
    }

    /// True when a spreadsheet opening the CSV would read `text` as a formula: it starts with
    /// `=`, `+`, `-`, `@`, a tab or a carriage return, and is not simply a signed number such as
    /// -12 or +3.5%.
    public static func startsLikeFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
        guard first == "-" || first == "+" else { return true }
        let rest = text.unicodeScalars.dropFirst()
        return rest.isEmpty || !rest.allSatisfy { ("0"..."9").contains($0) || ",.%£ ".unicodeScalars.contains($0) }
    }
}
