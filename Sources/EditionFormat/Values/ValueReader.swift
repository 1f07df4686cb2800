import Foundation
import ReportModel

/// Why a cell could not be read, in words for the analyst: what a good value looks like.
public struct ValueProblem: Error, Equatable, Sendable {
    /// What was expected, such as `a whole number such as 1,234`.
    public var expected: String

    /// "-0" reads as 0 but says something else: a typing slip, or a negative value rounded to
    /// nothing. Either way the analyst should look.
    static let negativeZero = ValueProblem(
        expected: "0 without a minus sign (-0 is a typing slip, or a small negative value rounded away)")
}

/// Reads values as analysts type them and spreadsheets export them, exactly: "1,234", " 42 ",
/// "£109,228", "23.5%". Money and percentages become `Decimal`, counts `Int`; nothing passes
/// through binary floating point.
public enum ValueReader {
    /// Reads a count: a whole number, optionally grouped in thousands with commas.
    public static func count(_ text: String) -> Result<Int, ValueProblem> {
        // Most counts are plain digits: read those without building a literal.
        let utf8 = text.utf8
        if utf8.count <= 18, !utf8.isEmpty, utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return .success(utf8.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) })
        }
        let expected = "a whole number such as 1,234"
        if let habit = spreadsheetHabit(text, unit: .count) { return .failure(habit) }
        guard let literal = NumericLiteral(text), !literal.hasCurrency, !literal.hasPercent,
            literal.fraction.isEmpty
        else { return .failure(SymbolSpelling.elsewhere(text, expected: expected)) }
        guard !literal.isNegativeZero else { return .failure(.negativeZero) }
        guard literal.whole.count <= 18, let magnitude = Int(literal.whole) else {
            return .failure(ValueProblem(expected: "a whole number of at most 18 digits"))
        }
        return .success(literal.negative ? -magnitude : magnitude)
    }

    /// Reads an amount of money in pounds: "£109,228", "109228", "£1,234.50".
    public static func money(_ text: String) -> Result<Decimal, ValueProblem> {
        let expected = "an amount in pounds such as £109,228 or 1234.50"
        if let habit = spreadsheetHabit(text, unit: .money) { return .failure(habit) }
        guard let literal = NumericLiteral(text), !literal.hasPercent, let value = literal.decimal
        else { return .failure(SymbolSpelling.elsewhere(text, expected: expected)) }
        guard !literal.isNegativeZero else { return .failure(.negativeZero) }
        return .success(value)
    }

    /// Reads a percentage, with or without its sign: "23.5%", "45", "3.68 %". The number of
    /// decimals typed is kept.
    public static func percent(_ text: String) -> Result<StatedPercentage, ValueProblem> {
        let expected = "a percentage such as 23.5%"
        if let habit = spreadsheetHabit(text, unit: .percent) { return .failure(habit) }
        guard let literal = NumericLiteral(text), !literal.hasCurrency, let value = literal.decimal
        else { return .failure(SymbolSpelling.elsewhere(text, expected: expected)) }
        guard !literal.isNegativeZero else { return .failure(.negativeZero) }
        return .success(StatedPercentage(value: value, decimals: literal.fraction.count))
    }

    /// What a spreadsheet did to a value, when the text shows one of its habits, and what to
    /// write instead: a count formatted with decimal places ("2874.00"), a negative in accounting
    /// brackets ("(£18,000)"), a percentage kept as its fraction ("0.447" for 44.7%).
    static func spreadsheetHabit(_ text: String, unit: MeasureUnit) -> ValueProblem? {
        let trimmed = Trim.spaces(text)
        if trimmed.hasPrefix("("), trimmed.hasSuffix(")"), trimmed.count > 2,
            let inner = NumericLiteral(String(trimmed.dropFirst().dropLast())), !inner.negative
        {
            let shown = String(trimmed.dropFirst().dropLast())
            return ValueProblem(
                expected: unit == .count
                    ? "a whole number: '\(trimmed)' is a negative number as a spreadsheet's accounting format shows it, and a count cannot be negative"
                    : "-\(shown) with a minus sign: '\(trimmed)' is a negative number as a spreadsheet's accounting format shows it (format the column as a plain number before saving)"
            )
        }
        guard let literal = NumericLiteral(trimmed), !literal.hasCurrency else { return nil }
        switch unit {
        case .count
        where !literal.hasPercent && !literal.fraction.isEmpty && literal.fraction.allSatisfy({ $0 == "0" }):
            return ValueProblem(
                expected:
                    "a whole number such as \(GovUKFormat.grouped(literal.whole)): '\(trimmed)' has decimal places because the spreadsheet column is formatted as a number with decimals (format it as a whole number, or type \(literal.whole))"
            )
        case .percent
        where !literal.hasPercent && !literal.negative && literal.whole == "0" && literal.fraction.count >= 3:
            guard let value = literal.decimal else { return nil }
            let percent = (value * 100).formatted(decimals: max(0, literal.fraction.count - 2))
            return ValueProblem(
                expected:
                    "a percentage with its sign: '\(trimmed)' looks like \(percent)% kept as a fraction, as a spreadsheet's percentage format stores it (write \(percent)%, or \(trimmed)% if you mean under one per cent)"
            )
        default: return nil
        }
    }

    /// Reads a value in the given unit, a bound on one ("40+", "fewer than 5"), or the symbol
    /// an official table gives instead ("c", "low": see `QuantitySymbol`).
    public static func quantity(_ text: String, unit: MeasureUnit) -> Result<Quantity, ValueProblem> {
        let exact: Result<Quantity, ValueProblem> =
            switch unit {
            case .count: count(text).map(Quantity.count)
            case .money: money(text).map(Quantity.money)
            case .percent: percent(text).map(Quantity.percent)
            }
        guard case .failure = exact else { return exact }
        if let symbol = QuantitySymbol.symbol(spelledBy: text) {
            return .success(.symbol(QuantitySymbol(symbol, unit: unit)))
        }
        guard let bound = BoundSpelling.split(text) else {
            // A number with words beside it ("40 plus", "about 40") was meant as a bound or an
            // estimate: say how bounds are written, not only how numbers are. A cell with no
            // digit at all ("n/a", "supp", ":") was meant as a symbol: say which are read.
            if let problem = SymbolSpelling.flagged(text, unit: unit) { return .failure(problem) }
            if BoundSpelling.looksWorded(text) { return .failure(BoundSpelling.problem) }
            if let problem = SymbolSpelling.problem(text) { return .failure(problem) }
            return exact
        }
        switch quantity(bound.number, unit: unit) {
        case .success(let limit) where limit.isExact:
            return .success(
                .bound(QuantityBound(side: bound.side, limit: limit, before: bound.before, after: bound.after)))
        case .failure(let problem) where problem == .negativeZero || spreadsheetHabit(bound.number, unit: unit) != nil:
            // The number has a problem of its own ("2874.00+"): say that one.
            return .failure(problem)
        default: return .failure(BoundSpelling.problem)
        }
    }
}

