import Foundation
import ReportModel

/// The stated shares of one whole add up to 100, within what rounding allows.
struct SharesOfWholeRule: Rule {
    let id = "shares.sum-to-whole"
    let summary =
        "The stated shares of a table's top-level rows add up to 100% within rounding: n shares may drift by n × half a unit in their last decimal place (plus the policy's share_tolerance)."
    let defaultSeverity = Severity.error
    let example =
        "the stated shares of budget add up to 101.3%: expected 100% give or take 0.15 percentage points for rounding"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        for table in PartsTable.all(in: edition) {
            let shares = table.topLevelParts.compactMap(\.statedPercentage)
            guard !shares.isEmpty, shares.count == table.topLevelParts.count, let first = shares.first
            else { continue }
            let sum = shares.sum(\.value.value)
            let allowance = shares.sum { ShareAllowance.halfUnit($0.value) } + policy.shareTolerance
            log.expect(
                abs(sum - 100) <= allowance, "\(table.dataset): shares add up to 100%",
                "the stated shares of \(table.dataset) add up to \(sum.formatted(decimals: maxDecimals(shares)))%: expected 100% give or take \(allowance.formatted(decimals: maxDecimals(shares) + 1)) percentage points for rounding",
                at: first.location, expected: "100%", actual: sum.formatted(decimals: maxDecimals(shares)) + "%")
        }
    }

    private func maxDecimals(_ shares: [Located<StatedPercentage>]) -> Int {
        shares.map(\.value.decimals).max() ?? 0
    }
}

/// A group's stated share equals the sum of its members' stated shares, within rounding.
struct GroupShareRule: Rule {
    let id = "shares.group"
    let summary =
        "A group row's stated share equals the sum of its members' stated shares, within their rounding allowance."
    let defaultSeverity = Severity.error
    let example = "Health's share is stated as 45%, but its members' shares add up to 43.6%"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        for table in PartsTable.all(in: edition) {
            let members = Dictionary(grouping: table.rows.filter { $0.parent != nil }) { $0.parent?.value ?? "" }
            for group in table.rows {
                guard let share = group.statedPercentage, let parts = members[group.key.value],
                    parts.allSatisfy({ $0.statedPercentage != nil })
                else { continue }
                let shares = parts.compactMap(\.statedPercentage)
                let sum = shares.sum(\.value.value)
                let allowance =
                    shares.sum { ShareAllowance.halfUnit($0.value) }
                    + ShareAllowance.halfUnit(share.value) + policy.shareTolerance
                let decimals = (shares.map(\.value.decimals) + [share.value.decimals]).max() ?? 0
                log.expect(
                    abs(sum - share.value.value) <= allowance,
                    "\(table.dataset): \(group.key.value) share is the sum of its members' shares",
                    "\(group.key.value)'s share is stated as \(GovUKFormat.percentage(share.value)), but its members' shares add up to \(sum.formatted(decimals: decimals))%",
                    at: share.location, expected: sum.formatted(decimals: decimals) + "%",
                    actual: GovUKFormat.percentage(share.value))
            }
        }
    }
}

/// How far a rounded share may be from its exact value: half a unit in its last place.
enum ShareAllowance {
    static func halfUnit(_ share: StatedPercentage) -> Decimal {
        Decimal(sign: .plus, exponent: -share.decimals, significand: 5) / 10
    }
}
