/// A kind of figure the edition reports, from the measures catalogue: what it counts, whether
/// it adds up across areas, and which headline it is a breakdown of.
public struct Measure: Hashable, Sendable {
    public var key: String
    public var label: String
    public var unit: MeasureUnit
    /// True when the figure for an area is the sum of the figures for the areas inside it
    /// (population, contacts); false for rates and snapshots that do not add.
    public var additive: Bool
    /// The measure this one is a part of; the parts of a headline must add up to it.
    public var partOf: Located<String>?
    /// Which breakdown of its headline this part belongs to ("age", "sex"), when a headline is
    /// broken down more than one way; each breakdown adds up to the headline on its own.
    public var breakdown: String?
    /// The breakdown's name, without the mark that it is incomplete: `age` for both `age` and
    /// `age (incomplete)`, nil for `incomplete` alone or no breakdown.
    public var breakdownName: String? {
        guard let breakdown else { return nil }
        let (name, _) = Measure.splitBreakdown(breakdown)
        return name.isEmpty ? nil : name
    }
    /// True when the part's breakdown leaves a remainder the report does not publish
    /// (`breakdown` is `incomplete` or ends `(incomplete)`): its parts are then at most the headline.
    public var breakdownIsIncomplete: Bool {
        breakdown.map { Measure.splitBreakdown($0).incomplete } ?? false
    }
    /// A measure this one is a subset of (pupils with a plan, of all pupils): never more than it.
    public var subsetOf: Located<String>?
    public var description: String?
    /// The id of the catalogue it was read from.
    public var dataset: String = ""
    public var location: SourceLocation

    public init(
        key: String, label: String, unit: MeasureUnit, additive: Bool, partOf: Located<String>?,
        breakdown: String? = nil, subsetOf: Located<String>? = nil, description: String?, location: SourceLocation
    ) {
        self.key = key
        self.label = label
        self.unit = unit
        self.additive = additive
        self.partOf = partOf
        self.breakdown = breakdown
        self.subsetOf = subsetOf
        self.description = description
        self.location = location
    }

    /// `age (incomplete)` as (`age`, true); `incomplete` as (``, true); `age` as (`age`, false).
    static func splitBreakdown(_ text: String) -> (name: String, incomplete: Bool) {
        let mark = "(incomplete)"
        if text.lowercased() == "incomplete" { return ("", true) }
        guard text.lowercased().hasSuffix(mark) else { return (text, false) }
        return (String(text.dropLast(mark.count)).trimmingSuffix(" "), true)
    }
}

extension String {
    fileprivate func trimmingSuffix(_ character: Character) -> String {
        var text = self
        while text.last == character { text.removeLast() }
        return text
    }
}
