import Foundation
import ReportModel

/// The sentences that say what a chart shows. They are generated from the data, so they must
/// hold for every shape of it: one value, ties, zeros, a leader in some measures and not others.
public enum ChartSummary {
    /// A value as a chart shows it: who, how much, and how the report writes it.
    public struct Entry: Sendable {
        public var name: String
        public var value: Decimal
        public var display: String

        public init(name: String, value: Decimal, display: String) {
            self.name = name
            self.value = value
            self.display = display
        }
    }

    /// The names holding the largest value, in the order given; empty when there are none.
    static func leaders(_ entries: [Entry]) -> [Entry] {
        guard let top = entries.map(\.value).max() else { return [] }
        return entries.filter { $0.value == top }
    }

    /// One measure compared across areas: "Cumberland had the larger figure, 6.", or
    /// "Cumberland and Westmorland and Furness had the same figure, 6."
    public static func comparison(_ entries: [Entry]) -> String {
        let leaders = leaders(entries)
        guard let first = leaders.first else { return "No figures are given." }
        if entries.count == 1 { return "Only \(first.name) has a figure: \(first.display)." }
        if leaders.count == entries.count {
            let who = entries.count == 2 ? "Both areas" : "All \(GovUKFormat.count(entries.count)) areas"
            return "\(who) had the same figure, \(first.display)."
        }
        if leaders.count > 1 {
            return "\(ListFormat.and(leaders.map(\.name))) had the largest figure, \(first.display) each."
        }
        let most = entries.count == 2 ? "larger" : "largest"
        return "\(first.name) had the \(most) figure, \(first.display)."
    }

    /// Several measures compared across the same areas: who led in how many, and how many
    /// were level. `measures` holds each measure's entries.
    public static func comparison(ofMeasures measures: [[Entry]]) -> String {
        guard measures.count > 1 else { return comparison(measures.first ?? []) }
        var leads: [String: Int] = [:]
        var order: [String] = []
        var level = 0
        for entries in measures {
            let leaders = leaders(entries)
            if leaders.count == 1, entries.count > 1, let leader = leaders.first {
                if leads[leader.name] == nil { order.append(leader.name) }
                leads[leader.name, default: 0] += 1
            } else {
                level += 1
            }
        }
        let areas = measures.first?.count ?? 0
        let most = areas == 2 ? "larger" : "largest"
        let total = measures.count
        let ranked = order.sorted { (leads[$0] ?? 0) > (leads[$1] ?? 0) }
        var parts = ranked.map { name in
            "\(name) had the \(most) figure for \(count(leads[name] ?? 0, of: total))"
        }
        if level > 0 {
            parts.append("the figures were level for \(count(level, of: total))")
        }
        guard !parts.isEmpty else { return "" }
        let sentence = ListFormat.and(parts)
        return sentence.prefix(1).uppercased() + sentence.dropFirst() + "."
    }

    /// The largest part of a whole: "Police contributed the most, £21,344 of £231,675 (9.2%)."
    /// `leads` says what the largest did ("contributed the most"); `share`, when given, follows
    /// the total ("(9.2%)").
    public static func largestPart(_ entries: [Entry], leads: String, total: String, share: String = "") -> String {
        let leaders = leaders(entries)
        guard let first = leaders.first else { return "No figures are given." }
        if first.value == 0 { return "All the figures are zero." }
        guard leaders.count > 1 else { return "\(first.name) \(leads), \(first.display) of \(total)\(share)." }
        return "\(ListFormat.and(leaders.map(\.name))) \(leads), \(first.display) each, of \(total)."
    }

    private static func count(_ count: Int, of total: Int) -> String {
        let noun = total == 1 ? "measure" : "measures"
        if count == total {
            return total == 2 ? "both measures shown" : "all \(GovUKFormat.count(total)) \(noun) shown"
        }
        return "\(GovUKFormat.count(count)) of the \(GovUKFormat.count(total)) \(noun) shown"
    }
}
