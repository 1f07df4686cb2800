import ReportModel

/// Everything checking an edition found: every check run, passed or failed.
public struct ValidationReport: Sendable {
    /// The edition's id, or the folder named when it could not be read.
    public var edition: String
    public var checks: [CheckResult]
    /// Rules the edition's policy switched off, with the reasons it gives.
    public var disabledRules: [String: String]

    public init(edition: String, checks: [CheckResult], disabledRules: [String: String] = [:]) {
        self.edition = edition
        self.checks = checks
        self.disabledRules = disabledRules
    }

    /// Every finding, in file, line and column order.
    public var findings: [Finding] {
        checks.flatMap(\.findings).sorted(by: Finding.presentationOrder)
    }

    public var errorCount: Int { checks.reduce(0) { $0 + $1.findings.count { $0.severity == .error } } }
    public var warningCount: Int { checks.reduce(0) { $0 + $1.findings.count { $0.severity == .warning } } }

    /// True when the edition may be published: no errors, and no warnings under `strict`.
    public func passes(strict: Bool) -> Bool {
        errorCount == 0 && (!strict || warningCount == 0)
    }
}
