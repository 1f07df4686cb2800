import ReportModel

/// Every area a row names is one of the manifest's areas.
struct AreaReferenceRule: Rule {
    let id = "references.area"
    let summary = "Every area key a figure or ranking names is an area of the manifest."
    let defaultSeverity = Severity.error
    let example = "unknown area 'cumberlnd' (did you mean 'cumberland'?)"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let keys = edition.manifest.areas.map(\.key)
        // Figures, then rankings, one at a time: a million figures need no list of their areas.
        func check(_ dataset: String, _ area: Located<String>) {
            log.expect(
                edition.area(area.value) != nil, String { Self.write(dataset, area.value, into: &$0) },
                "unknown area '\(area.value)'\(Suggestion.hint(for: area.value, among: keys)): expected an area key from the manifest",
                at: area.location, expected: "an area key", actual: area.value)
        }
        // Each distinct area of the figures is looked up once, not once a figure.
        let columns = edition.figureColumns
        let known = columns.areaKeys.map { edition.area($0) != nil }
        for position in edition.figures.indices {
            guard known[Int(columns.areas[position])] else {
                check(edition.figures[position].dataset, edition.figures[position].area)
                continue
            }
            log.pass { Self.write(edition.figures[position].dataset, edition.figures[position].areaKey, into: &$0) }
        }
        for ranking in edition.rankings { check(ranking.dataset, ranking.area) }
    }

    /// The check's subject, `national: area carlisle exists`, written into `text`: a million
    /// figures' checks are written without a string made for each.
    private static func write(_ dataset: String, _ area: String, into text: inout String) {
        text += dataset
        text += ": area "
        text += area
        text += " exists"
    }
}

/// Measures named by part_of and percent_of exist, in a unit that makes sense.
struct MeasureReferenceRule: Rule {
    let id = "references.measure"
    let summary =
        "A measure's part_of and subset_of and a figure's percent_of name measures of the catalogue, and a part or subset has its whole's unit."
    let defaultSeverity = Severity.error
    let example = "percent_of names 'contcts' (did you mean 'contacts'?), which is not in the measures catalogue"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let keys = edition.measures.map(\.key)
        // A part names its headline, a subset its whole: either must be a measure in its unit.
        let links: [(column: String, link: KeyPath<Measure, Located<String>?>, whole: (String) -> String)] = [
            ("part_of", \.partOf, { "its headline \($0)" }),
            ("subset_of", \.subsetOf, { "\($0), which it is a subset of," }),
        ]
        for (column, link, whole) in links {
            for measure in edition.measures {
                guard let named = measure[keyPath: link] else { continue }
                let other = edition.measure(named.value)
                // A percentage part of a count is a share of it (shares.breakdown).
                let share = column == "part_of" && measure.unit == .percent && other?.unit == .count
                log.expect(
                    other?.unit == measure.unit || share, "measures: \(measure.key) \(column)",
                    other == nil
                        ? "\(column) names '\(named.value)'\(Suggestion.hint(for: named.value, among: keys)), which is not in the measures catalogue"
                        : "\(measure.key) is in \(measure.unit.rawValue) but \(whole(named.value)) is in \(other?.unit.rawValue ?? "")",
                    at: named.location, expected: "a measure in \(measure.unit.rawValue)", actual: named.value)
            }
        }
        for figure in edition.figures where !figure.isPlain {
            for (column, named) in [("percent_of", figure.percentOf), ("rate_of", figure.rateOf)] {
                guard let of = named else { continue }
                log.expect(
                    edition.measure(of.value) != nil, "\(figure.dataset): \(figure.key) \(column)",
                    "\(column) names '\(of.value)'\(Suggestion.hint(for: of.value, among: keys)), which is not in the measures catalogue",
                    at: of.location, expected: "a measure key", actual: of.value)
            }
        }
    }
}

/// A stated percentage's denominator is in the data, stated or summed from child areas.
struct DenominatorRule: Rule {
    let id = "references.denominator"
    let summary =
        "The denominator a figure's percent_of names has a value in the same area, stated or summed from every child area."
    let defaultSeverity = Severity.error
    let example =
        "23.5% is a percentage of Contacts received by the MASH, but Cumberland has no figure for it, so it cannot be checked"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let index = FigureIndex(edition)
        // A figure missing from a file with unread rows may be one of them: that row has its error.
        let figuresIncomplete = edition.manifest.datasets.contains {
            edition.holdsFigures($0.id) && edition.incompleteDatasets.contains($0.id)
        }
        for figure in edition.figures {
            guard let stated = figure.statedPercentage, let of = figure.percentOf,
                let measure = edition.measure(of.value)
            else { continue }
            let available =
                index.value(area: figure.area.value, measure: of.value, like: figure) != nil
            if !available, figuresIncomplete { continue }
            // In a series the denominator is the same period's: say which period has none.
            let when =
                edition.isInSeries(figure) ? " for \(PeriodSpelling.spelling(of: edition.period(of: figure)))" : ""
            log.expect(
                available, "\(figure.dataset): \(figure.key) denominator available",
                "\(GovUKFormat.percentage(stated.value)) is a percentage of \(measure.label), but \(index.name(of: figure.area.value)) has no figure for it\(when) (stated, or from all its child areas), so it cannot be checked",
                at: of.location, expected: "a figure for \(of.value)", actual: "none",
                period: edition.periodName(of: figure))
        }
    }
}

