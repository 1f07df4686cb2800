/// The partnership an edition reports on.
public struct Partnership: Hashable, Sendable {
    /// Its full name: "Cumbria Safeguarding Children Partnership".
    public var name: String
    /// The abbreviation it uses for itself, such as "CSCP".
    public var shortName: String?

    public init(name: String, shortName: String?) {
        self.name = name
        self.shortName = shortName
    }
}

/// The period the report covers, with the label readers know it by ("2023/24").
public struct ReportingPeriod: Hashable, Sendable {
    public var period: Period
    public var label: String

    public init(period: Period, label: String) {
        self.period = period
        self.label = label
    }
}

/// Title and publication details for the title block, and the forms the report is published in.
public struct Publication: Hashable, Sendable {
    public var title: String
    /// The day of publication, when the edition records it.
    public var date: CalendarDate?
    /// Who publishes the report, when it is not the partnership itself.
    public var publisher: String?
    /// The forms `build` writes besides the HTML and XHTML it always writes: a PDF.
    public var outputs: Set<OutputFormat>
    /// The paper the PDF and printed copies are laid out for.
    public var pageSize: PageSize
    /// The licence the report and its data are published under (`OGL-UK-3.0`, or its address),
    /// when the edition gives one; the data package carries it.
    public var licence: String?

    public init(
        title: String, date: CalendarDate?, publisher: String?, outputs: Set<OutputFormat> = [.html, .xhtml],
        pageSize: PageSize = .a4, licence: String? = nil
    ) {
        self.title = title
        self.date = date
        self.publisher = publisher
        self.outputs = outputs
        self.pageSize = pageSize
        self.licence = licence
    }
}

/// A form the report is published in.
public enum OutputFormat: String, Hashable, Sendable, CaseIterable {
    case html
    case xhtml
    case pdf
}

/// A paper size, as CSS `@page` names it.
public enum PageSize: String, Hashable, Sendable, CaseIterable {
    case a4 = "A4"
    case letter = "Letter"
}

/// A place the report gives figures for: the partnership's whole footprint, a council, a
/// district. Areas form a tree through `parent`.
public struct Area: Hashable, Sendable {
    public var key: String
    public var name: String
    /// What kind of area it is, as the edition names it ("partnership", "council", "district").
    public var level: String
    /// The key of the area that contains it; nil for the root.
    public var parent: String?
    public var location: SourceLocation

    public init(key: String, name: String, level: String, parent: String?, location: SourceLocation) {
        self.key = key
        self.name = name
        self.level = level
        self.parent = parent
        self.location = location
    }
}

/// How an analyst laid a dataset's table out: where its header is, which columns it keeps for
/// itself, and whether areas or periods run across as columns.
public struct TableLayout: Hashable, Sendable {
    /// The row (or CSV line) the header starts on (`header_row: 3`); nil finds it where the
    /// schema's column names are.
    public var headerRow: Int?
    /// Columns the report does not read (`ignore_columns: [rag, helper]`), as written.
    public var ignoredColumns: [String]
    /// True for `layout: wide`: one column per area or per period, a row per measure.
    public var wide: Bool

    public init(headerRow: Int? = nil, ignoredColumns: [String] = [], wide: Bool = false) {
        self.headerRow = headerRow
        self.ignoredColumns = ignoredColumns
        self.wide = wide
    }

    /// True when the table is laid out as the format has always read it.
    public var isPlain: Bool { headerRow == nil && ignoredColumns.isEmpty && !wide }
}

/// The manifest's entry for one dataset: which file, read with which schema, covering which
/// period.
public struct DatasetSpec: Hashable, Sendable {
    /// The dataset's id, unique in the edition: "budget", "performance".
    public var id: String
    /// The schema it is read with: "figures", "budget", "training-courses".
    public var schema: String
    /// Its path relative to the edition folder.
    public var file: String
    /// The sheet, when `file` is an `.xlsx` workbook.
    public var sheet: String?
    /// The heading readers see for it.
    public var title: String
    /// The period its figures cover, when it differs from or narrows the edition's.
    public var period: Period?
    /// Why its period lies outside the edition's, when it does (the report says so).
    public var periodNote: String?
    /// The id of the narrative section its tables follow; nil for datasets the appendices show.
    public var section: Located<String>?
    /// Where its figures come from, for readers ("Department for Education, Children in need
    /// census 2023/24"); the data-quality statement lists it.
    public var source: String?
    /// True when the dataset is published as data only, shown in no section or appendix.
    public var dataOnly: Bool
    /// The unit of a parts table's values (`unit: money`), for kinds that take it from the
    /// manifest.
    public var unit: MeasureUnit?
    /// The words a table is shown with (`labels: {part: Heading, value: Spent}`), for kinds
    /// that take them from the manifest.
    public var labels: [String: String] = [:]
    /// The appendix that shows it (`appendix: finance`), instead of its kind's own appendix or
    /// a section.
    public var appendix: AppendixKind?
    /// True when a figure of the dataset whose period covers others of the same area and
    /// measure (a year over its months or quarters) is their total: `periods_add_up: true`.
    public var periodsAddUp: Bool = false
    /// The partnership's record that the dataset needs no disclosure control
    /// (`disclosure: none` with a `reason:`); nil when it records none.
    public var disclosureExemption: DisclosureExemption?
    /// How the table is laid out in its file or sheet, when not as plain long rows under a
    /// header in the first row.
    public var layout = TableLayout()
    /// Where the manifest lists it.
    public var location: SourceLocation

