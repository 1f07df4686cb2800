import Foundation
import ReportModel

/// A year's figure equals the sum of its months (or quarters), where the dataset says its
/// periods add up.
struct PeriodTotalRule: Rule {
    let id = "totals.periods"
    let summary =
        "In a dataset declared periods_add_up: true, a figure whose period covers others of the same area and measure (a year over its quarters or months) equals their sum when they cover it all, and is at least their sum when some are missing."
    let rationale =
        "A monthly or quarterly series and the year's figure are often typed from different returns; only the declaration says they must add up (a count of children on plans at each quarter's end does not)."
    let defaultSeverity = Severity.error
    let example =
        "North has 1,200 for Contacts in 2023/24, but 2023/24 Q1, 2023/24 Q2, 2023/24 Q3 and 2023/24 Q4 add up to 1,190"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let declared = Set(edition.manifest.datasets.filter(\.periodsAddUp).map(\.id))
        guard !declared.isEmpty else { return }
        let index = FigureIndex(edition)
        let groups = Dictionary(grouping: edition.figures.filter { declared.contains($0.dataset) }) {
            "\($0.dataset)\u{0}\($0.key)"
        }
        for key in groups.keys.sorted() {
            guard let figures = groups[key], figures.count > 1 else { continue }
            for total in figures {
                check(total, among: figures, edition: edition, index: index, log: &log)
            }
        }
    }

    /// Checks one figure against each shape of shorter period within it (its months, its
    /// quarters), each on its own.
    private func check(
        _ total: Figure, among figures: [Figure], edition: Edition, index: FigureIndex, log: inout RuleLog
    ) {
        guard let measure = edition.measure(total.measure.value), measure.unit != .percent else { return }
        let whole = edition.period(of: total)
        let inside = figures.filter {
            let period = edition.period(of: $0)
            return period != whole && whole.contains(period)
        }
        let shapes = Dictionary(grouping: inside) { edition.period(of: $0).wholeMonths ?? 0 }
        for length in shapes.keys.sorted(by: >) {
            guard length > 0, let parts = shapes[length] else { continue }
            let sorted = parts.sorted { Period.chronological(edition.period(of: $0), edition.period(of: $1)) }
            let complete = sorted.count * length == whole.wholeMonths
            let names = ListFormat.and(sorted.map { PeriodSpelling.spelling(of: edition.period(of: $0)) })
            let wholeName = PeriodSpelling.spelling(of: whole)
            // A bound ("600+") among them makes the sum a range: the total need only be possible.
            let sum = sorted.map(\.value.value.range).summed()
            let stated = total.value.value.range
            let holds =
                complete
                ? stated.mayEqual(sum)
                : (stated.upper.map { upper in sum.lower.map { $0 <= upper } ?? true } ?? true)
            let shownSum = GovUKFormat.range(sum, unit: measure.unit)
            let shownTotal = GovUKFormat.quantity(total.value.value)
            log.expect(
                holds,
                "\(total.dataset): \(total.key) in \(wholeName) is the sum of its \(length)-month periods",
                complete
                    ? "\(index.name(of: total.area.value)) has \(shownTotal) for \(measure.label) in \(wholeName), but \(names) add up to \(shownSum)"
                    : "\(index.name(of: total.area.value)) has \(shownTotal) for \(measure.label) in \(wholeName), but \(names) alone already add up to \(shownSum)",
                at: total.value.location, expected: complete ? shownSum : "at least \(shownSum)", actual: shownTotal,
                period: wholeName)
        }
    }
}
