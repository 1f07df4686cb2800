import Foundation
import ReportModel

/// A ranked list runs 1, 2, 3 without gaps, and its shares fall as the rank rises.
struct RankingOrderRule: Rule {
    let id = "rankings.order"
    let summary =
        "Each ranked list of an area runs 1, 2, 3… without gaps, its stated shares do not rise as the rank falls, and together they do not exceed 100%."
    let rationale =
        "A top-three list whose third item outscores its first, or whose shares exceed the whole, has been mistyped."
    let defaultSeverity = Severity.error
    let example = "Police is ranked 2 with 24%, above Education ranked 1 with 23%"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let lists = Dictionary(grouping: edition.rankings) { "\($0.dataset): \($0.list.value)/\($0.area.value)" }
        for name in lists.keys.sorted() {
            let items = (lists[name] ?? []).sorted { $0.rank.value < $1.rank.value }
            // Each rank follows the one before it, so one gap is reported once, not at every
            // later item.
            for (previous, item) in zip([nil] + items.map(\.rank.value), items) {
                let next = (previous ?? 0) + 1
                log.expect(
                    item.rank.value == next, "\(name) rank \(item.rank.value) follows \(previous ?? 0)",
                    "the list \(item.list.value) jumps to rank \(item.rank.value): expected rank \(next) next",
                    at: item.rank.location, expected: String(next), actual: String(item.rank.value))
            }
            for (higher, lower) in zip(items, items.dropFirst()) {
                guard let top = higher.statedPercentage, let next = lower.statedPercentage else { continue }
                log.expect(
                    next.value.value <= top.value.value,
                    "\(name): rank \(lower.rank.value) share not above rank \(higher.rank.value)",
                    "\(lower.item.value) is ranked \(lower.rank.value) with \(GovUKFormat.percentage(next.value)), above \(higher.item.value) ranked \(higher.rank.value) with \(GovUKFormat.percentage(top.value))",
                    at: next.location, expected: "at most \(GovUKFormat.percentage(top.value))",
                    actual: GovUKFormat.percentage(next.value))
            }
            let shares = items.compactMap(\.statedPercentage)
            if let first = shares.first {
                let sum = shares.sum(\.value.value)
                let allowance = shares.sum { ShareAllowance.halfUnit($0.value) }
                log.expect(
                    sum <= 100 + allowance, "\(name): shares within 100%",
                    "the stated shares of \(name) add up to \(sum.formatted(decimals: 1))%, more than the whole",
                    at: first.location, expected: "at most 100%", actual: "\(sum.formatted(decimals: 1))%")
            }
        }
    }
}
