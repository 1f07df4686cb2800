import ReportModel

/// The parts of a headline figure (deaths by sex, schools by phase) add up to it.
struct BreakdownRule: Rule {
    let id = "totals.breakdown"
    let summary =
        "Where measures are declared part_of a headline measure, an area's parts add up to its headline figure (or, when some parts are not stated or the breakdown is declared incomplete, do not exceed it); a headline broken down several ways (breakdown: age, sex) is checked against each breakdown on its own; a part or headline given as a bound (40+) is checked as an inequality."
    let defaultSeverity = Severity.error
    let example =
        "Cumbria has 18 for Children who died, but its breakdown (Boys who died and Girls who died) adds up to 19"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let index = FigureIndex(edition)
        // Each headline's parts, one group per breakdown (parts that name none form one group).
        let breakdowns = Dictionary(grouping: edition.measures.filter { $0.partOf != nil }) {
            $0.partOf?.value ?? ""
        }
        .mapValues { parts in
            Dictionary(grouping: parts) { $0.breakdownName ?? "" }.sorted { $0.key < $1.key }.map(\.value)
        }
        // Each measure's breakdowns by its id: a figure of a measure without parts is passed by
        // without looking its key up.
        let columns = edition.figureColumns
        let groupsByMeasure = columns.measureKeys.map { key in
            breakdowns[key].flatMap { groups in edition.measure(key).map { (groups, $0) } }
        }
        for position in edition.figures.indices {
            guard let (groups, measure) = groupsByMeasure[Int(columns.measures[position])] else { continue }
            for parts in groups {
                check(
                    edition.figures[position], measure: measure, parts: parts, edition: edition, index: index, log: &log
                )
            }
        }
    }

    private func check(
        _ headline: Figure, measure: Measure, parts: [Measure], edition: Edition, index: FigureIndex,
        log: inout RuleLog
    ) {
        let stated = parts.compactMap { index.figure(area: headline.area.value, measure: $0.key, like: headline) }
        guard !stated.isEmpty else { return }
        let declaredIncomplete = parts.contains(where: \.breakdownIsIncomplete)
        let complete = stated.count == parts.count && !declaredIncomplete
        let labels = ListFormat.and(stated.compactMap { edition.measure($0.measure.value)?.label })
        let which = parts.lazy.compactMap(\.breakdownName).first.map { " by \($0)" } ?? ""
        let area = index.name(of: headline.area.value)
        let bounded = !headline.value.value.isExact || stated.contains { !$0.value.value.isExact }
        guard bounded else {
            // Every figure exact: the sum, as always.
            let sum = stated.sum(\.value.value.exact)
            let total = headline.value.value.exact
            let shown = GovUKFormat.value(total, unit: measure.unit)
            let computed = GovUKFormat.value(sum, unit: measure.unit)
            log.expect(
                complete ? sum == total : sum <= total,
                "\(headline.dataset): \(headline.key) agrees with its breakdown\(which)",
                complete
                    ? "\(area) has \(shown) for \(measure.label), but its breakdown\(which) (\(labels)) adds up to \(computed)"
                    : declaredIncomplete
                        ? "\(area) has \(shown) for \(measure.label), but its incomplete breakdown\(which) (\(labels)) already adds up to \(computed)"
                        : "\(area) has \(shown) for \(measure.label), but the parts stated\(which) (\(labels)) already add up to \(computed)",
                at: headline.value.location, expected: complete ? computed : "at least \(computed)",
                actual: shown)
            return
        }
        // A bound among them: the sum is a range, and the headline need only be possible.
        let sum = stated.map(\.value.value.range).summed()
        let total = headline.value.value.range
        let shown = GovUKFormat.quantity(headline.value.value)
        let atLeastSum = ValueRange(lower: sum.lower, upper: nil, lowerOpen: sum.lowerOpen)
        let computed = GovUKFormat.range(complete ? sum : atLeastSum, unit: measure.unit)
        log.expect(
            complete ? total.mayEqual(sum) : sum.mayBeAtMost(total),
            "\(headline.dataset): \(headline.key) agrees with its breakdown\(which)",
            "\(area) has \(shown) for \(measure.label), but \(complete ? "its breakdown" : declaredIncomplete ? "its incomplete breakdown" : "the parts stated")\(which) (\(labels)) \(complete ? "add" : "already add") up to \(GovUKFormat.range(sum, unit: measure.unit))",
            at: headline.value.location, expected: computed, actual: shown)
    }
}
