import Foundation

/// A figure the report prints as a bound, not a number: "40+", "<5", "fewer than 10".
///
/// Published reports round small numbers away ("<5") or give a floor ("40+ members"); the
/// figure is then known only to lie on one side of its limit. It keeps the words it was typed
/// with, so the report prints it as given, and it checks as an inequality, never an equality.
public struct QuantityBound: Hashable, Sendable {
    /// Which side of the limit the figure lies on.
    public enum Side: String, Hashable, Sendable {
        /// "40+", "40 or more", "at least 40".
        case atLeast
        /// "more than 40", "over 40", ">40".
        case moreThan
        /// "5 or fewer", "up to 5", "at most 5".
        case atMost
        /// "<5", "fewer than 5", "less than 5", "under 5".
        case lessThan
    }

    public var side: Side
    /// The number the bound names (40 of "40+"), exact in its unit; never itself a bound.
    public var limit: Quantity
    /// The words before the number, as typed: "fewer than ", "<", "".
    public var before: String
    /// The words after the number, as typed: "+", " or more", "".
    public var after: String

    /// Creates a bound.
    public init(side: Side, limit: Quantity, before: String, after: String) {
        self.side = side
        self.limit = limit
        self.before = before
        self.after = after
    }

    /// The values the figure may have. A count is whole and never negative, so "<5" is 0 to 4
    /// and "more than 40" is 41 or more; a percentage is never negative either.
    public var range: ValueRange {
        let value = limit.exact
        let whole = limit.unit == .count
        let floor: Decimal? = limit.unit == .money ? nil : 0
        switch side {
        case .atLeast: return ValueRange(lower: value, upper: nil)
        case .moreThan:
            return whole
                ? ValueRange(lower: value + 1, upper: nil) : ValueRange(lower: value, upper: nil, lowerOpen: true)
        case .atMost: return ValueRange(lower: floor, upper: value)
        case .lessThan:
            return whole
                ? ValueRange(lower: floor, upper: value - 1) : ValueRange(lower: floor, upper: value, upperOpen: true)
        }
    }
}

/// The values a figure may stand for: a single value for an exact figure, a half-line or an
/// interval for a bound or a sum that contains one. Exact decimals throughout.
public struct ValueRange: Hashable, Sendable {
    /// The least value, or nil when there is none.
    public var lower: Decimal?
    /// The greatest value, or nil when there is none.
    public var upper: Decimal?
    /// True when `lower` itself is excluded ("more than 4.5%").
    public var lowerOpen: Bool
    /// True when `upper` itself is excluded ("less than 5%").
    public var upperOpen: Bool

    /// Creates a range; both ends are included unless said otherwise.
    public init(lower: Decimal?, upper: Decimal?, lowerOpen: Bool = false, upperOpen: Bool = false) {
        self.lower = lower
        self.upper = upper
        self.lowerOpen = lowerOpen
        self.upperOpen = upperOpen
    }

    /// The range of one exact value.
    public static func exactly(_ value: Decimal) -> ValueRange { ValueRange(lower: value, upper: value) }

    /// True when the range is one value, known exactly.
    public var isExact: Bool { lower != nil && lower == upper && !lowerOpen && !upperOpen }

    /// The range of the sum of a value from each range.
    public static func + (left: ValueRange, right: ValueRange) -> ValueRange {
        ValueRange(
            lower: left.lower.flatMap { a in right.lower.map { a + $0 } },
            upper: left.upper.flatMap { a in right.upper.map { a + $0 } },
            lowerOpen: left.lowerOpen || right.lowerOpen, upperOpen: left.upperOpen || right.upperOpen)
    }

    /// True when some value of this range equals some value of `other`: the two may be one figure.
    public func mayEqual(_ other: ValueRange) -> Bool {
        mayBeAtMost(other) && other.mayBeAtMost(self)
    }

    /// True when some value of this range is at most some value of `other`.
    public func mayBeAtMost(_ other: ValueRange) -> Bool {
        guard let low = lower, let high = other.upper else { return true }
        return low < high || (low == high && !lowerOpen && !other.upperOpen)
    }

    /// True when some value of this range is at least some value of `other`.
    public func mayBeAtLeast(_ other: ValueRange) -> Bool { other.mayBeAtMost(self) }
}

extension Sequence where Element == ValueRange {
    /// The range of the sum of one value from each range.
    public func summed() -> ValueRange { reduce(ValueRange.exactly(0), +) }
}

extension GovUKFormat {
    /// A range in words, for messages: "52", "at least 52", "more than 40", "between 40 and 44",
    /// "at most 4".
    public static func range(_ range: ValueRange, unit: MeasureUnit) -> String {
        let shown = { (value: Decimal) in GovUKFormat.value(value, unit: unit) }
        switch (range.lower, range.upper) {
        case (let low?, let high?) where range.isExact || (low == high && !range.lowerOpen && !range.upperOpen):
            return shown(low)
        case (let low?, let high?) where (low == 0 && unit != .money && !range.lowerOpen):
            return (range.upperOpen ? "less than " : "at most ") + shown(high)
        case (let low?, let high?):
            return "between \(shown(low)) and \(shown(high))"
        case (let low?, nil): return (range.lowerOpen ? "more than " : "at least ") + shown(low)
        case (nil, let high?): return (range.upperOpen ? "less than " : "at most ") + shown(high)
        case (nil, nil): return "any value"
        }
    }
}
