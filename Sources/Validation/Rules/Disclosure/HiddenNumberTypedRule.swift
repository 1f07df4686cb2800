import Disclosure
import Foundation
import ReportModel

/// No number typed in the prose of a section about a protected dataset equals a value the
/// disclosure policy withholds.
///
/// The scope is the sections that show a protected dataset (its `section:`) or refer to one of
/// its figures: elsewhere a 3 is three schools, not three children. Within them, a number in
/// digits, or written as a word from two to twenty, that equals a withheld value is an error.
/// "one" is left alone: it is a pronoun as often as a number.
struct HiddenNumberTypedRule: Rule {
    let id = "disclosure.narrative-number"
    let summary =
        "In a section that shows or refers to a dataset the disclosure policy protects, no number typed in the text (in digits, or a word from two to twenty) equals a value the policy withholds there."
    let rationale =
        "A withheld count typed into the prose (\"three children\") publishes it as surely as the table would have."
    let defaultSeverity = Severity.error
    let example =
        "the number 3 is typed in a section about the protected dataset cdop, and equals a value the disclosure policy withholds: describe it without the number"

    private static let digits = try! NSRegularExpression(
        pattern: #"(?<![\p{L}\d.,/£-])(\d{1,3}(?:,\d{3})+|\d+)(?![\p{L}\d/%]|[.,]\d)"#)
    private static let words = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ]
    private static let wordPattern = try! NSRegularExpression(
        pattern: #"(?i)\b("# + words.joined(separator: "|") + #")\b"#)

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        guard let disclosure = edition.manifest.disclosure else { return }
        // The pattern is worked out only when some section is about a protected dataset.
        let sections = edition.narrative.filter { !datasets(of: $0, in: edition, policy: disclosure).isEmpty }
        guard !sections.isEmpty else { return }
        let protected = ProtectedEdition(edition)
        guard let pattern = protected.pattern else { return }
        // The true values withheld, by dataset.
        var hidden: [String: Set<Int>] = [:]
        for cell in pattern.hidden.map({ pattern.model.cells[$0] }) {
            guard let count = cell.count else { continue }
            hidden[edition.figures[cell.position].dataset, default: []].insert(count)
        }
        for section in sections {
            let datasets = datasets(of: section, in: edition, policy: disclosure)
            let values = datasets.reduce(into: Set<Int>()) { $0.formUnion(hidden[$1] ?? []) }
            guard !values.isEmpty else { continue }
            let text = NarrativeText(section)
            var typed: [(text: String, value: Int, range: Range<String.Index>)] = []
            // An ordered list item's number ("3." of "3. Support") counts items, not children.
            for match in text.matches(Self.digits) where !text.isStructure(match.range.lowerBound, headings: false) {
                let digits = (match.groups[1] ?? "").replacingOccurrences(of: ",", with: "")
                if let value = Int(digits) { typed.append((match.text, value, match.range)) }
            }
            for match in text.matches(Self.wordPattern) {
                if let index = Self.words.firstIndex(of: match.text.lowercased()) {
                    typed.append((match.text, index + 2, match.range))
                }
            }
            for number in typed.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
            where values.contains(number.value) {
                let location = text.location(of: number.range.lowerBound)
                log.fail(
                    "\(section.spec.id): \(number.text) at line \(location.line ?? 0)",
                    "the number \(number.text) is typed in a section about \(ListFormat.and(datasets)), which the disclosure policy protects, and equals a value it withholds: describe it without the number",
                    at: location, expected: "no withheld value", actual: number.text)
            }
        }
    }

    /// The protected datasets a section shows or refers to.
    private func datasets(of section: NarrativeSection, in edition: Edition, policy: DisclosurePolicy) -> [String] {
        var found: [String] = []
        for spec in edition.manifest.datasets where policy.protects(spec.id) && spec.section?.value == section.spec.id {
            found.append(spec.id)
        }
        for reference in section.references {
            for key in reference.expression.keys {
                guard let figure = edition.figure(Edition.splitReferenceKey(key).base), policy.protects(figure.dataset)
                else { continue }
                found.append(figure.dataset)
            }
        }
        return found.uniqued()
    }
}
