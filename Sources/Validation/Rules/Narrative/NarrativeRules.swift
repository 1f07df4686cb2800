import Foundation
import ReportModel

/// Every figure the narrative refers to exists, and derived values can be computed.
struct NarrativeReferenceRule: Rule {
    let id = "narrative.reference"
    let summary =
        "Every {{= ... }} reference in the narrative names a figure of the data (with a did-you-mean for typos) that has a number to show (not a symbol of an official table, such as c), and sums, differences, rates and shares combine figures that can be combined."
    let defaultSeverity = Severity.error
    let example =
        "unknown figure 'cumberland/contact' (did you mean 'cumberland/contacts'?): expected a key such as area/measure or dataset:row"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        // A key missing because its row could not be read is that row's error, not a typo: the
        // references it blocks make one error together, naming each unread dataset once.
        let unread = edition.manifest.datasets.filter { edition.incompleteDatasets.contains($0.id) }
        var blocked: [(section: String, reference: FigureReference, key: String)] = []
        for section in edition.narrative {
            for reference in section.references {
                if case .failure(let problem) = edition.evaluate(reference.expression) {
                    if edition.referenceValue(problem.key) == nil && !unread.isEmpty {
                        blocked.append((section.spec.id, reference, problem.key))
                        continue
                    }
                    log.fail(
                        "\(section.spec.id): \(reference.text)", problem.message, at: reference.location,
                        expected: "a figure of the data", actual: problem.key)
                } else {
                    log.pass("\(section.spec.id): \(reference.text)")
                }
            }
        }
        guard let first = blocked.first else { return }
        let datasets = unread.map { spec in
            "\(spec.id) (\(spec.file)\(spec.sheet.map { ", sheet \($0)" } ?? ""))"
        }
        let keys = blocked.map(\.key).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let named =
            keys.count <= 5
            ? ListFormat.and(keys.map { "'\($0)'" })
            : keys.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + " and \(keys.count - 5) more"
        let others = blocked.count - 1
        log.fail(
            "\(first.section): \(first.reference.text)",
            "unknown figure \(named)\(others > 0 ? " (\(blocked.count) references in the narrative)" : ""): some rows of \(ListFormat.and(datasets)) could not be read, and \(keys.count == 1 ? "it" : "they") may be among them (fix those errors first; the references are checked again then)",
            at: first.reference.location, expected: "a figure of the data", actual: keys.joined(separator: ", "))
    }
}

/// A number typed in the narrative that equals a figure should be a reference to it.
struct LiteralFigureRule: Rule {
    let id = "narrative.literal-figure"
    let summary =
        "A number typed in the narrative that equals a figure of the data, or a figure's previous value, is flagged, naming the reference to use, so that corrected data corrects the prose too. Years, dates and periods (2023/24, Quarter 3, Q3), the numbers of an ordered list's items (3. in \"3. adolescents at risk\") and headings are not figures."
    let rationale = "Typed numbers drift from the tables when the data is corrected; a reference cannot."
    let defaultSeverity = Severity.warning
    let example =
        "the number 802 is typed, and equals the figure cumberland/contacts: write {{= cumberland/contacts }} so it follows the data"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        // Built only if the narrative types a number at all, which it should not.
        var figures: FigureValueIndex?
        for section in edition.narrative {
            let text = NarrativeText(section)
            for number in TypedNumber.all(in: text.masked)
            where !text.isStructure(number.range.lowerBound, headings: true) {
                if figures == nil { figures = FigureValueIndex(edition) }
                let keys = figures?.keys(for: number.value, unit: number.unit) ?? []
                let location = text.location(of: number.range.lowerBound)
                log.expect(
                    keys.isEmpty, "\(section.spec.id): \(number.text) at line \(location.line ?? 0)",
                    "the number \(number.text) is typed, and equals the figure \(keys.first ?? ""): write {{= \(keys.first ?? "") }} so it follows the data",
                    at: location, expected: "{{= \(keys.first ?? "") }}", actual: number.text)
            }
        }
    }
}

/// "Three groups:" above a list of two is a mistake readers notice.
struct ListCountRule: Rule {
    let id = "narrative.list-count"
    let summary =
        "A count stated in words or digits in the line that introduces a list (\"three groups:\") equals the number of items in the list."
    let defaultSeverity = Severity.warning
    let example = "the text says three items follow, but the list has 2"

