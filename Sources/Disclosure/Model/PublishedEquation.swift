/// One linear fact the publication implies between cells: a total is the sum of its parts
/// (`sum(coefficient * cell) == 0`), or parts known only in part are at most their total
/// (`<= 0`).
public struct PublishedEquation: Hashable, Sendable {
    /// Why the equation holds, for tests and messages: `breakdown`, `areas`, `periods`,
    /// `relation`.
    public var kind: String
    /// Each cell (an index into the model's cells) with its coefficient: +1 for a total, -1
    /// for a part.
    public var terms: [Term]
    /// True for `== 0`; false for `<= 0`.
    public var isEquality: Bool

    /// A cell and its coefficient.
    public struct Term: Hashable, Sendable {
        public var cell: Int
        public var coefficient: Int
    }
}
