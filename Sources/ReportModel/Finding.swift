/// How serious a finding is. Errors stop a build; warnings are reported and allowed
/// (unless the user asks for `--strict`).
public enum Severity: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// One problem found in an edition: what rule found it, how serious it is, a sentence a
/// scrutineer can act on, and where it is.
public struct Finding: Hashable, Sendable {
    /// The stable dotted id of the rule or ingest check that found it, such as `csv.ragged-row`.
    public var rule: String
    /// Error or warning.
    public var severity: Severity
    /// A plain-English sentence naming what was expected and what was found.
    public var message: String
    /// Where the problem is, when it concerns a file.
    public var location: SourceLocation?
    /// What the rule expected, as text, when it can say.
    public var expected: String?
    /// What it found instead, as text, when it can say.
    public var actual: String?
    /// The finding in one sentence for the report's readers, naming figures by their labels
    /// (never keys, paths or rule ids), when the rule can say it so.
    public var readerSentence: String?
    /// The period of the figure it concerns, spelled as the data spells it (`2023/24 Q2`,
    /// `2024-03`), when that figure has a period of its own or is one of a series: the message
    /// names it too, so that a finding on a quarterly series says which quarter.
    public var period: String?

    /// Creates a finding.
    /// - Parameters:
    ///   - rule: the stable dotted rule id.
    ///   - severity: error or warning.
    ///   - message: a plain-English sentence.
    ///   - location: where the problem is.
    ///   - expected: what the rule expected.
    ///   - actual: what it found.
    ///   - readerSentence: the finding as the report's readers should read it.
    ///   - period: the period of the figure it concerns, when it names one.
    public init(
        rule: String, severity: Severity, message: String, location: SourceLocation? = nil,
        expected: String? = nil, actual: String? = nil, readerSentence: String? = nil, period: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.expected = expected
        self.actual = actual
        self.readerSentence = readerSentence
        self.period = period
    }
}

extension Finding {
    /// Orders findings by file, line and column, then by rule, so output never depends on the
    /// order in which checks happened to run.
    public static func presentationOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        let left = lhs.location ?? SourceLocation(file: "")
        let right = rhs.location ?? SourceLocation(file: "")
        if left != right { return left < right }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return lhs.message < rhs.message
    }
}
