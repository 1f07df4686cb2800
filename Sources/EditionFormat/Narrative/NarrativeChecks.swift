import NarrativeMarkdown
import ReportModel

/// What ingest says of a section's Markdown as cmark-gfm reads it: every image, every link the
/// policy refuses or doubts, and nesting too deep for the report, each located where it was
/// typed. The policy itself is `MarkdownPolicy`'s, which the renderer enforces too.
enum NarrativeChecks {
    static func findings(in markdown: String, file: String) -> [Finding] {
        guard let document = MarkdownDocument(markdown) else { return [] }
        return MarkdownPolicy.problems(in: document).map { problem in
            let rule: IngestRule =
                switch problem.kind {
                case .image: .narrativeImage
                case .link: .narrativeLink
                case .nesting: .narrativeNesting
                }
            return Finding(
                rule: rule.id, severity: problem.isError ? .error : .warning, message: problem.message,
                location: SourceLocation(file: file, line: problem.line, column: problem.column),
                expected: problem.kind == .nesting
                    ? "at most \(MarkdownPolicy.deepestNesting) levels" : "no external load",
                actual: problem.actual)
        }
    }
}
