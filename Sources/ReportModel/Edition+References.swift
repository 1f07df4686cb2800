import Foundation

/// A value the narrative can show: exact, with its unit and the decimals it is written with.
public struct ReferenceValue: Hashable, Sendable {
    public var exact: Decimal
    public var unit: MeasureUnit
    /// Decimals for a percentage; counts and money ignore it.
    public var decimals: Int
    /// A suffix for derived rates: " per 10,000".
    public var suffix: String

    public init(exact: Decimal, unit: MeasureUnit, decimals: Int = 1, suffix: String = "") {
        self.exact = exact
        self.unit = unit
        self.decimals = decimals
        self.suffix = suffix
    }
}

/// Why a reference cannot be shown.
public struct ReferenceProblem: Error, Hashable, Sendable {
    /// The key that is at fault.
    public var key: String
    public var message: String
}

extension Edition {
    /// Every key a narrative may refer to: `area/measure` and `area/measure.percent` for
    /// figures, `dataset:row` and `dataset:row.percent` for budget and training rows.
    public var referenceKeys: [String] {
        var keys: [String] = []
        for figure in figures {
            keys.append(figure.key)
            if figure.statedPercentage != nil { keys.append(figure.key + ".percent") }
        }
        for line in budget {
            keys.append("\(line.dataset):\(line.agency.value)")
            if line.statedPercentage != nil { keys.append("\(line.dataset):\(line.agency.value).percent") }
        }
        keys += trainingCourses.map { "\($0.dataset):\($0.course.value)" }
        return keys
    }

    /// The value a key names, or nil when the edition has no such figure.
    public func referenceValue(_ key: String) -> ReferenceValue? {
        let wantsPercent = key.hasSuffix(".percent")
        let base = wantsPercent ? String(key.dropLast(".percent".count)) : key
        if let figure = figure(base) {
            if wantsPercent {
                return figure.statedPercentage.map {
                    ReferenceValue(exact: $0.value.value, unit: .percent, decimals: $0.value.decimals)
                }
            }
            if case .percent(let stated) = figure.value.value {
                return ReferenceValue(exact: stated.value, unit: .percent, decimals: stated.decimals)
            }
            return ReferenceValue(exact: figure.value.value.exact, unit: figure.value.value.unit)
        }
        let parts = base.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        if let line = budget.first(where: { $0.dataset == parts[0] && $0.agency.value == parts[1] }) {
            if wantsPercent {
                return line.statedPercentage.map {
                    ReferenceValue(exact: $0.value.value, unit: .percent, decimals: $0.value.decimals)
                }
            }
            return ReferenceValue(exact: line.amount.value, unit: .money)
        }
        if !wantsPercent,
            let course = trainingCourses.first(where: { $0.dataset == parts[0] && $0.course.value == parts[1] })
        {
            return ReferenceValue(exact: Decimal(course.completions.value), unit: .count)
        }
        return nil
    }

    /// The value of a reference's expression.
    public func evaluate(_ expression: FigureReference.Expression) -> Result<ReferenceValue, ReferenceProblem> {
        var values: [ReferenceValue] = []
        for key in expression.keys {
            guard let value = referenceValue(key) else {
                let hint = Suggestion.hint(for: key, among: referenceKeys)
                return .failure(
                    ReferenceProblem(
                        key: key,
                        message: "unknown figure '\(key)'\(hint): expected a key such as area/measure or dataset:row"))
            }
            values.append(value)
        }
        switch expression {
        case .value:
            return .success(values[0])
        case .sum:
            guard let unit = values.first?.unit, values.allSatisfy({ $0.unit == unit && unit != .percent }) else {
                return .failure(
                    ReferenceProblem(
                        key: expression.keys.joined(separator: ", "),
                        message: "sum() adds counts or money in one unit, not percentages or mixed units"))
            }
            return .success(ReferenceValue(exact: values.reduce(Decimal(0)) { $0 + $1.exact }, unit: unit))
        case .difference:
            guard values[0].unit == values[1].unit else {
                return .failure(
                    ReferenceProblem(
                        key: expression.keys.joined(separator: ", "),
                        message: "difference() needs two figures in one unit"))
            }
            return .success(
                ReferenceValue(
                    exact: values[0].exact - values[1].exact, unit: values[0].unit,
                    decimals: max(values[0].decimals, values[1].decimals)))
        case .rate, .share:
            guard values[1].exact != 0, values[0].unit != .percent, values[1].unit != .percent else {
                return .failure(
                    ReferenceProblem(
                        key: expression.keys[1],
                        message: "the second figure of a rate or share must be a count or amount above zero"))
            }
            if case .rate = expression {
                return .success(
                    ReferenceValue(
                        exact: values[0].exact * 10_000 / values[1].exact, unit: .percent, decimals: 1,
                        suffix: " per 10,000"))
            }
            return .success(ReferenceValue(exact: values[0].exact * 100 / values[1].exact, unit: .percent, decimals: 1))
        }
    }
}

extension GovUKFormat {
    private static let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

    /// A narrative value in the format asked for, or as its unit says.
    public static func reference(_ value: ReferenceValue, format: FigureReference.Format?) -> String {
        switch format ?? defaultFormat(value.unit) {
        case .count: return grouped(value.exact.formatted(decimals: 0))
        case .money: return self.value(value.exact, unit: .money)
        case .words:
            let whole = value.exact.rounded(decimals: 0)
            if whole == value.exact, whole >= 0, whole < 10 {
                return words[NSDecimalNumber(decimal: whole).intValue]
            }
            return grouped(value.exact.formatted(decimals: 0))
        case .percent:
            if value.suffix.isEmpty { return value.exact.formatted(decimals: value.decimals) + "%" }
            return grouped(value.exact.formatted(decimals: value.decimals)) + value.suffix
        }
    }

    private static func defaultFormat(_ unit: MeasureUnit) -> FigureReference.Format {
        switch unit {
        case .count: .count
        case .money: .money
        case .percent: .percent
        }
    }
}
