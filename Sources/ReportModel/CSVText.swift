/// Writing CSV per RFC 4180, for every file the tool publishes.
public enum CSVText {
    /// A field, quoted when it holds a comma, a quote, a line break or edge spaces. A text a
    /// spreadsheet would run as a formula is published with a leading apostrophe, which
    /// spreadsheets read as "this is text" (OWASP's advice for CSV injection).
    public static func field(_ text: String) -> String {
        let text = startsLikeFormula(text) ? "'" + text : text
        let needsQuotes =
            text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first == " " || text.last == " "
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// Rows as CSV text with CRLF line ends.
    public static func document(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
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
