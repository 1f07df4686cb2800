import ReportModel

/// The measures catalogue: every kind of figure the edition reports.
enum MeasuresDataset: DatasetKind {
    static let schema = DatasetSchema(
        name: "measures",
        summary:
            "The catalogue of measures: what each figure key counts, in what unit, whether it adds up across areas, and which headline it breaks down.",
        columns: [
            .required("measure", .text, "the key figures refer to, such as contacts"),
            .required("label", .text, "how the report names it"),
            .required("unit", .choice(MeasureUnit.allCases.map(\.rawValue)), "count, money or percent"),
            .required(
                "additive", .choice(["yes", "no"]), "yes when an area's figure is the sum of its child areas' figures"),
            .optional("part_of", .text, "the measure this one is a part of; the parts of a headline add up to it"),
            .optional(
                "breakdown", .text,
                "which breakdown of the headline the part belongs to (age, sex), when there are several; each adds up on its own; incomplete, or age (incomplete), when the report does not publish every part, so the parts are at most the headline"
            ),
            .optional("subset_of", .text, "a measure this one is a subset of: never more than it in the same area"),
            .optional("description", .text, "a sentence for the reader"),
        ],
        key: ["measure"])

    static func record(
        from row: TypedRow, dataset: String, context: IngestContext, findings: inout [Finding]
    ) -> Measure? {
        guard let key = row.text("measure"), let label = row.text("label"),
            let unitText = row.text("unit"), let unit = MeasureUnit(rawValue: unitText.value),
            let additive = row.text("additive")
        else { return nil }
        return Measure(
            key: key.value, label: label.value, unit: unit, additive: additive.value == "yes",
            partOf: row.text("part_of"), breakdown: row.text("breakdown")?.value, subsetOf: row.text("subset_of"),
            description: row.text("description")?.value,
            location: row.location)
    }
}
