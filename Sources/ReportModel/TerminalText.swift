/// Text as a terminal or a CI log may safely show it. Every writer to standard output and
/// standard error goes through it (the command line's one output function applies `visible` to
/// each line, and each format escapes in its own syntax first), so nothing from an edition, a
/// folder's name or a library's message can drive the user's terminal or reorder what it shows.
///
/// What it replaces it shows as its code point, `<U+001B>`:
/// - the control characters (C0 but none kept, DEL, the C1 controls U+0080 to U+009F), so an
///   escape sequence can never retitle, clear or otherwise drive the terminal, and each message
///   stays on its own line;
/// - the bidirectional controls (the overrides and embeddings U+202A to U+202E, the isolates
///   U+2066 to U+2069, and the marks U+200E, U+200F and U+061C), so text can never be shown in
///   an order other than the one it is stored in (the "Trojan Source" trick) and a reader sees
///   that one was there.
public enum TerminalText {
    /// `text` with every control and bidirectional control shown as `<U+XXXX>`.
    public static func visible(_ text: String) -> String {
        guard mayHoldHidden(text) else { return text }
        var visible = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                visible.append(contentsOf: codePoint(scalar, prefix: "<U+", suffix: ">").unicodeScalars)
            } else {
                visible.append(scalar)
            }
        }
        return String(visible)
    }

    /// Each line of `text` made `visible`, its line feeds kept: whole output, as a command
    /// writes it.
    public static func visibleLines(_ text: String) -> String {
        guard mayHoldHidden(text), text.unicodeScalars.contains(where: { $0 != "\n" && isHidden($0) }) else {
            return text
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }
            .joined(separator: "\n")
    }

    /// JSON text (as `JSONEncoder` writes it, which escapes only the C0 controls) with the C1
    /// and bidirectional controls escaped too (`\u202E`): the same document to a parser, and
    /// safe on a terminal. They can only stand inside strings, where the escape means the same.
    public static func escapingJSON(_ json: String) -> String {
        guard mayHoldHidden(json) else { return json }
        var escaped = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            // The C0 controls are JSONEncoder's: escaped inside strings, and outside them only
            // the line feeds and spaces of its layout.
            if scalar.value >= 0x7F, isHidden(scalar) {
                escaped.append(contentsOf: codePoint(scalar, prefix: "\\u", suffix: "").lowercased().unicodeScalars)
            } else {
                escaped.append(scalar)
            }
        }
        return String(escaped)
    }

    /// True for a character a terminal must not be sent: a control or a bidirectional control.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || isBidiControl(scalar)
    }

    /// True for the characters that change the order text is shown in: the embeddings and
    /// overrides (U+202A to U+202E), the isolates (U+2066 to U+2069) and the marks (U+200E,
    /// U+200F, U+061C).
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// Nearly every text has none: its bytes alone say so (C1 controls start with 0xC2, U+061C
    /// with 0xD8, the others with 0xE2).
    private static func mayHoldHidden(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }
    }

    /// `<U+001B>`, `\u001B`: at least four hexadecimal digits.
    private static func codePoint(_ scalar: Unicode.Scalar, prefix: String, suffix: String) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return prefix + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + suffix
    }
}
