import ReportModel

/// Puts each figure reference's value, formatted GOV.UK style, where the reference was. The
/// references become placeholders (private-use characters, which mean nothing to Markdown)
/// before cmark-gfm reads the text, and the values replace them in its HTML, so a value can
/// never be read as Markdown: "802. Next" at the start of a line stays a sentence.
enum NarrativeSubstitution {
    static func html(_ section: NarrativeSection, edition: Edition) -> String {
        // One pass each way, so ten thousand references cost ten thousand steps, not their square.
        let source = Array(section.markdown.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var values: [String] = []
        var copied = 0
        for reference in section.references.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
        where reference.range.lowerBound >= copied {
            switch edition.evaluate(reference.expression) {
            case .success(let value): values.append(GovUKFormat.reference(value, format: reference.format))
            // Only a draft renders with errors; the gap is visible rather than silent.
            // A figure that exists but cannot be shown (a symbol, "c"; a bound in arithmetic)
            // is not said to be missing.
            case .failure(let problem):
                let missing = edition.referenceValue(problem.key) == nil
                values.append("[figure \(missing ? "not found" : "not shown"): \(problem.key)]")
            }
            bytes += source[copied..<reference.range.lowerBound]
            bytes += Array(placeholder(values.count - 1).utf8)
            copied = reference.range.upperBound
        }
        bytes += source[copied...]
        let markdown = String(decoding: bytes, as: UTF8.self)
        return substituted(MarkdownRenderer.html(markdown, sectionTitle: section.spec.title), values: values)
    }

    /// `html` with each placeholder replaced by its value, escaped, in one pass.
    private static func substituted(_ html: String, values: [String]) -> String {
        guard !values.isEmpty else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count)
        var scalars = html.unicodeScalars[...]
        while let open = scalars.firstIndex(of: "\u{E000}") {
            result.unicodeScalars += scalars[..<open]
            let afterOpen = scalars.index(after: open)
            guard let close = scalars[afterOpen...].firstIndex(of: "\u{E001}"),
                let index = Int(String(scalars[afterOpen..<close])), values.indices.contains(index)
            else {
                // Not one of ours (the author typed the character): kept as it is.
                result.unicodeScalars.append("\u{E000}")
                scalars = scalars[afterOpen...]
                continue
            }
            result += XMLEscaping.escape(values[index])
            scalars = scalars[scalars.index(after: close)...]
        }
        result.unicodeScalars += scalars
        return result
    }

    private static func placeholder(_ index: Int) -> String {
        "\u{E000}\(index)\u{E001}"
    }
}
