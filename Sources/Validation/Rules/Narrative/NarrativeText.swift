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
        let line = lineIndex(of: index)
        return SourceLocation(file: section.path, line: line + 1, column: masked[lineStarts[line]..<index].count + 1)
    }

    /// The index (from 0) of the line holding a position in `masked`: the last line start at or
    /// before it.
    private func lineIndex(of index: String.Index) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The text of line `line` (from 0), without its line end.
    private func line(_ line: Int) -> Substring {
        guard lineStarts.indices.contains(line) else { return "" }
        let end = line + 1 < lineStarts.count ? masked.utf8.index(before: lineStarts[line + 1]) : masked.endIndex
        let text = masked[lineStarts[line]..<end]
        return text.hasSuffix("\r") ? text.dropLast() : text
    }

    /// Whether the text at a position in `masked` is Markdown's structure rather than prose: the
    /// number of an ordered list item's marker ("3" of "3. adolescents at risk", in a quote or a
    /// nested list too) or, when `headings` is true, anything in a heading (`# Foreword`, or a
    /// line underlined with `===` or `---`). Neither is a figure the text types.
    func isStructure(_ index: String.Index, headings: Bool) -> Bool {
        let number = lineIndex(of: index)
        let text = line(number)
        if headings {
            if text.firstMatch(of: Self.atxHeading) != nil { return true }
            let next = line(number + 1)
            if !text.allSatisfy(\.isWhitespace), text.firstMatch(of: Self.listMarker) == nil,
                next.firstMatch(of: Self.setextUnderline) != nil
            {
                return true
            }
        }
        guard let marker = text.firstMatch(of: Self.listMarker) else { return false }
        return marker.output.1.startIndex <= index && index < marker.output.1.endIndex
    }

    /// An ATX heading: up to three spaces, one to six `#`, then a space or the line's end.
    nonisolated(unsafe) private static let atxHeading = /^ {0,3}#{1,6}(?:[ \t]|$)/
    /// The underline of a setext heading.
    nonisolated(unsafe) private static let setextUnderline = /^ {0,3}(?:=+|-+)[ \t]*$/
    /// An ordered list item's marker at the start of a line, after any quote markers and
    /// indentation: its number (captured), `.` or `)`, then a space or the line's end.
    nonisolated(unsafe) private static let listMarker = /^[ \t>]*(\d{1,9})[.)](?:[ \t]|$)/

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
