import Foundation
import ReportModel

/// A table of parts and their stated total, whatever the parts are: the budget's contributions
/// by agency, the completions of each training course, spending by heading, income by funder.
/// One kind serves them all; `budget` and `training-courses` are this kind with the columns
/// and words editions have always used, and `parts` takes its unit and words from the manifest
/// (`unit:`, `labels:`).
struct PartsDataset: DatasetKind {
    /// The column naming each part, and what it holds.
    var partColumn: (name: String, summary: String)
    /// The column of values, and what it holds.
    var valueColumn: (name: String, summary: String)
    /// The column of words shown beside each part ("mode"), when the kind has one.
    var detailColumn: (name: String, summary: String)?
    /// The table's unit; nil when each dataset's manifest entry gives it (`unit:`).
    var unit: MeasureUnit?
    /// Whether parts may be grouped (`parent`) and shown with stated shares.
    var hasGroups: Bool
    var name: String
    var summary: String
    /// The words the report uses unless the manifest's `labels:` says otherwise.
    var wording: PartsLayout
    var home: DatasetHome

    var schema: DatasetSchema {
        var columns: [ColumnSchema] = [.required(partColumn.name, .text, partColumn.summary)]
        if hasGroups {
            columns.append(
                .optional("parent", .text, "the group (another row's `\(partColumn.name)`) this one is a member of"))
        }
        if let detailColumn { columns.append(.optional(detailColumn.name, .text, detailColumn.summary)) }
        columns.append(.required(valueColumn.name, valueType, valueColumn.summary))
        if hasGroups {
            columns.append(
                .optional("stated_percent", .percent, "the share of the total the report prints, as printed"))
        }
        columns.append(
            .required(
                "row", .choice(RowKind.allCases.map(\.rawValue)), "`part` for a part, `total` for the stated total"))
        columns.append(
            .optional(
                "previous", valueType,
                "the same part's value a year earlier (`annual-report new` fills it from last year's edition)"))
        return DatasetSchema(name: name, summary: summary, columns: columns, key: [partColumn.name])
    }

    private var valueType: ColumnType {
        switch unit {
        case .money: .money
        case .count: .count
        default: .measured
        }
    }

    /// The budget: contributions by agency, agency groups as parents of their members, and the
    /// stated total.
    static let budget = PartsDataset(
        partColumn: ("agency", "the contributor, unique in the table"),
        valueColumn: ("amount", "the contribution in pounds"), detailColumn: nil, unit: .money, hasGroups: true,
        name: "budget",
        summary:
            "Budget contributions: one row per agency or agency group, members pointing at their group through parent, and one total row.",
        wording: PartsLayout(
            part: "Agency", value: "Contribution", detail: nil, share: "Share of total", chartBy: "by agency",
            leads: "contributed the most", valueColumn: "amount"),
        home: .appendix(.finance))

    /// The training programme: completions by course, and the stated grand total.
    static let trainingCourses = PartsDataset(
        partColumn: ("course", "the course title, unique in the table"),
        valueColumn: ("completions", "how many practitioners completed it"),
        detailColumn: ("mode", "how it was delivered: e-learning, blended, face to face, virtual"), unit: .count,
        hasGroups: false, name: "training-courses",
        summary:
            "Training courses with their delivery mode and completions, and one total row with the stated grand total.",
        wording: PartsLayout(
            part: "Course", value: "Completions", detail: "Delivery", share: nil, chartBy: "by course",
            leads: "had the most completions", valueColumn: "completions"),
        home: .appendix(.training))

    /// Any other parts table: its unit and words come from the manifest.
    static let general = PartsDataset(
        partColumn: ("part", "the part, unique in the table: an agency, a heading of spending, a course"),
        valueColumn: ("value", "the part's value, in the dataset's unit (the manifest's unit: money or count)"),
        detailColumn: ("detail", "words shown beside the part, such as how a course was delivered"), unit: nil,
        hasGroups: true, name: "parts",
        summary:
            "Any table of parts and their stated total (spending by heading, income by funder): the manifest gives its unit and the words the report shows it with (labels).",
        wording: PartsLayout(
            part: "Part", value: "Value", detail: nil, share: "Share of total", chartBy: "by part",
            leads: "was the largest part", valueColumn: "value"),
        home: .sectionOnly)

