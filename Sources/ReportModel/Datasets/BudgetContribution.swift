import Foundation

/// One row of the partnership's budget: an agency's contribution, a group of agencies, or the
/// stated total.
public struct BudgetContribution: Hashable, Sendable {
    public var dataset: String
    /// The contributing agency, unique in the table: "Police", "NENC ICB".
    public var agency: Located<String>
    /// The agency group this contribution belongs to, whose amount is the sum of its members.
    public var parent: Located<String>?
    public var amount: Located<Decimal>
    /// The share of the total the report prints, as printed.
    public var statedPercentage: Located<StatedPercentage>?
    public var kind: RowKind
    public var location: SourceLocation

    public init(
        dataset: String, agency: Located<String>, parent: Located<String>?, amount: Located<Decimal>,
        statedPercentage: Located<StatedPercentage>?, kind: RowKind, location: SourceLocation
    ) {
        self.dataset = dataset
        self.agency = agency
        self.parent = parent
        self.amount = amount
        self.statedPercentage = statedPercentage
        self.kind = kind
        self.location = location
    }
}
