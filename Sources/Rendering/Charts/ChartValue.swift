import Foundation

/// One value a chart draws, a bar or a point: what it stands for, its exact value, and the value
/// as the report writes it.
public struct ChartValue: Sendable {
    /// What it stands for: "Police", "Cumberland", "April to June 2031".
    public var label: String
    public var value: Decimal
    /// The value as the report writes it: "£21,344".
    public var display: String

    public init(label: String, value: Decimal, display: String) {
        self.label = label
        self.value = value
        self.display = display
    }
}
