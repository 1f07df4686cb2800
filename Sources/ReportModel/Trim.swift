import Foundation

/// Trimming without Foundation's character sets, which cost more than the rest of reading a
/// cell: a cell rarely has spaces at its ends, and then it is returned as it is.
public enum Trim {
    /// `text` without spaces, tabs, line breaks and no-break spaces at either end.
    public static func spaces(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        guard isSpace(first) || isSpace(last) else { return text }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{00A0}"
    }

    /// `text.trimmingCharacters(in: .whitespaces)` (tabs and the space separators), with the
    /// text returned as it is, without a trip through `NSString`, when neither end is one: a
    /// manifest of ten thousand areas trims three values an area.
    public static func whitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            // Foundation's set also holds the zero-width space, a space separator in older Unicode.
            scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
        }
        guard isWhitespace(first) || isWhitespace(last) else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
