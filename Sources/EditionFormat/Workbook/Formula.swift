import Foundation
import ReportModel

/// The arithmetic analysts write in a cell, computed exactly in Decimal: numbers, references to
/// cells of the same sheet (`B7`, `$B$7`), `+ - * /`, brackets, `SUM` of ranges and values, and
/// `ROUND(x, digits)`. A workbook saved by a program that does not calculate (openpyxl, pandas,
/// a CI job) keeps such formulas without their results; they are computed here rather than
/// refused. Anything else is named, never guessed at.
struct Formula {
    /// Why a formula cannot be computed, in words for the analyst.
    struct Unsupported: Error, Equatable {
        var reason: String
    }

    /// The value of a referenced cell: a number, nil for an empty cell (0, as in Excel), or
    /// `Unsupported` for text or a formula that cannot be computed.
    typealias Lookup = (CellReference) throws(Unsupported) -> Decimal?
    /// Every numeric cell in a range (so a range over a whole column is not walked cell by cell).
    typealias RangeLookup = (CellReference, CellReference) throws(Unsupported) -> [Decimal]

    private let characters: [Character]
    private var position = 0
    private let lookup: Lookup
    private let range: RangeLookup

    private init(_ text: String, lookup: @escaping Lookup, range: @escaping RangeLookup) {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if body.first == "=" { body = body.dropFirst() }
        characters = Array(body.uppercased())
        self.lookup = lookup
        self.range = range
    }

    /// The formula's value.
    static func evaluate(
        _ text: String, lookup: @escaping Lookup, range: @escaping RangeLookup
    ) throws(Unsupported) -> Decimal {
        guard text.count <= 8_192 else { throw Unsupported(reason: "it is longer than 8,192 characters") }
        var formula = Formula(text, lookup: lookup, range: range)
        let value = try formula.expression(depth: 0)
        formula.skipSpaces()
        guard formula.position == formula.characters.count else {
            throw Unsupported(
                reason: "'\(String(formula.characters[formula.position...]))' is not arithmetic it computes")
        }
        return value
    }

    private mutating func skipSpaces() {
        while position < characters.count, characters[position] == " " { position += 1 }
    }

    private mutating func take(_ character: Character) -> Bool {
        skipSpaces()
        guard position < characters.count, characters[position] == character else { return false }
        position += 1
        return true
    }

    private mutating func expression(depth: Int) throws(Unsupported) -> Decimal {
        guard depth < 100 else { throw Unsupported(reason: "it nests brackets more than 100 deep") }
        var value = try term(depth: depth)
        while true {
            if take("+") {
                value += try term(depth: depth)
            } else if take("-") {
                value -= try term(depth: depth)
            } else {
                return value
            }
        }
    }

    private mutating func term(depth: Int) throws(Unsupported) -> Decimal {
        var value = try unary(depth: depth)
        while true {
            if take("*") {
                value *= try unary(depth: depth)
            } else if take("/") {
                let divisor = try unary(depth: depth)
                guard divisor != 0 else { throw Unsupported(reason: "it divides by zero (#DIV/0!)") }
                value /= divisor
            } else {
                return value
            }
        }
    }

    private mutating func unary(depth: Int) throws(Unsupported) -> Decimal {
        if take("-") { return -(try unary(depth: depth + 1)) }
        if take("+") { return try unary(depth: depth + 1) }
        return try primary(depth: depth)
    }

    private mutating func primary(depth: Int) throws(Unsupported) -> Decimal {
        skipSpaces()
        if take("(") {
            let value = try expression(depth: depth + 1)
            guard take(")") else { throw Unsupported(reason: "a bracket is not closed") }
            return value
        }
        guard position < characters.count else { throw Unsupported(reason: "it ends where a value should be") }
        let start = position
        if characters[position].isNumber || characters[position] == "." {
            while position < characters.count, characters[position].isNumber || characters[position] == "." {
                position += 1
            }
            guard let number = Decimal(string: String(characters[start..<position]), locale: Formula.posix) else {
                throw Unsupported(reason: "'\(String(characters[start..<position]))' is no number")
            }
            if take("%") { return number / 100 }
            return number
        }
        while position < characters.count,
            characters[position].isLetter || characters[position].isNumber || characters[position] == "$"
                || characters[position] == "_" || characters[position] == "."
        {
            position += 1
        }
        let word = String(characters[start..<position]).replacingOccurrences(of: "$", with: "")
        if take("!") || word.isEmpty {
            throw Unsupported(reason: "it refers to another sheet or a name, which is not computed here")
        }
        if take("(") { return try function(word, depth: depth + 1) }
        guard let reference = CellReference(word) else {
            throw Unsupported(reason: "'\(word)' is no cell reference it knows")
        }
        skipSpaces()
        if position < characters.count, characters[position] == ":" {
            throw Unsupported(reason: "a range is used outside SUM")
        }
        return try lookup(reference) ?? 0
    }

    private mutating func function(_ name: String, depth: Int) throws(Unsupported) -> Decimal {
        guard ["SUM", "ROUND"].contains(name) else {
            throw Unsupported(reason: "\(name) is not among the functions it computes (SUM and ROUND)")
        }
        var arguments: [[Decimal]] = []
        if !take(")") {
            repeat {
                arguments.append(try argument(depth: depth))
            } while take(",")
            guard take(")") else { throw Unsupported(reason: "the brackets of \(name) are not closed") }
        }
        switch name {
        case "SUM":
            return arguments.joined().reduce(0, +)
        case "ROUND":
            guard arguments.count == 2, arguments[0].count == 1, arguments[1].count == 1 else {
                throw Unsupported(reason: "ROUND takes a value and a whole number of digits")
            }
            let digits = NSDecimalNumber(decimal: arguments[1][0]).intValue
            guard Decimal(digits) == arguments[1][0], abs(digits) <= 30 else {
                throw Unsupported(reason: "ROUND takes a value and a whole number of digits")
            }
            var value = arguments[0][0]
            var rounded = Decimal()
            // Excel rounds a half away from zero, as .plain does.
            NSDecimalRound(&rounded, &value, digits, .plain)
            return rounded
        default:
            throw Unsupported(reason: "\(name) is not among the functions it computes (SUM and ROUND)")
        }
    }

    /// A function's argument: a range's numbers, or one value.
    private mutating func argument(depth: Int) throws(Unsupported) -> [Decimal] {
        skipSpaces()
        let start = position
        while position < characters.count,
            characters[position].isLetter || characters[position].isNumber
                || characters[position] == "$"
        {
            position += 1
        }
        let first = CellReference(String(characters[start..<position]).replacingOccurrences(of: "$", with: ""))
        if let first, take(":") {
            skipSpaces()
            let end = position
            while position < characters.count,
                characters[position].isLetter || characters[position].isNumber || characters[position] == "$"
            {
                position += 1
            }
            guard
                let last = CellReference(String(characters[end..<position]).replacingOccurrences(of: "$", with: ""))
            else { throw Unsupported(reason: "a range has no end cell") }
            return try range(first, last)
        }
        position = start
        return [try expression(depth: depth)]
    }

    static let posix = Locale(identifier: "en_US_POSIX")
}
