import Foundation
import ReportModel

/// A section's Markdown as the narrative rules read it: references blanked out (so a
/// reference's key is never mistaken for typed text), with a way back from a position to a
/// line and column.
struct NarrativeText {
    let section: NarrativeSection
    /// The Markdown with every `{{= ... }}` replaced by spaces of the same length.
    let masked: String

    init(_ section: NarrativeSection) {
        self.section = section
        var bytes = Array(section.markdown.utf8)
        for reference in section.references {
            for index in reference.range where bytes[index] != UInt8(ascii: "\n") {
                bytes[index] = UInt8(ascii: " ")
            }
        }
        masked = String(decoding: bytes, as: UTF8.self)
    }

    /// The file location of a position in `masked`.
    func location(of index: String.Index) -> SourceLocation {
        let before = masked[..<index]
        let line = before.count { $0 == "\n" } + 1
        let lineStart = before.lastIndex(of: "\n").map { masked.index(after: $0) } ?? masked.startIndex
        return SourceLocation(file: section.path, line: line, column: masked[lineStart..<index].count + 1)
    }

    /// Every match of `pattern` in the masked text, with its range.
    func matches(_ pattern: NSRegularExpression) -> [(text: String, range: Range<String.Index>, groups: [String?])] {
        let whole = NSRange(masked.startIndex..., in: masked)
        return pattern.matches(in: masked, range: whole).compactMap { match in
            guard let range = Range(match.range, in: masked) else { return nil }
            let groups = (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: masked).map { String(masked[$0]) }
            }
            return (String(masked[range]), range, groups)
        }
    }
}