/// The ways a report prints a bound, as a value cell may hold them: "40+", "40 or more",
/// "at least 40"; "more than 40", "over 40", ">40"; "<5", "fewer than 5", "less than 5",
/// "under 5"; "5 or fewer", "up to 5", "at most 5". Words are matched in any case and kept as
/// typed, so the report prints the bound as given.
enum BoundSpelling {
    static let prefixes: [(String, QuantityBound.Side)] = [
        ("at least ", .atLeast), ("more than ", .moreThan), ("over ", .moreThan), (">", .moreThan),
        ("fewer than ", .lessThan), ("less than ", .lessThan), ("under ", .lessThan), ("<", .lessThan),
        ("up to ", .atMost), ("at most ", .atMost),
    ]
    static let suffixes: [(String, QuantityBound.Side)] = [
        ("+", .atLeast), (" or more", .atLeast), (" or fewer", .atMost), (" or less", .atMost),
    ]

    static let problem = ValueProblem(
        expected:
            "a number, or a bound on one as a report prints it: 40+, 40 or more, at least 40, more than 40, over 40, <5, fewer than 5, less than 5, under 5, 5 or fewer, up to 5"
    )

    /// True for a number with a word of letters beside it: "40 plus", "about 40".
    static func looksWorded(_ text: String) -> Bool {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        return words.count > 1 && text.contains(where: \.isNumber)
            && words.contains { word in word.count > 1 && word.allSatisfy(\.isLetter) }
    }

    /// The text as a bound's words and its number, or nil when it is not spelled as a bound.
    static func split(_ text: String) -> (side: QuantityBound.Side, before: String, number: String, after: String)? {
        let trimmed = Trim.spaces(text).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        let lowered = trimmed.lowercased()
        for (words, side) in prefixes where lowered.hasPrefix(words) {
            let number = Trim.spaces(String(trimmed.dropFirst(words.count)))
            guard !number.isEmpty else { return nil }
            return (side, String(trimmed.prefix(words.count)), number, "")
        }
        for (words, side) in suffixes where lowered.hasSuffix(words) {
            let number = Trim.spaces(String(trimmed.dropLast(words.count)))
            guard !number.isEmpty else { return nil }
            return (side, "", number, String(trimmed.suffix(words.count)))
        }
        return nil
    }
}

/// What to say of a word in a value cell that is not a symbol read ("n/a", "supp"), or of a
/// mark tables have put in place of a number (":", "*"): the symbols that are read, and for the
/// obsolete ones official tables used before (`:`, `..`, `~`), the symbol that replaced it.
enum SymbolSpelling {
    /// What a column that takes only numbers (a parts table's amounts, a stated percentage)
    /// says of a symbol: where symbols are read, and what to do instead.
    static func elsewhere(_ text: String, expected: String) -> ValueProblem {
        guard let symbol = QuantitySymbol.symbol(spelledBy: text) else { return ValueProblem(expected: expected) }
        return ValueProblem(
            expected:
                "\(expected): '\(symbol.rawValue)' (\(symbol.meaning)) is read only as a figure's value or previous value in a figures dataset; here a number is needed, or leave an optional cell empty when the official table withholds it"
        )
    }

