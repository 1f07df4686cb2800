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
public struct Edition: Sendable {
    /// The edition's id, its folder name: `cumbria-2023-24`.
    public var id: String
    /// The folder's path as the user named it; findings' file paths start with it.
    public var folder: String
    public var manifest: Manifest {
        didSet { reindexManifest() }
    }
    public var measures: [Measure] {
        didSet { measureIndex = Edition.firstByKey(measures, \.key) }
    }
    public var figures: [Figure] {
        didSet {
            (figureIndex, repeatedFigurePositions) = Edition.positions(of: figures)
            figureRuns = Edition.runs(of: figures)
        }
    }
    /// The kind of each dataset, by dataset id, as the reader found it from the manifest's
    /// `schema:`.
    public var kinds: [String: any DatasetKind] = [:]
    /// The records of each dataset but figures and measures (which live in `figures` and
    /// `measures`, indexed), by dataset id, typed by their kind.
    public var datasets: [String: any AnyDataset] = [:]
    public var narrative: [NarrativeSection]
    /// Where each dataset's columns were in its file or sheet (1 is column A), by dataset id and
    /// column name, so a change to one cell can be located at that cell.
    public var sourceColumns: [String: [String: Int]] = [:]
    /// The datasets some of whose rows could not be read (each such row has its error): rules
    /// that add up or look up a dataset's rows leave these alone rather than report the gap as
    /// a second, made-up error.
    public var incompleteDatasets: Set<String> = []

    public init(
        id: String, folder: String, manifest: Manifest, measures: [Measure] = [],
        figures: [Figure] = [], narrative: [NarrativeSection] = []
    ) {
        self.id = id
        self.folder = folder
        self.manifest = manifest
        self.measures = measures
        self.figures = figures
        self.narrative = narrative
        measureIndex = Edition.firstByKey(measures, \.key)
        (figureIndex, repeatedFigurePositions) = Edition.positions(of: figures)
        figureRuns = Edition.runs(of: figures)
        reindexManifest()
    }

    /// Where each dataset's figures lie in `figures`, for datasets whose figures lie together
    /// (as the reader stores them); others are found by looking through them all.
    private var figureRuns: [String: Range<Int>] = [:]

    private static func runs(of figures: [Figure]) -> [String: Range<Int>] {
        var runs: [String: Range<Int>] = [:]
        var scattered: Set<String> = []
        var start = 0
        for position in figures.indices
        where position + 1 == figures.count
            || figures[position + 1].dataset != figures[position].dataset
        {
            let dataset = figures[position].dataset
            if runs.updateValue(start..<position + 1, forKey: dataset) != nil { scattered.insert(dataset) }
            start = position + 1
        }
        for dataset in scattered { runs[dataset] = nil }
        return runs
    }

    // Lookups by key, kept in step with the arrays they index: an edition may hold a million
    // figures, and rules look measures and areas up for each.
    private var measureIndex: [String: Measure] = [:]
    /// Positions in `figures` rather than copies: a figure is large, and there may be millions.
    /// The index keeps no keys (the figures hold them): eight bytes a figure.
    private var figureIndex = PositionIndex()
    /// Positions of figures whose key an earlier figure already has, found while indexing.
    public private(set) var repeatedFigurePositions: [Int] = []
    private var areaIndex: [String: Area] = [:]
    private var datasetIndex: [String: DatasetSpec] = [:]

    private mutating func reindexManifest() {
        areaIndex = Edition.firstByKey(manifest.areas, \.key)
        datasetIndex = Edition.firstByKey(manifest.datasets, \.id)
    }

    private static func positions(of figures: [Figure]) -> (first: PositionIndex, repeats: [Int]) {
        var positions = PositionIndex(capacity: figures.count)
        var repeats: [Int] = []
        for position in figures.indices {
            let key = FigureKey(figures[position])
            // One hash per figure; a repeat leaves the earlier position in place.
            if positions.insert(position, hash: key.hashValue, where: { FigureKey(figures[$0]) == key }) != nil {
                repeats.append(position)
            }
        }
        return (positions, repeats)
    }

