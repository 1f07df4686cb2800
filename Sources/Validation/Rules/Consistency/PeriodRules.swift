import ReportModel

/// Every dataset covers a period inside the edition's, or says why not.
struct DatasetPeriodRule: Rule {
    let id = "periods.dataset"
    let summary =
        "A dataset's period lies within the edition's reporting period, unless the manifest gives a period_note saying why, on the dataset or on another of the same section and period (the report then says so, once)."
    let rationale =
        "Reports sometimes carry older figures (child death reviews lag a year); readers must be told, never left to assume."
    let defaultSeverity = Severity.error
    let example =
        "cdop covers 2022-04-01/2023-03-31, outside the reporting period 2023/24, and the manifest gives no period_note"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let reporting = edition.manifest.reportingPeriod
        let datasets = edition.manifest.datasets
        for spec in datasets {
            guard let period = spec.period else { continue }
            let explained =
                spec.periodNote != nil
                || datasets.contains {
                    $0.periodNote != nil && $0.period == period && $0.section != nil
                        && $0.section?.value == spec.section?.value
                }
            log.expect(
                reporting.period.contains(period) || explained,
                "\(spec.id): period within \(reporting.label) or explained",
                "\(spec.id) covers \(period), outside the reporting period \(reporting.label), and the manifest gives no period_note to explain it",
                at: spec.location, expected: "a period within \(reporting.period)", actual: period.description)
        }
    }
}

/// A figure's own period lies within its dataset's.
struct FigurePeriodRule: Rule {
    let id = "periods.figure"
    let summary =
        "A figure's own period lies within its dataset's period (or the edition's, when the dataset states none)."
    let defaultSeverity = Severity.error
    let example = "the figure is for 2024-04-01/2024-04-30, outside its dataset's period 2024-03-01/2024-03-31"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        for figure in edition.figures {
            guard let period = figure.period else { continue }
            let outer = edition.dataset(figure.dataset)?.period ?? edition.manifest.reportingPeriod.period
            log.expect(
                outer.contains(period.value), "\(figure.dataset): \(figure.key) period",
                "the figure is for \(period.value), outside its dataset's period \(outer)",
                at: period.location, expected: "a period within \(outer)", actual: period.value.description,
                period: PeriodSpelling.spelling(of: period.value))
        }
    }
}
