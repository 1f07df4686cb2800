import ReportModel

/// Named practice reviews and where each stands in being published.
enum ReviewsDataset: DatasetKind {
    static let schema = DatasetSchema(
        name: "reviews",
        summary: "Named practice reviews and learning briefings with their publication state.",
        columns: [
            .required("review", .text, "the name the review is published under"),
            .required("kind", .text, "lcspr, learning-briefing, rapid-review, ..."),
            .required(
                "publication", .choice(PublicationState.allCases.map(\.rawValue)),
                "published, in-progress, delayed or not-published"),
            .optional("published_in", .text, "when it was or is expected to be published, as the report words it"),
            .optional("note", .text, "why it is not published, or other context"),
        ],
        key: ["review"])

    static func record(
        from row: TypedRow, dataset: String, context: IngestContext, findings: inout [Finding]
    ) -> PracticeReview? {
        guard let name = row.text("review"), let kind = row.text("kind"),
            let publication = row.text("publication").flatMap({ PublicationState(rawValue: $0.value) })
        else { return nil }
        return PracticeReview(
            dataset: dataset, name: name, kind: kind.value, publication: publication,
            publishedIn: row.text("published_in")?.value, note: row.text("note")?.value,
            location: row.location)
    }
}
