import ReportModel

/// Puts each figure reference's value, formatted GOV.UK style, where the reference was. The
/// references become placeholders (private-use characters, which mean nothing to Markdown)
/// before cmark-gfm reads the text, and the values replace them in its HTML, so a value can
/// never be read as Markdown: "802. Next" at the start of a line stays a sentence.
enum NarrativeSubstitution {
    static func html(_ section: NarrativeSection, edition: Edition) -> String {
        var bytes = Array(section.markdown.utf8)
        var values: [String] = []
        for reference in section.references.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            switch edition.evaluate(reference.expression) {
            case .success(let value): values.append(GovUKFormat.reference(value, format: reference.format))
            // Only a draft renders with errors; the gap is visible rather than silent.
            case .failure(let problem): values.append("[figure not found: \(problem.key)]")
            }
            bytes.replaceSubrange(reference.range, with: Array(placeholder(values.count - 1).utf8))
        }
        var html = MarkdownRenderer.html(String(decoding: bytes, as: UTF8.self))
        for (index, value) in values.enumerated() {
            html = html.replacingOccurrences(of: placeholder(index), with: XMLEscaping.escape(value))
        }
        return html
    }

    private static func placeholder(_ index: Int) -> String {
        "\u{E000}\(index)\u{E001}"
    }
}
