import Foundation
import ReportModel

/// For additive measures, an area's figure equals the sum of its child areas' figures.
struct AreaHierarchyRule: Rule {
    let id = "totals.area-hierarchy"
    let summary =
        "For an additive measure, an area's figure equals the sum of its child areas' figures for the same period, wherever every child area states one."
    let rationale =
        "A partnership's figures are stated for the whole footprint and again per council or district; the two must agree."
    let defaultSeverity = Severity.error
    let example =
        "Cumberland has 14 for LSOAs among the most deprived 10% in England, but Carlisle, Allerdale and Copeland add up to 15"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let index = FigureIndex(edition)
        // Areas, measures and periods by their ids: a million figures are joined on integers.
        let columns = edition.figureColumns
        let parents = columns.areaKeys.map { edition.area($0)?.parent.flatMap(columns.areaId) }
        // One pass adds each stated figure into its parent area's total, so a parent with a
        // thousand child areas is summed without looking each child up.
        var sums: [SumKey: ChildSum] = [:]
        let repeats = Set(edition.repeatedFigurePositions)
        for position in edition.figures.indices where repeats.isEmpty || !repeats.contains(position) {
            guard let parent = parents[Int(columns.areas[position])] else { continue }
            let key = SumKey(area: parent, measure: columns.measures[position], period: columns.periodIds[position])
            sums[key, default: ChildSum()].add(edition.figures[position].quantity)
        }
        let children = columns.areaKeys.map { index.children[$0] ?? [] }
        let additive = columns.measureKeys.map { edition.measure($0).flatMap { $0.additive ? $0 : nil } }
        for position in edition.figures.indices {
            let (area, measureId) = (columns.areas[position], columns.measures[position])
            let kids = children[Int(area)]
            guard !kids.isEmpty, let measure = additive[Int(measureId)] else { continue }
            let figure = edition.figures[position]
            let summed = sums[SumKey(area: area, measure: measureId, period: columns.periodIds[position])]
            let sum: Decimal
            if let summed, summed.count == kids.count, summed.bounds == nil, figure.value.value.isExact {
                sum = summed.total
            } else if summed?.bounds != nil || !figure.value.value.isExact {
                checkBounded(figure, measure: measure, kids: kids, index: index, log: &log)
                continue
            } else {
                // Some child areas state nothing: their figures may still come from their own
                // child areas, so fall back to the recursive lookup.
                let parts = kids.compactMap { index.range(area: $0, measure: measure.key, like: figure) }
                guard parts.count == kids.count else { continue }
                guard parts.allSatisfy(\.isExact) else {
                    checkBounded(figure, measure: measure, kids: kids, index: index, log: &log)
                    continue
                }
                sum = parts.compactMap(\.lower).sum { $0 }
            }
            log.expect(
                figure.value.value.exact == sum,
                "\(figure.dataset): \(figure.key) is the sum of its child areas",
                "\(index.name(of: figure.area.value)) has \(GovUKFormat.value(figure.value.value.exact, unit: measure.unit)) for \(measure.label), but \(ListFormat.and(kids.map(index.name(of:)))) add up to \(GovUKFormat.value(sum, unit: measure.unit))",
                at: figure.value.location, expected: GovUKFormat.value(sum, unit: measure.unit),
                actual: GovUKFormat.value(figure.value.value.exact, unit: measure.unit))
        }
    }
}

extension AreaHierarchyRule {
    /// A parent or child figure given as a bound ("40+", "<5"): the children's sum is a range,
    /// and the parent's figure need only be possible within it.
    private func checkBounded(
        _ figure: Figure, measure: Measure, kids: [String], index: FigureIndex, log: inout RuleLog
    ) {
        let parts = kids.compactMap { index.range(area: $0, measure: measure.key, like: figure) }
        guard parts.count == kids.count else { return }
        let sum = parts.summed()
        let shown = GovUKFormat.quantity(figure.value.value)
        let computed = GovUKFormat.range(sum, unit: measure.unit)
        log.expect(
            figure.value.value.range.mayEqual(sum),
            "\(figure.dataset): \(figure.key) is the sum of its child areas",
            "\(index.name(of: figure.area.value)) has \(shown) for \(measure.label), but \(ListFormat.and(kids.map(index.name(of:)))) add up to \(computed)",
            at: figure.value.location, expected: computed, actual: shown)
    }
}

/// A parent area, a measure and a period, by their ids in `Edition.figureColumns`.
private struct SumKey: Hashable {
    var area: UInt32
    var measure: UInt32
    var period: UInt32
}

/// The running total of the child areas' figures for one parent area and measure. Counts add
/// as integers, exactly and without Decimal arithmetic; money and percentages, or counts whose
/// sum would overflow, add as decimals.
private struct ChildSum {
    private var counts = 0
    private var decimals: Decimal = 0
    var count = 0

    /// The sum of the children not known exactly (given as bounds, "40+", or symbols, "c"),
    /// when any is.
    var bounds: ValueRange?

    var total: Decimal { decimals + Decimal(counts) }

    mutating func add(_ value: Quantity) {
        count += 1
        if !value.isExact {
            bounds = (bounds ?? .exactly(0)) + value.range
            return
        }
        if case .count(let whole) = value {
            let (sum, overflow) = counts.addingReportingOverflow(whole)
            if !overflow {
                counts = sum
                return
            }
        }
        decimals += value.exact
    }
}
