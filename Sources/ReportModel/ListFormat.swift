/// Lists written the way a sentence lists them, for messages and the report alike.
public enum ListFormat {
    /// "A", "A and B", "A, B and C".
    public static func and(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// "A", "A or B", "A, B or C".
    public static func or(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + last
    }
}

extension String {
    /// The string with its first letter in capitals: "top referrers" as "Top referrers".
    public var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// The string with its first letter in lower case, to continue a sentence with it.
    public var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
