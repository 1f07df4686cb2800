/// Why an upgrade cannot go ahead. Nothing has been written when it is thrown.
public struct UpgradeRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// What stopped it, in words a user can act on.
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
