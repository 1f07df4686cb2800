import ReportModel

/// No word that reaches the report is too long to break: the PDF printer (WeasyPrint) breaks a
/// word wider than its line character by character, at a cost that grows with the square of the
/// word's length (a 20,000-character word takes it minutes on a loaded machine), so what `build`
/// would print slowly `check` finds first, located.
struct LongWordRule: Rule {
    let id = "content.long-word"
    let summary =
        "No word in the narrative, a data cell or the manifest runs to more than 200 characters without a space, hyphen or slash."
    let rationale =
        "Such a word is no word a reader can read, and the PDF printer breaks it at a cost that grows with the square of its length."
    let defaultSeverity = Severity.error
    let example =
        "a word of 20000 characters with no space, hyphen or slash, more than the 200 the report can break across lines: break it up with spaces, or shorten it"

    /// The longest word allowed, in characters (Unicode scalars). The longest in the reference
    /// edition is a link of 106 characters with slashes in it (each slash ends a word here).
    static let limit = 200

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        func flag(_ text: String, at location: SourceLocation, column: Int? = nil) {
            guard let word = Self.longWord(in: text) else { return }
            var located = location
            if let column { located.column = column + word.offset }
            log.fail(
                "no word longer than \(Self.limit) characters at \(located)",
                "a word of \(word.length) characters with no space, hyphen or slash, more than the \(Self.limit) the report can break across lines: break it up with spaces, or shorten it",
                at: located, expected: "words of at most \(Self.limit) characters",
                actual: "\(word.length) characters starting \(word.start)")
        }
        let manifest = SourceLocation(file: "\(edition.folder)/edition.yaml")
        let manifestTexts = [
            edition.manifest.partnership.name, edition.manifest.partnership.shortName,
            edition.manifest.publication.title, edition.manifest.publication.publisher,
            edition.manifest.publication.licence, edition.manifest.reportingPeriod.label,
        ]
        for text in manifestTexts.compactMap({ $0 }) { flag(text, at: manifest) }
        for area in edition.manifest.areas { flag(area.name, at: area.location) }
        for spec in edition.manifest.datasets {
            for text in [spec.title, spec.periodNote, spec.source].compactMap({ $0 }) + spec.labels.values.sorted() {
                flag(text, at: spec.location)
            }
            for record in edition.datasets[spec.id]?.anyRecords ?? [] {
                for text in record.texts { flag(text, at: record.location) }
            }
        }
        for section in edition.manifest.sections { flag(section.title, at: section.location) }
        for appendix in edition.manifest.appendices ?? [] { flag(appendix.title, at: manifest) }
        for measure in edition.measures {
            for text in measure.texts { flag(text, at: measure.location) }
        }
        for position in edition.figures.indices where !edition.figures[position].isPlain {
            for text in edition.figures[position].texts { flag(text, at: edition.figures[position].location) }
        }
        for section in edition.narrative {
            for (index, line) in section.markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            {
                flag(String(line), at: SourceLocation(file: section.path, line: index + 1), column: 1)
            }
        }
    }

    /// The first word of `text` longer than the limit: its length, its offset from the text's
    /// start (both in Unicode scalars), and its first 20 characters.
    static func longWord(in text: String) -> (length: Int, offset: Int, start: String)? {
        // A word over the limit needs more bytes than the limit: most texts stop here.
        guard text.utf8.count > limit else { return nil }
        let scalars = text.unicodeScalars
        var wordStart = scalars.startIndex
        var wordOffset = 0
        var length = 0
        var position = 0
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if endsWord(scalars[index]) {
                if length > limit { break }
                length = 0
            } else {
                if length == 0 {
                    wordStart = index
                    wordOffset = position
                }
                length += 1
            }
            position += 1
            index = scalars.index(after: index)
        }
        guard length > limit else { return nil }
        let start = String(String.UnicodeScalarView(scalars[wordStart...].prefix(20)))
        return (length, wordOffset, start + "…")
    }

    /// White space, a hyphen or a slash: where the printer may break a line without breaking a word.
    private static func endsWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "-" || scalar == "/" || scalar.properties.isWhitespace
    }
}
