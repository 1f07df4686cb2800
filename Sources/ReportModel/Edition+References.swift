import Foundation

/// A value the narrative can show: exact, with its unit and the decimals it is written with.
public struct ReferenceValue: Hashable, Sendable {
    public var exact: Decimal
    public var unit: MeasureUnit
    /// Decimals for a percentage; counts and money ignore it.
    public var decimals: Int
    /// A suffix for derived rates: " per 10,000".
    public var suffix: String
    /// For a change since the previous period, the previous value: the change is written in
    /// words ("up 12", "down 1.5%").
    public var changeFrom: Decimal?
    /// A value that is words, not a number: a period ("March 2024"), or a bound as the data
    /// gives it ("40+").
    public var text: String?
    /// For a figure given as a bound, the bound: `exact` is then only its limit.
    public var bound: QuantityBound?
    /// For a figure an official table gives as a symbol ("c"), the symbol: `exact` is then
    /// meaningless, and the narrative may not show it.
    public var symbol: QuantitySymbol?
    /// True for a row's words (a ranked item, a review's state): `text` is the value, and there
    /// is no number to compare or add.
    public var isWords = false

    public init(
        exact: Decimal, unit: MeasureUnit, decimals: Int = 1, suffix: String = "", changeFrom: Decimal? = nil,
        text: String? = nil, bound: QuantityBound? = nil
    ) {
        self.exact = exact
        self.unit = unit
        self.decimals = decimals
        self.suffix = suffix
        self.changeFrom = changeFrom
        self.text = text
        self.bound = bound
    }

    /// A figure's value as a reference shows it: a bound as written ("40+").
    init(_ quantity: Quantity) {
        switch quantity {
        case .percent(let stated): self.init(exact: stated.value, unit: .percent, decimals: stated.decimals)
        case .bound(let bound):
            let decimals: Int
            if case .percent(let stated) = bound.limit { decimals = stated.decimals } else { decimals = 1 }
            self.init(
                exact: bound.limit.exact, unit: bound.limit.unit, decimals: decimals,
                text: GovUKFormat.quantity(quantity), bound: bound)
        case .symbol(let symbol):
            self.init(exact: 0, unit: symbol.unit, text: GovUKFormat.quantity(quantity))
            self.symbol = symbol
        default: self.init(exact: quantity.exact, unit: quantity.unit)
        }
    }

