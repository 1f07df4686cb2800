import ReportModel

/// The training programme: completions per course and the stated grand total.
enum TrainingCoursesDataset: DatasetKind {
    static let schema = DatasetSchema(
        name: "training-courses",
        summary:
            "Training courses with their delivery mode and completions, and one total row with the stated grand total.",
        columns: [
            .required("course", .text, "the course title, unique in the table"),
            .optional("mode", .text, "how it was delivered: e-learning, blended, face to face, virtual"),
            .required("completions", .count, "how many practitioners completed it"),
            .required(
                "row", .choice(RowKind.allCases.map(\.rawValue)), "part for a course, total for the stated grand total"),
        ],
        key: ["course"])

    static func record(
        from row: TypedRow, dataset: String, context: IngestContext, findings: inout [Finding]
    ) -> TrainingCourse? {
        guard let course = row.text("course"), let completions = row.count("completions"),
            let kind = row.text("row").flatMap({ RowKind(rawValue: $0.value) })
        else { return nil }
        return TrainingCourse(
            dataset: dataset, course: course, mode: row.text("mode")?.value,
            completions: completions, kind: kind, location: row.location)
    }
}
