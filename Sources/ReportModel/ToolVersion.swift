/// The tool's version: what `annual-report --version` prints, and what `findings.json`, the
/// SARIF log and the report's metadata name as their generator. Raise it here, and only here,
/// for each release.
public enum ToolVersion {
    /// The tool's name, as users type it.
    public static let name = "annual-report"
    /// The version, as semantic versioning writes it.
    public static let current = "0.1.0"
    /// Name and version together, for a document's generator: "annual-report 0.1.0".
    public static var generator: String { "\(name) \(current)" }
}