    /// The position of the first figure with this key.
    private func indexed(_ key: FigureKey) -> Int? {
        figureIndex.position(hash: key.hashValue) { FigureKey(figures[$0]) == key }
    }

    private static func firstByKey<Element>(_ elements: [Element], _ key: KeyPath<Element, String>) -> [String: Element]
    {
        Dictionary(elements.map { ($0[keyPath: key], $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The manifest's entry for a dataset id.
    public func dataset(_ id: String) -> DatasetSpec? {
        datasetIndex[id]
    }

    /// The area with this key.
    public func area(_ key: String) -> Area? {
        areaIndex[key]
    }

    /// The position in `figures` of the first figure with this key.
    public func firstPosition(of key: FigureKey) -> Int? {
        indexed(key)
    }

    /// The first figure with this `area/measure` key, in any dataset.
    public func figure(_ key: String) -> Figure? {
        let parts = key.split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        return figure(area: String(parts[0]), measure: String(parts[1]))
    }

    /// The value of the first figure for an area and a measure, without copying the figure:
    /// rules that sum thousands of child areas need only the number.
    public func quantity(area: String, measure: String) -> Quantity? {
        indexed(FigureKey(area: area, measure: measure)).map { figures[$0].value.value }
    }

    /// The first figure for an area and a measure, in any dataset.
    public func figure(area: String, measure: String) -> Figure? {
        indexed(FigureKey(area: area, measure: measure)).map { figures[$0] }
    }

    /// The measure with this key.
    public func measure(_ key: String) -> Measure? {
        measureIndex[key]
    }

    /// Every record of this type, from every dataset holding them, in manifest order.
    public func records<Record>(_ type: Record.Type) -> [Record] {
        manifest.datasets.flatMap { datasets[$0.id]?.records(as: type) ?? [] }
    }

    /// The figures of one dataset, in reading order.
    public func figures(of dataset: String) -> [Figure] {
        if let run = figureRuns[dataset] { return Array(figures[run]) }
        return figures.filter { $0.dataset == dataset }
    }

    /// Figures read but not yet in `figures`: every figures dataset's are gathered here and
    /// join `figures` at once, so the edition indexes them once however many datasets hold them.
    public private(set) var stagedFigures: [Figure] = []

    public mutating func stage(figures more: [Figure]) {
        // The first dataset's array is taken as it is rather than copied: it may hold millions.
        if stagedFigures.isEmpty { stagedFigures = more } else { stagedFigures += more }
    }

    /// Moves the staged figures into `figures`, indexing them once.
    public mutating func indexStagedFigures() {
        guard !stagedFigures.isEmpty else { return }
        let staged = stagedFigures
        stagedFigures = []
        if figures.isEmpty { figures = staged } else { figures += staged }
    }

    /// The records of one dataset, if they are of this type.
    public func records<Record>(_ type: Record.Type, in dataset: String) -> [Record] {
        datasets[dataset]?.records(as: type) ?? []
    }
}

/// An area and a measure, the key of a figure, kept as two strings: short keys stay inside
/// their strings, so looking a figure up allocates nothing.
public struct FigureKey: Hashable, Sendable {
    public var area: String
    public var measure: String

    public init(area: String, measure: String) {
        self.area = area
        self.measure = measure
    }

    public init(_ figure: Figure) {
        self.init(area: figure.areaKey, measure: figure.measureKey)
    }
}

extension Edition: Equatable {
    /// Two editions are equal when they were read from the same inputs to the same records.
    public static func == (left: Edition, right: Edition) -> Bool {
        left.id == right.id && left.folder == right.folder && left.manifest == right.manifest
            && left.measures == right.measures && left.figures == right.figures && left.narrative == right.narrative
            && left.sourceColumns == right.sourceColumns && left.incompleteDatasets == right.incompleteDatasets
            && left.kinds.keys == right.kinds.keys && left.datasets.keys == right.datasets.keys
            && left.datasets.allSatisfy { id, dataset in right.datasets[id].map(dataset.hasSameRecords) ?? false }
    }
}
