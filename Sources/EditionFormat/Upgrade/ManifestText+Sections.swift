import Yams

extension ManifestText {
    /// A section entry to add to `sections:`.
    public struct NewSection: Sendable, Equatable {
        public var id: String
        public var title: String
        public var file: String

        public init(id: String, title: String, file: String) {
            self.id = id
            self.title = title
            self.file = file
        }

        /// The entry as one flow-mapping line, the way the manifests write them; the title is
        /// double-quoted so that any words (a colon, a quote, a leading dash) read back as
        /// written.
        var line: String {
            "{ id: \(id), title: \(Self.quoted(title)), file: \(file) }"
        }

        static func quoted(_ text: String) -> String {
            var quoted = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": quoted += "\\\""
                case "\\": quoted += "\\\\"
                case _ where scalar.value < 0x20 || scalar.value == 0x7F: quoted += " "
                default: quoted.unicodeScalars.append(scalar)
                }
            }
            return quoted + "\""
        }
    }

    /// Adds `sections` at the end of the manifest's `sections:` list (made when there is none),
    /// one line each, indented as the entries before them; every other line stays as it was.
    /// - Throws: `UpgradeRefusal` when `sections:` is written in a way a line cannot be added to
    ///   (a `[ ]` flow list on one line).
    public mutating func appendSections(_ sections: [NewSection], why: String) throws(UpgradeRefusal) {
        let top = try topLevel()
        let keys = top.map { $0.key.string ?? "" }
        guard let index = keys.firstIndex(of: "sections") else {
            let column = try topLevelColumn()
            let indent = String(repeating: " ", count: column - 1)
            var end = lineAtEnd()
            while end > 1, isBlankOrCommentLine(end - 1) { end -= 1 }
            insert(
                ["\(indent)sections:"] + sections.map { "\(indent)  - \($0.line)" }, before: end,
                what: "added sections: with \(sections.count) section\(sections.count == 1 ? "" : "s")", why: why)
            return
        }
        let value = Array(top)[index].value
        if let sequence = value.sequence, let mark = sequence.mark,
            rest(ofLine: mark.line, from: mark.column).hasPrefix("[")
        {
            throw UpgradeRefusal(
                "\(file):\(mark.line): sections: is written as one [ ] list, so a section cannot be added on a line of its own: write it one entry a line (- { id: ..., title: ..., file: ... }) and import again"
            )
        }
        // The list ends where the next top-level key starts (or the file ends), less the blank
        // lines and comments before it, which belong to that key.
        var end = index + 1 < top.count ? (Array(top)[index + 1].key.mark?.line ?? lineAtEnd()) : lineAtEnd()
        while end > 1, isBlankOrCommentLine(end - 1) { end -= 1 }
        var indent = "  "
        if let first = value.sequence?.first?.mark {
            let line = lines[first.line - 1]
            let dash = line.unicodeScalars.prefix { $0 == " " }.count
            indent = String(repeating: " ", count: dash)
        }
        insert(
            sections.map { "\(indent)- \($0.line)" }, before: end,
            what: "added \(sections.count) section\(sections.count == 1 ? "" : "s") to sections:", why: why)
    }

    /// Whether line `line` (from 1) is blank or only a comment.
    private func isBlankOrCommentLine(_ line: Int) -> Bool {
        guard line >= 1, line <= lines.count else { return false }
        return ManifestText.isBlankOrComment(Substring(lines[line - 1]))
    }
}
