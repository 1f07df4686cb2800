/// What tags a template may use. An edition's templates are its input as much as its data, so
/// they may not turn off the escaping that keeps the data's text from becoming markup, nor hide
/// tags from these checks, nor nest without end.
enum TagPolicy {
    /// The deepest nesting of sections within one template (the built-in ones nest three).
    static let deepestSections = 24
    /// The values that are markup the report itself made safe, and so may be written unescaped:
    /// the narrative's HTML (Markdown under its policy), the charts' SVG, and the running head
    /// as a CSS string (every character but letters, digits and ` ,./()-:` escaped).
    static let markupNames: Set<String> = ["narrativeHTML", "svg", "runningHeadCSS"]

    /// Every tag in `text` the policy refuses, located; the sections' nesting is checked first,
    /// so a template nested too deep is never handed to the Mustache parser (which recurses).
    static func problems(in text: String, file: String) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        let tags = TagScanner.tags(in: text)
        if let deep = tags.first(where: { $0.depth > deepestSections }) {
            problems.append(
                TemplateProblem(
                    file: file, line: deep.line, column: deep.column,
                    message:
                        "sections are nested \(deep.depth) deep here: expected at most \(deepestSections) sections inside each other"
                ))
        }
        for tag in tags {
            guard let message = message(for: tag) else { continue }
            problems.append(TemplateProblem(file: file, line: tag.line, column: tag.column, message: message))
        }
        return problems
    }

    private static func message(for tag: TagScanner.Tag) -> String? {
        switch tag.kind {
        case .unescaped:
            let last = tag.name.split(separator: ".").last.map(String.init) ?? tag.name
            guard !markupNames.contains(last) || tag.name.contains("(") else { return nil }
            return
                "'\(tag.name)' is written unescaped ({{{ }}} or {{& }}), so any markup in its text would be published as markup: expected {{\(tag.name)}}, which escapes it (only \(markupNames.sorted().joined(separator: ", ")), which the report makes safe itself, may be unescaped)"
        case .delimiters:
            return
                "the tag {{=\(tag.name)}} changes the delimiters, which would hide the tags after it from these checks: expected {{ and }} throughout"
        case .pragma:
            return
                "the pragma {{%\(tag.name)}} would change how values are escaped: expected none (values are escaped as HTML)"
        case .dynamicPartial:
            return
                "the partial {{>*\(tag.name)}} takes its name from a value: expected the template's own name, {{> name}}"
        case .inheritance:
            return
                "template inheritance ({{< parent}}, {{$ block}}) is not supported: expected partials, {{> name}}, with the shared markup in the partial"
        case .variable, .section, .close, .partial, .comment:
            return nil
        }
    }
}