    static let words = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12,
    ]
    private static let countWord = try! NSRegularExpression(
        pattern:
            #"(?<![\p{L}\d/.,-])(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})(?![\p{L}\d/.,-])"#,
        options: [.caseInsensitive])
    private static let listItem = try! NSRegularExpression(pattern: #"^\s{0,3}([-*+•]|\d+[.)])\s+"#)

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        for section in edition.narrative {
            let text = NarrativeText(section)
            let lines = text.masked.components(separatedBy: "\n")
            for (index, line) in lines.enumerated() where line.trimmingCharacters(in: .whitespaces).hasSuffix(":") {
                let range = NSRange(line.startIndex..., in: line)
                guard let match = Self.countWord.matches(in: line, range: range).last,
                    let wordRange = Range(match.range, in: line)
                else { continue }
                let word = line[wordRange].lowercased()
                guard let stated = Self.words[word] ?? Int(word) else { continue }
                let items = itemsOfList(after: index, in: lines)
                guard items > 0 else { continue }
                let location = SourceLocation(
                    file: section.path, line: index + 1, column: line[..<wordRange.lowerBound].count + 1)
                log.expect(
                    items == stated, "\(section.spec.id): list at line \(index + 1) has \(word) items",
                    "the text says \(word) items follow, but the list has \(items)",
                    at: location, expected: "\(items)", actual: String(line[wordRange]))
            }
        }
    }

    /// The number of top-level items of the list that follows line `index`, or 0 when no list
    /// follows (blank lines may come between). Items indented further than the first are
    /// nested and do not count.
    private func itemsOfList(after index: Int, in lines: [String]) -> Int {
        var count = 0
        var position = index + 1
        var topIndent: Int?
        while position < lines.count, lines[position].trimmingCharacters(in: .whitespaces).isEmpty { position += 1 }
        while position < lines.count {
            let line = lines[position]
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            let range = NSRange(line.startIndex..., in: line)
            if Self.listItem.firstMatch(in: line, range: range) != nil || (indent > 3 && topIndent != nil) {
                if topIndent == nil { topIndent = indent }
                if indent == topIndent, Self.listItem.firstMatch(in: line, range: range) != nil { count += 1 }
            } else if line.trimmingCharacters(in: .whitespaces).isEmpty {
                // A blank line may separate items of a loose list.
                let next = position + 1 < lines.count ? lines[position + 1] : ""
                if Self.listItem.firstMatch(in: next, range: NSRange(next.startIndex..., in: next)) == nil { break }
            } else if indent <= (topIndent ?? 0) {
                break
            }
            position += 1
        }
        return count
    }
}

/// Every abbreviation the narrative uses is in the glossary, so it can be explained.
struct AbbreviationRule: Rule {
    let id = "narrative.abbreviation"
    let summary =
        "Every abbreviation the narrative uses (a word of capitals, such as CDOP, MASH or LSOAs, or mostly capitals, such as KCSiE) is in the glossary dataset, so the report can spell it out at first use and explain it in the glossary appendix."
    let defaultSeverity = Severity.warning
    let example = "the abbreviation MACE is used but the glossary does not explain it"

    /// A capital, then capitals and digits, with a small letter allowed only between two
    /// capitals (KCSiE, not McDonald), and an optional plural s.
    static let pattern = try! NSRegularExpression(
        pattern: #"(?<![\p{L}\d])([A-Z](?:[A-Z0-9]|[a-z](?=[A-Z]))+)(s?)(?![\p{L}\d])"#)

    /// Names of periods that look like abbreviations but need no glossary: quarters and halves.
    static let periodNames: Set<String> = ["Q1", "Q2", "Q3", "Q4", "H1", "H2"]

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let known = Set(edition.glossary.map(\.abbreviation.value))
        // The example marker is content.example's to report, not an abbreviation.
        var seen: Set<String> = [ExampleMarker.word]
        for section in edition.narrative {
            let text = NarrativeText(section)
            for match in text.matches(Self.pattern) {
                guard let abbreviation = match.groups[1], !Self.periodNames.contains(abbreviation),
                    seen.insert(abbreviation).inserted
                else { continue }
                log.expect(
                    known.contains(abbreviation), "\(section.spec.id): \(abbreviation) is explained",
                    "the abbreviation \(abbreviation) is used but the glossary does not explain it",
                    at: text.location(of: match.range.lowerBound), expected: "a glossary entry", actual: abbreviation,
                    forReaders:
                        "The abbreviation \(abbreviation) is used in the text, but the glossary does not explain it.")
            }
        }
    }
}
