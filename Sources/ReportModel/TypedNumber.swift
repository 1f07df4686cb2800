import Foundation

/// A number typed in prose, as a reader would take it for a figure: "802", "£109,228",
/// "23.5%". Years (2023), periods (2023/24, Quarter 3, Q3) and days of dates (21 March 2024)
/// are not figures, and are never found.
public struct TypedNumber: Hashable, Sendable {
    /// The number as typed: "£109,228".
    public var text: String
    /// Where it is in the text searched.
    public var range: Range<String.Index>
    /// Its value, exactly.
    public var value: Decimal
    /// Money when typed with a pound sign, a percentage with a per cent sign, else a count.
    public var unit: MeasureUnit

    private static let pattern = try! NSRegularExpression(
        pattern: #"(?<![\p{L}\d.,/£-])(£)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%)?(?![\p{L}\d/])"#)
    private static let months = "January February March April May June July August September October November December"
        .split(separator: " ").map(String.init)
    /// Words after which a number names a period, not a figure: "Quarter 3", "month 2".
    private static let periodWords = ["quarter", "month", "week", "year", "term", "phase"]

    /// Every number typed in `text` that could be a figure, in order.
    public static func all(in text: String) -> [TypedNumber] {
        let whole = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: whole).compactMap { match in
            guard let range = Range(match.range, in: text) else { return nil }
            let groups = (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) }
            }
            guard !isDateOrYear(range, groups, in: text) else { return nil }
            let typed = (groups[2] ?? "").replacingOccurrences(of: ",", with: "") + (groups[3] ?? "")
            guard let value = Decimal(string: typed, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
            let unit: MeasureUnit = groups[1] != nil ? .money : groups[4] != nil ? .percent : .count
            return TypedNumber(text: String(text[range]), range: range, value: value, unit: unit)
        }
    }

    /// Years (2023), periods (2023/24, Quarter 3) and days of a date (21 March 2024).
    private static func isDateOrYear(_ range: Range<String.Index>, _ groups: [String?], in text: String) -> Bool {
        let plain = groups[1] == nil && groups[4] == nil
        let word = text[..<range.lowerBound].suffix(10).trimmingCharacters(in: .whitespaces).lowercased()
        if plain, periodWords.contains(where: { word.hasSuffix($0) }) { return true }
        let digits = groups[2] ?? ""
        if plain, groups[3] == nil, digits.count == 4, let year = Int(digits), (1900...2099).contains(year) {
            return true
        }
        let after = text[range.upperBound...].prefix(12).trimmingCharacters(in: .whitespaces)
        let before = text[..<range.lowerBound].suffix(12).trimmingCharacters(in: .whitespaces)
        return months.contains { after.hasPrefix($0) || before.hasSuffix($0) }
    }
}

/// The figures of an edition by value, in the unit a sentence would type them in: what a typed
/// number could stand for.
public struct FigureValueIndex: Sendable {
    private var byValue: [String: [String]] = [:]

    /// Indexes every figure of `edition` with a number to show, and every figure's previous
    /// value (as `previous(key)`: "up from 2,874 last year" types one too).
    public init(_ edition: Edition) {
        for key in edition.referenceKeys {
            // A symbol ("c") has no value a sentence could type.
            guard let value = edition.referenceValue(key), !value.isWords, value.symbol == nil else { continue }
            byValue[Self.slot(value.exact, value.unit), default: []].append(key)
        }
        for figure in edition.figures {
            guard let previous = figure.previous?.value, previous.symbol == nil else { continue }
            byValue[Self.slot(previous.exact, previous.unit), default: []].append("previous(\(figure.key))")
        }
    }

    /// The references (`key`, `key.percent` or `previous(key)`) whose value `value` is, in
    /// the edition's order.
    public func keys(for value: Decimal, unit: MeasureUnit) -> [String] {
        byValue[Self.slot(value, unit)] ?? []
    }

    private static func slot(_ value: Decimal, _ unit: MeasureUnit) -> String {
        // Counts and money are compared as numbers, so "£38,510" and "38,510" both match.
        "\(unit == .percent ? "%" : "#")\(NSDecimalNumber(decimal: value).stringValue)"
    }
}
