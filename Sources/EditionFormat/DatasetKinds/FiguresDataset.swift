import ReportModel

/// Figures in long form: one row per area and measure. The same schema serves area context,
/// performance, training headlines and child death figures, so a partnership with other
/// councils or other measures needs new rows, not new code.
struct FiguresDataset: DirectlyReadKind {
    var schema: DatasetSchema { Self.schema }

    static let schema = DatasetSchema(
        name: "figures",
        summary:
            "Figures in long form, one per area and measure, with the percentage the report prints beside a figure and what it is a percentage of.",
        columns: [
            .required("area", .text, "an area key from the manifest").naming(.area),
            .required("measure", .text, "a measure key from the catalogue").naming(.measure),
            .present(
                "value", .measured,
                "the figure, in the measure's unit, a bound on it as the report prints it (`40+`, `fewer than 5`), or the symbol an official table prints instead (`c`, `low`, `k`, `x`, `z`, `u`); an empty cell is an error naming the figure and, when known, last year's value (a scaffolded edition starts with them empty)"
            ),
            .optional("stated_percent", .percent, "the percentage printed beside it, as printed"),
            .optional(
                "percent_of", .text,
                "the measure, in the same area, that `stated_percent` is a share of; empty when the report gives no denominator"
            ).naming(.measure),
            .optional(
                "period", .period,
                "the figure's own period when narrower than its dataset's, such as `2024-03` or `2023/24 Q3`; one area and measure may have a row per period (a series)"
            ),
            .optional("source", .text, "where the figure was first published"),
            .optional(
                "previous", .measured,
                "the same figure a year earlier; the report then shows both years and the change (`annual-report new` fills it from last year's edition)"
            ),
        ],
        key: ["area", "measure", "period"])

    func record(from row: TypedRow, dataset: String, context: DatasetContext, findings: inout [Finding]) -> Figure? {
        guard let area = row.text("area"), let measureKey = row.text("measure") else { return nil }
        guard let measure = context.measures[measureKey.value] else {
            findings.append(
                Finding(
                    rule: IngestRule.unknownReference.id, severity: .error,
                    message:
                        "unknown measure '\(measureKey.value)'\(Suggestion.hint(for: measureKey.value, among: context.measures.keys)): expected a measure from the measures catalogue",
                    location: measureKey.location, expected: "a measure key", actual: measureKey.value))
            return nil
        }
        let previous = row.text("previous").flatMap {
            quantity($0, as: "the previous value", of: measure, findings: &findings)
        }
        guard let rawValue = row.text("value") else {
            let last = previous.map { "; last year's was \(GovUKFormat.quantity($0.value))" } ?? ""
            findings.append(
                Finding(
                    rule: IngestRule.missingValue.id, severity: .error,
                    message:
                        "no value yet for \(area.value)/\(measure.key) (\(measure.label))\(last): expected \(measure.unit == .count ? "a whole number" : "a \(measure.unit.rawValue) value")",
                    location: row.location(column: row.fileColumn("value")),
                    expected: measure.label, actual: "an empty cell"))
            return nil
        }
        guard let value = quantity(rawValue, as: "the value", of: measure, findings: &findings) else { return nil }
        return Figure(
            dataset: dataset, area: area, measure: measureKey, value: value,
            statedPercentage: row.percent("stated_percent"), percentOf: row.text("percent_of"),
            period: row.period("period"), source: row.text("source")?.value, previous: previous,
            location: row.location)
    }

    func readDirectly(_ bytes: [UInt8], file: String, context: DatasetContext, into edition: inout Edition)
        -> [String: Int]?
    {
        let reader = FigureFileReader(file: file, dataset: context.spec.id, measures: context.measures)
        return edition.stage { reader.read(bytes, appendingTo: &$0) }
    }

    func cell(_ column: String, of figure: Figure) -> String {
        cell(Column(column), of: figure)
    }

    /// A figure's cells in `columns`, each column's name resolved once for all the rows: a
    /// dataset may hold a million.
    func cellWriter(columns: [String]) -> (Figure) -> [String] {
        let resolved = columns.map(Column.init)
        return { figure in resolved.map { cell($0, of: figure) } }
    }

    /// A column of the figures schema, known by its name.
    private enum Column {
        case area, measure, value, statedPercent, percentOf, period, source, previous, other

        init(_ name: String) {
            switch name {
            case "area": self = .area
            case "measure": self = .measure
            case "value": self = .value
            case "stated_percent": self = .statedPercent
            case "percent_of": self = .percentOf
            case "period": self = .period
            case "source": self = .source
            case "previous": self = .previous
            default: self = .other
            }
        }
    }

    private func cell(_ column: Column, of figure: Figure) -> String {
        switch column {
        case .area: return figure.areaKey
        case .measure: return figure.measureKey
        case .value: return PlainText.quantity(figure.quantity)
        default: break
        }
        // A plain figure has nothing in the other columns: it is not looked at further.
        guard !figure.isPlain else { return "" }
        switch column {
        case .statedPercent: return PlainText.percent(figure.statedPercentage)
        case .percentOf: return figure.percentOf?.value ?? ""
        case .period: return figure.period?.value.description ?? ""
        case .source: return figure.source ?? ""
        case .previous: return figure.previous.map { PlainText.quantity($0.value) } ?? ""
        case .area, .measure, .value, .other: return ""
        }
    }

    /// Next year's row: this year's value becomes the previous one, the value and stated
    /// percentage are left to fill in, and a figure's own period moves on a year.
    func nextYear(_ cells: [String: String], change: YearChange) -> [String: String]? {
        var next = PlainText.emptying(["value", "stated_percent"], in: cells)
        if let value = cells["value"], next["previous"] != nil { next["previous"] = value }
        if let period = cells["period"], let moved = change.nextPeriod(period) { next["period"] = moved }
        return next
    }

    func display(_ spec: DatasetSpec) -> DatasetDisplay { .figureGrid }

    /// Figures live in the edition's figure store, indexed by key for the rules.
    func records(of dataset: String, in edition: Edition) -> [Figure] {
        edition.figures(of: dataset)
    }

    func store(_ records: [Figure], dataset: String, in edition: inout Edition) {
        edition.stage(figures: records)
    }

    /// A cell read in the measure's unit, or nil after reporting why it cannot be.
    private func quantity(
        _ text: Located<String>, as role: String, of measure: Measure, findings: inout [Finding]
    ) -> Located<Quantity>? {
        switch ValueReader.quantity(text.value, unit: measure.unit) {
        case .success(let quantity): return Located(quantity, at: text.location)
        case .failure(let problem):
            findings.append(
                Finding(
                    rule: IngestRule.unreadableValue.id, severity: .error,
                    message: "cannot read '\(text.value)' as \(role) of \(measure.key): expected \(problem.expected)",
                    location: text.location, expected: problem.expected, actual: text.value))
            return nil
        }
    }
}
