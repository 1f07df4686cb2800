/// One change an upgrade makes to an edition: where, what and why, printed as a compiler
/// prints a warning, so the partnership can review it line by line.
public struct UpgradeChange: Hashable, Sendable, CustomStringConvertible {
    /// The file changed, as findings name it.
    public var file: String
    /// The line (from 1) of the change in the upgraded file.
    public var line: Int
    /// What changed: "added 'format: 2'".
    public var what: String
    /// Why the new format needs it.
    public var why: String

    public init(file: String, line: Int, what: String, why: String) {
        self.file = file
        self.line = line
        self.what = what
        self.why = why
    }

    /// `inputs/x/edition.yaml:3: added 'format: 2': why`.
    public var description: String { "\(file):\(line): \(what): \(why)" }
}
