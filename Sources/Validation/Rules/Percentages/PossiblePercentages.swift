import Foundation
import ReportModel

/// A percentage published without its count, as a share of a whole that is published ("Of those
/// 22 cases, 68% ..."): only some percentages can be a whole number of 22 at the precision
/// stated. A figure in percent is such a share when it names a count as its `percent_of`, or
/// when its measure is `part_of` a count measure (the shares of a breakdown).
struct PossiblePercentageClaim {
    var figure: Figure
    var stated: Located<StatedPercentage>
    /// The published whole: a whole number.
    var whole: Int
    var wholeLabel: String
    var label: String
    var area: String
    var period: String?

    /// The whole numbers of the whole nearest to the stated share: the only ones that can give
    /// it, since the percentages a whole number makes are evenly spaced.
    var nearest: [Int] {
        let exact = Decimal(whole) * stated.value.value / 100
        let below = exact.truncated(decimals: 0)
        let low = NSDecimalNumber(decimal: below).intValue
        return [low, low &+ 1].filter { (0...whole).contains($0) }
    }

    /// 100 × count ÷ whole, exactly.
    func percentage(of count: Int) -> Decimal { Decimal(count) * 100 / Decimal(whole) }

    /// A count whose share, rounded half up to the decimals stated, is the stated percentage.
    var roundedCount: Int? {
        nearest.first { percentage(of: $0).rounded(decimals: stated.value.decimals) == stated.value.value }
    }

    /// A count whose share, cut off at the decimals stated, is the stated percentage.
    var cutOffCount: Int? {
        nearest.first { percentage(of: $0).truncated(decimals: stated.value.decimals) == stated.value.value }
    }

    /// "7 of 22 is 31.8% and 8 of 22 is 36.4%": what the nearest counts give.
    var neighbours: String {
        ListFormat.and(
            nearest.map {
                "\($0) of \(whole) is \(percentage(of: $0).formatted(decimals: stated.value.decimals + 1))%"
            })
    }

    /// Every such share of the edition whose whole is a published whole number.
    static func all(in edition: Edition) -> [PossiblePercentageClaim] {
        let index = FigureIndex(edition)
        return edition.figures.indices.compactMap { position in
            // Plain counts, as nearly all figures are, are passed by in place.
            if case .count = edition.figures[position].quantity { return nil }
            let figure = edition.figures[position]
            guard case .percent(let stated) = figure.value.value, stated.value >= 0, stated.value <= 100,
                let measure = edition.measure(figure.measure.value),
                let wholeKey = figure.percentOf?.value ?? measure.partOf?.value,
                let wholeMeasure = edition.measure(wholeKey), wholeMeasure.unit == .count,
                index.range(area: figure.area.value, measure: wholeKey, like: figure)?.isExact == true,
                let value = index.value(area: figure.area.value, measure: wholeKey, like: figure),
                value.value > 0, let whole = Int(exactly: NSDecimalNumber(decimal: value.value).int64Value),
                Decimal(whole) == value.value
            else { return nil }
            return PossiblePercentageClaim(
                figure: figure, stated: Located(stated, at: figure.value.location), whole: whole,
                wholeLabel: wholeMeasure.label, label: measure.label, area: index.name(of: figure.area.value),
                period: edition.periodName(of: figure))
        }
    }
}

/// A share published without its count is one some whole number of its whole gives.
struct PossiblePercentageRule: Rule {
    let id = "percentages.possible"
    let summary =
        "A percentage published without its count, as a share of a published whole (percent_of a count, or part_of a count measure), is one that some whole number from 0 to the whole gives, rounded half up (or cut off, see the truncation rule) to the decimals stated."
    let rationale =
        "Of 22 cases no whole number is 33% at that precision (7 is 31.8%, 8 is 36.4%): a share that no count can give was mistyped or computed from another whole."
    let defaultSeverity = Severity.error
    let example =
        "North gives 33% for Cases seen within a week as a share of its 22 Cases, but no whole number of 22 is 33%: 7 of 22 is 31.8% and 8 of 22 is 36.4%"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        for claim in PossiblePercentageClaim.all(in: edition) {
            let shown = GovUKFormat.percentage(claim.stated.value)
            let whole = GovUKFormat.value(Decimal(claim.whole), unit: .count)
            log.expect(
                claim.roundedCount != nil || claim.cutOffCount != nil,
                "\(claim.figure.dataset): \(claim.figure.key) is a possible share of \(claim.whole)",
                "\(claim.area) gives \(shown) for \(claim.label)\(claim.period.inPeriod) as a share of its \(whole) \(claim.wholeLabel), but no whole number of \(whole) is \(shown): \(claim.neighbours)",
                at: claim.stated.location, expected: "a share a whole number of \(whole) gives", actual: shown,
                forReaders:
                    "\(claim.label) in \(claim.area)\(edition.periodForReaders(of: claim.figure).inPeriod) is given as \(shown) of \(whole), which no whole number of \(whole) gives (\(claim.neighbours)). The report shows it as published.",
                period: claim.period)
        }
    }
}
