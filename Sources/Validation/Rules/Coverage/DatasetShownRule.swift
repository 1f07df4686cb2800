import ReportModel

/// Every dataset is shown somewhere, or declared data only: a dataset that silently vanishes
/// from the report is a loss nobody notices.
struct DatasetShownRule: Rule {
    let id = "coverage.dataset-shown"
    let summary =
        "Every dataset is shown in the report, in the section it names or in an appendix the manifest lists, or is declared data_only: true."
    let rationale = "A figures dataset with no section used to vanish from the report while check said nothing."
    let defaultSeverity = Severity.warning
    let example =
        "the dataset early-help is shown nowhere in the report: give it a section, list an appendix that shows it, or declare it data_only: true"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let manifest = edition.manifest
        for spec in manifest.datasets where !spec.dataOnly {
            let how = edition.waysToShow(spec).joined(separator: ", ")
            log.expect(
                edition.shows(spec), "\(spec.id) is shown",
                "the dataset \(spec.id) is shown nowhere in the report: \(how), or declare it data_only: true",
                at: spec.location, expected: "a section, an appendix or data_only: true", actual: "shown nowhere")
        }
    }
}
