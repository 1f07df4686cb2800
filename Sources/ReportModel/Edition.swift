/// A narrative section: its place in the report and the Markdown the scrutineer wrote.
public struct NarrativeSection: Hashable, Sendable {
    public var spec: SectionSpec
    /// The Markdown text, as read from `spec.file`.
    public var markdown: String
    /// The file's path as findings name it.
    public var path: String
    /// The figure references in the Markdown, in order.
    public var references: [FigureReference]

    public init(spec: SectionSpec, markdown: String, path: String, references: [FigureReference] = []) {
        self.spec = spec
        self.markdown = markdown
        self.path = path
        self.references = references
    }
}

/// One annual report's inputs, read and typed: the manifest, every dataset and the narrative.
public struct Edition: Hashable, Sendable {
    /// The edition's id, its folder name: `cumbria-2023-24`.
    public var id: String
    /// The folder's path as the user named it; findings' file paths start with it.
    public var folder: String
    public var manifest: Manifest
    public var measures: [Measure]
    public var figures: [Figure]
    public var budget: [BudgetContribution]
    public var trainingCourses: [TrainingCourse]
    public var rankings: [RankedItem]
    public var reviews: [PracticeReview]
    public var board: [BoardMember]
    public var glossary: [GlossaryEntry]
    public var corrections: [Correction]
    public var narrative: [NarrativeSection]

    public init(
        id: String, folder: String, manifest: Manifest, measures: [Measure] = [],
        figures: [Figure] = [], budget: [BudgetContribution] = [],
        trainingCourses: [TrainingCourse] = [], rankings: [RankedItem] = [],
        reviews: [PracticeReview] = [], board: [BoardMember] = [], glossary: [GlossaryEntry] = [],
        corrections: [Correction] = [], narrative: [NarrativeSection] = []
    ) {
        self.id = id
        self.folder = folder
        self.manifest = manifest
        self.measures = measures
        self.figures = figures
        self.budget = budget
        self.trainingCourses = trainingCourses
        self.rankings = rankings
        self.reviews = reviews
        self.board = board
        self.glossary = glossary
        self.corrections = corrections
        self.narrative = narrative
    }

    /// The manifest's entry for a dataset id.
    public func dataset(_ id: String) -> DatasetSpec? {
        manifest.datasets.first { $0.id == id }
    }

    /// The area with this key.
    public func area(_ key: String) -> Area? {
        manifest.areas.first { $0.key == key }
    }

    /// The measure with this key.
    public func measure(_ key: String) -> Measure? {
        measures.first { $0.key == key }
    }
}
