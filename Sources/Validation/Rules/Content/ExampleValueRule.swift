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
        // Each kind's rows are scanned where they lie: gathering a million figures into one
        // array of boxed records would cost more memory than reading them did.
        func flag(_ texts: [String], at location: SourceLocation) {
            guard let text = texts.first(where: ExampleMarker.marks) else { return }
            log.fail(
                "example row at \(location)",
                "this row is an example (it says \(ExampleMarker.text)): replace it with the partnership's own figures and words, or delete it",
                at: location, expected: "the partnership's own row", actual: text, forReaders: forReaders)
        }
        for measure in edition.measures { flag(measure.texts, at: measure.location) }
        // A plain figure has no text cell (its one is its source): looked at in place.
        for position in edition.figures.indices where !edition.figures[position].isPlain {
            flag(edition.figures[position].texts, at: edition.figures[position].location)
        }
        for spec in edition.manifest.datasets {
            for record in edition.datasets[spec.id]?.anyRecords ?? [] { flag(record.texts, at: record.location) }
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
