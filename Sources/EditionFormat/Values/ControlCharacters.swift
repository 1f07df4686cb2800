import ReportModel

/// Characters a report can never show: C0 controls other than tab and line ends, DEL, the C1
/// controls and the noncharacters U+FFFE and U+FFFF. XML 1.0 cannot carry most of them and HTML
/// validators reject the rest, so they are found where they were typed rather than failing the
/// rendered document (which `check` would pass and `build` refuse).
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
        return finding(
            control.scalar, in: "the text", expected: "printable text",
            at: SourceLocation(file: file, line: line, column: column))
    }

    /// The finding for a control character in `subject` ("the text", "the 'value' cell"): one
    /// message wherever one is found.
    static func finding(_ scalar: Unicode.Scalar, in subject: String, expected: String, at location: SourceLocation)
        -> Finding
    {
        Finding(
            rule: IngestRule.unreadableValue.id, severity: .error,
            message:
                "\(subject) holds the \(scalar.value >= 0xFFFE ? "noncharacter" : "control character") \(name(scalar)), which a report cannot show: expected \(expected)",
            location: location, expected: expected, actual: name(scalar))
    }

    /// The first such character in `text`, with its position (in characters, from 0).
    static func first(in text: String) -> (scalar: Unicode.Scalar, offset: Int)? {
        // Nearly every text has none: its bytes alone say so (C1 controls start with 0xC2,
        // U+FFFE and U+FFFF with 0xEF).
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xEF }) else { return nil }
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
            || value == 0xFFFE || value == 0xFFFF
    }

    /// `U+0001`.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
