import ReportModel

/// A figures dataset that breaks a count down into parts holding counts from 1 to
/// `small_counts`, with no decision recorded about disclosure, is named: small counts about
/// children can identify them, and only the partnership can say whether these do.
struct UndecidedDisclosureRule: Rule {
    let id = "disclosure.undecided"
    let summary =
        "A figures dataset whose breakdowns hold counts from 1 to small_counts (5 without a policy) has a disclosure decision recorded: listed in the manifest's disclosure: datasets, or disclosure: none with a reason."
    let rationale =
        "Counts of a few children in a breakdown (deaths by age band, reviews by locality) can identify them; publishing them is a decision an information-governance officer signs off, and the manifest records it."
    let defaultSeverity = Severity.warning
    let example =
        "the dataset cdop breaks counts down into parts as small as 3 (cumbria/child_deaths_male) and records no disclosure decision: list it under disclosure: datasets, or give it disclosure: none with a reason:"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let small = edition.manifest.disclosure?.smallCounts ?? DisclosurePolicy.defaultSmallCounts
        // Only parts of a breakdown count; an edition with none (most large ones) costs nothing.
        let parts = Set(edition.measures.filter { $0.partOf != nil && $0.unit == .count }.map(\.key))
        guard !parts.isEmpty else { return }
        for spec in edition.manifest.datasets where spec.schema == "figures" {
            // Only a failure is logged: a decided dataset, or one with no small part, adds no
            // check, so an edition without small counts reports exactly as before.
            guard spec.disclosureExemption == nil, edition.manifest.disclosure?.protects(spec.id) != true else {
                continue
            }
            let positions = edition.figurePositions(of: spec.id)
            guard
                let first = positions.first(where: { position in
                    // The value first: a whole number compared costs less than a key hashed.
                    guard case .count(let count) = edition.figures[position].quantity, count >= 1, count <= small
                    else { return false }
                    return parts.contains(edition.figures[position].measureKey)
                })
            else { continue }
            let figure = edition.figures[first]
            log.fail(
                "\(spec.id): disclosure decision",
                "the dataset \(spec.id) breaks counts down into parts as small as 1 to \(small) (\(figure.key), for one) and records no disclosure decision: list it under disclosure: datasets to protect it, or give it disclosure: none with a reason: saying why no count in it can identify anyone",
                at: spec.location, expected: "a disclosure decision", actual: "none recorded")
        }
    }
}
