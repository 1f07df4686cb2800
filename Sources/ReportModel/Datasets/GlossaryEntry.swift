/// An abbreviation the report may use, with what it stands for.
public struct GlossaryEntry: Hashable, Sendable {
    public var dataset: String
    public var abbreviation: Located<String>
    public var expansion: String
    public var location: SourceLocation

    public init(dataset: String, abbreviation: Located<String>, expansion: String, location: SourceLocation) {
        self.dataset = dataset
        self.abbreviation = abbreviation
        self.expansion = expansion
        self.location = location
    }
}

extension Edition {
    /// The glossary of every dataset of them.
    public var glossary: [GlossaryEntry] { records(GlossaryEntry.self) }
}