    /// The words `labels:` may give: the headings over the parts, their values, the words beside
    /// them and their shares, what a chart shows its bars by, and how its summary names the
    /// largest part.
    public static let labelKeys = ["part", "value", "detail", "share", "chart_by", "leads"]

    /// True when the dataset is read from a sheet of a workbook rather than a CSV file.
    public var isWorkbook: Bool {
        sheet != nil || [".xlsx", ".xlsm", ".xls"].contains { file.lowercased().hasSuffix($0) }
    }

    public init(
        id: String, schema: String, file: String, title: String, period: Period?,
        periodNote: String?, section: Located<String>? = nil, source: String? = nil, sheet: String? = nil,
        dataOnly: Bool = false, unit: MeasureUnit? = nil, labels: [String: String] = [:],
        appendix: AppendixKind? = nil, location: SourceLocation
    ) {
        self.id = id
        self.appendix = appendix
        self.unit = unit
        self.labels = labels
        self.schema = schema
        self.file = file
        self.sheet = sheet
        self.title = title
        self.period = period
        self.periodNote = periodNote
        self.section = section
        self.source = source
        self.dataOnly = dataOnly
        self.location = location
    }
}

/// The manifest's entry for one narrative section, in report order.
public struct SectionSpec: Hashable, Sendable {
    public var id: String
    public var title: String
    /// The Markdown file, relative to the edition folder.
    public var file: String
    /// The ids of the statutory items the section gives evidence for (`StatutoryItem`).
    public var covers: [Located<String>]
    public var location: SourceLocation

    public init(
        id: String, title: String, file: String, covers: [Located<String>] = [], location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.file = file
        self.covers = covers
        self.location = location
    }
}

/// Everything `edition.yaml` declares about an edition.
public struct Manifest: Hashable, Sendable {
    /// The edition format it is written in (`FormatVersion`): its `format:` key, or 1 without one.
    public var format: Int
    public var partnership: Partnership
    public var reportingPeriod: ReportingPeriod
    public var publication: Publication
    /// Every area, parents before their children, in the order the manifest lists them.
    public var areas: [Area]
    public var datasets: [DatasetSpec]
    public var sections: [SectionSpec]
    /// Severity and tolerance settings that override the contract's defaults.
    public var policy: ValidationPolicy
    /// The edition's own templates folder, relative to the edition, replacing the built-in
    /// templates it has files for.
    public var templates: Located<String>?
    /// The appendices, in order, with their titles; nil for the default set
    /// (`AppendixKind.defaults`).
    public var appendices: [AppendixSpec]?
    /// Figures of different datasets that must agree, as the partnership declares.
    public var relations: [Relation]
    /// The small-number disclosure policy (`disclosure:`), nil when the manifest has none: then
    /// every figure is published as it is.
    public var disclosure: DisclosurePolicy? = nil
    /// The comment the file opens with, without its `#` marks: the partnership's own notes,
    /// which `new` carries into next year's manifest.
    public var headerComment: String? = nil

    public init(
        partnership: Partnership, reportingPeriod: ReportingPeriod, publication: Publication,
        areas: [Area], datasets: [DatasetSpec], sections: [SectionSpec], policy: ValidationPolicy,
        templates: Located<String>? = nil, appendices: [AppendixSpec]? = nil, relations: [Relation] = [],
        format: Int = FormatVersion.current
    ) {
        self.format = format
        self.partnership = partnership
        self.reportingPeriod = reportingPeriod
        self.publication = publication
        self.areas = areas
        self.datasets = datasets
        self.sections = sections
        self.policy = policy
        self.templates = templates
        self.appendices = appendices
        self.relations = relations
    }
}

/// A kind of appendix the report can have, and the dataset kinds it shows.
public enum AppendixKind: String, Hashable, Sendable, CaseIterable {
    case board
    case finance
    case training
    case coverage
    case dataQuality = "data-quality"
    case glossary

    /// True for the appendices a dataset may name (`appendix:`): board, finance and training.
    /// The report writes the others itself, and the glossary lists only the abbreviations used.
    public var showsDatasets: Bool { [.board, .finance, .training].contains(self) }

    public var defaultTitle: String {
        switch self {
        case .board: "Board membership"
        case .finance: "Financial arrangements"
        case .training: "Training data"
        case .coverage: "What the report covers"
        case .dataQuality: "Data-quality statement"
        case .glossary: "Glossary of abbreviations"
        }
    }

    /// The appendices of an edition that does not list its own, in order.
    public static let defaults: [AppendixSpec] = allCases.map { AppendixSpec(kind: $0, title: $0.defaultTitle) }
}

/// One appendix as the manifest lists it.
public struct AppendixSpec: Hashable, Sendable {
    public var kind: AppendixKind
    public var title: String

    public init(kind: AppendixKind, title: String) {
        self.kind = kind
        self.title = title
    }
}

extension Manifest {
    /// The appendices the report has, in order: the manifest's, or the default set.
    public var appendixList: [AppendixSpec] { appendices ?? AppendixKind.defaults }
}

/// A relation the partnership declares between two figures, by the keys the narrative uses
/// (`training-courses:Grand total`, `cumbria/elearning_completions`): the course table's total
/// equals the headline, or a subset is at most its whole.
public struct Relation: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case equal
        case atMost = "at-most"
        case atLeast = "at-least"

        /// How a sentence says it: "equal", "at most", "at least".
        public var words: String { self == .equal ? "equal to" : rawValue.replacingOccurrences(of: "-", with: " ") }
    }

    public var left: Located<String>
    public var kind: Kind
    public var right: Located<String>

    public init(left: Located<String>, kind: Kind, right: Located<String>) {
        self.left = left
        self.kind = kind
        self.right = right
    }
}
