import ReportModel

/// Reads the tags of a Mustache template without rendering it: the names it uses and where.
/// Mustache renders an unknown name as nothing, so a typo in a template would otherwise
/// silently drop a figure from the report.
enum TagScanner {
    struct Tag {
        var name: String
        var line: Int
        var column: Int
    }

    /// Every `{{name}}`, `{{{name}}}`, `{{#name}}`, `{{^name}}` and `{{/name}}` tag, with its
    /// position. Partials (`{{> x}}`) and comments (`{{! x}}`) are not names.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1
        var column = 1
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            for character in rest[..<open.lowerBound] {
                if character == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            let start = (line, column)
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            var inside = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            for character in rest[..<close.upperBound] {
                if character == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            column += 2
            rest = rest[close.upperBound...]
            if rest.hasPrefix("}") {
                rest = rest.dropFirst()
                column += 1
            }
            if inside.hasPrefix("{") { inside = String(inside.dropFirst()) }
            guard let sigil = inside.first else { continue }
            if ">!=<$".contains(sigil) { continue }
            if "#^/&".contains(sigil) { inside = String(inside.dropFirst()) }
            let name = inside.trimmingCharacters(in: .whitespaces)
            if name != "." { tags.append(Tag(name: name, line: start.0, column: start.1)) }
        }
        return tags
    }

    /// Problems for the names in `text` that are not among `known`.
    static func unknownNames(in text: String, file: String, known: Set<String>) -> [TemplateProblem] {
        tags(in: text).flatMap { tag in
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
