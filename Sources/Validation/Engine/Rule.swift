import ReportModel

/// A validation rule: a small named check over the model that records every comparison it
/// makes, passed or failed. Rules are driven by the structure of the data (total rows, parent
/// rows, the area tree, stated percentages with their denominators), never by one figure.
public protocol Rule: Sendable {
    /// The stable dotted id findings carry, such as `totals.stated-total`.
    var id: String { get }
    /// What the rule checks, in one sentence.
    var summary: String { get }
    /// Why a careful reader wants it, when that is not obvious from the summary.
    var rationale: String { get }
    /// The severity of its findings unless the edition's policy says otherwise.
    var defaultSeverity: Severity { get }
    /// A message of the kind the rule writes, for the catalogue.
    var example: String { get }
    /// Runs the rule over an edition, recording each check in `log`.
    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog)
}

extension Rule {
    public var rationale: String { "" }
}

/// The outcome of one check: what was checked and, when it failed, the finding.
public struct CheckResult: Hashable, Sendable {
    /// The rule or ingest check that ran.
    public var rule: String
    /// What was checked, for reports listing every check: "budget: Total".
    public var subject: String
    /// The findings, when it failed; empty when it passed.
    public var findings: [Finding]

    public init(rule: String, subject: String, findings: [Finding]) {
        self.rule = rule
        self.subject = subject
        self.findings = findings
    }

    public var passed: Bool { findings.isEmpty }
}

/// Where a rule records its checks. It stamps each finding with the rule's id and severity
/// (as the edition's policy sets it), so rules cannot get either wrong. Every check is
/// counted; a passed check is kept (with its subject) only when asked, since an edition of a
/// million figures runs millions of checks and most outputs need only their number.
public struct RuleLog {
    let rule: String
    let severity: Severity
    let recordsPasses: Bool
    public private(set) var results: [CheckResult] = []
    /// Every check run, passed or failed.
    public private(set) var count = 0
    /// checks.csv's rows for every check, passed or failed, when a build asks for them.
    private(set) var rows: ChecksCSV.Rows?

    init(rule: String, severity: Severity, recordsPasses: Bool, rows: ChecksCSV.Rows? = nil) {
        self.rule = rule
        self.severity = severity
        self.recordsPasses = recordsPasses
        self.rows = rows
    }

    /// Records a check that passed, its subject written in parts (`write` appends them) into a
    /// text kept from one check to the next. When passes are only written to checks.csv (a
    /// build), a rule passing a million checks makes no string for each; when they are kept,
    /// each kept check holds its own. Nothing is written when passes are neither kept nor
    /// written.
    public mutating func pass(writing write: (inout String) -> Void) {
        guard recordsPasses || rows != nil else {
            count += 1
            return
        }
        scratch.removeAll(keepingCapacity: true)
        write(&scratch)
        let subject = scratch
        pass(subject)
    }

    /// The text `pass(writing:)` writes subjects into.
    private var scratch = ""

    /// Records a check that passed. The subject is only built when passes are kept or written.
    public mutating func pass(_ subject: @autoclosure () -> String) {
        count += 1
        if recordsPasses {
            let subject = subject()
            results.append(CheckResult(rule: rule, subject: subject, findings: []))
            rows?.appendPass(rule: rule, subject: subject)
        } else if rows != nil {
            rows?.appendPass(rule: rule, subject: subject())
        }
    }

    /// Records a check that failed.
    /// - Parameters:
    ///   - subject: what was checked.
    ///   - message: a plain-English sentence naming what was expected and what was found.
    ///   - location: the cell or row at fault.
    ///   - expected: the value the rule expected.
    ///   - actual: the value it found.
    ///   - forReaders: the finding in words the report's readers understand, naming figures by
    ///     their labels; the data-quality statement prints it.
    ///   - period: the period of the figure at fault, as `FigureIndex.periodName(of:)` gives
    ///     it, when it has one worth naming.
    public mutating func fail(
        _ subject: String, _ message: String, at location: SourceLocation?, expected: String?,
        actual: String?, forReaders: String? = nil, period: String? = nil
    ) {
        let finding = Finding(
            rule: rule, severity: severity, message: message, location: location, expected: expected,
            actual: actual, readerSentence: forReaders, period: period)
        count += 1
        results.append(CheckResult(rule: rule, subject: subject, findings: [finding]))
        rows?.appendFailure(rule: rule, subject: subject, finding)
    }

    /// Records a check that passes when `condition` holds and fails with the message otherwise.
    public mutating func expect(
        _ condition: Bool, _ subject: @autoclosure () -> String, _ message: @autoclosure () -> String,
        at location: SourceLocation?, expected: @autoclosure () -> String?,
        actual: @autoclosure () -> String?, forReaders: @autoclosure () -> String? = nil,
        period: @autoclosure () -> String? = nil
    ) {
        if condition {
            pass(subject())
        } else {
            fail(
                subject(), message(), at: location, expected: expected(), actual: actual(), forReaders: forReaders(),
                period: period())
        }
    }
}

extension String {
    /// The text a writer of parts writes (as `RuleLog.pass(writing:)` takes one), for a check
    /// whose subject is needed as a string after all: one spelling serves both.
    init(writing write: (inout String) -> Void) {
        self = ""
        write(&self)
    }
}
