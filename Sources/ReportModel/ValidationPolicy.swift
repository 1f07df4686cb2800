import Foundation

/// The edition's own settings for validation. Empty means the contract's defaults.
public struct ValidationPolicy: Hashable, Sendable {
    /// Severity per rule id, replacing the rule's default.
    public var severities: [String: Severity]
    /// Rule ids the edition switches off, each with the reason the manifest gives.
    public var disabled: [String: String]
    /// Extra slack allowed when stated shares of one whole are added up, in percentage
    /// points, on top of the rounding allowance.
    public var shareTolerance: Decimal
    /// Where each rule id of `severities` and `disabled` was written, so a misspelt id can be
    /// pointed at.
    public var ruleLocations: [String: SourceLocation] = [:]

    public init(
        severities: [String: Severity] = [:], disabled: [String: String] = [:],
        shareTolerance: Decimal = 0
    ) {
        self.severities = severities
        self.disabled = disabled
        self.shareTolerance = shareTolerance
    }
}
