import Foundation
import ReportModel

extension ChartSummary {
    /// What one series did over its periods, in a sentence: "Contacts in North rose from 1,000
    /// in April to June 2023 to 1,250 in January to March 2024, and was highest, 1,300, in
    /// October to December 2023." `entries` are the periods in order, named as readers say them.
    public static func series(_ heading: String, _ entries: [Entry]) -> String {
        guard let first = entries.first, let last = entries.last else { return "\(heading): no figures are given." }
        guard entries.count > 1 else { return "\(heading) was \(first.display) in \(first.name)." }
        let movement =
            last.value > first.value
            ? "rose from \(first.display) in \(first.name) to \(last.display) in \(last.name)"
            : last.value < first.value
                ? "fell from \(first.display) in \(first.name) to \(last.display) in \(last.name)"
                : "was \(first.display) in both \(first.name) and \(last.name)"
        let peaks = leaders(entries)
        // The highest is worth saying only when it lies between the ends.
        guard peaks.count == 1, let peak = peaks.first, peak.value > first.value, peak.value > last.value else {
            return "\(heading) \(movement)."
        }
        return "\(heading) \(movement), and was highest, \(peak.display), in \(peak.name)."
    }
}
