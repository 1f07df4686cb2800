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
    /// A figure an official table gives as a symbol, `c` or `low`: see `range`.
    case symbol(QuantitySymbol)

    /// The unit this value is in.
    public var unit: MeasureUnit {
        switch self {
        case .count: .count
        case .money: .money
        case .percent: .percent
        case .bound(let bound): bound.limit.unit
        case .symbol(let symbol): symbol.unit
        }
    }

    /// The value as an exact decimal, for sums and ratios; for a bound, its limit (40 of
    /// "40+"), and for a symbol 0, so a rule that compares values must ask for `range` unless
    /// `isExact`.
    public var exact: Decimal {
        switch self {
        case .count(let count): Decimal(count)
        case .money(let amount): amount
        case .percent(let percentage): percentage.value
        case .bound(let bound): bound.limit.exact
        case .symbol: 0
        }
    }

    /// True for a figure known exactly: neither a bound nor a symbol. Every rule checks a figure
    /// that is not as its `range`, so a symbol is checked the way a bound is.
    public var isExact: Bool {
        switch self {
        case .bound, .symbol: false
        case .count, .money, .percent: true
        }
    }

    /// The symbol a figure is given as, or nil.
    public var symbol: QuantitySymbol? {
        if case .symbol(let symbol) = self { return symbol }
        return nil
    }

    /// True for a figure given only as a bound.
    public var isBound: Bool {
        if case .bound = self { return true }
        return false
    }

    /// The values this may stand for: exactly one, the side of a bound's limit, or those a
    /// symbol allows.
    public var range: ValueRange {
        switch self {
        case .bound(let bound): bound.range
        case .symbol(let symbol): symbol.range
        case .count, .money, .percent: .exactly(exact)
        }
    }
}
