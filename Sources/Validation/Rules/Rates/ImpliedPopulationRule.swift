import Foundation
import ReportModel

/// Where a population is not published, each rate of it implies it: count ÷ rate, within
/// rounding. Rates of one population in one area and period must imply one population.
struct ImpliedPopulationRule: Rule {
    let id = "rates.population"
    let summary =
        "Where the population a rate is of (rate_of) is not published, the rates of that population in one area and period imply populations (count × per ÷ rate, the rate rounded or cut off) that share a whole number."
    let rationale =
        "A report may print \"211.4 per 10,000 children\" without the number of children; two rates that imply different numbers of children cannot both be right."
    let defaultSeverity = Severity.error
    let example =
        "Cumberland's Referrals, 189 at 45.0 per 10,000 Children aged 0 to 17, imply 41,954 to 42,045 of them, but its rates before (Contacts) imply 69,995 to 70,028"

    /// One population: an area, a population measure and a period.
    private struct Population: Hashable {
        var area: String
        var measure: String
        var period: Period
    }

    /// The populations a rate implies: more than `lower`, at most `upper` (nil: any above).
    private struct Implied {
        var lower: Decimal
        var upper: Decimal?

        /// The whole numbers in it, for messages: "69,995 to 70,028".
        var shown: String {
            let first = GovUKFormat.value(lower.truncated(decimals: 0) + 1, unit: .count)
            guard let upper else { return "at least \(first)" }
            return "\(first) to \(GovUKFormat.value(upper.truncated(decimals: 0), unit: .count))"
        }

        /// True when some whole number lies in it.
        var holdsWholeNumber: Bool { upper.map { $0.truncated(decimals: 0) > lower } ?? true }

        func meeting(_ other: Implied) -> Implied {
            let upper: Decimal? =
                switch (self.upper, other.upper) {
                case (let a?, let b?): min(a, b)
                case (let a?, nil): a
                case (nil, let b): b
                }
            return Implied(lower: max(lower, other.lower), upper: upper)
        }
    }

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        var groups: [Population: [RateClaim]] = [:]
        var order: [Population] = []
        for claim in RateClaim.all(in: edition) where claim.population == nil && claim.count > 0 {
            let key = Population(
                area: claim.figure.area.value, measure: claim.populationKey, period: edition.period(of: claim.figure))
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(claim)
        }
        for key in order {
            guard let claims = groups[key], claims.count > 1 else { continue }
            var agreed: Implied?
            var agreeing: [String] = []
            for claim in claims {
                let window = claim.window
                guard let high = window.upper, let low = window.lower else { continue }
                let implied = Implied(lower: claim.count / high, upper: low > 0 ? claim.count / low : nil)
                guard let before = agreed else {
                    agreed = implied
                    agreeing.append(claim.label)
                    continue
                }
                let both = before.meeting(implied)
                let subject =
                    "\(claim.figure.dataset): \(claim.figure.key) implies the \(key.measure) of its other rates"
                let count = GovUKFormat.value(claim.count, unit: claim.figure.value.value.unit)
                log.expect(
                    both.holdsWholeNumber, subject,
                    "\(claim.area)'s \(claim.label)\(claim.period.inPeriod), \(count) at \(claim.stated.value) \(claim.populationLabel), imply \(implied.shown) of them, but its rates before (\(ListFormat.and(agreeing))) imply \(before.shown)",
                    at: claim.stated.location, expected: "a rate implying \(before.shown)",
                    actual: claim.stated.value.description, period: claim.period)
                if both.holdsWholeNumber {
                    agreed = both
                    agreeing.append(claim.label)
                }
            }
        }
    }
}

/// A subset's rate of a population is at most its whole's rate of the same population.
struct SubsetRateRule: Rule {
    let id = "rates.subset"
    let summary =
        "Where a measure is subset_of or part_of another and both state a rate of one population in one area and period, the subset's rate is not above the whole's (each within its rounding)."
    let defaultSeverity = Severity.error
    let example =
        "Cumberland's rate for Referrals, 250.0 per 10,000, is above its rate for Contacts, 211.4 per 10,000, of which Referrals are a subset"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let claims = RateClaim.all(in: edition)
        guard !claims.isEmpty else { return }
        let index = FigureIndex(edition)
        var byFigure: [String: RateClaim] = [:]
        for claim in claims {
            byFigure[Self.key(claim.figure, claim.populationKey, edition)] = claim
        }
        for claim in claims {
            guard let measure = edition.measure(claim.figure.measure.value),
                let whole = measure.subsetOf?.value ?? measure.partOf?.value,
                let wholeFigure = index.figure(area: claim.figure.area.value, measure: whole, like: claim.figure),
                let wholeClaim = byFigure[Self.key(wholeFigure, claim.populationKey, edition)],
                let low = claim.window.lower, let high = wholeClaim.window.upper
            else { continue }
            log.expect(
                low < high, "\(claim.figure.dataset): \(claim.figure.key) rate at most \(wholeFigure.key)'s",
                "\(claim.area)'s rate for \(claim.label)\(claim.period.inPeriod), \(claim.stated.value), is above its rate for \(wholeClaim.label), \(wholeClaim.stated.value), of which \(claim.label) are a \(measure.subsetOf != nil ? "subset" : "part")",
                at: claim.stated.location, expected: "at most \(wholeClaim.stated.value)",
                actual: claim.stated.value.description, period: claim.period)
        }
    }

    private static func key(_ figure: Figure, _ population: String, _ edition: Edition) -> String {
        "\(figure.key)@\(edition.period(of: figure))#\(population)"
    }
}
