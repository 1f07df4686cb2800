import ReportModel

/// Puts each figure reference's value, formatted GOV.UK style, in place of the reference, so
/// the Markdown that reaches cmark-gfm holds the data's figures and nothing typed by hand.
enum NarrativeSubstitution {
    static func markdown(_ section: NarrativeSection, edition: Edition) -> String {
        var bytes = Array(section.markdown.utf8)
        for reference in section.references.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            let text: String
            switch edition.evaluate(reference.expression) {
            case .success(let value): text = GovUKFormat.reference(value, format: reference.format)
            // Only a draft renders with errors; the gap is visible rather than silent.
            case .failure(let problem): text = "[figure not found: \(problem.key)]"
            }
            bytes.replaceSubrange(reference.range, with: Array(text.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
