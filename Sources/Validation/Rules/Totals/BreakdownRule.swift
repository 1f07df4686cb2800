import ReportModel

/// The parts of a headline figure (deaths by sex, schools by phase) add up to it.
struct BreakdownRule: Rule {
    let id = "totals.breakdown"
    let summary =
        "Where measures are declared part_of a headline measure, an area's parts add up to its headline figure (or, when some parts are not stated, do not exceed it)."
    let defaultSeverity = Severity.error
    let example =
        "Cumbria has 18 for Children who died, but its breakdown (Boys who died and Girls who died) adds up to 19"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let index = FigureIndex(edition)
        let partsByHeadline = Dictionary(grouping: edition.measures.filter { $0.partOf != nil }) {
            $0.partOf?.value ?? ""
        }
        for headline in edition.figures {
            guard let parts = partsByHeadline[headline.measure.value],
                let measure = edition.measure(headline.measure.value)
            else { continue }
            let stated = parts.compactMap { index.figure(area: headline.area.value, measure: $0.key) }
            guard !stated.isEmpty else { continue }
            let sum = stated.sum(\.value.value.exact)
            let total = headline.value.value.exact
            let complete = stated.count == parts.count
            let shown = GovUKFormat.value(total, unit: measure.unit)
            let computed = GovUKFormat.value(sum, unit: measure.unit)
            let labels = ListFormat.and(stated.compactMap { edition.measure($0.measure.value)?.label })
            log.expect(
                complete ? sum == total : sum <= total,
                "\(headline.dataset): \(headline.key) agrees with its breakdown",
                complete
                    ? "\(index.name(of: headline.area.value)) has \(shown) for \(measure.label), but its breakdown (\(labels)) adds up to \(computed)"
                    : "\(index.name(of: headline.area.value)) has \(shown) for \(measure.label), but the parts stated (\(labels)) already add up to \(computed)",
                at: headline.value.location, expected: complete ? computed : "at least \(computed)",
                actual: shown)
        }
    }
}
