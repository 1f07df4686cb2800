import ReportModel

/// Everything checking an edition found: how many checks ran, every failed check, and every
/// passed one too when they were kept.
public struct ValidationReport: Sendable {
    /// The edition's id, or the folder named when it could not be read.
    public var edition: String
    /// The failed checks, and the passed ones when `passesRecorded`.
    public var checks: [CheckResult]
    /// How many checks each rule ran, passed or failed.
    public var checksByRule: [String: Int]
    /// True when `checks` holds every check, passed ones included.
    public var passesRecorded: Bool
    /// Rules the edition's policy switched off, with the reasons it gives.
    public var disabledRules: [String: String]
    /// checks.csv as a build publishes it (paths relative to the edition folder), written while
    /// the checks ran, when asked for: every check's row, passed ones too, without keeping them.
    public var checksCSV: [UInt8]?

    public init(
        edition: String, checks: [CheckResult], checksByRule: [String: Int]? = nil, passesRecorded: Bool = true,
        disabledRules: [String: String] = [:]
    ) {
        self.edition = edition
        self.checks = checks
        self.checksByRule = checksByRule ?? Dictionary(grouping: checks, by: \.rule).mapValues(\.count)
        self.passesRecorded = passesRecorded
        self.disabledRules = disabledRules
    }

    /// Adds a check made outside the rules (an edition's own templates), counted like theirs.
    public mutating func record(_ check: CheckResult) {
        checksByRule[check.rule, default: 0] += 1
        if !check.passed || passesRecorded { checks.append(check) }
    }

    /// Every check run, passed or failed.
    public var checkCount: Int { checksByRule.values.reduce(0, +) }

    /// How many checks passed.
    public var passedCount: Int { checkCount - checks.count { !$0.passed } }

    /// Every finding, in file, line and column order.
    public var findings: [Finding] {
        checks.flatMap(\.findings).sorted(by: Finding.presentationOrder)
    }

    /// Whether the edition still holds rows or text marked as `init`'s examples: its report is
    /// then a draft, whatever the build asked for.
    public var holdsExamples: Bool { findings.contains { $0.rule == ExampleValueRule().id } }

    public var errorCount: Int { checks.reduce(0) { $0 + $1.findings.count { $0.severity == .error } } }
    public var warningCount: Int { checks.reduce(0) { $0 + $1.findings.count { $0.severity == .warning } } }

    /// True when the edition may be published: no errors, and no warnings under `strict`.
    public func passes(strict: Bool) -> Bool {
        errorCount == 0 && (!strict || warningCount == 0)
    }
}
