import Foundation
import ReportModel

extension Measure {
    /// True for a share: a percentage declared `part_of` a count ("68% of the 22 cases were
    /// boys"), whose parts add up to 100% rather than to their headline.
    func isShare(in edition: Edition) -> Bool {
        guard unit == .percent, let whole = partOf?.value else { return false }
        return edition.measure(whole)?.unit == .count
    }
}

/// The shares of one whole in one breakdown add up to 100%, within what rounding allows.
struct ShareBreakdownRule: Rule {
    let id = "shares.breakdown"
    let summary =
        "Percentage measures declared part_of a count measure are its shares: in each area and period, the shares of one breakdown add up to 100% within rounding (n shares may drift by n × half a unit in their last place, plus the policy's share_tolerance), or to at most that when some are not stated or the breakdown is incomplete."
    let rationale =
        "A report may give the shares of a whole without their counts (\"of those 22 cases, 68% were boys and 33% girls\"); they still make one whole."
    let defaultSeverity = Severity.error
    let example =
        "North's shares of its Cases by sex (Boys and Girls) add up to 101%: expected 100% give or take 1 percentage point for rounding"

    /// One breakdown of one headline in one area and period.
    private struct Group: Hashable {
        var area: String
        var period: Period
        var headline: String
        var breakdown: String
    }

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let shares = edition.measures.filter { $0.isShare(in: edition) }
        guard !shares.isEmpty else { return }
        let byKey = Dictionary(shares.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var groups: [Group: [Figure]] = [:]
        var order: [Group] = []
        for figure in edition.figures {
            guard let measure = byKey[figure.measure.value], let headline = measure.partOf?.value else { continue }
            let group = Group(
                area: figure.area.value, period: edition.period(of: figure), headline: headline,
                breakdown: measure.breakdownName ?? "")
            if groups[group] == nil { order.append(group) }
            groups[group, default: []].append(figure)
        }
        let index = FigureIndex(edition)
        for group in order {
            guard let figures = groups[group] else { continue }
            let stated: [StatedPercentage] = figures.compactMap {
                if case .percent(let share) = $0.value.value { return share }
                return nil
            }
            // A share given as a bound ("<5%") has no one value to add.
            guard stated.count == figures.count, let first = figures.first else { continue }
            let parts = shares.filter {
                $0.partOf?.value == group.headline && ($0.breakdownName ?? "") == group.breakdown
            }
            let complete = figures.count == parts.count && !parts.contains(where: \.breakdownIsIncomplete)
            let sum = stated.sum(\.value)
            let allowance = stated.sum(ShareAllowance.halfUnit) + policy.shareTolerance
            let decimals = stated.map(\.decimals).max() ?? 0
            let headline = edition.measure(group.headline)?.label ?? group.headline
            let which = group.breakdown.isEmpty ? "" : " by \(group.breakdown)"
            let labels = ListFormat.and(figures.compactMap { edition.measure($0.measure.value)?.label })
            let period = edition.periodName(of: first)
            let shownSum = sum.formatted(decimals: decimals) + "%"
            let slack = allowance.formatted(decimals: decimals + 1)
            log.expect(
                complete ? abs(sum - 100) <= allowance : sum <= 100 + allowance,
                "\(first.dataset): \(group.area)/\(group.headline) shares\(which) add up to 100%",
                complete
                    ? "\(index.name(of: group.area))'s shares of its \(headline)\(which)\(period.inPeriod) (\(labels)) add up to \(shownSum): expected 100% give or take \(slack) percentage points for rounding"
                    : "\(index.name(of: group.area))'s shares of its \(headline)\(which)\(period.inPeriod) (\(labels)) already add up to \(shownSum), more than 100% give or take \(slack) percentage points for rounding",
                at: first.value.location, expected: complete ? "100%" : "at most 100%", actual: shownSum,
                period: period)
        }
    }
}
