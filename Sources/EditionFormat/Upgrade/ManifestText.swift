import ReportModel
import Yams

/// `edition.yaml` as the partnership wrote it, edited line by line: an upgrade inserts and
/// replaces text and keeps every comment, blank line, key order and quoting it does not touch.
/// Re-serialising the YAML would lose them, and the manifest is the partnership's record.
public struct ManifestText: Sendable {
    /// The manifest's path as findings name it.
    public let file: String
    /// The lines, without their `\n`; a CRLF file's lines keep their `\r`, so they go back as
    /// they came.
    private(set) var lines: [String]
    /// What a new line ends with: the file's own line ending.
    private let lineEnd: String
    private let byteOrderMark: Bool
    private let endsWithNewline: Bool
    /// Every change made so far, with its line in the text as it now stands.
    public private(set) var changes: [UpgradeChange] = []

    /// - Throws: `UpgradeRefusal` when the text has line breaks the YAML reader counts but a
    ///   line-by-line edit would not (a lone CR, NEL, or a Unicode line or paragraph separator).
    public init(file: String, text: String) throws(UpgradeRefusal) {
        self.file = file
        var body = text
        byteOrderMark = body.hasPrefix("\u{FEFF}")
        if byteOrderMark { body.removeFirst() }
        let scalars = Array(body.unicodeScalars)
        let strayBreak = scalars.indices.contains { index in
            switch scalars[index] {
            case "\r": index + 1 == scalars.count || scalars[index + 1] != "\n"
            case "\u{85}", "\u{2028}", "\u{2029}": true
            default: false
            }
        }
        if strayBreak {
            throw UpgradeRefusal(
                "\(file) has line breaks other than LF or CRLF (a lone CR, NEL or a Unicode line separator): save it with ordinary line endings and upgrade again"
            )
        }
        // By scalars: as Characters, CRLF is one character and would not split at its LF.
        var lines = body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            String(String.UnicodeScalarView($0))
        }
        endsWithNewline = lines.last == ""
        if endsWithNewline { lines.removeLast() }
        self.lines = lines
        lineEnd = body.contains("\r\n") ? "\r" : ""
    }

    /// The text with every edit made.
    public var text: String {
        (byteOrderMark ? "\u{FEFF}" : "") + lines.joined(separator: "\n") + (endsWithNewline ? "\n" : "")
    }

    /// The manifest's top-level mapping, composed from the text as it now stands.
    /// - Throws: `UpgradeRefusal` when the text is not a block mapping (a whole manifest in
    ///   `{ }` flow style cannot take a line of its own).
    func topLevel() throws(UpgradeRefusal) -> Node.Mapping {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw UpgradeRefusal("\(file) does not read as YAML after the upgrade's edits: \(error)")
        }
        guard let mapping = root?.mapping else { throw UpgradeRefusal("\(file) is not a mapping of keys to values") }
        let opening = mapping.mark.map { rest(ofLine: $0.line, from: $0.column) } ?? ""
        guard !opening.hasPrefix("{") else {
            throw UpgradeRefusal(
                "\(file) is written as one { } flow mapping: upgrade can only add keys to a manifest written one key a line"
            )
        }
        return mapping
    }

    /// The column (from 1) the top-level keys start at.
    func topLevelColumn() throws(UpgradeRefusal) -> Int {
        try topLevel().first?.key.mark?.column ?? 1
    }

    /// The line (from 1) before which a key goes to come first: after the comments, directives
    /// and `---` that open the file and describe it as a whole. A comment separated from them
    /// by a blank line stays with the key below it.
    func lineAfterHeader() -> Int {
        var line = 0
        while line < lines.count {
            let trimmed = lines[line].drop { $0 == " " || $0 == "\t" }
            let isHeader =
                trimmed.hasPrefix("#") || trimmed.hasPrefix("%")
                || (trimmed.hasPrefix("---") && ManifestText.isBlankOrComment(trimmed.dropFirst(3)))
            guard isHeader else { break }
            line += 1
        }
        return line + 1
    }

    /// Whether `text` holds nothing but spaces and a comment: what may follow `---` on the
    /// line that opens a document for a key to start below it.
    static func isBlankOrComment(_ text: Substring) -> Bool {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        return trimmed.isEmpty || trimmed == "\r" || trimmed.hasPrefix("#")
    }

    /// The line (from 1) before which a key goes to come last: the end of the file, or the
    /// document-end marker (`...`) if it has one.
    func lineAtEnd() -> Int {
        let marker = lines.firstIndex { $0 == "..." || $0.hasPrefix("... ") || $0 == "...\r" }
        return (marker ?? lines.count) + 1
    }

    /// Whether the line before `line` (from 1) is blank or there is none.
    func followsBlank(_ line: Int) -> Bool {
        line <= 1 || lines[line - 2].allSatisfy { $0 == " " || $0 == "\r" }
    }

    /// Inserts `newLines` before `line` (from 1; one past the last line appends) and records
    /// the change at the first of them that is not blank or a comment.
    mutating func insert(_ newLines: [String], before line: Int, what: String, why: String) {
        let index = min(max(line - 1, 0), lines.count)
        lines.insert(contentsOf: newLines.map { $0 + lineEnd }, at: index)
        shiftChanges(from: line, by: newLines.count)
        let offset =
            newLines.firstIndex { text in
                let trimmed = text.drop { $0 == " " }
                return !trimmed.isEmpty && !trimmed.hasPrefix("#")
            } ?? 0
        record(line: index + 1 + offset, what: what, why: why)
    }

    /// Replaces `length` characters (Unicode scalars, as YAML marks count them) at `line` and
    /// `column` (from 1) with `replacement`.
    mutating func replace(
        line: Int, column: Int, length: Int, with replacement: String, what: String, why: String
    ) {
        let scalars = Array(lines[line - 1].unicodeScalars)
        let start = min(column - 1, scalars.count)
        let end = min(start + length, scalars.count)
        var edited = String.UnicodeScalarView()
        edited.append(contentsOf: scalars[..<start])
        edited.append(contentsOf: replacement.unicodeScalars)
        edited.append(contentsOf: scalars[end...])
        lines[line - 1] = String(edited)
        record(line: line, what: what, why: why)
    }

    /// The text at `line` and `column` (from 1) to the end of the line.
    func rest(ofLine line: Int, from column: Int) -> String {
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: lines[line - 1].unicodeScalars.dropFirst(column - 1))
        return String(rest)
    }

    private mutating func record(line: Int, what: String, why: String) {
        changes.append(UpgradeChange(file: file, line: line, what: what, why: why))
    }

    /// Lines inserted above a change already made move it down.
    private mutating func shiftChanges(from line: Int, by count: Int) {
        for index in changes.indices where changes[index].line >= line {
            changes[index].line += count
        }
    }
}
