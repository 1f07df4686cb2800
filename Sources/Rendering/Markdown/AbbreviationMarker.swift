import Foundation
import ReportModel

/// Spells out the first use of each glossary abbreviation in the report's narrative, GOV.UK
/// style ("Multi-Agency Safeguarding Hub (MASH)"; unless the author already did), marks it
/// `<abbr title="...">`, in text only (never inside a tag), and remembers which it has seen,
/// so the glossary appendix lists just the abbreviations the report uses.
struct AbbreviationMarker {
    private let expansions: [String: String]
    private let pattern: NSRegularExpression?
    private(set) var marked: Set<String> = []
    private(set) var used: Set<String> = []

    init(glossary: [GlossaryEntry]) {
        expansions = Dictionary(
            glossary.map { ($0.abbreviation.value, $0.expansion) }, uniquingKeysWith: { first, _ in first })
        let alternatives = expansions.keys.sorted { ($0.count, $0) > ($1.count, $1) }.map(
            NSRegularExpression.escapedPattern(for:))
        pattern =
            alternatives.isEmpty
            ? nil
            : try? NSRegularExpression(
                pattern: #"(?<![\p{L}\d])("# + alternatives.joined(separator: "|") + #")(?=s?(?![\p{L}\d]))"#)
    }

    /// `html` with the first use of each abbreviation not yet marked wrapped in `<abbr>`.
    mutating func mark(_ html: String) -> String {
        guard let pattern else { return html }
        var output = ""
        var rest = Substring(html)
        while !rest.isEmpty {
            guard let tagStart = rest.firstIndex(of: "<") else {
                output += markOutsideEntities(rest, pattern)
                break
            }
            output += markOutsideEntities(rest[..<tagStart], pattern)
            let tagEnd = rest[tagStart...].firstIndex(of: ">").map { rest.index(after: $0) } ?? rest.endIndex
            output += rest[tagStart..<tagEnd]
            rest = rest[tagEnd...]
        }
        return output
    }

    /// Notes the abbreviations plain text (a table, a caption) uses, without marking them.
    mutating func noteUses(in text: String) {
        guard let pattern else { return }
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            if let range = Range(match.range(at: 1), in: text) { used.insert(String(text[range])) }
        }
    }

    /// Marks `text` except its entity references (`&amp;`, `&#38;`), which pass whole: an
    /// abbreviation such as "amp" found inside one would break it, and the XHTML with it.
    private mutating func markOutsideEntities(_ text: Substring, _ pattern: NSRegularExpression) -> String {
        var output = ""
        var rest = text
        while let ampersand = rest.firstIndex(of: "&") {
            let name = rest[rest.index(after: ampersand)...].prefix {
                $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "#")
            }
            guard rest[name.endIndex...].first == ";" else {
                output += markText(rest[...ampersand], pattern)
                rest = rest[rest.index(after: ampersand)...]
                continue
            }
            output += markText(rest[..<ampersand], pattern) + rest[ampersand...name.endIndex]
            rest = rest[rest.index(after: name.endIndex)...]
        }
        return output + markText(rest, pattern)
    }

    private mutating func markText(_ text: Substring, _ pattern: NSRegularExpression) -> String {
        let string = String(text)
        var output = ""
        var last = string.startIndex
        for match in pattern.matches(in: string, range: NSRange(string.startIndex..., in: string)) {
            guard let range = Range(match.range(at: 1), in: string) else { continue }
            let abbreviation = String(string[range])
            used.insert(abbreviation)
            guard marked.insert(abbreviation).inserted, let expansion = expansions[abbreviation] else { continue }
            let before = string[last..<range.lowerBound]
            let abbr = "<abbr title=\"\(XMLEscaping.escape(expansion))\">\(abbreviation)</abbr>"
            // "(MASH)" follows the author's own words for it; "MASH" alone is spelled out here.
            let spelledOut = before.hasSuffix("(")
            guard !spelledOut else {
                output += before + abbr
                last = range.upperBound
                continue
            }
            // A plural ("LSOAs") or possessive ("MASH's") carries over to the spelled-out words.
            let after = string[range.upperBound...]
            let plural = after.hasPrefix("s") ? "s" : ""
            let possessive = ["'s", "\u{2019}s"].first { after.dropFirst(plural.count).hasPrefix($0) } ?? ""
            // "The NSPCC's work" reads "the National Society ... Children (NSPCC)'s work".
            output += before + XMLEscaping.escape(expansion) + plural + " (" + abbr + plural + ")" + possessive
            last = string.index(range.upperBound, offsetBy: plural.count + possessive.count)
        }
        return output + string[last...]
    }
}
