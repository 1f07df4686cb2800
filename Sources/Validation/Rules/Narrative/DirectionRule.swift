import Foundation
import ReportModel

/// "Decreased further to 16" beside a figure that was 10 last period is a claim the data
/// contradicts: a word of rise or fall just before a figure reference must agree with the
/// figure's previous value.
struct DirectionRule: Rule {
    let id = "narrative.direction"
    let summary =
        "What the words around a reference to a figure with a previous value (the previous period of its series, or its previous column) say of its change agrees with the change from that value: a rise or fall before it (rose to, an increase in ... to, was slightly down at, a third fewer) or after it (, up from last year; (down 12%)), a ratio (doubled, halved, twice as many: within a fifth of the factor), or no change (unchanged: none; broadly the same, stable: within a tenth); the size of a change (fell by, up N on), a comparison (fewer than), the earlier value (up from) and a negation say nothing to check."
    let rationale =
        "Directions are typed by hand and survive corrections to the data; a reference to change() cannot go wrong."
    let defaultSeverity = Severity.warning
    let example =
        "the text says the figure fell, but cumberland/contacts went from 790 to 802: it rose (write {{= change(cumberland/contacts) }} to say it from the data)"

    /// How far around a reference its sentence is read: the words of the same clause, and an
    /// earlier reference it continues ("from {{= previous(x) }} to {{= x }}").
    static let reach = 100

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        for section in edition.narrative {
            let bytes = Array(section.markdown.utf8)
            for (position, reference) in section.references.enumerated() {
                guard case .value(let key) = reference.expression, let figure = edition.figure(key) else { continue }
                let named = Self.namedPeriod(
                    comparing: figure, at: position, in: section.references, bytes: bytes, edition: edition)
                let compared = named.map { edition.comparator(of: figure, in: $0) } ?? edition.comparator(of: figure)
                guard let previous = compared?.value,
                    // A bound ("40+") says too little to tell a rise from a fall.
                    figure.value.value.isExact, previous.isExact
                else { continue }
                let start = max(0, reference.range.lowerBound - Self.reach)
                let end = min(bytes.count, reference.range.upperBound + Self.reach)
                let before = String(decoding: bytes[start..<reference.range.lowerBound], as: UTF8.self)
                let after = String(decoding: bytes[reference.range.upperBound..<end], as: UTF8.self)
                guard let claim = DirectionClaim.read(before: before, after: after) else { continue }
                let current = figure.value.value.exact
                let from =
                    GovUKFormat.quantity(previous) + (named.map { " in \(PeriodSpelling.spelling(of: $0))" } ?? "")
                let since = named.map { "\(key), \(PeriodSpelling.spelling(of: $0))" } ?? key
                let to = GovUKFormat.quantity(figure.value.value)
                let change = Self.change(from: previous.exact, to: current)
                guard let wrong = Self.contradiction(claim, from: previous.exact, to: current) else {
                    log.pass("\(section.spec.id): the direction before \(reference.text)")
                    continue
                }
                log.fail(
                    "\(section.spec.id): the direction before \(reference.text)",
                    "the text says the figure \(claim.words), but \(key) went from \(from) to \(to): \(wrong) (write {{= change(\(since)) }} to say it from the data)",
                    at: reference.location, expected: change, actual: "it \(claim.words)",
                    period: edition.periodName(of: figure))
            }
        }
    }

    /// The period a sentence compares the figure with, when it names one by a reference to
    /// `previous(key, period)` of the same figure joined to it: "{{= x }}, down from {{=
    /// previous(x, 2021/22) }}", "fell from {{= previous(x, 2021/22) }} to {{= x }}".
    static func namedPeriod(
        comparing figure: Figure, at position: Int, in references: [FigureReference], bytes: [UInt8],
        edition: Edition
    ) -> Period? {
        func sameFigure(_ other: FigureReference) -> Period? {
            guard case .previousIn(let key, let period) = other.expression, let named = edition.figure(key),
                named.area.value == figure.area.value, named.measure.value == figure.measure.value
            else { return nil }
            return period
        }
        func joined(_ range: Range<Int>) -> String? {
            guard range.lowerBound <= range.upperBound, range.count <= reach else { return nil }
            let text = String(decoding: bytes[range], as: UTF8.self)
            return text.contains(where: { ".;!?\n".contains($0) }) ? nil : text
        }
        let reference = references[position]
        if position + 1 < references.count, let period = sameFigure(references[position + 1]),
            joined(reference.range.upperBound..<references[position + 1].range.lowerBound) != nil
        {
            return period
        }
        if position > 0, let period = sameFigure(references[position - 1]),
            let between = joined(references[position - 1].range.upperBound..<reference.range.lowerBound),
            between.trimmingCharacters(in: .whitespaces).lowercased() == "to"
        {
            return period
        }
        return nil
    }

    /// "it rose", "it fell", "it did not change".
    static func change(from previous: Decimal, to current: Decimal) -> String {
        current > previous ? "it rose" : current < previous ? "it fell" : "it did not change"
    }

    /// What the data says instead of the claim, or nil when it agrees.
    static func contradiction(_ claim: DirectionClaim, from previous: Decimal, to current: Decimal) -> String? {
        let change = change(from: previous, to: current)
        switch claim.kind {
        case .rise where current <= previous, .fall where current >= previous:
            return change
        case .same:
            if claim.exactlySame { return current == previous ? nil : change }
            // "Broadly the same": within a tenth of the earlier value.
            let allowed = abs(previous) / 10
            return abs(current - previous) <= allowed
                ? nil : "\(change) by \(percentChange(from: previous, to: current))"
        default:
            guard let factor = claim.factor, previous > 0 else { return nil }
            // A ratio word is held to its factor within a fifth either way ("more than doubled":
            // at least the factor).
            let ratio = current / previous
            let holds =
                claim.atLeastFactor
                ? (factor > 1 ? ratio >= factor : ratio <= factor)
                : ratio >= factor * Decimal(sign: .plus, exponent: -1, significand: 8)
                    && ratio <= factor * Decimal(sign: .plus, exponent: -1, significand: 12)
            return holds
                ? nil
                : "\(change) by \(percentChange(from: previous, to: current)), \(ratio.formatted(decimals: 2)) times"
        }
    }

    /// "11.1%": the size of a change as a share of the earlier value.
    static func percentChange(from previous: Decimal, to current: Decimal) -> String {
        guard previous != 0 else { return GovUKFormat.value(abs(current - previous), unit: .count) }
        return (abs(current - previous) * 100 / abs(previous)).formatted(decimals: 1) + "%"
    }
}
