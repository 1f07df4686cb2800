import ReportModel

/// The measures catalogue: every kind of figure the edition reports.
struct MeasuresDataset: MeasureCatalogueKind {
    var schema: DatasetSchema { Self.schema }

    static let schema = DatasetSchema(
        name: "measures",
        summary:
            "The catalogue of measures: what each figure key counts, in what unit, whether it adds up across areas, and which headline it breaks down.",
        columns: [
            .required("measure", .text, "the key figures refer to, such as `contacts`"),
            .required("label", .text, "how the report names it"),
            .required("unit", .choice(MeasureUnit.allCases.map(\.rawValue)), "how values are read and shown"),
            .required(
                "additive", .choice(["yes", "no"]), "`yes` when an area's figure is the sum of its child areas'"),
            .optional(
                "part_of", .text,
                "the headline measure this one is part of; the parts of a headline add up to it (`totals.breakdown`)"
            ).naming(
                .measure),
            .optional(
                "breakdown", .text,
                "which breakdown of the headline the part belongs to (`age`, `sex`), when a headline is broken down more than one way; each breakdown must add up to the headline on its own (`totals.breakdown`); `incomplete`, or `age (incomplete)`, when the report does not publish every part, so the parts are at most the headline"
            ),
            .optional(
                "subset_of", .text,
                "a measure this one is a subset of (pupils with a plan, of all pupils): in each area it is at most that measure's figure, and nothing is summed (`totals.subset`)"
            ),
            .optional("description", .text, "a sentence for the reader"),
        ],
        key: ["measure"])

    func record(from row: TypedRow, dataset: String, context: DatasetContext, findings: inout [Finding]) -> Measure? {
        guard let key = row.text("measure"), let label = row.text("label"),
            let unitText = row.text("unit"), let unit = MeasureUnit(rawValue: unitText.value),
            let additive = row.text("additive")
        else { return nil }
        var measure = Measure(
            key: key.value, label: label.value, unit: unit, additive: additive.value == "yes",
            partOf: row.text("part_of"), breakdown: row.text("breakdown")?.value, subsetOf: row.text("subset_of"),
            description: row.text("description")?.value,
            location: row.location)
        measure.dataset = dataset
        return measure
    }

    /// Breakdown names and subsets are written only when some measure has them, so an edition
    /// that never used them publishes the same file as before they existed.
    func writtenColumns(for records: [Measure]) -> [String] {
        schema.columns.map(\.name).filter { column in
            switch column {
            case "breakdown": records.contains { $0.breakdown != nil }
            case "subset_of": records.contains { $0.subsetOf != nil }
            default: true
            }
        }
    }

    func cell(_ column: String, of measure: Measure) -> String {
        switch column {
        case "measure": measure.key
        case "label": measure.label
        case "unit": measure.unit.rawValue
        case "additive": measure.additive ? "yes" : "no"
        case "part_of": measure.partOf?.value ?? ""
        case "breakdown": measure.breakdown ?? ""
        case "subset_of": measure.subsetOf?.value ?? ""
        case "description": measure.description ?? ""
        default: ""
        }
    }

    /// The catalogue names what the figures are; it is not shown as a table of its own.
    func display(_ spec: DatasetSpec) -> DatasetDisplay { .none }

    var home: DatasetHome { .throughOthers }

    var isSourced: Bool { false }

    func records(of dataset: String, in edition: Edition) -> [Measure] {
        edition.measures.filter { $0.dataset == dataset }
    }

    func store(_ records: [Measure], dataset: String, in edition: inout Edition) {
        edition.measures += records
    }
}
