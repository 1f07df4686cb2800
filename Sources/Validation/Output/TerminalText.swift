/// Text as a terminal may safely show it: every control character (ESC, BEL, the C1 controls,
/// line breaks inside a message) is written as `<U+001B>`, so a header name or manifest value
/// holding an escape sequence can never retitle, clear or otherwise drive the user's terminal,
/// and each finding stays on its own line.
public enum TerminalText {
    public static func visible(_ text: String) -> String {
        // Nearly every text has none: its bytes alone say so (C1 controls start with 0xC2).
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return text }
        var visible = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                visible.append(contentsOf: "<U+\(String(repeating: "0", count: 4 - hex.count))\(hex)>".unicodeScalars)
            } else {
                visible.append(scalar)
            }
        }
        return String(visible)
    }
}
