import ReportModel

/// Corrections to published figures. The corrected value lives in its dataset; this records
/// what was published instead and why it changed.
enum CorrectionsDataset: DatasetKind {
    static let schema = DatasetSchema(
        name: "corrections",
        summary:
            "Corrections to published figures: which dataset, row and column, the value as published, and the reason. The corrected value is the one in the dataset.",
        columns: [
            .required("dataset", .text, "the id of the dataset holding the corrected value"),
            .required("key", .text, "the row's key in that dataset, such as Health or cumbria/children"),
            .required("column", .text, "the corrected column, such as stated_percent"),
            .required("published_value", .text, "the value as first published, as printed"),
            .required("reason", .text, "why it was corrected, for the data-quality appendix"),
            .optional("date", .date, "the day it was corrected"),
        ],
        key: ["dataset", "key", "column"])

    static func record(
        from row: TypedRow, dataset: String, context: IngestContext, findings: inout [Finding]
    ) -> Correction? {
        guard let target = row.text("dataset"), let key = row.text("key"),
            let column = row.text("column"), let published = row.text("published_value"),
            let reason = row.text("reason")
        else { return nil }
        return Correction(
            dataset: dataset, target: target, key: key, column: column,
            publishedValue: published.value, reason: reason.value, date: row.date("date")?.value,
            location: row.location)
    }
}
