/// Whether a row of a table is one of its parts or the total the table states for them.
public enum RowKind: String, Hashable, Sendable, CaseIterable {
    case part
    case total
}
