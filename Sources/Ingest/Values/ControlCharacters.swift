import ReportModel

/// Characters a report can never show: C0 controls other than tab and line ends, DEL and the C1
/// controls. XML 1.0 cannot carry most of them and HTML validators reject the rest, so they are
/// found where they were typed rather than failing the rendered document.
enum ControlCharacters {
    /// The finding for the first such character in a whole text file (manifest, Markdown),
    /// located at its line and column, or nil when there is none.
    static func finding(in text: String, file: String) -> Finding? {
        guard let control = first(in: text) else { return nil }
        let before = text.unicodeScalars.prefix(control.offset)
        let line = before.count { $0 == "\n" } + 1
        let column =
            before.count
            - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return Finding(
            rule: IngestRule.unreadableValue.id, severity: .error,
            message:
                "the text holds the control character \(name(control.scalar)), which a report cannot show: expected printable text",
            location: SourceLocation(file: file, line: line, column: column), expected: "printable text",
            actual: name(control.scalar))
    }

    /// The first such character in `text`, with its position (in characters, from 0).
    static func first(in text: String) -> (scalar: Unicode.Scalar, offset: Int)? {
        // Nearly every text has none: its bytes alone say so (C1 controls start with 0xC2).
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return nil }
        var offset = 0
        for scalar in text.unicodeScalars {
            if isControl(scalar) { return (scalar, offset) }
            offset += 1
        }
        return nil
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
    }

    /// `U+0001`.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
