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
    /// A figure the disclosure policy does not publish, in its measure's unit: the report and
    /// open data show it as `c`. Only the protected view of an edition holds it; its true value
    /// is not kept anywhere in that view.
    case withheld(MeasureUnit)

    /// The symbol a withheld figure is published as (Explore Education Statistics' `c`,
    /// confidential), in tables, open data and the published edition alike.
    public static let withheldSymbol = "c"

    /// The unit this value is in.
    public var unit: MeasureUnit {
        switch self {
        case .count: .count
        case .money: .money
        case .percent: .percent
        case .bound(let bound): bound.limit.unit
        case .withheld(let unit): unit
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
        // Nothing to give: the protected view does not hold the value. Sums and charts ask
        // `isWithheld` first.
        case .withheld: 0
        }
    }

    /// True for a figure given only as a bound.
    public var isBound: Bool {
        if case .bound = self { return true }
        return false
    }

    /// True for a figure the disclosure policy does not publish.
    public var isWithheld: Bool {
        if case .withheld = self { return true }
        return false
    }

    /// The values this may stand for: exactly one, or the side of a bound's limit.
    public var range: ValueRange {
        if case .bound(let bound) = self { return bound.range }
        if case .withheld(let unit) = self { return ValueRange(lower: unit == .money ? nil : 0, upper: nil) }
        return .exactly(exact)
    }
}
