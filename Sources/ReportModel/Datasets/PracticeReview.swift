/// A named review the partnership commissioned or published: a local child safeguarding
/// practice review, a learning briefing.
public struct PracticeReview: Hashable, Sendable {
    public var dataset: String
    /// The name the review is known by ("Leo"): never a real child's full identity unless the
    /// partnership has published it.
    public var name: Located<String>
    /// "lcspr", "rapid-review", "learning-briefing": as the edition names the kinds.
    public var kind: String
    public var publication: PublicationState
    /// When it was published or is expected, as the report words it ("2021", "2024/25").
    public var publishedIn: String?
    /// Why it is not published, or other context the report gives.
    public var note: String?
    public var location: SourceLocation

    public init(
        dataset: String, name: Located<String>, kind: String, publication: PublicationState,
        publishedIn: String?, note: String?, location: SourceLocation
    ) {
        self.dataset = dataset
        self.name = name
        self.kind = kind
        self.publication = publication
        self.publishedIn = publishedIn
        self.note = note
        self.location = location
    }
}

/// Where a review stands in being published.
public enum PublicationState: String, Hashable, Sendable, CaseIterable {
    case published
    case inProgress = "in-progress"
    case delayed
    case notPublished = "not-published"
}

extension PracticeReview {
    /// The kinds of review Working Together names, by the codes editions use for them, in the
    /// words readers know them by. A kind not listed is shown as written, hyphens as spaces.
    public static let kindLabels: [String: String] = [
        "cspr": "Child safeguarding practice review",
        "lcspr": "Local child safeguarding practice review",
        "ncspr": "National child safeguarding practice review",
        "rapid-review": "Rapid review",
        "learning-briefing": "Learning briefing",
        "learning-review": "Learning review",
        "serious-case-review": "Serious case review",
        "scr": "Serious case review",
        "multi-agency-audit": "Multi-agency audit",
    ]

    /// The review's kind as readers read it: "Local child safeguarding practice review".
    public var kindLabel: String {
        Self.kindLabels[kind.lowercased()] ?? kind.replacingOccurrences(of: "-", with: " ").capitalisedFirst
    }
}

extension Edition {
    /// The reviews of every dataset of them.
    public var reviews: [PracticeReview] { records(PracticeReview.self) }
}
