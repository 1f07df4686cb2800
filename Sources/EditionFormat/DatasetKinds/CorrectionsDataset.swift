import ReportModel

/// Corrections to published figures. The corrected value lives in its dataset; this records
/// what was published instead and why it changed.
struct CorrectionsDataset: DatasetKind {
    var schema: DatasetSchema { Self.schema }

    static let schema = DatasetSchema(
        name: "corrections",
        summary:
            "Corrections to published figures: which dataset, row and column, the value as published, and the reason. The corrected value is the one in the dataset.",
        columns: [
            .required("dataset", .text, "the id of the dataset holding the corrected value"),
            .required("key", .text, "the row's key in that dataset, such as `Health` or `cumbria/children_0_19`"),
            .required("column", .text, "the corrected column, such as `stated_percent`"),
            .required("published_value", .text, "the value as first published, as printed"),
            .required("reason", .text, "why it was corrected, for the data-quality appendix"),
            .optional("date", .date, "the day it was corrected"),
        ],
        key: ["dataset", "key", "column"])

    func record(from row: TypedRow, dataset: String, context: DatasetContext, findings: inout [Finding]) -> Correction?
    {
        guard let target = row.text("dataset"), let key = row.text("key"),
            let column = row.text("column"), let published = row.text("published_value"),
            let reason = row.text("reason")
        else { return nil }
        return Correction(
            dataset: dataset, target: target, key: key, column: column,
            publishedValue: published.value, reason: reason.value, date: row.date("date")?.value,
            location: row.location)
    }

    func cell(_ column: String, of correction: Correction) -> String {
        switch column {
        case "dataset": correction.target.value
        case "key": correction.key.value
        case "column": correction.column.value
        case "published_value": correction.publishedValue
        case "reason": correction.reason
        case "date": correction.date?.description ?? ""
        default: ""
        }
    }

    /// Corrections are listed in the data-quality statement, not as a table of their own.
    func display(_ spec: DatasetSpec) -> DatasetDisplay { .none }

    var home: DatasetHome { .throughOthers }

    /// Next year's edition starts with no corrections: these were to last year's figures.
    var isCarriedForward: Bool { false }

    var isSourced: Bool { false }
}
