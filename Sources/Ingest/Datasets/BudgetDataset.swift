import ReportModel

/// The partnership's budget: contributions by agency, agency groups as parents of their
/// members, and the stated total.
enum BudgetDataset: DatasetKind {
    static let schema = DatasetSchema(
        name: "budget",
        summary:
            "Budget contributions: one row per agency or agency group, members pointing at their group through parent, and one total row.",
        columns: [
            .required("agency", .text, "the contributor, unique in the table"),
            .optional("parent", .text, "the agency group this contribution belongs to"),
            .required("amount", .money, "the contribution in pounds"),
            .optional("stated_percent", .percent, "the share of the total the report prints, as printed"),
            .required(
                "row", .choice(RowKind.allCases.map(\.rawValue)), "part for a contribution, total for the stated total"),
        ],
        key: ["agency"])

    static func record(
        from row: TypedRow, dataset: String, context: IngestContext, findings: inout [Finding]
    ) -> BudgetContribution? {
        guard let agency = row.text("agency"), let amount = row.money("amount"),
            let kind = row.text("row").flatMap({ RowKind(rawValue: $0.value) })
        else { return nil }
        return BudgetContribution(
            dataset: dataset, agency: agency, parent: row.text("parent"), amount: amount,
            statedPercentage: row.percent("stated_percent"), kind: kind, location: row.location)
    }
}
