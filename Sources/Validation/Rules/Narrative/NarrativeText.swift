import Foundation
import ReportModel

/// A section's Markdown as the narrative rules read it: references blanked out (so a
/// reference's key is never mistaken for typed text), with a way back from a position to a
/// line and column.
struct NarrativeText {
    let section: NarrativeSection
    /// The Markdown with every `{{= ... }}` replaced by spaces of the same length.
    let masked: String
    /// Where each line of `masked` starts, so a position finds its line by binary search
    /// rather than by counting from the start (which made many matches quadratic).
    private let lineStarts: [String.Index]

    init(_ section: NarrativeSection) {
        self.section = section
        var bytes = Array(section.markdown.utf8)
        for reference in section.references {
            for index in reference.range where bytes[index] != UInt8(ascii: "\n") {
                bytes[index] = UInt8(ascii: " ")
            }
        }
        let masked = String(decoding: bytes, as: UTF8.self)
        self.masked = masked
        lineStarts =
            [masked.startIndex]
            + masked.utf8.indices.filter { masked.utf8[$0] == UInt8(ascii: "\n") }.map { masked.utf8.index(after: $0) }
    }

    /// The file location of a position in `masked`.
    func location(of index: String.Index) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        // The last line start at or before `index`.
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(file: section.path, line: low + 1, column: masked[lineStarts[low]..<index].count + 1)
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
