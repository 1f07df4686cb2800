import Foundation
import ReportModel

/// "Decreased further to 16" beside a figure that was 10 last period is a claim the data
/// contradicts: a word of rise or fall just before a figure reference must agree with the
/// figure's previous value.
struct DirectionRule: Rule {
    let id = "narrative.direction"
    let summary =
        "A word of rise or fall (rose, increased, grew; fell, decreased, dropped) just before a reference to a figure with a previous value (the previous period of its series, or its previous column) agrees with the change from that value."
    let rationale =
        "Directions are typed by hand and survive corrections to the data; a reference to change() cannot go wrong."
    let defaultSeverity = Severity.warning
    let example =
        "the text says the figure fell, but cumberland/contacts went from 790 to 802: it rose (write {{= change(cumberland/contacts) }} to say it from the data)"

    /// The words, by the direction they claim; matched as whole words.
    static let rising = ["rose", "risen", "rising", "increased", "increasing", "grew", "grown"]
    static let falling = ["fell", "fallen", "falling", "decreased", "decreasing", "dropped", "declined", "reduced"]
    /// How far before a reference a direction word may stand: the words of the same clause.
    static let reach = 40

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        for section in edition.narrative {
            let bytes = Array(section.markdown.utf8)
            for reference in section.references {
                guard case .value(let key) = reference.expression, let figure = edition.figure(key),
                    let previous = edition.comparator(of: figure)?.value,
                    // A bound ("40+") says too little to tell a rise from a fall.
                    figure.value.value.isExact, previous.isExact
                else { continue }
                let start = max(0, reference.range.lowerBound - Self.reach)
                let before = String(decoding: bytes[start..<reference.range.lowerBound], as: UTF8.self)
                // Only the clause the reference ends: after the last full stop, semicolon or reference.
                let clause =
                    before.split(whereSeparator: { ".;:}\n".contains($0) }).last.map(String.init)?.lowercased() ?? ""
                let words = Set(clause.split(whereSeparator: { !$0.isLetter }).map(String.init))
                let claimsRise = !words.isDisjoint(with: Self.rising)
                let claimsFall = !words.isDisjoint(with: Self.falling)
                guard claimsRise != claimsFall else { continue }  // No direction, or both: nothing to check.
                let current = figure.value.value.exact
                let actual = current > previous.exact ? "rose" : current < previous.exact ? "fell" : "did not change"
                let claimed = claimsRise ? "rose" : "fell"
                let from = GovUKFormat.quantity(previous)
                let to = GovUKFormat.quantity(figure.value.value)
                log.expect(
                    actual == claimed, "\(section.spec.id): the direction before \(reference.text)",
                    "the text says the figure \(claimed), but \(key) went from \(from) to \(to): it \(actual) (write {{= change(\(key)) }} to say it from the data)",
                    at: reference.location, expected: "it \(actual)", actual: "it \(claimed)")
            }
        }
    }
}