    /// The values it may stand for: one, a bound's side of its limit, or those a symbol allows.
    public var range: ValueRange { symbol?.range ?? bound?.range ?? .exactly(exact) }
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
            // A figure of a series is named with its period too: north/contacts@2023/24 Q3.
            let key =
                series(area: figure.area.value, measure: figure.measure.value) == nil
                ? figure.key : "\(figure.key)@\(PeriodSpelling.spelling(of: period(of: figure)))"
            keys.append(key)
            if figure.statedPercentage != nil { keys.append(key + ".percent") }
        }
        for row in parts {
            keys.append("\(row.dataset):\(row.part.value)")
            if row.statedPercentage != nil { keys.append("\(row.dataset):\(row.part.value).percent") }
        }
        return keys
    }

    /// A key as the figure or row it names and whether it asks for the stated percentage:
    /// `budget:Health.percent` is (`budget:Health`, true).
    public static func splitReferenceKey(_ key: String) -> (base: String, wantsPercent: Bool) {
        let suffix = ".percent"
        return key.hasSuffix(suffix) ? (String(key.dropLast(suffix.count)), true) : (key, false)
    }

    /// The value a key names, or nil when the edition has no such figure.
    public func referenceValue(_ key: String) -> ReferenceValue? {
        let (base, wantsPercent) = Edition.splitReferenceKey(key)
        if let figure = figure(base) {
            if wantsPercent {
                return figure.statedPercentage.map {
                    ReferenceValue(exact: $0.value.value, unit: .percent, decimals: $0.value.decimals)
                }
            }
            return ReferenceValue(figure.value.value)
        }
        let parts = base.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        guard let row = part(dataset: parts[0], named: parts[1]) else {
            guard !wantsPercent, let words = rowWords(dataset: parts[0], key: parts[1]) else { return nil }
            var value = ReferenceValue(exact: 0, unit: .count, text: words.text)
            value.isWords = true
            return value
        }
        if wantsPercent {
            return row.statedPercentage.map {
                ReferenceValue(exact: $0.value.value, unit: .percent, decimals: $0.value.decimals)
            }
        }
        return ReferenceValue(exact: row.value.value, unit: row.unit)
    }

    /// Where the value a key names is kept: its cell, or its row.
    public func referenceLocation(_ key: String) -> SourceLocation? {
        let (base, wantsPercent) = Edition.splitReferenceKey(key)
        if let figure = figure(base) {
            return wantsPercent ? figure.statedPercentage?.location : figure.value.location
        }
        let parts = base.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        guard let row = part(dataset: parts[0], named: parts[1]) else {
            return wantsPercent ? nil : rowWords(dataset: parts[0], key: parts[1])?.location
        }
        return wantsPercent ? row.statedPercentage?.location : row.value.location
    }

    /// The words a row of a dataset stands for in the narrative (`referrals-ranked:top-referrers/
    /// cumberland/1` is "Police (23.5%)"), as its kind words them, and where the row is.
    private func rowWords(dataset: String, key: String) -> (text: String, location: SourceLocation)? {
        guard let kind = kinds[dataset] else { return nil }
        return kind.words(forRow: key, of: dataset, in: self)
    }

    /// The row of a parts table with this name.
    private func part(dataset: String, named name: String) -> PartRow? {
        records(PartRow.self, in: dataset).first { $0.part.value == name }
    }

    /// The value of a reference's expression.
    public func evaluate(_ expression: FigureReference.Expression) -> Result<ReferenceValue, ReferenceProblem> {
        switch expression {
        case .previous(let key), .change(let key), .period(let key):
            return evaluateOverTime(expression, key: key)
        default: break
        }
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
        // An official table's symbol in the narrative would print "c" in a sentence, and a
        // reference to a withheld figure must not hint at it ("fewer than 6"): the writer words
        // around it instead.
        if let withheld = zip(expression.keys, values).first(where: { $0.1.symbol != nil }),
            let symbol = withheld.1.symbol?.symbol
        {
            return .failure(
                ReferenceProblem(
                    key: withheld.0,
                    message:
                        "\(withheld.0) is given as '\(symbol.rawValue)' (\(symbol.meaning)), not a number: the narrative cannot show it or compute with it; remove the reference and word the sentence without the figure"
                ))
        }
        if case .value = expression {
            return .success(values[0])
        }
        if let words = zip(expression.keys, values).first(where: { $0.1.isWords }) {
            return .failure(
                ReferenceProblem(
                    key: words.0,
                    message:
                        "\(words.0) is a row's words (\(words.1.text ?? "")), not a number: arithmetic needs figures"))
        }
        if let bounded = zip(expression.keys, values).first(where: { $0.1.bound != nil }) {
            return .failure(
                ReferenceProblem(
                    key: bounded.0,
                    message:
                        "\(bounded.0) is given as a bound (\(bounded.1.text ?? "")), not a number: arithmetic needs figures known exactly"
                ))
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
            if case .rate(_, _, let base) = expression {
                return .success(
                    ReferenceValue(
                        exact: values[0].exact * Decimal(base) / values[1].exact, unit: .percent, decimals: 1,
                        suffix: " per \(GovUKFormat.grouped(String(base)))"))
            }
            return .success(ReferenceValue(exact: values[0].exact * 100 / values[1].exact, unit: .percent, decimals: 1))
        case .previous, .change, .period:
            return evaluateOverTime(expression, key: expression.keys[0])
        }
    }

    /// What a figure is compared with: the previous period of its series (the quarter or
    /// month before) when that is stated, otherwise its `previous` column (a year earlier).
    public func comparator(of figure: Figure) -> Located<Quantity>? {
        precedingInSeries(figure)?.value ?? figure.previous
    }

    /// A figure's previous value, its change since then, or its period.
    private func evaluateOverTime(_ expression: FigureReference.Expression, key: String) -> Result<
        ReferenceValue, ReferenceProblem
    > {
        guard let figure = figure(key) else {
            if let row = partRow(key) { return evaluateOverTime(expression, row: row, key: key) }
            let figureKeys = figures.map(\.key)
            return .failure(
                ReferenceProblem(
                    key: key,
                    message:
                        "unknown figure '\(key)'\(Suggestion.hint(for: key, among: figureKeys)): previous(), change() and period() take a figure's key (area/measure, or area/measure@period) or a parts table's row (dataset:row)"
                ))
        }
        if case .period = expression {
            return .success(ReferenceValue(exact: 0, unit: .count, text: GovUKFormat.period(period(of: figure))))
        }
        guard let previous = comparator(of: figure)?.value else {
            return .failure(
                ReferenceProblem(
                    key: key,
                    message:
                        "\(key) has no previous value: state the previous period in its series, or give last year's value in its dataset's previous column"
                ))
        }
        let decimals: Int
        if case .percent(let stated) = previous { decimals = stated.decimals } else { decimals = 1 }
        let current = figure.value.value
        // previous() shows only the previous value; change() needs both.
        let isChange = if case .change = expression { true } else { false }
        if let symbol = previous.symbol?.symbol ?? (isChange ? current.symbol?.symbol : nil) {
            return .failure(
                ReferenceProblem(
                    key: key,
                    message:
                        "\(key) \(previous.symbol != nil ? "was" : "is") given as '\(symbol.rawValue)' (\(symbol.meaning)), not a number: the narrative cannot show it or compute with it; remove the reference and word the sentence without the figure"
                ))
        }
        if case .previous = expression {
            if previous.isBound { return .success(ReferenceValue(previous)) }
            return .success(ReferenceValue(exact: previous.exact, unit: previous.unit, decimals: decimals))
        }
        guard !current.isBound, !previous.isBound else {
            return .failure(
                ReferenceProblem(
                    key: key,
                    message:
                        "\(key) is \(GovUKFormat.quantity(current)) and was \(GovUKFormat.quantity(previous)): a change needs both known exactly, not as a bound"
                ))
        }
        return .success(
            ReferenceValue(
                exact: current.exact - previous.exact, unit: current.unit, decimals: decimals,
                changeFrom: previous.exact))
    }
}

