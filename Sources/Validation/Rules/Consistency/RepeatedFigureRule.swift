import ReportModel

/// A figure stated in two datasets has one value.
struct RepeatedFigureRule: Rule {
    let id = "consistency.repeated-figure"
    let summary = "A measure stated for the same area in more than one dataset has the same value everywhere."
    let rationale = "Each figure should live in one place; where an edition repeats one, the copies must not drift apart."
    let defaultSeverity = Severity.error
    let example = "Cumberland's Contacts received by the MASH is 802 in performance but 820 in context"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let index = FigureIndex(edition)
        // Only repeated keys matter; most figures are stated once, so find those first.
        var seen: Set<String> = []
        var repeatedKeys: Set<String> = []
        for figure in edition.figures where !seen.insert(figure.key).inserted { repeatedKeys.insert(figure.key) }
        let repeated = Dictionary(grouping: edition.figures.filter { repeatedKeys.contains($0.key) }, by: \.key)
        for key in repeated.keys.sorted() {
            guard let copies = repeated[key], let first = copies.first else { continue }
            let label = edition.measure(first.measure.value)?.label ?? first.measure.value
            for copy in copies.dropFirst() {
                let original = GovUKFormat.quantity(first.value.value)
                let other = GovUKFormat.quantity(copy.value.value)
                log.expect(
                    copy.value.value == first.value.value, "\(copy.dataset): \(key) agrees with \(first.dataset)",
                    "\(index.name(of: first.area.value))'s \(label) is \(original) in \(first.dataset) but \(other) in \(copy.dataset)",
                    at: copy.value.location, expected: original, actual: other)
            }
        }
    }
}
