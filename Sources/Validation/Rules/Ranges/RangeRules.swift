import Foundation
import ReportModel

/// Counts and money are never negative.
struct NonNegativeRule: Rule {
    let id = "ranges.non-negative"
    let summary = "Counts, amounts of money and ranks are not negative (ranks start at 1)."
    let defaultSeverity = Severity.error
    let example = "Contacts received by the MASH is -802: expected a count of 0 or more"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        // Every figure is checked, so nothing is built for one unless it fails: the label and
        // subject are only made when asked for.
        for position in edition.figures.indices {
            // A count of zero or more, as nearly all are, passes without a decimal or a string made.
            if case .count(let count) = edition.figures[position].quantity, count >= 0 {
                log.pass {
                    Self.write(edition.figures[position], into: &$0)
                    $0 += Self.checked
                }
                continue
            }
            let value = edition.figures[position].value
            guard value.value.unit != .percent else { continue }
            let period = edition.periodName(of: edition.figures[position])
            expectNonNegative(
                value.value.exact, label: label(of: edition.figures[position], in: edition) + period.inPeriod,
                unit: value.value.unit, subject: String { Self.write(edition.figures[position], into: &$0) },
                at: value.location, period: period, log: &log)
        }
        for table in PartsTable.all(in: edition) {
            for row in table.rows {
                expectNonNegative(
                    row.value.value, label: row.key.value, unit: table.unit,
                    subject: "\(table.dataset): \(row.key.value)", at: row.value.location, log: &log)
            }
        }
        for item in edition.rankings {
            log.expect(
                item.rank.value >= 1, "\(item.dataset): \(item.key) rank",
                "rank \(item.rank.value) of \(item.list.value): expected ranks to start at 1",
                at: item.rank.location, expected: "1 or more", actual: String(item.rank.value))
        }
    }

    private func label(of figure: Figure, in edition: Edition) -> String {
        edition.measure(figure.measure.value)?.label ?? figure.measure.value
    }

    /// What is checked of a subject, as checks.csv names the check after the subject.
    private static let checked = " is not negative"

    /// A figure as the check's subject, `national: carlisle/contacts`, written into `text`: a
    /// million figures' checks are written without a string made for each.
    private static func write(_ figure: Figure, into text: inout String) {
        text += figure.dataset
        text += ": "
        figure.appendKey(to: &text)
    }

    private func expectNonNegative(
        _ value: Decimal, label: @autoclosure () -> String, unit: MeasureUnit, subject: @autoclosure () -> String,
        at location: SourceLocation, period: String? = nil, log: inout RuleLog
    ) {
        let kind = unit == .money ? "an amount" : "a count"
        log.expect(
            value >= 0, subject() + Self.checked,
            "\(label()) is \(GovUKFormat.value(value, unit: unit)): expected \(kind) of 0 or more",
            at: location, expected: "0 or more", actual: GovUKFormat.value(value, unit: unit), period: period)
    }
}

/// Percentages lie between 0 and 100.
struct PercentageRangeRule: Rule {
    let id = "ranges.percentage"
    let summary = "Every stated percentage lies between 0% and 100%."
    let defaultSeverity = Severity.error
    let example = "a stated percentage of 123.5%: expected 0% to 100%"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        // Figures are looked at in place, and further only when they may hold a percentage:
        // a million plain counts need no more.
        let stated: [(String, Located<StatedPercentage>, String?)] =
            edition.figures.indices.compactMap { position in
                guard !edition.figures[position].isPlain else { return nil }
                let figure = edition.figures[position]
                return figure.statedPercentage.map {
                    ("\(figure.dataset): \(figure.key)", $0, edition.periodName(of: figure))
                }
            }
            + edition.parts.compactMap { row in
                row.statedPercentage.map { ("\(row.dataset): \(row.part.value)", $0, nil) }
            }
            + edition.rankings.compactMap { item in
                item.statedPercentage.map { ("\(item.dataset): \(item.key)", $0, nil) }
            }
            + edition.figures.indices.compactMap { position in
                if case .count = edition.figures[position].quantity { return nil }
                let figure = edition.figures[position]
                // A percentage given as a bound ("<5%") has its limit checked.
                var value = figure.value.value
                if case .bound(let bound) = value { value = bound.limit }
                guard case .percent(let percentage) = value else { return nil }
                return (
                    "\(figure.dataset): \(figure.key) value", Located(percentage, at: figure.value.location),
                    edition.periodName(of: figure)
                )
            }
        for (subject, percentage, period) in stated {
            log.expect(
                (0...100).contains(percentage.value.value), "\(subject) percentage in range",
                "a stated percentage of \(GovUKFormat.percentage(percentage.value))\(period.inPeriod): expected 0% to 100%",
                at: percentage.location, expected: "0% to 100%", actual: GovUKFormat.percentage(percentage.value),
                period: period)
        }
    }
}
