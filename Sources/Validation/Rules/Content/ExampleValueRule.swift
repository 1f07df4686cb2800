import ReportModel

/// Nothing marked as an example (`EXAMPLE:`, as `annual-report init` writes its example rows
/// and paragraphs) is left in the edition.
struct ExampleValueRule: Rule {
    let id = "content.example"
    let summary =
        "No row or paragraph still carries the EXAMPLE: marker that annual-report init writes into its example edition."
    let rationale =
        "A new edition starts with one example row per dataset and a paragraph per section; each is named until the partnership replaces it with its own."
    let defaultSeverity = Severity.warning
    let example =
        "this row is an example (it says EXAMPLE:): replace it with the partnership's own figures and words, or delete it"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let forReaders = "Some rows and paragraphs are still the examples the report was started from."
        let rows: [(location: SourceLocation, texts: [String])] =
            edition.measures.map { ($0.location, $0.texts) } + edition.records.map { ($0.location, $0.texts) }
        for row in rows {
            guard let text = row.texts.first(where: ExampleMarker.marks) else { continue }
            log.fail(
                "example row at \(row.location)",
                "this row is an example (it says \(ExampleMarker.text)): replace it with the partnership's own figures and words, or delete it",
                at: row.location, expected: "the partnership's own row", actual: text, forReaders: forReaders)
        }
        for section in edition.narrative {
            for (index, line) in section.markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            {
                guard let marker = line.range(of: ExampleMarker.text) else { continue }
                log.fail(
                    "example text in \(section.path)",
                    "this paragraph is an example (it says \(ExampleMarker.text)): write the section in the partnership's own words",
                    at: SourceLocation(
                        file: section.path, line: index + 1,
                        column: line.distance(from: line.startIndex, to: marker.lowerBound) + 1),
                    expected: "the partnership's own words", actual: String(line.prefix(60)), forReaders: forReaders)
            }
        }
    }
}
