import ReportModel

/// What one release of the edition format changed, as edits to an edition written in the
/// format before it. Each step is a type of its own in a file of its own, listed in
/// `UpgradeSteps.all`; the `format:` key itself is written once, after the last step.
public protocol UpgradeStep: Sendable {
    /// The format it upgrades from; it leaves the edition in format `from + 1`.
    var from: Int { get }

    /// Edits `manifest` into format `from + 1`, recording each change and why.
    /// - Parameter edition: the edition as read before any step, for what the text alone does
    ///   not say (its datasets' schemas, the defaults it was read with).
    /// - Throws: `UpgradeRefusal` when the manifest is written in a way the step cannot edit
    ///   safely.
    func apply(to manifest: inout ManifestText, edition: Edition) throws(UpgradeRefusal)
}

extension UpgradeStep {
    /// The format it leaves the edition in.
    public var to: Int { from + 1 }
}

/// Every step, oldest first: one per format after the first, ending at `FormatVersion.current`.
public enum UpgradeSteps {
    public static let all: [any UpgradeStep] = [UpgradeToFormat2()]
}