    static let marks: Set<String> = [":", "..", "~", "*", "-", "\u{2013}", "\u{2014}"]

    /// What to say of a number with the GSS shorthand in brackets beside it ("1,234 [p]",
    /// "12 [u]"): the figure cannot carry the shorthand, so the number is typed alone.
    static func flagged(_ text: String, unit: MeasureUnit) -> ValueProblem? {
        let trimmed = Trim.spaces(text)
        guard trimmed.hasSuffix("]"), let open = trimmed.lastIndex(of: "[") else { return nil }
        let flag = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        let number = Trim.spaces(String(trimmed[..<open]))
        // The number is read as a plain number only, never again as a bound or a flagged one:
        // a cell of a million "[a]" costs one pass, not a million.
        let isNumber =
            switch unit {
            case .count: (try? ValueReader.count(number).get()) != nil
            case .money: (try? ValueReader.money(number).get()) != nil
            case .percent: (try? ValueReader.percent(number).get()) != nil
            }
        guard !flag.isEmpty, flag.count <= 3, flag.allSatisfy(\.isLetter), isNumber else { return nil }
        return ValueProblem(
            expected:
                "a number alone, or a symbol alone: '\(trimmed)' is \(number) with the shorthand [\(flag)] beside it, which a figure cannot carry (Explore Education Statistics prints u alone, in place of the value); type \(number), and say what [\(flag)] means in the narrative"
        )
    }

    static func problem(_ text: String) -> ValueProblem? {
        let trimmed = Trim.spaces(text)
        guard !trimmed.contains(where: \.isNumber), trimmed.contains(where: \.isLetter) || marks.contains(trimmed)
        else { return nil }
        let replaced: [String: QuantitySymbol.Symbol] = [":": .x, "..": .x, "~": .low]
        let symbols = QuantitySymbol.Symbol.allCases.map { "\($0.rawValue) (\($0.meaning))" }
        let listed =
            "a number, a bound such as <5 or 40+, or one of the symbols of official tables: \(ListFormat.or(symbols))"
        if let symbol = replaced[trimmed] {
            return ValueProblem(
                expected:
                    "\(listed); '\(trimmed)' is an older symbol that \(symbol.rawValue) (\(symbol.meaning)) replaced: write \(symbol.rawValue)"
            )
        }
        return ValueProblem(expected: listed)
    }
}

/// A number as typed: sign, optional pound sign, digits grouped or not, optional fraction and
/// percent sign. Parsing it once keeps the rules for counts, money and percentages in step.
struct NumericLiteral {
    var negative = false
    var hasCurrency = false
    var hasPercent = false
    var whole = ""
    var fraction = ""

    init?(_ text: String) {
        var rest = Substring(Trim.spaces(text))
        if rest.first == "-" {
            negative = true
            rest = rest.dropFirst()
        }
        if rest.first == "£" {
            hasCurrency = true
            rest = Substring(rest.dropFirst().drop { $0 == " " })
        }
        if rest.last == "%" {
            hasPercent = true
            rest = rest.dropLast()
            while rest.last == " " { rest = rest.dropLast() }
        }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholePart = parts.first, !wholePart.isEmpty,
            let digits = NumericLiteral.ungrouped(wholePart)
        else { return nil }
        whole = digits
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
            fraction = String(parts[1])
        }
    }

    /// The digits of `text` with thousands separators removed, or nil when the grouping is
    /// not a well-formed one ("1,23" and "12,34" are typing errors, not numbers).
    private static func ungrouped(_ text: Substring) -> String? {
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count > 1 {
            guard let first = groups.first, first.count <= 3,
                groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
        }
        return groups.joined()
    }

    /// True for "-0", "-0.00", "-£0": a minus sign on nothing.
    var isNegativeZero: Bool {
        negative && whole.allSatisfy { $0 == "0" } && fraction.allSatisfy { $0 == "0" }
    }

    /// Decimal points are full stops whatever the machine's language.
    nonisolated(unsafe) static let posix = Locale(identifier: "en_US_POSIX")

    /// The exact value, or nil when it has more digits than a report could mean.
    var decimal: Decimal? {
        guard whole.count + fraction.count <= 30 else { return nil }
        let magnitude: Decimal
        if whole.utf8.count + fraction.utf8.count <= 18, let digits = UInt64(whole + fraction), digits != 0 {
            // Up to 18 digits are an exact integer scaled by a power of ten, the same Decimal
            // as the text parsed, in a hundredth of the time (a million values are read so).
            // Zero is left to the parser, which keeps the decimals typed in its exponent.
            magnitude = Decimal(sign: .plus, exponent: -fraction.utf8.count, significand: Decimal(digits))
        } else {
            let digits = fraction.isEmpty ? whole : "\(whole).\(fraction)"
            guard let parsed = Decimal(string: digits, locale: NumericLiteral.posix) else { return nil }
            magnitude = parsed
        }
        return negative ? -magnitude : magnitude
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
