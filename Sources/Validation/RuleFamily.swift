/// The kinds of check, as the report's readers are told about them: the data-quality statement
/// counts checks by family and names a family, never a rule id. A rule belongs to the family
/// its id begins with (`totals.breakdown` to `totals`).
public struct RuleFamily: Hashable, Sendable {
    /// The id prefixes of its rules: "totals", or for reading the files "ingest", "csv", ...
    public var prefixes: [String]
    /// What its checks make sure of, as a sentence a councillor understands.
    public var description: String

    public init(prefixes: [String], description: String) {
        self.prefixes = prefixes
        self.description = description
    }

    /// Every family, in the order the data-quality statement lists them.
    public static let all: [RuleFamily] = [
        RuleFamily(
            prefixes: ["ingest", "csv", "schema", "value", "key", "reference", "edition", "manifest"],
            description: "Every data file was read in full, and every value is of the kind its column holds"),
        RuleFamily(
            prefixes: ["totals"],
            description: "Totals equal the sum of their parts, and each area's figures add up to its wider area's"),
        RuleFamily(
            prefixes: ["relations"],
            description: "Figures of different tables that the partnership says must agree do agree"),
        RuleFamily(
            prefixes: ["percentages"], description: "Percentages agree with the counts they are worked out from"),
        RuleFamily(prefixes: ["shares"], description: "Shares of a whole add up to the whole"),
        RuleFamily(
            prefixes: ["rates"],
            description: "Rates per 1,000, 10,000 or 100,000 agree with their counts and populations"),
        RuleFamily(
            prefixes: ["consistency"],
            description: "A figure given in more than one place has the same value everywhere"
        ),
        RuleFamily(prefixes: ["periods"], description: "Figures cover the periods the report says they cover"),
        RuleFamily(
            prefixes: ["ranges"], description: "Counts are never negative, and percentages lie between 0% and 100%"),
        RuleFamily(
            prefixes: ["references"],
            description:
                "Every figure belongs to a known area and measure, and every percentage names what it is a share of"),
        RuleFamily(prefixes: ["rankings"], description: "Ranked lists are in order"),
        RuleFamily(
            prefixes: ["narrative"],
            description:
                "Every figure in the text comes from the data, abbreviations are explained, and no date is left from last year's report"
        ),
        RuleFamily(
            prefixes: ["coverage"],
            description:
                "The report shows every dataset, and covers what Working Together 2023 asks a yearly report to include"),
        RuleFamily(
            prefixes: ["content"], description: "No example row or paragraph is left from the edition's starting point"),
        RuleFamily(
            prefixes: ["disclosure"],
            description:
                "No published figure, in any table, chart, text or data file, gives away a count small enough to identify a child"
        ),
    ]

    /// The family of the rule with this id; nil for an id no family claims.
    public static func of(rule id: String) -> RuleFamily? {
        let prefix = id.split(separator: ".", maxSplits: 1).first.map(String.init) ?? id
        return all.first { $0.prefixes.contains(prefix) }
    }
}