/// A row's parent group is a row of the same table.
struct GroupReferenceRule: Rule {
    let id = "references.group"
    let summary = "A row's parent names another row of the same table."
    let defaultSeverity = Severity.error
    let example = "parent 'Helth' (did you mean 'Health'?) is not a row of budget"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        for table in PartsTable.all(in: edition) {
            let keys = table.rows.map(\.key.value)
            for row in table.rows {
                guard let parent = row.parent else { continue }
                log.expect(
                    keys.contains(parent.value) && parent.value != row.key.value,
                    "\(table.dataset): \(row.key.value) parent exists",
                    "parent '\(parent.value)'\(Suggestion.hint(for: parent.value, among: keys)) is not another row of \(table.dataset)",
                    at: parent.location, expected: "a row of \(table.dataset)", actual: parent.value)
            }
        }
    }
}

/// A correction points at a row that exists.
struct CorrectionReferenceRule: Rule {
    let id = "references.correction"
    let summary = "A correction names a dataset of the manifest and a row key in it."
    let rationale =
        "A correction that points nowhere would vanish from the data-quality appendix without anyone noticing."
    let defaultSeverity = Severity.error
    let example = "the correction names row 'Helth' of budget, which has no such row (did you mean 'Health'?)"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        for correction in edition.corrections {
            let keys = edition.rowKeys(of: correction.target.value)
            let subject = "\(correction.dataset): \(correction.target.value)/\(correction.key.value)"
            if edition.dataset(correction.target.value) == nil {
                let ids = edition.manifest.datasets.map(\.id)
                log.fail(
                    subject,
                    "the correction names dataset '\(correction.target.value)'\(Suggestion.hint(for: correction.target.value, among: ids)), which the manifest does not list",
                    at: correction.target.location, expected: "a dataset id", actual: correction.target.value)
                continue
            }
            // A row missing from a dataset with unread rows may be one of them, which has its error.
            if !keys.contains(correction.key.value), edition.incompleteDatasets.contains(correction.target.value) {
                continue
            }
            log.expect(
                keys.contains(correction.key.value), subject,
                "the correction names row '\(correction.key.value)' of \(correction.target.value), which has no such row\(Suggestion.hint(for: correction.key.value, among: keys))",
                at: correction.key.location, expected: "a row key of \(correction.target.value)",
                actual: correction.key.value)
        }
    }
}

/// A dataset placed in a section names a section of the manifest.
struct SectionReferenceRule: Rule {
    let id = "references.section"
    let summary = "A dataset's section names a narrative section of the manifest, so its tables appear in the report."
    let defaultSeverity = Severity.error
    let example =
        "the dataset performance is placed in section 'perfomance' (did you mean 'performance'?), which the manifest does not list"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let ids = edition.manifest.sections.map(\.id)
        for spec in edition.manifest.datasets {
            guard let section = spec.section else { continue }
            log.expect(
                ids.contains(section.value), "\(spec.id): section \(section.value) exists",
                "the dataset \(spec.id) is placed in section '\(section.value)'\(Suggestion.hint(for: section.value, among: ids)), which the manifest does not list",
                at: section.location, expected: "a section id", actual: section.value)
        }
    }
}

/// The policy names rules that exist; a misspelt id would silently change nothing.
struct PolicyRuleReferenceRule: Rule {
    let id = "references.policy-rule"
    let summary = "Every rule id the manifest's policy sets a severity for or switches off is a rule of the catalogue."
    let rationale =
        "A misspelt id in policy would leave the rule at its default while the edition believes otherwise, and CI would gate on the wrong severities."
    let defaultSeverity = Severity.error
    let example =
        "the policy names the rule 'percentages.truncate' (did you mean 'percentages.truncated'?), which does not exist"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let ids = RuleCatalogue.rules.map(\.id)
        for rule in Set(policy.severities.keys).union(policy.disabled.keys).sorted() {
            log.expect(
                ids.contains(rule), "policy: \(rule) exists",
                "the policy names the rule '\(rule)'\(Suggestion.hint(for: rule, among: ids)), which does not exist",
                at: policy.ruleLocations[rule], expected: "a rule id from annual-report rules", actual: rule)
        }
    }
}
