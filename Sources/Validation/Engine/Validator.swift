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
    public func validate(edition: Edition?, ingestFindings: [Finding], name: String) -> ValidationReport {
        var checks = IngestChecks.results(edition: edition, findings: ingestFindings, name: name)
        guard let edition else { return ValidationReport(edition: name, checks: checks) }
        let policy = edition.manifest.policy
        for rule in rules where policy.disabled[rule.id] == nil {
            var log = RuleLog(rule: rule.id, severity: policy.severities[rule.id] ?? rule.defaultSeverity)
            rule.check(edition, policy: policy, log: &log)
            checks += log.results
        }
        return ValidationReport(edition: edition.id, checks: checks, disabledRules: policy.disabled)
    }
}

/// Ingest's checks: reading each file of the edition is one check, which fails with the
/// findings located in that file.
enum IngestChecks {
    static func results(edition: Edition?, findings: [Finding], name: String) -> [CheckResult] {
        var files: [String] = []
        if let edition {
            files.append("\(edition.folder)/edition.yaml")
            files += edition.manifest.datasets.map { "\(edition.folder)/\($0.file)" }
            files += edition.manifest.sections.map { "\(edition.folder)/\($0.file)" }
        }
        let byFile = Dictionary(grouping: findings) { $0.location?.file ?? name }
        files += byFile.keys.sorted()
        var seen: Set<String> = []
        return files.filter { seen.insert($0).inserted }.map { file in
            CheckResult(rule: "ingest.read", subject: "reads \(file)", findings: byFile[file] ?? [])
        }
    }
}
