import ReportModel

/// Named practice reviews and where each stands in being published.
struct ReviewsDataset: DatasetKind {
    var schema: DatasetSchema { Self.schema }

    static let schema = DatasetSchema(
        name: "reviews",
        summary: "Named practice reviews and learning briefings with their publication state.",
        columns: [
            .required("review", .text, "the name the review is published under"),
            .required(
                "kind", .text,
                "`lcspr`, `cspr`, `ncspr`, `learning-briefing`, `learning-review`, `rapid-review`, `serious-case-review`, `multi-agency-audit` are shown in words (\"Local child safeguarding practice review\"); any other kind is shown as written, hyphens as spaces"
            ),
            .required(
                "publication", .choice(PublicationState.allCases.map(\.rawValue)),
                "where it stands"),
            .optional("published_in", .text, "when it was or is expected to be published, as the report words it"),
            .optional("note", .text, "why it is not published, or other context"),
        ],
        key: ["review"])

    func record(from row: TypedRow, dataset: String, context: DatasetContext, findings: inout [Finding])
        -> PracticeReview?
    {
        guard let name = row.text("review"), let kind = row.text("kind"),
            let publication = row.text("publication").flatMap({ PublicationState(rawValue: $0.value) })
        else { return nil }
        return PracticeReview(
            dataset: dataset, name: name, kind: kind.value, publication: publication,
            publishedIn: row.text("published_in")?.value, note: row.text("note")?.value,
            location: row.location)
    }

    func cell(_ column: String, of review: PracticeReview) -> String {
        switch column {
        case "review": review.name.value
        case "kind": review.kind
        case "publication": review.publication.rawValue
        case "published_in": review.publishedIn ?? ""
        case "note": review.note ?? ""
        default: ""
        }
    }

    /// `reviews:Child A` in the narrative is where the review stands: "published in June 2024",
    /// "in progress".
    func narrativeWords(for review: PracticeReview) -> String? {
        let state = review.publication.rawValue.replacingOccurrences(of: "-", with: " ")
        return review.publishedIn.map { "\(state) (\($0))" } ?? state
    }

    func display(_ spec: DatasetSpec) -> DatasetDisplay {
        .table(headings: ["Review", "Kind", "Publication", "When", "Notes"])
    }

    func displayCells(of review: PracticeReview) -> [String] {
        [
            review.name.value, review.kindLabel,
            review.publication.rawValue.replacingOccurrences(of: "-", with: " ").capitalisedFirst,
            review.publishedIn ?? "", review.note ?? "",
        ]
    }
}
