import ReportModel

/// Starts next year's edition from this year's: the same datasets and sections, last year's
/// figures carried as the comparators, every figure still to be supplied left empty so that
/// `check` names each one, and narrative skeletons to write.
public struct EditionScaffold: Sendable {
    /// The partnership the new edition reports on.
    public var partnership: Partnership
    /// The key of the area the new edition covers (with the areas inside it); nil keeps all.
    public var area: String?
    /// The new reporting period; nil means a year after the old one.
    public var period: ReportingPeriod?
    /// Where the old edition is, for the skeletons to point at.
    public var sourceFolder: String
    /// When set, the datasets go into one workbook at this path (a sheet per dataset, named by
    /// its id) instead of a CSV file each, so analysts start in the tool they know.
    public var workbook: String?

    public init(
        partnership: Partnership, area: String?, period: ReportingPeriod?, sourceFolder: String,
        workbook: String? = nil
    ) {
        self.partnership = partnership
        self.area = area
        self.period = period
        self.sourceFolder = sourceFolder
        self.workbook = workbook
    }

    /// Why an edition cannot be scaffolded as asked.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The new edition's files, by path inside its folder, and its workbook's bytes when it
    /// keeps its datasets in one.
    /// - Throws: `Problem` when the area is not one of the old edition's or the workbook
    ///   cannot be made.
    public func files(from old: Edition) throws(Problem) -> (
        texts: [(path: String, text: String)], workbook: (path: String, bytes: [UInt8])?
    ) {
        let (texts, sheets) = try planned(from: old)
        guard let workbook else { return (texts, nil) }
        do {
            return (texts, (workbook, try WorkbookWriter.workbook(sheets)))
        } catch {
            throw Problem(description: error.description)
        }
    }

    private func planned(from old: Edition) throws(Problem) -> (
        texts: [(path: String, text: String)], sheets: [WorkbookWriter.Sheet]
    ) {
        let areas = try keptAreas(old)
        let keys = Set(areas.map(\.key))
        let oldPeriod = old.manifest.reportingPeriod
        let newPeriod =
            period ?? ReportingPeriod(period: oldPeriod.period.shifted(years: 1), label: oldPeriod.label.nextYearLabel)
        func relabel(_ text: String) -> String { text.replacingOccurrences(of: oldPeriod.label, with: newPeriod.label) }

        var files: [(path: String, text: String)] = []
        var sheets: [WorkbookWriter.Sheet] = []
        var datasets: [DatasetSpec] = []
        for table in DatasetTable.tables(of: old) where old.kinds[table.spec.id]?.isCarriedForward ?? false {
            var spec = table.spec
            if spec.isWorkbook {
                spec.file = "data/\(spec.id).csv"
                spec.sheet = nil
            }
            spec.title = relabel(spec.title)
            spec.period = spec.period?.shifted(years: 1)
            // A title that names its own period ("in March 2024") moves on with it.
            if let last = table.spec.period, let next = spec.period {
                spec.title = spec.title.replacingOccurrences(
                    of: GovUKFormat.period(last), with: GovUKFormat.period(next))
            }
            // Last year's reason for an older period is kept: the period moved on by a year too,
            // and without a reason check would refuse it.
            // A dataset whose every row was for an area the new edition leaves out is left out
            // too (`new` says so), rather than written empty for check to refuse.
            if area != nil, EditionScaffold.isOutside(table, keys) { continue }
            let rows = carried(table, of: old, keeping: keys)
            if let workbook {
                spec.file = workbook
                spec.sheet = String(spec.id.prefix(WorkbookWriter.longestSheetName))
                sheets.append(
                    WorkbookWriter.Sheet(name: spec.sheet ?? spec.id, rows: [rows.columns] + rows.rows.map(\.values)))
            } else {
                files.append((spec.file, rows.csv))
            }
            datasets.append(spec)
        }
        let sections = old.manifest.sections.map { section in
            SectionSpec(
                id: section.id, title: relabel(section.title), file: section.file, covers: section.covers,
                location: section.location)
        }
        for section in sections {
            files.append((section.file, skeleton(section, period: newPeriod)))
        }
        // The title the partnership chose is kept, its period and (for a successor) its name
        // moved on; one that names no period is replaced by the usual one.
        let oldPublication = old.manifest.publication
        func renamed(_ text: String) -> String {
            text.replacingOccurrences(of: old.manifest.partnership.name, with: partnership.name)
        }
        let keptTitle = renamed(relabel(oldPublication.title))
        let title =
            oldPublication.title.contains(oldPeriod.label)
            ? keptTitle : "\(partnership.name) Annual Report \(newPeriod.label)"
        let manifest = Manifest(
            partnership: partnership, reportingPeriod: newPeriod,
            publication: Publication(
                title: title, date: EditionScaffold.publicationDate(of: old, movingTo: newPeriod),
                publisher: oldPublication.publisher.map(renamed) ?? partnership.name,
                outputs: old.manifest.publication.outputs, pageSize: old.manifest.publication.pageSize,
                licence: old.manifest.publication.licence),
            areas: areas, datasets: datasets, sections: sections, policy: old.manifest.policy,
            templates: old.manifest.templates, appendices: old.manifest.appendices, relations: old.manifest.relations)
        // The partnership's own notes at the head of last year's manifest follow this year's
        // note, their period moved on; an earlier scaffold's note is not repeated.
        let kept = (old.manifest.headerComment ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).filter { !EditionScaffold.isNoteLine($0) }
        let comment = (EditionScaffold.note(from: sourceFolder) + kept.map(relabel)).joined(separator: "\n")
        return ([("edition.yaml", ManifestWriter.yaml(manifest, comment: comment))] + files, sheets)
    }

