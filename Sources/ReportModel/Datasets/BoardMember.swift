/// A seat on the partnership's board (Appendix A of a report).
public struct BoardMember: Hashable, Sendable {
    public var dataset: String
    public var agency: Located<String>
    public var role: Located<String>
    /// "member" or "support", as the edition groups them.
    public var group: String
    public var location: SourceLocation

    public init(
        dataset: String, agency: Located<String>, role: Located<String>, group: String,
        location: SourceLocation
    ) {
        self.dataset = dataset
        self.agency = agency
        self.role = role
        self.group = group
        self.location = location
    }
}

extension Edition {
    /// The board of every dataset of them.
    public var board: [BoardMember] { records(BoardMember.self) }
}
