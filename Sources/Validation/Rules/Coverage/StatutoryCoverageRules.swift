import ReportModel

/// Every item Working Together 2023 asks a yearly report to include is covered by a section.
/// An edition opts in by giving any section a `covers:` list; editions written before there was
/// one are not asked.
struct StatutoryCoverageRule: Rule {
    let id = "coverage.statutory"
    let summary =
        "When sections say which statutory items they cover (covers:), every item Working Together to Safeguard Children 2023 says the yearly report should include is covered by some section."
    let rationale =
        "Inspectors read the yearly report against the statutory guidance; an item no section covers is a gap the scrutineer should fill or explain."
    let defaultSeverity = Severity.warning
    let example =
        "no section covers feedback (How the partners sought and used feedback from children and families...): add it to the covers: list of the section that gives that evidence"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let sections = edition.manifest.sections
        guard let first = sections.first(where: { !$0.covers.isEmpty }) else { return }
        let covered = Set(sections.flatMap(\.covers).map(\.value))
        let missing = StatutoryItem.workingTogether2023.filter { !covered.contains($0.id) }
        log.expect(
            missing.isEmpty, "the sections cover every statutory item",
            "no section covers \(ListFormat.and(missing.map { "\($0.id) (\($0.description))" })): add \(missing.count == 1 ? "it" : "each") to the covers: list of the section that gives that evidence",
            at: first.covers.first?.location ?? first.location,
            expected: "all \(StatutoryItem.workingTogether2023.count) items",
            actual: "\(StatutoryItem.workingTogether2023.count - missing.count) covered",
            forReaders:
                "\(StatutoryItem.guidance) asks a yearly report to set out some things this report does not: \(ListFormat.and(missing.map { $0.title.lowercasedFirst }))."
        )
    }
}

/// Every id a section's `covers:` names is a statutory item.
struct StatutoryItemReferenceRule: Rule {
    let id = "references.statutory-item"
    let summary = "Every id in a section's covers: list names an item of Working Together 2023's yearly report."
    let defaultSeverity = Severity.error
    let example = "unknown item 'feedbak' (did you mean 'feedback'?): expected one of partner-activity, impact, ..."

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let ids = StatutoryItem.workingTogether2023.map(\.id)
        for section in edition.manifest.sections {
            for item in section.covers {
                log.expect(
                    ids.contains(item.value), "\(section.id) covers \(item.value)",
                    "unknown item '\(item.value)'\(Suggestion.hint(for: item.value, among: ids)): expected one of \(ids.joined(separator: ", "))",
                    at: item.location, expected: "an item id", actual: item.value)
            }
        }
    }
}
