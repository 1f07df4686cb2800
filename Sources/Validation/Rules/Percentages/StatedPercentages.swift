import Foundation
import ReportModel

/// A stated percentage with the numerator and denominator it claims to be the ratio of. Its
/// texts are made only when a message needs them: an edition may state thousands.
struct PercentageClaim {
    var stated: Located<StatedPercentage>
    var numerator: Decimal
    var denominator: Decimal
    /// What was checked, for subjects: "performance: cumberland/referrals stated percentage".
    private let subjectText: () -> String
    /// What the percentage is of, for messages: "189 of 802 (Contacts ... in Cumberland)".
    private let describe: () -> String
    /// What the percentage is and the counts behind it, in readers' words:
    /// ("Referrals to children's social care in Cumberland", "189 of 802").
    private let describeForReaders: () -> (what: String, counts: String)

    init(
        stated: Located<StatedPercentage>, numerator: Decimal, denominator: Decimal,
        subject: @escaping () -> String, description: @escaping () -> String,
        forReaders: @escaping () -> (what: String, counts: String)
    ) {
        self.stated = stated
        self.numerator = numerator
        self.denominator = denominator
        subjectText = subject
        describe = description
        describeForReaders = forReaders
    }

    var subject: String { subjectText() }
    var description: String { describe() }
    var forReaders: (what: String, counts: String) { describeForReaders() }

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
        // Most figures state no percentage: look before copying one.
        return edition.figures.indices.compactMap { position in
            guard !edition.figures[position].isPlain, edition.figures[position].statedPercentage != nil,
                edition.figures[position].percentOf != nil
            else { return nil }
            let figure = edition.figures[position]
            guard let stated = figure.statedPercentage, let of = figure.percentOf,
                let measure = edition.measure(figure.measure.value),
                let whole = index.value(area: figure.area.value, measure: of.value, like: figure),
                let wholeMeasure = edition.measure(of.value),
                // A share of or in a bound ("<5 of 40") or a symbol ("c of 40") has no one value
                // to check.
                figure.value.value.isExact,
                index.range(area: figure.area.value, measure: of.value, like: figure)?.isExact == true
            else { return nil }
            return PercentageClaim(
                stated: stated, numerator: figure.value.value.exact, denominator: whole.value,
                subject: { "\(figure.dataset): \(figure.key) stated percentage" },
                description: {
                    let part = GovUKFormat.value(figure.value.value.exact, unit: measure.unit)
                    let total = GovUKFormat.value(whole.value, unit: wholeMeasure.unit)
                    let derived = whole.derived ? ", the sum of its areas" : ""
                    return
                        "\(part) of \(total) (\(wholeMeasure.label) in \(index.name(of: figure.area.value))\(derived))"
                },
                forReaders: {
                    let part = GovUKFormat.value(figure.value.value.exact, unit: measure.unit)
                    let total = GovUKFormat.value(whole.value, unit: wholeMeasure.unit)
                    return (
                        "\(measure.label) in \(index.name(of: figure.area.value))",
                        "\(part) of \(total) (\(wholeMeasure.label.lowercasedFirst))"
                    )
                })
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
                    stated: stated, numerator: row.value.value, denominator: whole,
                    subject: { "\(table.dataset): \(row.key.value) stated percentage" },
                    description: { "\(row.key.value)'s \(part) of \(total)" },
                    forReaders: {
                        let title = edition.manifest.datasets.first { $0.id == table.dataset }?.title ?? table.dataset
                        return ("\(row.key.value)'s share of \(title.lowercasedFirst)", "\(part) of \(total)")
                    })
            }
        }
    }
}
