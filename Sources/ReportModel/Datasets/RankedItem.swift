/// One place in a ranked list the report prints for an area: "1. Education (25%)" among the
/// top referrers in Cumberland.
public struct RankedItem: Hashable, Sendable {
    public var dataset: String
    /// Which list: "top-referrers", "top-referral-reasons".
    public var list: Located<String>
    public var area: Located<String>
    public var rank: Located<Int>
    public var item: Located<String>
    /// The share the report prints beside the item, when it prints one.
    public var statedPercentage: Located<StatedPercentage>?
    public var location: SourceLocation

    public init(
        dataset: String, list: Located<String>, area: Located<String>, rank: Located<Int>,
        item: Located<String>, statedPercentage: Located<StatedPercentage>?, location: SourceLocation
    ) {
        self.dataset = dataset
        self.list = list
        self.area = area
        self.rank = rank
        self.item = item
        self.statedPercentage = statedPercentage
        self.location = location
    }

    /// The row key, `list/area/rank`.
    public var key: String { "\(list.value)/\(area.value)/\(rank.value)" }
}

extension Edition {
    /// The rankings of every dataset of them.
    public var rankings: [RankedItem] { records(RankedItem.self) }
}
