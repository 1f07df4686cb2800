import ReportModel

/// What the data-quality statement says the checks found, as English that holds for every
/// count of every kind of finding: the sentences in readers' words, then those counted by kind
/// of check, then those about protected figures, kept in the internal log. A count opens a
/// sentence in words up to nine ("Two findings concern"), "more" only follows a point already
/// made, and verbs and pronouns agree with their count ("it is kept", "they are kept").
struct FindingsStatement: Equatable {
    /// The sentence that opens the list, or the whole statement when nothing was found.
    var lead: String
    /// One point per line of the list.
    var items: [String]

    /// - Parameters:
    ///   - findings: how many findings the statement may describe (all but the protected ones).
    ///   - described: the distinct sentences in readers' words, in order.
    ///   - undescribed: for each kind of check (its description), how many findings have no
    ///     sentence in readers' words, in the order the statement lists kinds.
    ///   - unclassified: how many findings have neither a sentence in readers' words nor a kind
    ///     of check readers are told about.
    ///   - protected: how many findings concern figures the disclosure policy protects.
    init(
        findings: Int, described: [String], undescribed: [(kind: String, count: Int)], unclassified: Int = 0,
        protected: Int
    ) {
        var items = described
        for (kind, count) in undescribed where count > 0 {
            items.append("\(Self.opening(count, after: items)) this kind of check: \(kind.lowercasedFirst).")
        }
        if unclassified > 0 {
            items.append(
                "\(Self.opening(unclassified, after: items)) \(unclassified == 1 ? "another kind of check; it is" : "other kinds of check; they are") described in the full log."
            )
        }
        if protected > 0 {
            items.append(
                "\(Self.opening(protected, after: items)) figures the disclosure policy protects; \(protected == 1 ? "it is" : "they are") kept in the partnership's internal log."
            )
        }
        self.items = items
        if items.isEmpty {
            lead = "No check raised a warning or found an error."
        } else if items.count == 1 {
            lead = findings + protected == 1 ? "One check raised this point:" : "The checks raised this point:"
        } else {
            lead = "The checks raised these points:"
        }
    }

    /// "One finding concerns", "Two more findings concern", "12 more findings concern": "more"
    /// when other points come before it.
    private static func opening(_ count: Int, after items: [String]) -> String {
        let more = items.isEmpty ? "" : "more "
        let noun = count == 1 ? "finding concerns" : "findings concern"
        return "\(GovUKFormat.count(count).capitalisedFirst) \(more)\(noun)"
    }
}

extension FindingsStatement {
    /// The sentence that says how many checks were made and how they came out: "460 checks were
    /// made: 455 passed, five raised warnings, described below, and one found an error that must
    /// be fixed."
    static func checked(checks: Int, passed: Int, warnings: Int, errors: Int) -> String {
        let made =
            checks == 1 ? "One check was made" : "\(GovUKFormat.count(checks).capitalisedFirst) checks were made"
        var outcome = passed == 0 ? "none passed" : checks == 1 ? "it passed" : "\(GovUKFormat.count(passed)) passed"
        if passed == checks, checks > 1 { outcome = checks == 2 ? "both passed" : "all passed" }
        if warnings > 0 {
            let raised =
                checks == 1
                ? "it raised a warning"
                : "\(GovUKFormat.count(warnings)) raised \(warnings == 1 ? "a warning" : "warnings")"
            outcome = (passed == 0 ? "" : outcome + ", ") + raised + ", described below"
        }
        if errors > 0 {
            let found =
                checks == 1
                ? "it found an error" : "\(GovUKFormat.count(errors)) found \(errors == 1 ? "an error" : "errors")"
            outcome = (passed == 0 && warnings == 0 ? "" : outcome + ", and ") + found + " that must be fixed"
        }
        let lead =
            "Before publication, every figure in this report was checked against its data and against the figures it must agree with."
        return checks == 0 ? "\(lead) No checks were made." : "\(lead) \(made): \(outcome)."
    }
}
