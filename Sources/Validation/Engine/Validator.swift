import Dispatch
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
        let active = rules.filter { policy.disabled[$0.id] == nil }
        let logs = Validator.run(active, over: edition, recordPasses: recordPasses, csvFolder: csv?.prefix)
        for (rule, log) in zip(active, logs) {
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

extension Validator {
    /// Runs each rule with a log of its own, the rules side by side on as many cores as there
    /// are (they only read the edition), and returns the logs in the rules' order, so the report
    /// is the same as if they had run one after another.
    static func run(_ rules: [any Rule], over edition: Edition, recordPasses: Bool, csvFolder: String?) -> [RuleLog] {
        let policy = edition.manifest.policy
        nonisolated(unsafe) let logs = UnsafeMutableBufferPointer<RuleLog?>.allocate(capacity: rules.count)
        logs.initialize(repeating: nil)
        defer {
            _ = logs.deinitialize()
            logs.deallocate()
        }
        // Each iteration writes only its own slot.
        DispatchQueue.concurrentPerform(iterations: rules.count) { index in
            let rule = rules[index]
            var log = RuleLog(
                rule: rule.id, severity: policy.severities[rule.id] ?? rule.defaultSeverity,
                recordsPasses: recordPasses,
                rows: csvFolder.map { ChecksCSV.Rows(folder: $0) })
            rule.check(edition, policy: policy, log: &log)
            logs[index] = log
        }
        return logs.map { $0! }
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
