import ReportModel

/// The abbreviations the report may use.
struct GlossaryDataset: DatasetKind {
    var schema: DatasetSchema { Self.schema }

    static let schema = DatasetSchema(
        name: "glossary",
        summary: "Abbreviations and what they stand for.",
        columns: [
            .required("abbreviation", .text, "as written in the report: `CDOP`"),
            .required("expansion", .text, "what it stands for"),
        ],
        key: ["abbreviation"])

    func record(from row: TypedRow, dataset: String, context: DatasetContext, findings: inout [Finding])
        -> GlossaryEntry?
    {
        guard let abbreviation = row.text("abbreviation"), let expansion = row.text("expansion")
        else { return nil }
        return GlossaryEntry(
            dataset: dataset, abbreviation: abbreviation, expansion: expansion.value,
            location: row.location)
    }

    func cell(_ column: String, of entry: GlossaryEntry) -> String {
        switch column {
        case "abbreviation": entry.abbreviation.value
        case "expansion": entry.expansion
        default: ""
        }
    }

    /// The partnership's own abbreviation follows it if it is renamed.
    func nextYear(_ cells: [String: String], change: YearChange) -> [String: String]? {
        var cells = cells
        if let short = change.oldPartnership.shortName, cells["abbreviation"] == short,
            change.newPartnership.shortName == short
        {
            cells["expansion"] = change.newPartnership.name
        }
        return cells
    }

    func display(_ spec: DatasetSpec) -> DatasetDisplay { .glossary }

    var home: DatasetHome { .appendix(.glossary) }

    var isSourced: Bool { false }
}
