import Foundation
import ReportModel

/// A stated percentage with the numerator and denominator it claims to be the ratio of.
struct PercentageClaim {
    /// What the percentage is of, for subjects and messages: "189 of 802 (Contacts received by the MASH)".
    var subject: String
    var description: String
    var stated: Located<StatedPercentage>
    var numerator: Decimal
    var denominator: Decimal

    /// 100 × numerator / denominator, exactly to 38 digits; nil when the denominator is 0.
    var computed: Decimal? {
        denominator == 0 ? nil : 100 * numerator / denominator
    }

    /// Every stated percentage of the edition whose numerator and denominator are in the data:
    /// figures with `percent_of`, and table rows as shares of their table's total.
    static func all(in edition: Edition) -> [PercentageClaim] {
        figureClaims(edition) + tableClaims(edition)
    }

    private static func figureClaims(_ edition: Edition) -> [PercentageClaim] {
        let index = FigureIndex(edition)
        return edition.figures.compactMap { figure in
            guard let stated = figure.statedPercentage, let of = figure.percentOf,
                let measure = edition.measure(figure.measure.value),
                let whole = index.value(area: figure.area.value, measure: of.value),
                let wholeMeasure = edition.measure(of.value)
            else { return nil }
            let part = GovUKFormat.value(figure.value.value.exact, unit: measure.unit)
            let total = GovUKFormat.value(whole.value, unit: wholeMeasure.unit)
            let derived = whole.derived ? ", the sum of its areas" : ""
            return PercentageClaim(
                subject: "\(figure.dataset): \(figure.key) stated percentage",
                description:
                    "\(part) of \(total) (\(wholeMeasure.label) in \(index.name(of: figure.area.value))\(derived))",
                stated: stated, numerator: figure.value.value.exact, denominator: whole.value)
        }
    }

    private static func tableClaims(_ edition: Edition) -> [PercentageClaim] {
        PartsTable.all(in: edition).flatMap { table -> [PercentageClaim] in
            let whole = table.totals.first?.value.value ?? table.topLevelParts.sum(\.value.value)
            let total = GovUKFormat.value(whole, unit: table.unit)
            return table.rows.compactMap { row in
                guard let stated = row.statedPercentage else { return nil }
                let part = GovUKFormat.value(row.value.value, unit: table.unit)
                return PercentageClaim(
                    subject: "\(table.dataset): \(row.key.value) stated percentage",
                    description: "\(row.key.value)'s \(part) of \(total)", stated: stated,
                    numerator: row.value.value, denominator: whole)
            }
        }
    }
}
