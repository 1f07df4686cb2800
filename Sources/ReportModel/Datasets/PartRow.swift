import Foundation

/// One row of a parts table (a budget's contributions, spending by heading, completions by
/// course): a part with its value, or the stated total of the parts.
public struct PartRow: Hashable, Sendable {
    public var dataset: String
    /// The part's name, unique in the table: "Health", "Neglect toolkit".
    public var part: Located<String>
    /// The group this part is a member of, when parts are grouped (an agency group).
    public var parent: Located<String>?
    /// Words about the part shown beside it ("e-learning"), when the table has them.
    public var detail: String?
    /// The value, in the table's unit.
    public var value: Located<Decimal>
    /// The table's unit: money for a budget, count for completions.
    public var unit: MeasureUnit
    /// The same part's value a year earlier, when the table gives it (`new` fills it in).
    public var previous: Located<Decimal>? = nil
    /// The share of the total the report prints beside it, as printed.
    public var statedPercentage: Located<StatedPercentage>?
    public var kind: RowKind
    public var location: SourceLocation

    public init(
        dataset: String, part: Located<String>, parent: Located<String>? = nil, detail: String? = nil,
        value: Located<Decimal>, unit: MeasureUnit, statedPercentage: Located<StatedPercentage>? = nil,
        kind: RowKind, location: SourceLocation
    ) {
        self.dataset = dataset
        self.part = part
        self.parent = parent
        self.detail = detail
        self.value = value
        self.unit = unit
        self.statedPercentage = statedPercentage
        self.kind = kind
        self.location = location
    }
}

extension PartRow: DatasetRecord {
    public var rowKey: String { part.value }
    public var texts: [String] { [part.value, detail].compactMap { $0 } }
}

extension Edition {
    /// The rows of every parts table.
    public var parts: [PartRow] { records(PartRow.self) }
}