    func record(from row: TypedRow, dataset: String, context: DatasetContext, findings: inout [Finding]) -> PartRow? {
        let unit = self.unit ?? context.spec.unit ?? .count
        guard let part = row.text(partColumn.name),
            let value = decimal(valueColumn.name, in: row, unit: unit, findings: &findings),
            let kind = row.text("row").flatMap({ RowKind(rawValue: $0.value) })
        else { return nil }
        var record = PartRow(
            dataset: dataset, part: part, parent: row.text("parent"),
            detail: detailColumn.flatMap { row.text($0.name)?.value }, value: value, unit: unit,
            statedPercentage: row.percent("stated_percent"), kind: kind, location: row.location)
        record.previous = decimal("previous", in: row, unit: unit, findings: &findings)
        return record
    }

    private func decimal(_ column: String, in row: TypedRow, unit: MeasureUnit, findings: inout [Finding])
        -> Located<Decimal>?
    {
        if let money = row.money(column) { return money }
        if let count = row.count(column) { return Located(Decimal(count.value), at: count.location) }
        guard let text = row.text(column) else { return nil }
        switch ValueReader.quantity(text.value, unit: unit) {
        case .success(.symbol(let symbol)):
            // A parts table's rows add up to its total, which needs every row's number.
            let expected = "a number: a parts table adds its rows up, so every row needs one"
            findings.append(
                Finding(
                    rule: IngestRule.unreadableValue.id, severity: .error,
                    message:
                        "cannot read '\(text.value)' (\(symbol.symbol.meaning)) in column '\(column)': expected \(expected); give the figure in a figures dataset, which reads the symbols of official tables",
                    location: text.location, expected: expected, actual: text.value))
            return nil
        case .success(let quantity): return Located(quantity.exact, at: text.location)
        case .failure(let problem):
            findings.append(
                Finding(
                    rule: IngestRule.unreadableValue.id, severity: .error,
                    message:
                        "cannot read '\(text.value)' in column '\(valueColumn.name)': expected \(problem.expected)",
                    location: text.location, expected: problem.expected, actual: text.value))
            return nil
        }
    }

    func cell(_ column: String, of row: PartRow) -> String {
        switch column {
        case partColumn.name: row.part.value
        case "parent": row.parent?.value ?? ""
        case detailColumn?.name: row.detail ?? ""
        case valueColumn.name: PlainText.decimal(row.value.value)
        case "stated_percent": PlainText.percent(row.statedPercentage)
        case "row": row.kind.rawValue
        case "previous": row.previous.map { PlainText.decimal($0.value) } ?? ""
        default: ""
        }
    }

    /// The previous year's column is written only when some row has it, so a table that never
    /// used it is published as before.
    func writtenColumns(for records: [PartRow]) -> [String] {
        let previous = records.contains { $0.previous != nil }
        return schema.columns.map(\.name).filter { previous || $0 != "previous" }
    }

    /// Next year's row: this year's value becomes the previous one, and the value and share are
    /// left to fill in.
    func nextYear(_ cells: [String: String], change: YearChange) -> [String: String]? {
        var next = PlainText.emptying([valueColumn.name, "stated_percent"], in: cells)
        next["previous"] = cells[valueColumn.name] ?? ""
        return next
    }

    /// A table whose kind has no unit of its own needs the manifest's: money or count.
    func kindProblems(_ spec: DatasetSpec) -> [ManifestProblem] {
        let found = spec.unit.map { "unit: \($0.rawValue)" } ?? "no unit:"
        if let unit = self.unit {
            guard let given = spec.unit, given != unit else { return [] }
            return [
                ManifestProblem(
                    message: "a \(name) dataset is in \(unit.rawValue): expected no unit: (or unit: \(unit.rawValue))",
                    expected: "unit: \(unit.rawValue)", actual: found)
            ]
        }
        guard spec.unit != .money, spec.unit != .count else { return [] }
        return [
            ManifestProblem(
                message:
                    "a \(name) dataset adds up amounts or counts: expected unit: money or unit: count, found \(found)",
                expected: "unit: money or unit: count", actual: found)
        ]
    }

    func display(_ spec: DatasetSpec) -> DatasetDisplay {
        var wording = wording
        let labels = spec.labels
        wording.part = labels["part"] ?? wording.part
        wording.value = labels["value"] ?? wording.value
        wording.detail = labels["detail"] ?? wording.detail
        wording.share = labels["share"] ?? wording.share
        wording.chartBy = labels["chart_by"] ?? wording.chartBy
        wording.leads = labels["leads"] ?? wording.leads
        return .parts(wording)
    }
}
