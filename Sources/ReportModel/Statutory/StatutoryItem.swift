/// Something statutory guidance says a partnership's yearly report must set out. Sections name
/// the items they give evidence for (`covers:` in the manifest), and the checks warn of any item
/// no section covers.
public struct StatutoryItem: Hashable, Sendable {
    /// The id sections use in `covers:`: "feedback".
    public var id: String
    /// The item in a few words, for tables: "Feedback from children and families".
    public var title: String
    /// What the report should include, as readers and inspectors would say it.
    public var description: String

    public init(id: String, title: String, description: String) {
        self.id = id
        self.title = title
        self.description = description
    }
}

extension StatutoryItem {
    /// The guidance the items come from, as the report names it.
    public static let guidance = "Working Together to Safeguard Children 2023"

    /// What Working Together to Safeguard Children 2023 (chapter 2, on the safeguarding
    /// partners' yearly report) says the report sets out and should include, in its order.
    public static let workingTogether2023: [StatutoryItem] = [
        StatutoryItem(
            id: "partner-activity", title: "What the partners did, and how effective it was",
            description:
                "What the safeguarding partners have done as a result of the arrangements, including on child safeguarding practice reviews, and how effective the arrangements have been"
        ),
        StatutoryItem(
            id: "impact", title: "Impact on children and families, training included",
            description:
                "Evidence of the impact of the partners' and relevant agencies' work, including training, on outcomes for children and families, from early help to looked-after children and care leavers"
        ),
        StatutoryItem(
            id: "little-progress", title: "Priorities with little or no progress",
            description:
                "An analysis of any areas where there has been little or no evidence of progress on agreed priorities"
        ),
        StatutoryItem(
            id: "review-actions", title: "Action on practice review recommendations",
            description:
                "Actions taken, or planned, on the recommendations of local and national child safeguarding practice reviews, and the improvements they brought"
        ),
        StatutoryItem(
            id: "feedback", title: "Feedback from children and families",
            description:
                "How the partners sought and used feedback from children and families to inform their work and influence services"
        ),
        StatutoryItem(
            id: "scrutiny", title: "Independent scrutiny",
            description: "How the arrangements were independently scrutinised, and what that found"),
        StatutoryItem(
            id: "contributions", title: "Each partner's contribution",
            description: "What each safeguarding partner contributed, in money and in kind"),
        StatutoryItem(
            id: "education", title: "The involvement of education settings",
            description: "How education settings were involved in the arrangements"),
        StatutoryItem(
            id: "priorities", title: "Priorities for the year ahead",
            description: "The partnership's priorities for the year ahead"),
    ]
}
