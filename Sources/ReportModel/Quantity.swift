import Foundation

/// What a measure counts in. It decides how values are read and how they are shown.
public enum MeasureUnit: String, Sendable, Codable, Hashable, CaseIterable {
    /// Whole things: children, contacts, schools. Read as integers.
    case count
    /// Pounds sterling. Read as exact decimals.
    case money
    /// A percentage. Read as an exact decimal with its typed precision.
    case percent
}

/// A figure's value, exact in the unit of its measure.
public enum Quantity: Hashable, Sendable {
    case count(Int)
    case money(Decimal)
    case percent(StatedPercentage)
    /// A figure given only as a bound, "40+" or "<5": see `range`.
    indirect case bound(QuantityBound)

    /// The unit this value is in.
    public var unit: MeasureUnit {
        switch self {
        case .count: .count
        case .money: .money
        case .percent: .percent
        case .bound(let bound): bound.limit.unit
        }
    }

    /// The value as an exact decimal, for sums and ratios; for a bound, its limit (40 of
    /// "40+"), so a rule that compares values must ask for `range` when `isBound`.
    public var exact: Decimal {
        switch self {
        case .count(let count): Decimal(count)
        case .money(let amount): amount
        case .percent(let percentage): percentage.value
        case .bound(let bound): bound.limit.exact
        }
    }

    /// True for a figure given only as a bound.
    public var isBound: Bool {
        if case .bound = self { return true }
        return false
    }

    /// The values this may stand for: exactly one, or the side of a bound's limit.
    public var range: ValueRange {
        if case .bound(let bound) = self { return bound.range }
        return .exactly(exact)
    }
}