    /// Last year's publication date moved on as far as the period moves (29 February becoming
    /// the 28th), so the cover keeps a date; `new` says to set it to the day of publishing.
    public static func publicationDate(of old: Edition, movingTo period: ReportingPeriod) -> CalendarDate? {
        guard let date = old.manifest.publication.date else { return nil }
        let year = date.year + period.period.start.year - old.manifest.reportingPeriod.period.start.year
        return CalendarDate(year: year, month: date.month, day: date.day)
            ?? CalendarDate(year: year, month: date.month, day: date.day - 1)
    }

    /// The datasets `files(from:)` leaves out: with `--area`, those whose every row was for an
    /// area outside it.
    public func datasetsLeftOut(from old: Edition) throws(Problem) -> [DatasetSpec] {
        guard area != nil else { return [] }
        let keys = Set(try keptAreas(old).map(\.key))
        return DatasetTable.tables(of: old).filter { EditionScaffold.isOutside($0, keys) }.map(\.spec)
    }

    /// The area asked for and everything inside it, the area becoming the root.
    private func keptAreas(_ old: Edition) throws(Problem) -> [Area] {
        guard let root = area else { return old.manifest.areas }
        guard var top = old.area(root) else {
            let keys = old.manifest.areas.map(\.key)
            throw Problem(
                description:
                    "no area '\(root)' in \(sourceFolder)\(Suggestion.hint(for: root, among: keys)): expected one of \(keys.joined(separator: ", "))"
            )
        }
        top.parent = nil
        var kept = [top]
        var frontier = [root]
        while let parent = frontier.popLast() {
            let children = old.manifest.areas.filter { $0.parent == parent }
            kept += children
            frontier += children.map(\.key)
        }
        return old.manifest.areas.compactMap { area in kept.first { $0.key == area.key } }
    }

    /// A dataset's rows for the new year, as its kind carries them (figures and amounts
    /// emptied, last year's figure kept as `previous`), rows of areas outside the new edition
    /// left out.
    private func carried(_ table: DatasetTable, of old: Edition, keeping areas: Set<String>) -> DatasetTable {
        guard let kind = old.kinds[table.spec.id] else { return table }
        let change = YearChange(
            oldPartnership: old.manifest.partnership, newPartnership: partnership,
            nextPeriod: { text in
                (try? DateReader.period(text).get()).map { ManifestWriter.periodText($0.shifted(years: 1)) }
            })
        var table = table
        let areaColumn = table.columns.firstIndex(of: "area")
        var rows: [(row: DatasetTable.Row, cells: [String: String])] = []
        for row in table.rows {
            if let areaColumn, !areas.contains(row.values[areaColumn]) { continue }
            let cells = Dictionary(zip(table.columns, row.values), uniquingKeysWith: { first, _ in first })
            guard let next = kind.nextYear(cells, change: change) else { continue }
            rows.append((row, next))
        }
        // A kind may fill a column last year's file did not have (the previous year's values).
        let filled = Set(rows.flatMap(\.cells.keys))
        table.columns = kind.schema.columns.map(\.name).filter { table.columns.contains($0) || filled.contains($0) }
        table.rows = rows.map { row, cells in
            var row = row
            row.values = table.columns.map { cells[$0] ?? "" }
            return row
        }
        return table
    }

    /// How the note a scaffolded manifest opens with ends its first line, and its second line.
    private static let noteEnd = " by `annual-report new`. Every figure still to be supplied is"
    private static let noteSecondLine =
        "empty in data/; `annual-report check` names each one. Last year's values are in the previous column."

    /// The note a scaffolded manifest opens with, line by line.
    static func note(from source: String) -> [String] {
        ["Scaffolded from \(source)" + noteEnd, noteSecondLine]
    }

    /// True for a line of an earlier scaffold's note, which the next scaffold does not repeat.
    static func isNoteLine(_ line: String) -> Bool {
        line == noteSecondLine || (line.hasPrefix("Scaffolded from ") && line.hasSuffix(noteEnd))
    }

    /// True when a dataset has rows and every one is for an area outside `areas`: `--area`
    /// leaves such a dataset out rather than write it empty.
    private static func isOutside(_ table: DatasetTable, _ areas: Set<String>) -> Bool {
        guard let column = table.columns.firstIndex(of: "area"), !table.rows.isEmpty else { return false }
        return table.rows.allSatisfy { !areas.contains($0.values[column]) }
    }

    private func skeleton(_ section: SectionSpec, period: ReportingPeriod) -> String {
        """
        \(ExampleMarker.text) This section is still to be written for \(period.label). Last year's text is in \
        \(sourceFolder)/\(section.file). Refer to figures by key rather than typing them: see
        docs/narrative.md.

        """
    }
}

extension String {
    /// "2023/24" becomes "2024/25"; any other label gets " (next year)".
    var nextYearLabel: String {
        let parts = split(separator: "/")
        guard parts.count == 2, let first = Int(parts[0]), let second = Int(parts[1]), parts[1].count == 2 else {
            return self + " (next year)"
        }
        let next = (second + 1) % 100
        return "\(first + 1)/\(next < 10 ? "0" : "")\(next)"
    }
}
