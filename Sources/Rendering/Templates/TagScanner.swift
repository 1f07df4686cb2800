import ReportModel

/// Reads the tags of a Mustache template without rendering it: what each tag is, the name it
/// uses and where. It reads as swift-mustache's parser does (by Swift characters, a tag from
/// `{{` to the next `}}`, its kind from the character straight after `{{`), so that what the
/// checks see is what the engine will run; a tag that changes the delimiters is refused, so
/// `{{` and `}}` stay the delimiters throughout.
enum TagScanner {
    /// What a tag does.
    enum Kind: Equatable {
        /// `{{name}}`: a value, HTML-escaped.
        case variable
        /// `{{{name}}}` or `{{& name}}`: a value written as it is, unescaped.
        case unescaped
        /// `{{#name}}` and `{{^name}}`: a section, or an inverted one.
        case section
        /// `{{/name}}`: the end of a section.
        case close
        /// `{{> name}}`: another template included here.
        case partial
        /// `{{>* name}}`: a template named by a value.
        case dynamicPartial
        /// `{{< name}}` and `{{$ name}}`: template inheritance (a parent and its blocks).
        case inheritance
        /// `{{! text}}`.
        case comment
        /// `{{=<% %>=}}`: new delimiters.
        case delimiters
        /// `{{% NAME: value}}`: a pragma (swift-mustache's CONTENT_TYPE).
        case pragma
    }

    struct Tag {
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
        /// How many sections enclose the tag (a section's own tag counts itself).
        var depth: Int
        /// Where the tag is, in characters from the start of the text.
        var range: Range<Int>
    }

    /// Every tag in `text`, in order, with its position (line and column from 1).
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1
        var column = 1
        var depth = 0
        let characters = Array(text)
        var index = 0
        func advance(to end: Int) {
            while index < end {
                if characters[index] == "\n" || characters[index] == "\r\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
            }
        }
        func find(_ first: Character, _ second: Character, from start: Int) -> Int? {
            var position = start
            while position + 1 < characters.count {
                if characters[position] == first, characters[position + 1] == second { return position }
                position += 1
            }
            return nil
        }
        while let open = find("{", "{", from: index) {
            // A tag left open runs to the end of the text, as the parser would read it.
            advance(to: open)
            let start = (line, column)
            guard let close = find("}", "}", from: open + 2) else {
                tags.append(
                    Tag(
                        kind: .comment, name: "", line: start.0, column: start.1, depth: depth,
                        range: open..<characters.count))
                break
            }
            var inside = String(characters[(open + 2)..<close])
            var end = close + 2
            var kind = Kind.variable
            switch inside.first {
            case "{":
                kind = .unescaped
                if end < characters.count, characters[end] == "}" { end += 1 }
            case "&": kind = .unescaped
            case "#", "^": kind = .section
            case "/": kind = .close
            case ">": kind = .partial
            case "<", "$": kind = .inheritance
            case "!": kind = .comment
            case "=": kind = .delimiters
            case "%": kind = .pragma
            default: break
            }
            if kind != .variable { inside = String(inside.dropFirst()) }
            var name = inside.trimmingCharacters(in: .whitespacesAndNewlines)
            if kind == .partial, name.hasPrefix("*") {
                kind = .dynamicPartial
                name = String(name.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if kind == .section || kind == .inheritance { depth += 1 }
            tags.append(
                Tag(kind: kind, name: name, line: start.0, column: start.1, depth: depth, range: open..<end))
            if kind == .close { depth = max(0, depth - 1) }
            advance(to: end)
        }
        return tags
    }

    /// Problems for the names in `text` that are not among `known`.
    static func unknownNames(in text: String, file: String, known: Set<String>) -> [TemplateProblem] {
        tags(in: text).filter { [.variable, .unescaped, .section, .close].contains($0.kind) && $0.name != "." }
            .flatMap { tag in
                tag.name.split(separator: ".").map(String.init).filter { !known.contains($0) }.map { part in
                    TemplateProblem(
                        file: file, line: tag.line, column: tag.column,
                        message:
                            "unknown variable '\(part)'\(Suggestion.hint(for: part, among: known)): the report provides no value by that name"
                    )
                }
            }
    }
}
