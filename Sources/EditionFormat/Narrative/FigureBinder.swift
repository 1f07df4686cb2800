import Foundation
import ReportModel

/// Turns numbers typed in imported prose into references to the figures they are
/// (`annual-report import --bind`): a number equal to exactly one figure of the edition becomes
/// `{{= key }}`, with a format when that is what makes the report print it exactly as typed
/// (`{{= budget:Health | count }}` for "101,103"). Every other number stays as typed and is
/// listed: one equal to several figures with their keys, to none, to a figure the report would
/// print otherwise ("1234" against 1,234), or to a figure the disclosure policy withholds. Years,
/// dates, periods, list numbers, and numbers in link addresses and code are not figures.
public struct FigureBinder: Sendable {
    /// A number that became a reference.
    public struct Bound: Sendable, Equatable {
        /// The number as typed.
        public var typed: String
        /// The reference written in its place: `{{= cumberland/contacts }}`.
        public var reference: String
        /// Where the reference is in the written file.
        public var location: SourceLocation
    }

    /// A number left as typed, and why.
    public struct Unbound: Sendable, Equatable, CustomStringConvertible {
        public enum Reason: Error, Sendable, Equatable {
            /// It equals no figure of the edition.
            case noFigure
            /// It equals several: which one is the writer's to say.
            case severalFigures
            /// It equals one figure, which the report prints differently (as this).
            case printedDifferently(String)
            /// It equals one figure, which the disclosure policy withholds (shown as c).
            case withheld
        }

        public var typed: String
        public var location: SourceLocation
        /// The references it could be, in the edition's order.
        public var candidates: [String]
        public var reason: Reason

        public var description: String {
            let keys = candidates.map { "{{= \($0) }}" }
            return switch reason {
            case .noFigure: "\(location): \(typed) equals no figure of the edition; left as typed"
            case .severalFigures:
                "\(location): \(typed) equals \(candidates.count) figures, \(ListFormat.or(keys)); left as typed: write the one it is"
            case .printedDifferently(let printed):
                "\(location): \(typed) equals \(keys.joined()), which the report prints as \(printed); left as typed: write the reference if \(printed) is right"
            case .withheld:
                "\(location): \(typed) equals \(keys.joined()), which the disclosure policy withholds (shown as c); left as typed: word the sentence without it"
            }
        }
    }

    /// What binding a file's Markdown came to.
    public struct Result: Sendable, Equatable {
        public var markdown: String
        public var bound: [Bound]
        public var unbound: [Unbound]
    }

    private let edition: Edition
    private let index: FigureValueIndex
    private let withheld: Set<String>

    /// - Parameters:
    ///   - edition: the edition whose figures the numbers are bound to (read, not protected).
    ///   - withheld: the references whose values the disclosure policy withholds: never bound.
    public init(edition: Edition, withheld: Set<String> = []) {
        self.edition = edition
        self.index = FigureValueIndex(edition)
        self.withheld = withheld
    }

    /// Binds the numbers of `markdown`, the text of `file` (for the locations).
    public func bind(_ markdown: String, file: String) -> Result {
        let masked = Self.masked(markdown)
        var output = ""
        var position = markdown.startIndex
        var line = 1
        var column = 1
        func append(_ text: Substring) {
            output += text
            for character in text {
                if character == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
        }
        var bound: [Bound] = []
        var unbound: [Unbound] = []
        for number in TypedNumber.all(in: masked) {
            append(markdown[position..<number.range.lowerBound])
            position = number.range.upperBound
            let location = SourceLocation(file: file, line: line, column: column)
            let candidates = index.keys(for: number.value, unit: number.unit)
            switch decide(number, candidates) {
            case .success(let reference):
                bound.append(Bound(typed: number.text, reference: reference, location: location))
                append(Substring(reference))
            case .failure(let reason):
                unbound.append(Unbound(typed: number.text, location: location, candidates: candidates, reason: reason))
                append(Substring(number.text))
            }
        }
        append(markdown[position...])
        return Result(markdown: output, bound: bound, unbound: unbound)
    }

    private func decide(_ number: TypedNumber, _ candidates: [String]) -> Swift.Result<String, Unbound.Reason> {
        guard let key = candidates.first else { return .failure(.noFigure) }
        guard candidates.count == 1 else { return .failure(.severalFigures) }
        let base = key.hasPrefix("previous(") ? String(key.dropFirst(9).dropLast()) : key
        if withheld.contains(key) || withheld.contains(base) { return .failure(.withheld) }
        let expression: FigureReference.Expression = key.hasPrefix("previous(") ? .previous(base) : .value(key)
        guard case .success(let value) = edition.evaluate(expression) else { return .failure(.noFigure) }
        // As the unit prints it; a sum of money typed without its pound sign, as a count.
        let formats: [FigureReference.Format?] = value.unit == .money && number.unit == .count ? [nil, .count] : [nil]
        for format in formats where GovUKFormat.reference(value, format: format) == number.text {
            return .success("{{= \(key)\(format.map { " | \($0.rawValue)" } ?? "") }}")
        }
        return .failure(.printedDifferently(GovUKFormat.reference(value, format: nil)))
    }

    /// The Markdown with what holds no figure blanked out (the same length, so positions agree):
    /// link addresses, code, references already written, and the number of an ordered list's item.
    static func masked(_ markdown: String) -> String {
        var scalars = Array(markdown.unicodeScalars)
        func blank(_ range: Range<Int>) {
            for index in range where scalars[index] != "\n" { scalars[index] = " " }
        }
        var index = 0
        var lineStart = true
        while index < scalars.count {
            let scalar = scalars[index]
            if lineStart {
                // "1.  Agree the priorities.": the item's number is not a figure.
                var end = index
                while end < scalars.count, scalars[end] == " " { end += 1 }
                let digits = end
                while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
                if end > digits, end + 1 < scalars.count, scalars[end] == "." || scalars[end] == ")",
                    scalars[end + 1] == " "
                {
                    blank(digits..<end)
                }
            }
            lineStart = scalar == "\n"
            if scalar == "]", index + 1 < scalars.count, scalars[index + 1] == "(" {
                let end = scalars[(index + 2)...].firstIndex(of: ")") ?? scalars.count
                blank((index + 2)..<end)
                index = end
                continue
            }
            if scalar == "`" {
                let end = scalars[(index + 1)...].firstIndex(of: "`") ?? index
                blank(index..<(end + 1))
                index = end + 1
                continue
            }
            if scalar == "{", index + 2 < scalars.count, scalars[index + 1] == "{", scalars[index + 2] == "=" {
                var end = index + 3
                while end + 1 < scalars.count, !(scalars[end] == "}" && scalars[end + 1] == "}") { end += 1 }
                blank(index..<min(end + 2, scalars.count))
                index = end + 2
                continue
            }
            if scalar == "<", let end = scalars[index...].firstIndex(of: ">"),
                String(String.UnicodeScalarView(scalars[index..<end])).contains("://")
            {
                blank(index..<(end + 1))
                index = end + 1
                continue
            }
            index += 1
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
