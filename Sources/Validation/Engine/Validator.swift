import ReportModel

/// Runs the rules over an edition, applying the edition's policy, and folds in what ingest
/// found, so one report holds every check.
public struct Validator: Sendable {
    public var rules: [any Rule]

    /// A validator with every rule of the catalogue.
    public init(rules: [any Rule] = RuleCatalogue.rules) {
        self.rules = rules
    }

    /// Validates an edition.
    /// - Parameters:
    ///   - edition: the edition ingest made, or nil when its manifest was unusable.
    ///   - ingestFindings: what ingest found.
    ///   - name: the edition's name for the report when `edition` is nil.
    ///   - recordPasses: keep every passed check with its subject (for JUnit and the like);
    ///     otherwise passed checks are only counted.
    ///   - writingChecksCSV: write checks.csv as a build publishes it while the checks run
    ///     (`ValidationReport.checksCSV`), without keeping the passed checks.
    public func validate(
        edition: Edition?, ingestFindings: [Finding], name: String, recordPasses: Bool = true,
        writingChecksCSV: Bool = false
    ) -> ValidationReport {
        var checks = IngestChecks.results(edition: edition, findings: ingestFindings, name: name)
        var counts = Dictionary(grouping: checks, by: \.rule).mapValues(\.count)
        guard let edition else { return ValidationReport(edition: name, checks: checks, checksByRule: counts) }
        let policy = edition.manifest.policy
        var csv = writingChecksCSV ? ChecksCSV.Rows(folder: edition.folder, withHeader: true) : nil
        for check in checks { csv?.append(check) }
        for rule in rules where policy.disabled[rule.id] == nil {
            var log = RuleLog(
                rule: rule.id, severity: policy.severities[rule.id] ?? rule.defaultSeverity,
                recordsPasses: recordPasses,
                rows: csv.map { ChecksCSV.Rows(folder: $0.prefix) }
            )
            rule.check(edition, policy: policy, log: &log)
            checks += log.results
            counts[rule.id, default: 0] += log.count
            if let rows = log.rows { csv?.append(rows) }
        }
        var report = ValidationReport(
            edition: edition.id, checks: checks, checksByRule: counts, passesRecorded: recordPasses,
            disabledRules: policy.disabled)
        report.checksCSV = csv?.bytes
        return report
    }
}

/// Ingest's checks: reading each file of the edition (each sheet, for a workbook) is one
/// check, which fails with the findings located in that file. A dataset counts as one check
/// whether it is a CSV file or a sheet, so the report says the same of either.
enum IngestChecks {
    static func results(edition: Edition?, findings: [Finding], name: String) -> [CheckResult] {
        var files: [String] = []
        if let edition {
            files.append("\(edition.folder)/edition.yaml")
            files += edition.manifest.datasets.map {
                place(file: "\(edition.folder)/\($0.file)", sheet: $0.sheet)
            }
            files += edition.manifest.sections.map { "\(edition.folder)/\($0.file)" }
        }
        let byFile = Dictionary(grouping: findings) { finding in
            finding.location.map { place(file: $0.file, sheet: $0.sheet) } ?? name
        }
        files += byFile.keys.sorted()
        var seen: Set<String> = []
        // A file read cleanly is one check passed; each problem found in reading it is a check
        // failed, so the summary never counts more errors than checks.
        return files.filter { seen.insert($0).inserted }.flatMap { file -> [CheckResult] in
            let found = byFile[file] ?? []
            guard !found.isEmpty else {
                return [CheckResult(rule: "ingest.read", subject: "reads \(file)", findings: [])]
            }
            return found.map { CheckResult(rule: "ingest.read", subject: "reads \(file)", findings: [$0]) }
        }
    }

    /// `data/budget.csv`, or `data/figures.xlsx[Budget]` for a sheet.
    private static func place(file: String, sheet: String?) -> String {
        sheet.map { "\(file)[\($0)]" } ?? file
    }
}