extension Edition {
    /// The row of a parts table a `dataset:row` key names.
    fileprivate func partRow(_ key: String) -> PartRow? {
        let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        return records(PartRow.self, in: parts[0]).first { $0.part.value == parts[1] }
    }

    /// previous(), change() and period() of a parts table's row: its previous column (last
    /// year's value, as `new` carries it), and its dataset's period.
    fileprivate func evaluateOverTime(_ expression: FigureReference.Expression, row: PartRow, key: String)
        -> Result<ReferenceValue, ReferenceProblem>
    {
        if case .period = expression {
            let period = dataset(row.dataset)?.period ?? manifest.reportingPeriod.period
            return .success(ReferenceValue(exact: 0, unit: .count, text: GovUKFormat.period(period)))
        }
        guard let previous = row.previous?.value else {
            return .failure(
                ReferenceProblem(
                    key: key,
                    message: "\(key) has no previous value: give last year's value in its dataset's previous column"))
        }
        if case .previous = expression { return .success(ReferenceValue(exact: previous, unit: row.unit)) }
        return .success(ReferenceValue(exact: row.value.value - previous, unit: row.unit, changeFrom: previous))
    }
}

extension GovUKFormat {
    private static let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

    /// A narrative value in the format asked for, or as its unit says.
    public static func reference(_ value: ReferenceValue, format: FigureReference.Format?) -> String {
        if let text = value.text { return text }
        if let from = value.changeFrom { return change(value, from: from, format: format) }
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

    /// A change in words: "up 12", "down £3,000", "up 1.5%" (as a percentage of the previous
    /// value, with `| percent`), "unchanged".
    private static func change(_ value: ReferenceValue, from: Decimal, format: FigureReference.Format?) -> String {
        guard value.exact != 0 else { return "unchanged" }
        let direction = value.exact > 0 ? "up" : "down"
        let size = value.exact < 0 ? -value.exact : value.exact
        if format == .percent, value.unit != .percent, from != 0 {
            let percent = size * 100 / (from < 0 ? -from : from)
            return "\(direction) \(percent.formatted(decimals: 1))%"
        }
        let magnitude = ReferenceValue(exact: size, unit: value.unit, decimals: value.decimals)
        let shown = reference(magnitude, format: format == .percent ? nil : format)
        // A change in a percentage is in percentage points, not per cent.
        return value.unit == .percent ? "\(direction) \(shown.dropLast()) percentage points" : "\(direction) \(shown)"
    }

    private static func defaultFormat(_ unit: MeasureUnit) -> FigureReference.Format {
        switch unit {
        case .count: .count
        case .money: .money
        case .percent: .percent
        }
    }
}
