import ReportModel

/// A figure stated in two datasets has one value.
struct RepeatedFigureRule: Rule {
    let id = "consistency.repeated-figure"
    let summary =
        "A measure stated for the same area and period in more than one dataset has the same value everywhere; figures of different periods (a series, or datasets of different periods) are not compared."
    let rationale =
        "Each figure should live in one place; where an edition repeats one, the copies must not drift apart."
    let defaultSeverity = Severity.error
    let example = "Cumberland's Contacts received by the MASH is 802 in performance but 820 in context"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let index = FigureIndex(edition)
        // A figure is a repeat when the edition's index points at an earlier one with its key;
        // most figures are stated once, so nothing else is gathered.
        for position in edition.repeatedFigurePositions {
            let copy = edition.figures[position]
            let key = copy.key
            guard
                let first = edition.figure(
                    area: copy.area.value, measure: copy.measure.value, period: edition.period(of: copy), exactly: true),
                // A later source's different copy is a restatement, reported once as that.
                !RestatedFigureRule.restates(copy, first, in: edition)
            else { continue }
            let label = edition.measure(first.measure.value)?.label ?? first.measure.value
            let original = GovUKFormat.quantity(first.value.value)
            let other = GovUKFormat.quantity(copy.value.value)
            let period = edition.periodName(of: copy)
            // Each copy named by its dataset and, when its row says, where it was published.
            func named(_ figure: Figure) -> String {
                figure.dataset + (figure.source.map { " (source: \($0))" } ?? "")
            }
            let choose = "\(copy.dataset):\(key)\(period.map { "@\($0)" } ?? "")"
            log.expect(
                copy.value.value == first.value.value, "\(copy.dataset): \(key) agrees with \(first.dataset)",
                "\(index.name(of: first.area.value))'s \(label)\(period.map { " for \($0)" } ?? "") is \(original) in \(named(first)) but \(other) in \(named(copy)): the checks and {{= \(key) }} use \(first.dataset)'s copy, and {{= \(choose) }} names this one",
                at: copy.value.location, expected: original, actual: other, period: period)
        }
    }
}
