/// Lists written the way a sentence lists them, for messages and the report alike.
public enum ListFormat {
    /// "A", "A and B", "A, B and C".
    public static func and(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
