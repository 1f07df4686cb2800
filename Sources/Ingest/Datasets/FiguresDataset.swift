import ReportModel

/// Figures in long form: one row per area and measure. The same schema serves area context,
/// performance, training headlines and child death figures, so a partnership with other
/// councils or other measures needs new rows, not new code.
enum FiguresDataset: DatasetKind {
    static let schema = DatasetSchema(
        name: "figures",
        summary: "Figures in long form, one per area and measure, with the percentage the report prints beside a figure and what it is a percentage of.",
        columns: [
            .required("area", .text, "an area key from the manifest"),
            .required("measure", .text, "a measure key from the measures catalogue"),
            .required("value", .measured, "the figure, read in its measure's unit"),
            .optional("stated_percent", .percent, "the percentage printed beside the figure, as printed"),
            .optional("percent_of", .text, "the measure, in the same area, that stated_percent is a share of; empty when the report gives no denominator"),
            .optional("period", .period, "the period of this figure when narrower than the dataset's, such as 2024-03"),
            .optional("source", .text, "where the figure was first published"),
        ],
        key: ["area", "measure"])

    static func record(
        from row: TypedRow, dataset: String, context: IngestContext, findings: inout [Finding]
    ) -> Figure? {
        guard let area = row.text("area"), let measureKey = row.text("measure"),
            let rawValue = row.text("value")
        else { return nil }
        guard let measure = context.measures[measureKey.value] else {
            findings.append(
                Finding(
                    rule: IngestRule.unknownReference.id, severity: .error,
                    message: "unknown measure '\(measureKey.value)'\(Suggestion.hint(for: measureKey.value, among: context.measures.keys)): expected a measure from the measures catalogue",
                    location: measureKey.location, expected: "a measure key", actual: measureKey.value))
            return nil
        }
        switch ValueReader.quantity(rawValue.value, unit: measure.unit) {
        case .failure(let problem):
            findings.append(
                Finding(
                    rule: IngestRule.unreadableValue.id, severity: .error,
                    message: "cannot read '\(rawValue.value)' as the value of \(measure.key): expected \(problem.expected)",
                    location: rawValue.location, expected: problem.expected, actual: rawValue.value))
            return nil
        case .success(let quantity):
            return Figure(
                dataset: dataset, area: area, measure: measureKey,
                value: Located(quantity, at: rawValue.location),
                statedPercentage: row.percent("stated_percent"), percentOf: row.text("percent_of"),
                period: row.period("period"), source: row.text("source")?.value,
                location: row.location)
        }
    }
}
