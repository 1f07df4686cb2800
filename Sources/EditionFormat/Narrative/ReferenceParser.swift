import ReportModel

/// Finds the figure references in a section's Markdown: `{{= key }}`, `{{= key | format }}`,
/// the derived values `sum(a, b, ...)`, `difference(a, b)`, `rate(a, b)` (per 10,000, or
/// `rate(a, b, 1000)` per any whole base) and `share(a, b)`, and a figure's `previous(a)`,
/// `change(a)` and `period(a)`; `previous(a, 2021/22)` and `change(a, 2021/22)` name the period
/// compared with.
/// A reference it cannot read is a located finding; whether its keys exist is validation's
/// business.
public enum ReferenceParser {
    static let open = Array("{{=".utf8)
    static let close = Array("}}".utf8)

    /// Every reference in `markdown`, with the findings for those that cannot be read.
    public static func references(in markdown: String, file: String) -> ([FigureReference], [Finding]) {
        let bytes = Array(markdown.utf8)
        var references: [FigureReference] = []
        var findings: [Finding] = []
        var index = 0
        var line = 1
        // The column of a position on the current line already counted, so many references on
        // one long line are counted from the last one rather than from the line's start.
        var counted = (offset: 0, column: 1)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                counted = (index + 1, 1)
                index += 1
                continue
            }
            guard bytes[index...].starts(with: open) else {
                index += 1
                continue
            }
            let column = counted.column + String(decoding: bytes[counted.offset..<index], as: UTF8.self).count
            counted = (index, column)
            let location = SourceLocation(file: file, line: line, column: column)
            guard let end = firstIndex(of: close, in: bytes, from: index + open.count) else {
                findings.append(
                    problem(
                        "the reference is never closed: expected }} after it", at: location,
                        actual: String(decoding: bytes[index...].prefix(40), as: UTF8.self)))
                index += open.count  // Go on: the references after it are still read.
                continue
            }
            let text = String(decoding: bytes[index..<(end + close.count)], as: UTF8.self)
            let inside = String(decoding: bytes[(index + open.count)..<end], as: UTF8.self)
            switch parse(inside) {
            case .success(let (expression, format)):
                references.append(
                    FigureReference(
                        expression: expression, format: format, text: text, location: location,
                        range: index..<(end + close.count)))
            case .failure(let failure):
                findings.append(problem(failure.expected, at: location, actual: text))
            }
            line += LineCount.lineFeeds(in: bytes[index..<end])
            index = end + close.count
        }
        return (references, findings)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "\n"),
                bytes[index...].starts(with: [UInt8(ascii: "\n"), UInt8(ascii: "\n")])
            {
                return nil  // A reference never spans paragraphs.
            }
            if bytes[index...].starts(with: needle) { return index }
            index += 1
        }
        return nil
    }

    private static func problem(_ message: String, at location: SourceLocation, actual: String) -> Finding {
        Finding(
            rule: IngestRule.referenceSyntax.id, severity: .error,
            message: "cannot read the figure reference: \(message)",
            location: location, expected: "{{= key }} or {{= key | format }}", actual: actual)
    }

    /// Reads `expression [| format]`.
    static func parse(_ text: String) -> Result<(FigureReference.Expression, FigureReference.Format?), ValueProblem> {
        let parts = text.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        var format: FigureReference.Format?
        if parts.count == 2 {
            let name = parts[1].trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("per"), let base = Int(name.dropFirst(3).replacingOccurrences(of: ",", with: "")) {
                return .failure(
                    ValueProblem(
                        expected:
                            "a rate per \(GovUKFormat.grouped(String(base))) is written as a function, not a format: rate(a, b, \(base))"
                    ))
            }
            guard let known = FigureReference.Format(rawValue: name) else {
                let formats = FigureReference.Format.allCases.map(\.rawValue)
                return .failure(
                    ValueProblem(
                        expected:
                            "the format '\(name)' is unknown\(Suggestion.hint(for: name, among: formats)): expected one of \(formats.joined(separator: ", "))"
                    ))
            }
            format = known
        }
        let body = parts[0].trimmingCharacters(in: .whitespaces)
        guard !body.isEmpty else {
            return .failure(ValueProblem(expected: "it names no figure: expected a key such as cumberland/contacts"))
        }
        guard let open = body.firstIndex(of: "("), body.hasSuffix(")") else {
            guard !body.contains(where: { "(),{}".contains($0) }) else {
                return .failure(ValueProblem(expected: "'\(body)' is neither a key nor a function such as sum(a, b)"))
            }
            return .success((.value(body), format))
        }
        let function = body[..<open].trimmingCharacters(in: .whitespaces)
        let arguments = body[body.index(after: open)..<body.index(before: body.endIndex)]
            .split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard arguments.allSatisfy({ !$0.isEmpty }) else {
            return .failure(ValueProblem(expected: "\(function)() has an empty argument"))
        }
        switch (function, arguments.count) {
        case ("sum", 2...): return .success((.sum(arguments), format))
        case ("difference", 2): return .success((.difference(arguments[0], arguments[1]), format))
        case ("rate", 2): return .success((.rate(arguments[0], arguments[1], per: 10_000), format))
        case ("rate", 3):
            guard let base = Int(arguments[2].replacingOccurrences(of: ",", with: "")), base > 0 else {
                return .failure(
                    ValueProblem(
                        expected:
                            "rate()'s third argument is the base, a whole number such as 1000: found '\(arguments[2])'")
                )
            }
            return .success((.rate(arguments[0], arguments[1], per: base), format))
        case ("share", 2): return .success((.share(arguments[0], arguments[1]), format))
        case ("previous", 1): return .success((.previous(arguments[0]), format))
        case ("change", 1): return .success((.change(arguments[0]), format))
        case ("period", 1): return .success((.period(arguments[0]), format))
        case ("previous", 2), ("change", 2):
            guard let period = PeriodSpelling.period(arguments[1]) else {
                return .failure(
                    ValueProblem(
                        expected:
                            "\(function)()'s second argument is a period such as 2022/23, 2023/24 Q2 or 2024-03: found '\(arguments[1])'"
                    ))
            }
            return .success(
                (
                    function == "previous" ? .previousIn(arguments[0], period) : .changeSince(arguments[0], period),
                    format
                ))
        case ("sum", _): return .failure(ValueProblem(expected: "sum() needs two or more figures"))
        case ("rate", _): return .failure(ValueProblem(expected: "rate() needs two figures, and may give a base third"))
        case ("difference", _), ("share", _):
            return .failure(ValueProblem(expected: "\(function)() needs exactly two figures"))
        case ("previous", _), ("change", _):
            return .failure(ValueProblem(expected: "\(function)() needs one figure, and may name a period second"))
        case ("period", _):
            return .failure(ValueProblem(expected: "\(function)() needs exactly one figure"))
        default:
            let functions = ["sum", "difference", "rate", "share", "previous", "change", "period"]
            return .failure(
                ValueProblem(
                    expected:
                        "the function '\(function)' is unknown\(Suggestion.hint(for: function, among: functions)): expected \(ListFormat.and(functions).replacingOccurrences(of: " and ", with: " or "))"
                ))
        }
    }
}
