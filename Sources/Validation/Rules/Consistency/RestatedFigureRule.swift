import ReportModel

/// A later source restating a figure: the second quarter's minutes give the first quarter's
/// contacts again, corrected. Not a conflict but a correction, reported once, with both sources.
struct RestatedFigureRule: Rule {
    let id = "consistency.restated"
    let summary =
        "A figure a later dataset (one whose period ends later, such as the next quarter's minutes) gives again with another value is a restatement: reported once, naming both datasets and which copy the checks use."
    let rationale =
        "A restated figure is a correction the report should say it made; the checks compare like with like, each with the first copy, rather than raising an error in every rule that reads it."
    let defaultSeverity = Severity.warning
    let example =
        "North's Contacts for 2030/31 Q1 is 100 in q1-minutes and restated as 104 in q2-minutes, a later source: the checks and {{= north/contacts@2030/31 Q1 }} use q1-minutes's copy, and {{= q2-minutes:north/contacts@2030/31 Q1 }} names the restated one"

    /// True when `copy` differs from `first` and comes from a dataset whose period ends later.
    static func restates(_ copy: Figure, _ first: Figure, in edition: Edition) -> Bool {
        guard copy.value.value != first.value.value else { return false }
        let reporting = edition.manifest.reportingPeriod.period
        let earlier = edition.dataset(first.dataset)?.period ?? reporting
        let later = edition.dataset(copy.dataset)?.period ?? reporting
        return earlier.end < later.end
    }

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let index = FigureIndex(edition)
        for position in edition.repeatedFigurePositions {
            let copy = edition.figures[position]
            guard
                let first = edition.figure(
                    area: copy.area.value, measure: copy.measure.value, period: edition.period(of: copy), exactly: true),
                Self.restates(copy, first, in: edition)
            else { continue }
            let key = copy.key
            let label = edition.measure(first.measure.value)?.label ?? first.measure.value
            let period = edition.periodName(of: copy)
            let at = period.map { "@\($0)" } ?? ""
            log.fail(
                "\(copy.dataset): \(key) restates \(first.dataset)",
                "\(index.name(of: first.area.value))'s \(label)\(period.map { " for \($0)" } ?? "") is \(GovUKFormat.quantity(first.value.value)) in \(first.dataset) and restated as \(GovUKFormat.quantity(copy.value.value)) in \(copy.dataset), a later source: the checks and {{= \(key)\(at) }} use \(first.dataset)'s copy, and {{= \(copy.dataset):\(key)\(at) }} names the restated one",
                at: copy.value.location, expected: GovUKFormat.quantity(first.value.value),
                actual: GovUKFormat.quantity(copy.value.value), period: period)
        }
    }
}
