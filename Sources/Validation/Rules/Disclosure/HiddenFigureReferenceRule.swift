import Disclosure
import ReportModel

/// The narrative refers to no figure the disclosure policy withholds, nor to anything worked
/// out from one (a sum, a rate, a share, a change): the text would print `c`, or give it away.
struct HiddenFigureReferenceRule: Rule {
    let id = "disclosure.narrative-reference"
    let summary =
        "A narrative reference ({{= ... }}) names no figure the disclosure policy withholds (a small count, or a figure withheld so that one cannot be worked out), and no value worked out from one."
    let rationale =
        "A withheld figure shown in the text, or a total less its other parts, undoes the suppression in the tables; writing \"fewer than 6\" instead tells which figures are small."
    let defaultSeverity = Severity.error
    let example =
        "the reference {{= cumbria/child_deaths_male }} names a figure the disclosure policy withholds: describe it without the number, or refer to a published total"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        guard let disclosure = edition.manifest.disclosure else { return }
        // The pattern is worked out only when the text refers to a protected figure at all.
        let refersToProtected = edition.narrative.contains { section in
            section.references.contains { reference in
                reference.expression.keys.contains { key in
                    edition.figure(Edition.splitReferenceKey(key).base).map { disclosure.protects($0.dataset) } ?? false
                }
            }
        }
        guard refersToProtected else { return }
        let shown = ProtectedEdition(edition).edition
        for section in edition.narrative {
            for reference in section.references {
                let withheld = reference.expression.keys.contains { key in
                    isWithheld(key, in: shown, previous: reference.expression.readsPrevious)
                }
                guard withheld else { continue }
                log.fail(
                    "\(section.spec.id): \(reference.text)",
                    "the reference \(reference.text) names a figure the disclosure policy withholds (or one worked out from it): describe it without the number, or refer to a published total; never write \"fewer than\" a number, which tells which figures are small",
                    at: reference.location, expected: "a published figure", actual: reference.text)
            }
        }
    }

    private func isWithheld(_ key: String, in shown: Edition, previous: Bool) -> Bool {
        let base = Edition.splitReferenceKey(key).base
        guard let figure = shown.figure(base) else { return false }
        return figure.quantity.isWithheld || (previous && figure.previous?.value.isWithheld == true)
    }
}

extension FigureReference.Expression {
    /// True when the expression shows last year's value, alone or in a change.
    var readsPrevious: Bool {
        switch self {
        case .previous, .change: true
        default: false
        }
    }
}
