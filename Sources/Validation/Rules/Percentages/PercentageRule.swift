import Foundation
import ReportModel

/// A stated percentage agrees with its numerator and denominator: it equals the exact ratio
/// rounded half up, or (see the truncation rule) cut off, to the decimals stated.
struct PercentageRule: Rule {
    let id = "percentages.stated"
    let summary =
        "A stated percentage p with d decimals equals 100 × numerator ÷ denominator rounded half up to d decimals (or, for the truncation rule, cut to d decimals)."
    let defaultSeverity = Severity.error
    let example = "45% is stated, but £101,103 of £231,675 is 43.64%, which rounds to 44%"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        for claim in PercentageClaim.all(in: edition) {
            let stated = claim.stated.value
            let shown = GovUKFormat.percentage(stated)
            guard let exact = claim.computed else {
                log.fail(
                    claim.subject, "\(shown) is stated, but it is a share of \(claim.description), which is zero",
                    at: claim.stated.location, expected: "a denominator above zero", actual: "0", period: claim.period)
                continue
            }
            let rounded = exact.rounded(decimals: stated.decimals)
            let truncated = exact.truncated(decimals: stated.decimals)
            let expected = rounded.formatted(decimals: stated.decimals) + "%"
            log.expect(
                stated.value == rounded || stated.value == truncated, claim.subject,
                "\(shown) is stated, but \(claim.description) is \(exact.formatted(decimals: stated.decimals + 2))%, which rounds to \(expected)",
                at: claim.stated.location, expected: expected, actual: shown, period: claim.period)
        }
    }
}

/// A stated percentage was cut off rather than rounded: close, but not what rounding gives.
struct PercentageTruncationRule: Rule {
    let id = "percentages.truncated"
    let summary =
        "A stated percentage that equals the exact ratio cut off (not rounded) to its decimals is flagged, naming the rounded value."
    let rationale =
        "Truncation biases every figure downwards; readers expect rounding. The contract makes it a warning rather than an error."
    let defaultSeverity = Severity.warning
    let example = "23.5% is stated, but 189 of 802 is 23.57%: it was cut off rather than rounded to 23.6%"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        checkPossibleShares(edition, log: &log)
        for claim in PercentageClaim.all(in: edition) {
            let stated = claim.stated.value
            guard let exact = claim.computed else { continue }
            let rounded = exact.rounded(decimals: stated.decimals)
            // Only percentages that are either rounded or cut off are this rule's business;
            // any other mismatch is the rounding rule's error.
            guard stated.value == rounded || stated.value == exact.truncated(decimals: stated.decimals)
            else { continue }
            let expected = rounded.formatted(decimals: stated.decimals) + "%"
            log.expect(
                stated.value == rounded, "\(claim.subject) is rounded, not cut off",
                "\(GovUKFormat.percentage(stated)) is stated, but \(claim.description) is \(exact.formatted(decimals: stated.decimals + 2))%: it was cut off rather than rounded to \(expected)",
                at: claim.stated.location, expected: expected, actual: GovUKFormat.percentage(stated),
                forReaders: {
                    let (what, counts) = claim.forReaders
                    return
                        "\(what) is given as \(GovUKFormat.percentage(stated)), but \(counts) is \(exact.formatted(decimals: stated.decimals + 2))%, which rounds to \(expected): the figure was cut off rather than rounded. The report shows it as published."
                }(), period: claim.period)
        }
    }
}

extension PercentageTruncationRule {
    /// A share published without its count that only cutting off makes possible: no whole
    /// number of its whole, rounded, gives it.
    func checkPossibleShares(_ edition: Edition, log: inout RuleLog) {
        for claim in PossiblePercentageClaim.all(in: edition) {
            guard let cut = claim.cutOffCount else { continue }
            let shown = GovUKFormat.percentage(claim.stated.value)
            let decimals = claim.stated.value.decimals
            let exact = claim.percentage(of: cut)
            let expected = exact.rounded(decimals: decimals).formatted(decimals: decimals) + "%"
            let whole = GovUKFormat.value(Decimal(claim.whole), unit: .count)
            log.expect(
                claim.roundedCount != nil,
                "\(claim.figure.dataset): \(claim.figure.key) share of \(claim.whole) is rounded, not cut off",
                "\(claim.area) gives \(shown) for \(claim.label)\(claim.period.inPeriod) as a share of its \(whole) \(claim.wholeLabel), but no whole number of \(whole) rounds to \(shown): \(cut) of \(whole) is \(exact.formatted(decimals: decimals + 2))%, cut off rather than rounded to \(expected)",
                at: claim.stated.location, expected: expected, actual: shown,
                forReaders:
                    "\(claim.label) in \(claim.area)\(edition.periodForReaders(of: claim.figure).inPeriod) is given as \(shown) of \(whole), but \(cut) of \(whole) is \(exact.formatted(decimals: decimals + 2))%, which rounds to \(expected): the figure was cut off rather than rounded. The report shows it as published.",
                period: claim.period)
        }
    }
}

/// A figure's stated percentage names no denominator, so nobody can check it.
struct UnverifiablePercentageRule: Rule {
    let id = "percentages.no-denominator"
    let summary =
        "A figure's stated percentage names the measure it is a share of (percent_of), so that it can be checked."
    let rationale =
        "A percentage whose denominator is not published cannot be verified by readers or by this tool; the scrutineer should know which ones."
    let defaultSeverity = Severity.warning
    let example =
        "3.68% is stated beside Cumberland's figure, but the report does not say what it is a percentage of, so it cannot be checked"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let index = FigureIndex(edition)
        for figure in edition.figures {
            guard let stated = figure.statedPercentage else { continue }
            let label = edition.measure(figure.measure.value)?.label ?? figure.measure.value
            let period = edition.periodName(of: figure)
            let periodForReaders = edition.periodForReaders(of: figure)
            log.expect(
                figure.percentOf != nil, "\(figure.dataset): \(figure.key) percentage has a denominator",
                "\(GovUKFormat.percentage(stated.value)) is stated beside \(index.name(of: figure.area.value))'s \(label)\(period.inPeriod), but the data does not say what it is a percentage of, so it cannot be checked",
                at: stated.location, expected: "a percent_of measure", actual: "none",
                forReaders:
                    "\(label) in \(index.name(of: figure.area.value))\(periodForReaders.inPeriod) is given as \(GovUKFormat.percentage(stated.value)), but the partnership does not say what it is a percentage of, so it could not be checked.",
                period: period)
        }
    }
}
