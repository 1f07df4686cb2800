import CLibXML2
import Foundation

/// Checks that a template is well-formed markup once its Mustache tags are set aside, with
/// libxml2, and that the markup keeps to `MarkupPolicy`, and reports the template's own line.
/// A template whose markup is broken would produce XHTML that no XML tool can read.
enum MarkupCheck {
    static func problems(in text: String, file: String) -> [TemplateProblem] {
        let markup = withoutTags(text)
        let trimmed = markup.drop { $0.isWhitespace }
        // A whole document is parsed as it is; a partial is wrapped in an element on its first
        // line, so line numbers stay the template's.
        let isDocument = trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<!DOCTYPE")
        let document = isDocument ? markup : "<template-fragment>\(markup)</template-fragment>"
        let problems = XHTMLVerifier.problems(in: document).map { problem in
            TemplateProblem(
                file: file, line: max(1, problem.line), column: nil,
                message: "the markup is not well-formed once its tags are set aside: \(problem.message)")
        }
        guard problems.isEmpty else { return problems }
        return MarkupPolicy.breaches(inXML: document, url: file).map {
            TemplateProblem(file: file, line: $0.line, column: nil, message: $0.message)
        }
    }

    /// The template with every `{{...}}` and `{{{...}}}` tag removed, as `TagScanner` reads
    /// them. Sections keep their contents, so the markup they guard is checked too.
    static func withoutTags(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        var last = 0
        for tag in TagScanner.tags(in: text) {
            result.append(contentsOf: characters[last..<tag.range.lowerBound])
            // Keep the line breaks inside a tag so line numbers do not move.
            let breaks = characters[tag.range].count { $0 == "\n" || $0 == "\r\n" }
            result += String(repeating: "\n", count: breaks)
            last = tag.range.upperBound
        }
        result.append(contentsOf: characters[last...])
        return result
    }
}
