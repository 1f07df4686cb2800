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
        didSet {
            reindexManifest()
            // A dataset's period is part of its figures' keys.
            reindexFigures()
        }
    }
    public var measures: [Measure] {
        didSet { measureIndex = Edition.firstByKey(measures, \.key) }
    }
    public var figures: [Figure] {
        didSet { reindexFigures() }
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
        reindexManifest()
        reindexFigures()
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
    /// Positions of figures whose key and period an earlier figure already has, in order.
    public private(set) var repeatedFigurePositions: [Int] = []
    /// Every position of each key more than one figure has (a series, or a figure repeated in
    /// another dataset), in order; most keys have one figure and are not here.
    private var sharedKeyPositions: [FigureKey: [Int]] = [:]
    private var areaIndex: [String: Area] = [:]
    private var datasetIndex: [String: DatasetSpec] = [:]

    private mutating func reindexManifest() {
        areaIndex = Edition.firstByKey(manifest.areas, \.key)
        datasetIndex = Edition.firstByKey(manifest.datasets, \.id)
    }

    /// Each figure's area, measure and period as ids, for the index and for rules that join
    /// millions of figures.
    public private(set) var figureColumns = FigureColumns()

    private mutating func reindexFigures() {
        var columns = FigureColumns(capacity: figures.count)
        var positions = PositionIndex(capacity: figures.count)
        var shared: [FigureKey: [Int]] = [:]
        // Figures lie together by dataset: its period is looked up once a run.
        var datasetPeriod: (id: String, period: Period)?
        // Each figure's parts are read in place: a copy of a figure costs more than its keys.
        for position in figures.indices {
            let period: Period
            if let own = figures[position].period?.value {
                period = own
            } else if let known = datasetPeriod, known.id == figures[position].dataset {
                period = known.period
            } else {
                period = dataset(figures[position].dataset)?.period ?? manifest.reportingPeriod.period
                datasetPeriod = (figures[position].dataset, period)
            }
            columns.append(area: figures[position].areaKey, measure: figures[position].measureKey, period: period)
            let (area, measure) = (columns.areas[position], columns.measures[position])
            // One hash per figure; a repeat leaves the earlier position in place.
            let earlier = positions.insert(position, hash: FigureColumns.hash(area: area, measure: measure)) {
                columns.areas[$0] == area && columns.measures[$0] == measure
            }
            if let earlier { shared[FigureKey(figures[position]), default: [earlier]].append(position) }
        }
        // A figure repeats another only for the same period: a series is not a repeat.
        var repeats: [Int] = []
        for group in shared.values {
            var periods: Set<UInt32> = []
            for position in group where !periods.insert(columns.periodIds[position]).inserted {
                repeats.append(position)
            }
        }
        figureIndex = positions
        figureColumns = columns
        sharedKeyPositions = shared
        figureRuns = Edition.runs(of: figures)
        repeatedFigurePositions = repeats.sorted()
    }

    /// The position of the first figure with this key (its period aside).
    private func indexed(_ key: FigureKey) -> Int? {
        guard let area = figureColumns.areaId(key.area), let measure = figureColumns.measureId(key.measure)
        else { return nil }
        return figureIndex.position(hash: FigureColumns.hash(area: area, measure: measure)) {
            figureColumns.areas[$0] == area && figureColumns.measures[$0] == measure
        }
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

    /// The position in `figures` of the first figure with this key: its area and measure, and
    /// its period when it names one.
    public func firstPosition(of key: FigureKey) -> Int? {
        guard let period = key.period else { return indexed(key) }
        return position(area: key.area, measure: key.measure, period: period, exactly: true)
    }

    /// The figure an `area/measure` key names, in any dataset, or `area/measure@period` for
    /// one period of a series (`north/contacts@2023/24 Q3`); without a period, the latest.
    /// `dataset:area/measure` names the copy one dataset gives of a figure several give (two
    /// quarters' minutes, each stating the first quarter).
    public func figure(_ key: String) -> Figure? {
        if let colon = key.firstIndex(of: ":"), let slash = key.firstIndex(of: "/"), colon < slash {
            return copy(in: String(key[..<colon]), key: String(key[key.index(after: colon)...]))
        }
        let parts = key.split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let measure = parts[1].split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard measure.count == 2 else { return figure(area: String(parts[0]), measure: String(parts[1])) }
        guard let period = PeriodSpelling.period(String(measure[1])) else { return nil }
        return figure(area: String(parts[0]), measure: String(measure[0]), period: period, exactly: true)
    }

    /// The copy of a figure one dataset gives: of its periods, the one the key names, else the latest.
    private func copy(in dataset: String, key: String) -> Figure? {
        guard self.dataset(dataset) != nil else { return nil }
        let parts = key.split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let measure = parts[1].split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        var wanted: Period?
        if measure.count == 2 {
            guard let period = PeriodSpelling.period(String(measure[1])) else { return nil }
            wanted = period
        }
        var found: Figure?
        for position in figurePositions(of: dataset)
        where figures[position].areaKey == parts[0] && figures[position].measureKey == measure[0] {
            let period = figureColumns.period(at: position)
            if let wanted, period != wanted { continue }
            if let latest = found, !Period.chronological(self.period(of: latest), period) { continue }
            found = figures[position]
        }
        return found
    }

    /// The value of the figure for an area and a measure in a period, or the nearest like it
    /// (see `figure(area:measure:period:)`), without copying the figure: rules that sum
    /// thousands of child areas need only the number.
    public func quantity(area: String, measure: String, period: Period, exactly: Bool = false) -> Quantity? {
        position(area: area, measure: measure, period: period, exactly: exactly).map { figures[$0].value.value }
    }

    /// The figure for an area and a measure, in any dataset: of a series, the latest period's;
    /// of copies for one period, the first.
    public func figure(area: String, measure: String) -> Figure? {
        let key = FigureKey(area: area, measure: measure)
        guard let first = indexed(key) else { return nil }
        guard let all = sharedKeyPositions[key] else { return figures[first] }
        var latest = first
        for position in all
        where Period.chronological(figureColumns.period(at: latest), figureColumns.period(at: position)) {
            latest = position
        }
        return figures[latest]
    }

    /// The figure for an area and a measure in a period. Unless `exactly`, a key stated for
    /// one period only stands for any period it overlaps (a count on 31 March, for the year),
    /// so a snapshot and a year's figures still meet; a series never lends another period's
    /// figure. Rules comparing a figure of a series ask `exactly`: a year's figure never
    /// stands for one of its quarters.
    public func figure(area: String, measure: String, period: Period, exactly: Bool = false) -> Figure? {
        position(area: area, measure: measure, period: period, exactly: exactly).map { figures[$0] }
    }

    private func position(area: String, measure: String, period wanted: Period, exactly: Bool) -> Int? {
        let key = FigureKey(area: area, measure: measure)
        guard let first = indexed(key) else { return nil }
        let all = sharedKeyPositions[key] ?? [first]
        if let same = all.first(where: { figureColumns.period(at: $0) == wanted }) { return same }
        guard !exactly else { return nil }
        let only = figureColumns.period(at: first)
        guard all.allSatisfy({ figureColumns.period(at: $0) == only }), only.overlaps(wanted) else { return nil }
        return first
    }

    /// The period a figure covers: its own, or its dataset's, or the edition's.
    public func period(of figure: Figure) -> Period {
        figure.period?.value ?? dataset(figure.dataset)?.period ?? manifest.reportingPeriod.period
    }

    /// True when the figure's area and measure are stated for more than one period.
    public func isInSeries(_ figure: Figure) -> Bool {
        guard let all = sharedKeyPositions[FigureKey(figure)] else { return false }
        let first = period(of: figures[all[0]])
        return all.contains { figureColumns.period(at: $0) != first }
    }

    /// The figures of a key for each of its periods, earliest first (the first figure of
    /// each period), when it has more than one period; nil for a key stated for one period.
    public func series(area: String, measure: String) -> [Figure]? {
        guard let all = sharedKeyPositions[FigureKey(area: area, measure: measure)] else { return nil }
        var seen: Set<Period> = []
        let distinct = all.filter { seen.insert(figureColumns.period(at: $0)).inserted }
        guard distinct.count > 1 else { return nil }
        return distinct.map { figures[$0] }.sorted { Period.chronological(period(of: $0), period(of: $1)) }
    }

    /// The figure before this one in its series: the previous month, quarter or year when
    /// that is stated, or for figures of single days (counts on a date) the latest earlier
    /// day. Nil when the figure is in no series or its predecessor is not stated.
    public func precedingInSeries(_ figure: Figure) -> Figure? {
        guard let series = series(area: figure.area.value, measure: figure.measure.value) else { return nil }
        let current = period(of: figure)
        if let wanted = current.preceding {
            return series.first { period(of: $0) == wanted }
        }
        guard current.start == current.end else { return nil }
        return series.last { period(of: $0).start == period(of: $0).end && period(of: $0).end < current.start }
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

    /// The positions in `figures` of one dataset's figures, in reading order.
    public func figurePositions(of dataset: String) -> [Int] {
        if let run = figureRuns[dataset] { return Array(run) }
        return figures.indices.filter { figures[$0].dataset == dataset }
    }

    /// Figures read but not yet in `figures`: every figures dataset's are gathered here and
    /// join `figures` at once, so the edition indexes them once however many datasets hold them.
    public private(set) var stagedFigures: [Figure] = []

    public mutating func stage(figures more: [Figure]) {
        // Appended where there is room; else the first dataset's array is taken as it is rather
        // than copied: it may hold millions.
        let room = stagedFigures.capacity - stagedFigures.count
        if stagedFigures.isEmpty, room < more.count { stagedFigures = more } else { stagedFigures += more }
    }

    /// Lets `body` append figures to the staged ones in place: a reader of a large file writes
    /// straight into them, so they are never copied. Staged figures are not yet indexed, so
    /// whatever `body` does to them cannot leave an index out of step.
    public mutating func stage<Result>(_ body: (inout [Figure]) -> Result) -> Result {
        body(&stagedFigures)
    }

    /// Room for `count` more staged figures.
    public mutating func reserveStagedFigures(_ count: Int) {
        stagedFigures.reserveCapacity(stagedFigures.count + count)
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
/// their strings, so looking a figure up allocates nothing. Rules that compare like periods
/// add the period.
public struct FigureKey: Hashable, Sendable {
    public var area: String
    public var measure: String
    /// The period, for keys of one period of a series; nil for the key of every period.
    public var period: Period?

    public init(area: String, measure: String, period: Period? = nil) {
        self.area = area
        self.measure = measure
        self.period = period
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
