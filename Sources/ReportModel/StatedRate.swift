import Foundation

/// A rate as the report printed it beside a count: "211.4 per 10,000" (children). Its value
/// keeps the decimals typed, as a stated percentage does, because the rate rules round to them.
public struct StatedRate: Hashable, Sendable, CustomStringConvertible {
    /// The rate, exactly as typed.
    public var value: Decimal
    /// Digits typed after the decimal point.
    public var decimals: Int
    /// How many of the population it is per: 1,000, 10,000 or 100,000.
    public var per: Int

    /// The populations a rate may be per.
    public static let pers = [1_000, 10_000, 100_000]

    /// Creates a stated rate.
    public init(value: Decimal, decimals: Int, per: Int) {
        self.value = value
        self.decimals = decimals
        self.per = per
    }

    /// "211.4 per 10,000", as typed.
    public var description: String {
        "\(GovUKFormat.grouped(value.formatted(decimals: decimals))) per \(GovUKFormat.grouped(String(per)))"
    }

    /// " per 10,000": what follows a rate's number.
    public var perWords: String { " per \(GovUKFormat.grouped(String(per)))" }

    /// Count × per ÷ population, exactly to 38 digits; nil when the population is 0.
    public func exact(count: Decimal, population: Decimal) -> Decimal? {
        population == 0 ? nil : count * Decimal(per) / population
    }

    /// Half a unit in the last decimal typed: how far a rounded rate may be from its exact value.
    public var halfUnit: Decimal { Decimal(sign: .plus, exponent: -decimals, significand: 5) / 10 }
}
