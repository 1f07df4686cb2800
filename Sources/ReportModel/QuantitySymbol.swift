import Foundation

/// A figure an official table publishes as a symbol instead of a number: `c`, `low`, `k`, `x`,
/// `z`, `u`.
///
/// These are the Government Statistical Service's shorthand, as Explore Education Statistics
/// (DfE's open data standards, "Data symbols") and StatsWales ("Shorthand for labelling data
/// values") write them, so a partnership can copy an official table as published. The figure
/// is unknown: it is checked within the values the symbol allows (`range`), never as a number,
/// and the report prints the symbol back with what it means. The disclosure stage writes `c`
/// for a cell it hides, with this same type.
public struct QuantitySymbol: Hashable, Sendable {
    /// The symbols read, each spelled as the official tables write it.
    public enum Symbol: String, Hashable, Sendable, CaseIterable {
        /// Confidential: suppressed to protect individuals (DfE suppresses counts from 1 to 5
        /// and, where needed, others that would reveal them).
        case c
        /// Rounds to 0 but is not 0 (EES; it replaced `~`).
        case low
        /// A low figure that appears as 0 when rounded (StatsWales; DfE's alternative to `low`).
        case k
        /// Not available: unavailable for other reasons (it replaced `:`).
        case x
        /// Not applicable: no value can exist for this combination.
        case z
        /// Low reliability: EES publishes `u` in place of the value.
        case u

        /// What the symbol means, for a table's note and for messages.
        public var meaning: String {
            switch self {
            case .c: "confidential, withheld to protect individuals"
            case .low, .k: "a figure that rounds to 0 but is not 0"
            case .x: "not available"
            case .z: "not applicable"
            case .u: "of low reliability, so not given"
            }
        }
    }

    /// The symbol, as the official tables spell it (whatever case or brackets it was typed with).
    public var symbol: Symbol
    /// The unit of the measure the figure is in: it decides the values the symbol allows.
    public var unit: MeasureUnit

    /// Creates a symbol for a figure in `unit`.
    public init(_ symbol: Symbol, unit: MeasureUnit) {
        self.symbol = symbol
        self.unit = unit
    }

    /// The values the figure may have. Counts and percentages are never negative; money may be.
    /// `c`, `x`, `z` and `u` say nothing more: `c` is at least 0, not 1, because a true 0 may
    /// be suppressed too (a disclosure policy with `zeros: protect` does so), and `z` is not
    /// taken as 0 because a total may or may not leave the combination out. `low` and `k` are
    /// above 0: a count at least 1, a percentage or amount more than 0, and a percentage below
    /// 0.5%, the least that would be shown as a whole per cent. The rounding unit of a count is
    /// not known, so a count has no upper limit.
    public var range: ValueRange {
        let floor: Decimal? = unit == .money ? nil : 0
        switch symbol {
        case .c, .x, .z, .u: return ValueRange(lower: floor, upper: nil)
        case .low, .k:
            switch unit {
            case .count: return ValueRange(lower: 1, upper: nil)
            case .percent: return ValueRange(lower: 0, upper: Decimal(string: "0.5")!, lowerOpen: true, upperOpen: true)
            case .money: return ValueRange(lower: 0, upper: nil, lowerOpen: true)
            }
        }
    }

    /// What the symbols among `quantities` mean, for the note under a table that prints them:
    /// "c means confidential, withheld to protect individuals; x means not available.", or nil.
    public static func note(for quantities: some Sequence<Quantity?>) -> String? {
        var used = Set<Symbol>()
        for case .symbol(let symbol)? in quantities { used.insert(symbol.symbol) }
        guard !used.isEmpty else { return nil }
        return Symbol.allCases.filter(used.contains).map { "\($0.rawValue) means \($0.meaning)" }
            .joined(separator: "; ") + "."
    }

    /// The symbol `text` spells, or nil: any case, with surrounding spaces, and in the square
    /// brackets the GSS guidance puts around shorthand in tables (`[c]`).
    public static func symbol(spelledBy text: String) -> Symbol? {
        var word = Trim.spaces(text)
        if word.hasPrefix("["), word.hasSuffix("]"), word.count > 2 {
            word = Trim.spaces(String(word.dropFirst().dropLast()))
        }
        guard word.utf8.count <= 3 else { return nil }
        return Symbol(rawValue: word.lowercased())
    }
}

extension Quantity {
    /// A figure withheld as `c`: the disclosure stage's hidden cell and a `c` copied from an
    /// official table are one value, so every rule, table, chart and writer treats them alike.
    public static func withheld(_ unit: MeasureUnit) -> Quantity { .symbol(QuantitySymbol(.c, unit: unit)) }

    /// True for a figure given as `c`, withheld to protect individuals.
    public var isWithheld: Bool { symbol?.symbol == .c }

    /// The symbol a withheld figure is published as, in tables, open data and the published
    /// edition alike.
    public static let withheldSymbol = QuantitySymbol.Symbol.c.rawValue
}
