import ReportModel

/// For additive measures, an area's figure equals the sum of its child areas' figures.
struct AreaHierarchyRule: Rule {
    let id = "totals.area-hierarchy"
    let summary =
        "For an additive measure, an area's figure equals the sum of its child areas' figures, wherever every child area states one."
    let rationale =
        "A partnership's figures are stated for the whole footprint and again per council or district; the two must agree."
    let defaultSeverity = Severity.error
    let example =
        "Cumberland has 14 for LSOAs among the most deprived 10% in England, but Carlisle, Allerdale and Copeland add up to 15"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let index = FigureIndex(edition)
        // Only figures of areas that have child areas are checked: look at the area first,
        // without copying each of what may be a million figures.
        for position in edition.figures.indices {
            guard let kids = index.children[edition.figures[position].area.value], !kids.isEmpty else { continue }
            let figure = edition.figures[position]
            guard let measure = edition.measure(figure.measure.value), measure.additive else { continue }
            let parts = kids.compactMap { index.value(area: $0, measure: measure.key)?.value }
            guard parts.count == kids.count else { continue }
            let sum = parts.sum { $0 }
            let stated = GovUKFormat.value(figure.value.value.exact, unit: measure.unit)
            let computed = GovUKFormat.value(sum, unit: measure.unit)
            let names = kids.map(index.name(of:))
            log.expect(
                figure.value.value.exact == sum,
                "\(figure.dataset): \(figure.key) is the sum of its child areas",
                "\(index.name(of: figure.area.value)) has \(stated) for \(measure.label), but \(ListFormat.and(names)) add up to \(computed)",
                at: figure.value.location, expected: computed, actual: stated)
        }
    }
}
