import ReportModel

/// A subset is never more than its whole: pupils with a plan, of all pupils.
struct SubsetRule: Rule {
    let id = "totals.subset"
    let summary =
        "Where a measure is declared subset_of another, an area's figure for it is at most the same area's figure for the other (or, for a figure given as a bound, can be)."
    let rationale =
        "A subset is not a breakdown: its parts need not add up to the whole, but none can exceed it."
    let defaultSeverity = Severity.error
    let example = "North has 120 for Pupils with a plan, more than its 100 for All pupils, which it is a subset of"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        // Most editions declare no subsets: index the figures only when one does.
        guard edition.measures.contains(where: { $0.subsetOf != nil }) else { return }
        let index = FigureIndex(edition)
        for figure in edition.figures {
            guard let measure = edition.measure(figure.measure.value), let whole = measure.subsetOf,
                let wholeMeasure = edition.measure(whole.value),
                let wholeFigure = index.figure(area: figure.area.value, measure: whole.value, like: figure)
            else { continue }
            // A bound ("40+", "<5") on either side holds unless it cannot.
            let part = figure.value.value.range
            let total = wholeFigure.value.value.range
            let area = index.name(of: figure.area.value)
            let period = edition.periodName(of: figure)
            log.expect(
                part.mayBeAtMost(total), "\(figure.dataset): \(figure.key) at most \(wholeFigure.key)",
                "\(area) has \(GovUKFormat.quantity(figure.value.value)) for \(measure.label)\(period.inPeriod), more than its \(GovUKFormat.quantity(wholeFigure.value.value)) for \(wholeMeasure.label), which it is a subset of",
                at: figure.value.location, expected: "at most \(GovUKFormat.quantity(wholeFigure.value.value))",
                actual: GovUKFormat.quantity(figure.value.value), period: period)
        }
    }
}
