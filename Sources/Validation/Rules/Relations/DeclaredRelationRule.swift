import ReportModel

/// Figures the partnership declares must agree do: the course table's grand total equals the
/// headline e-learning completions, a subset is at most its whole. A failure is reported at
/// both figures, so whichever file an analyst has open shows it.
struct DeclaredRelationRule: Rule {
    let id = "relations.declared"
    let summary =
        "Each relation the manifest declares (relations: left, is equal / at-most / at-least, right) holds between the two figures, which exist and share a unit."
    let rationale =
        "Figures of different datasets that describe the same thing can disagree unnoticed; only the partnership knows which must agree."
    let defaultSeverity = Severity.error
    let example =
        "training-courses:Grand total is 6,927, but the manifest declares it equal to cumbria/elearning_completions, which is 6,900"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        for relation in edition.manifest.relations {
            let subject = "\(relation.left.value) \(relation.kind.rawValue) \(relation.right.value)"
            var values: [ReferenceValue] = []
            for side in [relation.left, relation.right] {
                guard let value = edition.referenceValue(side.value) else {
                    // One mistake, one error: the figure may be in a row already reported as
                    // unreadable (or left empty, as in a scaffold).
                    guard edition.incompleteDatasets.isEmpty else { break }
                    log.fail(
                        subject,
                        "the relation names '\(side.value)'\(Suggestion.hint(for: side.value, among: edition.referenceKeys)), which is no figure: expected a key such as area/measure or dataset:row",
                        at: side.location, expected: "a figure's key", actual: side.value)
                    break
                }
                values.append(value)
            }
            guard values.count == 2 else { continue }
            if let words = zip([relation.left, relation.right], values).first(where: { $0.1.isWords }) {
                log.fail(
                    subject,
                    "the relation names \(words.0.value), a row's words (\(words.1.text ?? "")), not a figure: expected two figures to compare",
                    at: words.0.location, expected: "a figure's key", actual: words.0.value)
                continue
            }
            guard values[0].unit == values[1].unit else {
                log.fail(
                    subject,
                    "the relation compares \(relation.left.value), in \(values[0].unit.rawValue), with \(relation.right.value), in \(values[1].unit.rawValue): expected two figures in one unit",
                    at: relation.left.location, expected: values[0].unit.rawValue, actual: values[1].unit.rawValue)
                continue
            }
            // A figure given as a bound ("40+") may be any value on its side: the relation
            // fails only when no value could satisfy it.
            let (left, right) = (values[0].range, values[1].range)
            let holds =
                switch relation.kind {
                case .equal: left.mayEqual(right)
                case .atMost: left.mayBeAtMost(right)
                case .atLeast: left.mayBeAtLeast(right)
                }
            guard !holds else {
                log.pass(subject)
                continue
            }
            let shownLeft = GovUKFormat.reference(values[0], format: nil)
            let shownRight = GovUKFormat.reference(values[1], format: nil)
            let message =
                "\(relation.left.value) is \(shownLeft), but the manifest declares it \(relation.kind.words) \(relation.right.value), which is \(shownRight)"
            let places = [
                edition.referenceLocation(relation.left.value), edition.referenceLocation(relation.right.value),
            ].compactMap { $0 }
            for place in places.isEmpty ? [relation.left.location] : places {
                log.fail(
                    subject, message, at: place, expected: "\(relation.kind.words) \(shownRight)",
                    actual: shownLeft)
            }
        }
    }
}
