import Foundation
import ReportModel

/// A figure with a stated rate: its count, the rate as printed, and the population it is per
/// so many of, when the data publishes it.
struct RateClaim {
    var figure: Figure
    var stated: Located<StatedRate>
    var count: Decimal
    var label: String
    var area: String
    var populationKey: String
    var populationLabel: String
    /// The published population (stated, or summed from child areas), when there is one.
    var population: (value: Decimal, derived: Bool)?
    var period: String?

    /// Every stated rate of the edition beside an exact count, with its population measure.
    static func all(in edition: Edition) -> [RateClaim] {
        let index = FigureIndex(edition)
        return edition.figures.indices.compactMap { position in
            guard !edition.figures[position].isPlain, edition.figures[position].statedRate != nil else { return nil }
            let figure = edition.figures[position]
            guard let stated = figure.statedRate, let of = figure.rateOf, !figure.value.value.isBound,
                let populationMeasure = edition.measure(of.value)
            else { return nil }
            // A population given as a bound has no one value to check against.
            let range = index.range(area: figure.area.value, measure: of.value, like: figure)
            let population =
                range?.isExact == true
                ? index.value(area: figure.area.value, measure: of.value, like: figure) : nil
            guard range == nil || population != nil else { return nil }
            return RateClaim(
                figure: figure, stated: stated, count: figure.value.value.exact,
                label: edition.measure(figure.measure.value)?.label ?? figure.measure.value,
                area: index.name(of: figure.area.value), populationKey: of.value,
                populationLabel: populationMeasure.label, population: population,
                period: edition.periodName(of: figure))
        }
    }

    /// The rates the count and population give, per one of the population, that the stated
    /// rate may stand for: from half a unit below it (rounded up to it) to a whole unit above
    /// (cut off to it), scaled to one.
    var window: ValueRange {
        let rate = stated.value
        let per = Decimal(rate.per)
        return ValueRange(
            lower: max(0, rate.value - rate.halfUnit) / per, upper: (rate.value + 2 * rate.halfUnit) / per,
            upperOpen: true)
    }

    /// "1,480 of 70,000 (Children aged 0 to 17 in Cumberland)".
    func description(unit: MeasureUnit) -> String {
        guard let population else { return "" }
        let derived = population.derived ? ", the sum of its areas" : ""
        return
            "\(GovUKFormat.value(count, unit: unit)) of \(GovUKFormat.value(population.value, unit: .count)) (\(populationLabel) in \(area)\(period.inPeriod)\(derived))"
    }
}

/// A stated rate agrees with its count and its published population: the exact rate rounded
/// half up (or, see the truncation rule, cut off) to the decimals stated.
struct StatedRateRule: Rule {
    let id = "rates.stated"
    let summary =
        "A stated rate r per 1,000, 10,000 or 100,000 of a published population (rate_of) equals count × per ÷ population rounded half up to r's decimals (or, for the truncation rule, cut off)."
    let rationale =
        "A rate off by a factor of ten, or worked out from last year's population, reads as plausibly as the right one."
    let defaultSeverity = Severity.error
    let example =
        "211.4 per 10,000 is stated, but 1,480 of 7,000 (Children aged 0 to 17 in Cumberland) is 2,114.29 per 10,000, which rounds to 2,114.3 per 10,000"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        for claim in RateClaim.all(in: edition) {
            guard let population = claim.population else { continue }
            let rate = claim.stated.value
            let subject = "\(claim.figure.dataset): \(claim.figure.key) stated rate"
            guard let exact = rate.exact(count: claim.count, population: population.value) else {
                log.fail(
                    subject,
                    "\(rate) is stated, but it is a rate of \(claim.populationLabel) in \(claim.area)\(claim.period.inPeriod), which is zero",
                    at: claim.stated.location, expected: "a population above zero", actual: "0", period: claim.period)
                continue
            }
            let rounded = exact.rounded(decimals: rate.decimals)
            let expected = GovUKFormat.grouped(rounded.formatted(decimals: rate.decimals)) + rate.perWords
            let unit = claim.figure.value.value.unit
            log.expect(
                rate.value == rounded || rate.value == exact.truncated(decimals: rate.decimals), subject,
                "\(rate) is stated, but \(claim.description(unit: unit)) is \(GovUKFormat.grouped(exact.formatted(decimals: rate.decimals + 2)))\(rate.perWords), which rounds to \(expected)",
                at: claim.stated.location, expected: expected, actual: rate.description, period: claim.period)
        }
    }
}

/// A stated rate was cut off rather than rounded.
struct RateTruncationRule: Rule {
    let id = "rates.truncated"
    let summary =
        "A stated rate that equals the exact rate cut off (not rounded) to its decimals is flagged, naming the rounded value."
    let defaultSeverity = Severity.warning
    let example =
        "211.4 per 10,000 is stated, but 1,480 of 69,990 (Children aged 0 to 17 in Cumberland) is 211.46 per 10,000: it was cut off rather than rounded to 211.5 per 10,000"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        for claim in RateClaim.all(in: edition) {
            let rate = claim.stated.value
            guard let population = claim.population,
                let exact = rate.exact(count: claim.count, population: population.value)
            else { continue }
            let rounded = exact.rounded(decimals: rate.decimals)
            guard rate.value == rounded || rate.value == exact.truncated(decimals: rate.decimals) else { continue }
            let expected = GovUKFormat.grouped(rounded.formatted(decimals: rate.decimals)) + rate.perWords
            let shownExact = GovUKFormat.grouped(exact.formatted(decimals: rate.decimals + 2)) + rate.perWords
            let unit = claim.figure.value.value.unit
            log.expect(
                rate.value == rounded,
                "\(claim.figure.dataset): \(claim.figure.key) stated rate is rounded, not cut off",
                "\(rate) is stated, but \(claim.description(unit: unit)) is \(shownExact): it was cut off rather than rounded to \(expected)",
                at: claim.stated.location, expected: expected, actual: rate.description,
                forReaders:
                    "\(claim.label) in \(claim.area)\(edition.periodForReaders(of: claim.figure).inPeriod) is given as \(rate), but the figures give \(shownExact), which rounds to \(expected): the rate was cut off rather than rounded. The report shows it as published.",
                period: claim.period)
        }
    }
}

/// A stated rate that names no population cannot be checked.
struct UnverifiableRateRule: Rule {
    let id = "rates.no-population"
    let summary =
        "A figure's stated rate names the population it is per so many of (rate_of), so that it can be checked."
    let defaultSeverity = Severity.warning
    let example =
        "211.4 per 10,000 is stated beside Cumberland's Contacts, but the data does not say what population it is of, so it cannot be checked"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let index = FigureIndex(edition)
        for position in edition.figures.indices where !edition.figures[position].isPlain {
            let figure = edition.figures[position]
            guard let stated = figure.statedRate else { continue }
            let label = edition.measure(figure.measure.value)?.label ?? figure.measure.value
            let period = edition.periodName(of: figure)
            log.expect(
                figure.rateOf != nil, "\(figure.dataset): \(figure.key) rate has a population",
                "\(stated.value) is stated beside \(index.name(of: figure.area.value))'s \(label)\(period.inPeriod), but the data does not say what population it is of, so it cannot be checked",
                at: stated.location, expected: "a rate_of measure", actual: "none",
                forReaders:
                    "\(label) in \(index.name(of: figure.area.value))\(edition.periodForReaders(of: figure).inPeriod) is given as \(stated.value), but the partnership does not say of what population, so it could not be checked.",
                period: period)
        }
    }
}
