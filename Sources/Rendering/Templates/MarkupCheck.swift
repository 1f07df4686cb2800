import CLibXML2
import Foundation

/// Checks that a template is well-formed markup once its Mustache tags are set aside, with
/// libxml2, and reports the template's own line. A template whose markup is broken would
/// produce XHTML that no XML tool can read.
enum MarkupCheck {
    static func problems(in text: String, file: String) -> [TemplateProblem] {
        let markup = withoutTags(text)
        let trimmed = markup.drop { $0.isWhitespace }
        // A whole document is parsed as it is; a partial is wrapped in an element on its first
        // line, so line numbers stay the template's.
        let isDocument = trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<!DOCTYPE")
        let document = isDocument ? markup : "<template-fragment>\(markup)</template-fragment>"
        return XHTMLVerifier.problems(in: document).map { problem in
            TemplateProblem(
                file: file, line: max(1, problem.line), column: nil,
                message: "the markup is not well-formed once its tags are set aside: \(problem.message)")
        }
    }

    /// The template with every `{{...}}` and `{{{...}}}` tag removed. Sections keep their
    /// contents, so the markup they guard is checked too.
    static func withoutTags(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { return result }
            // Keep the line breaks inside a tag so line numbers do not move.
            result += String(repeating: "\n", count: rest[..<close.lowerBound].count { $0 == "\n" })
            rest = rest[close.upperBound...]
            if rest.hasPrefix("}") { rest = rest.dropFirst() }
        }
        return result + rest
    }
}
