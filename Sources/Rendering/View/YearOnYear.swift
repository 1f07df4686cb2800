import Foundation
import ReportModel

/// Last year's figures beside this year's, when the edition carries them (a scaffolded
/// edition's `previous` column), with the change.
struct YearOnYear {
    /// True when any figure of the table has a comparator.
    let isShown: Bool
    /// How readers know the two years: "2024/25", "2023/24".
    let current: String
    let previous: String

    init(spec: DatasetSpec, edition: Edition, figures: [Figure]) {
        isShown = figures.contains { $0.previous != nil }
        let period = spec.period ?? edition.manifest.reportingPeriod.period
        current = spec.period == nil ? edition.manifest.reportingPeriod.label : GovUKFormat.period(period)
        previous = GovUKFormat.period(period.shifted(years: -1))
    }

    /// The previous value and the change, for a figure's row.
    func cells(for figure: Figure?) -> [CellView] {
        guard let figure, let last = figure.previous else {
            return [
                CellView(text: "not stated", numeric: true, correctionHref: nil),
                CellView(text: "", numeric: true, correctionHref: nil),
            ]
        }
        guard figure.value.value.isExact, last.value.isExact else {
            // A bound ("40+") has no one value to subtract.
            return [
                CellView(text: GovUKFormat.quantity(last.value), numeric: true, correctionHref: nil),
                CellView(text: "not known", numeric: true, correctionHref: nil),
            ]
        }
        let change = figure.value.value.exact - last.value.exact
        let unit = figure.value.value.unit
        let sign = change > 0 ? "+" : change < 0 ? "\u{2212}" : ""
        let magnitude =
            unit == .percent
            ? (change < 0 ? -change : change).formatted(decimals: 1) + " points"
            : GovUKFormat.value(change < 0 ? -change : change, unit: unit)
        return [
            CellView(text: GovUKFormat.quantity(last.value), numeric: true, correctionHref: nil),
            CellView(text: change == 0 ? "no change" : sign + magnitude, numeric: true, correctionHref: nil),
        ]
    }
}
