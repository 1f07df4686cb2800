import ReportModel

/// The abbreviations the report may use.
enum GlossaryDataset: DatasetKind {
    static let schema = DatasetSchema(
        name: "glossary",
        summary: "Abbreviations and what they stand for.",
        columns: [
            .required("abbreviation", .text, "as written in the report: CDOP"),
            .required("expansion", .text, "what it stands for"),
        ],
        key: ["abbreviation"])

    static func record(
        from row: TypedRow, dataset: String, context: IngestContext, findings: inout [Finding]
    ) -> GlossaryEntry? {
        guard let abbreviation = row.text("abbreviation"), let expansion = row.text("expansion")
        else { return nil }
        return GlossaryEntry(
            dataset: dataset, abbreviation: abbreviation, expansion: expansion.value,
            location: row.location)
    }
}
