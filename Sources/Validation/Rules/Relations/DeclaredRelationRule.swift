import ReportModel

/// Figures the partnership declares must agree do: the course table's grand total equals the
/// headline e-learning completions, a subset is at most its whole, a register's closing number
/// is its opening number plus those added minus those removed. A failure is reported at every
/// figure named, so whichever file an analyst has open shows it.
struct DeclaredRelationRule: Rule {
    let id = "relations.declared"
    let summary =
        "Each relation the manifest declares (relations: left, is: equal / at-most / at-least, right) holds between its figures, which exist and share a unit; a side may be an identity's sum of figures with signs (opening + added - removed), and a figure given as a bound (40+) is checked as an inequality."
    let rationale =
        "Figures of different datasets that describe the same thing can disagree unnoticed; only the partnership knows which must agree."
    let defaultSeverity = Severity.error
    let example =
        "training-courses:Grand total is 6,927, but the manifest declares it equal to cumbria/elearning_completions, which is 6,900"

    /// A side's figures as found: each term with its value.
    private struct Found {
        var side: Located<String>
        var terms: [(term: RelationSide.Term, value: ReferenceValue)]

        var range: ValueRange {
            terms.map { $0.term.subtracts ? $0.value.range.negated : $0.value.range }.summed()
        }
    }

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        for relation in edition.manifest.relations {
            let subject = "\(relation.left.value) \(relation.kind.rawValue) \(relation.right.value)"
            var sides: [Found] = []
            for side in [relation.left, relation.right] {
                guard let found = find(side, in: edition, subject: subject, log: &log) else { break }
                sides.append(found)
            }
            guard sides.count == 2 else { continue }
            let named = sides.flatMap { side in side.terms.map { (side.side, $0.term.key, $0.value) } }
            if let words = named.first(where: { $0.2.isWords }) {
                log.fail(
                    subject,
                    "the relation names \(words.1), a row's words (\(words.2.text ?? "")), not a figure: expected \(named.count == 2 ? "two figures" : "figures") to compare",
                    at: words.0.location, expected: "a figure's key", actual: words.1)
                continue
            }
            let unit = named[0].2.unit
            if let other = named.first(where: { $0.2.unit != unit }) {
                log.fail(
                    subject,
                    "the relation compares \(named[0].1), in \(unit.rawValue), with \(other.1), in \(other.2.unit.rawValue): expected \(named.count == 2 ? "two figures" : "figures") in one unit",
                    at: relation.left.location, expected: unit.rawValue, actual: other.2.unit.rawValue)
                continue
            }
            // A figure given as a bound ("40+") may be any value on its side: the relation
            // fails only when no value could satisfy it.
            let (left, right) = (sides[0].range, sides[1].range)
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
            report(relation, sides, subject: subject, edition: edition, log: &log)
        }
    }

    /// A side's figures, or nil (with the error logged) when one names no figure.
    private func find(_ side: Located<String>, in edition: Edition, subject: String, log: inout RuleLog) -> Found? {
        var found = Found(side: side, terms: [])
        for term in RelationSide(side.value, in: edition).terms {
            guard let value = edition.referenceValue(term.key) else {
                // One mistake, one error: the figure may be in a row already reported as
                // unreadable (or left empty, as in a scaffold).
                guard edition.incompleteDatasets.isEmpty else { return nil }
                log.fail(
                    subject,
                    "the relation names '\(term.key)'\(Suggestion.hint(for: term.key, among: edition.referenceKeys)), which is no figure: expected a key such as area/measure or dataset:row, and a sum's figures joined by ' + ' or ' - '",
                    at: side.location, expected: "a figure's key", actual: term.key)
                return nil
            }
            found.terms.append((term, value))
        }
        return found
    }

    /// The failure, at every figure's cell: both values, and an identity's sum worked out.
    private func report(
        _ relation: Relation, _ sides: [Found], subject: String, edition: Edition, log: inout RuleLog
    ) {
        let unit = sides[0].terms[0].value.unit
        func shown(_ side: Found) -> String {
            guard side.terms.count > 1 else { return GovUKFormat.reference(side.terms[0].value, format: nil) }
            let parts = side.terms.enumerated().map { index, entry in
                let value = GovUKFormat.reference(entry.value, format: nil)
                return index == 0 ? value : (entry.term.subtracts ? "- " : "+ ") + value
            }
            return parts.joined(separator: " ") + " = " + GovUKFormat.range(side.range, unit: unit)
        }
        let figures = sides.flatMap { $0.terms.map(\.term.key) }.compactMap {
            edition.figure(Edition.splitReferenceKey($0).base)
        }
        let period = figures.lazy.compactMap { edition.periodName(of: $0) }.first
        let (shownLeft, shownRight) = (shown(sides[0]), shown(sides[1]))
        // A key of a series without its period names the latest: say which.
        let when = relation.left.value.contains("@") ? "" : period.inPeriod
        let message =
            "\(relation.left.value)\(when) is \(shownLeft), but the manifest declares it \(relation.kind.words) \(relation.right.value), which is \(shownRight)"
        let places = sides.flatMap { $0.terms.map(\.term.key) }.compactMap { edition.referenceLocation($0) }
        let expected = sides[1].terms.count > 1 ? GovUKFormat.range(sides[1].range, unit: unit) : shownRight
        let actual = sides[0].terms.count > 1 ? GovUKFormat.range(sides[0].range, unit: unit) : shownLeft
        for place in places.isEmpty ? [relation.left.location] : places {
            log.fail(
                subject, message, at: place, expected: "\(relation.kind.words) \(expected)", actual: actual,
                period: period)
        }
    }
}
