import ReportModel

/// Which year's value of a figure a cell is: this year's, or last year's printed beside it.
public enum CellLayer: Int, Hashable, Sendable, Comparable {
    case current = 0
    case previous = 1

    public static func < (left: CellLayer, right: CellLayer) -> Bool { left.rawValue < right.rawValue }
}

/// One published number the equations speak of: a figure's value (this year's or last year's)
/// at its position in the edition.
public struct PublishedCell: Hashable, Sendable {
    /// The figure's position in `Edition.figures`.
    public var position: Int
    public var layer: CellLayer
    /// The count, when the figure is an exact count; nil for a bound ("<5") or another unit,
    /// which the audit treats as unknown within `range`.
    public var count: Int?
    /// The values it may have, for a bound; exact for a count.
    public var range: ValueRange
    /// True when the policy protects its dataset: only these may be hidden.
    public var isProtected: Bool
    /// `dataset`, area, measure, period and layer, for a deterministic order of ties.
    public var sortKey: String

    /// The value as the audit's constant: a count, or a bound's nearest value.
    var constant: Double { Double(count ?? 0) }
}
