import Foundation

/// A percentage as the report printed it: its value and how many decimals were typed, because
/// "20.0%" and "20%" claim different precision and the percentage rules depend on it.
public struct StatedPercentage: Hashable, Sendable, CustomStringConvertible {
    /// The value, exactly as typed (never through binary floating point).
    public var value: Decimal
    // Kept in 32 bits (a cell holds at most 32,767 characters), so that a value with its
    // percentage fits a figure of a million in fewer bytes.
    private var storedDecimals: Int32

    /// Digits typed after the decimal point.
    public var decimals: Int {
        get { Int(storedDecimals) }
        set { storedDecimals = Int32(clamping: newValue) }
    }

    /// Creates a stated percentage.
    public init(value: Decimal, decimals: Int) {
        self.value = value
        storedDecimals = Int32(clamping: decimals)
    }

    /// The percentage as typed, without the sign: `23.5`, `20.0`, `45`.
    public var description: String { value.formatted(decimals: decimals) }
}

extension Decimal {
    /// This value rounded to `decimals` places, half away from zero ("round half up" for the
    /// non-negative values of a report).
    public func rounded(decimals: Int) -> Decimal { rounded(decimals, .plain) }

    /// This value cut to `decimals` places, dropping the rest.
    public func truncated(decimals: Int) -> Decimal { rounded(decimals, .down) }

    private func rounded(_ decimals: Int, _ mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, decimals, mode)
        return result
    }

    /// Plain digits with exactly `decimals` places after the point and no grouping:
    /// `43.6`, `20.0`, `231675`. Used where an exact, locale-free rendering is needed.
    public func formatted(decimals: Int) -> String {
        let rounded = self.rounded(decimals: decimals)
        let negative = rounded < 0
        let magnitude = negative ? -rounded : rounded
        var text = NSDecimalNumber(decimal: magnitude).stringValue
        var (whole, fraction) = (text, "")
        if let point = text.firstIndex(of: ".") {
            whole = String(text[..<point])
            fraction = String(text[text.index(after: point)...])
        }
        fraction += String(repeating: "0", count: max(0, decimals - fraction.count))
        text = decimals > 0 ? "\(whole).\(fraction.prefix(decimals))" : whole
        return negative ? "-" + text : text
    }
}
