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

    /// The unit this value is in.
    public var unit: MeasureUnit {
        switch self {
        case .count: .count
        case .money: .money
        case .percent: .percent
        }
    }

    /// The value as an exact decimal, for sums and ratios.
    public var exact: Decimal {
        switch self {
        case .count(let count): Decimal(count)
        case .money(let amount): amount
        case .percent(let percentage): percentage.value
        }
    }
}
