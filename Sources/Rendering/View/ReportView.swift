/// What the templates see: the validated edition arranged as a report. Every string is plain
/// text, escaped by the template engine, except the `...HTML` and `svg` fields, which the
/// renderer builds itself (Markdown through cmark-gfm, charts from the data).
struct ReportView {
    /// True for the XHTML serialisation, which opens with an XML declaration.
    var xhtml: Bool
    var language: String
    var title: String
    /// The short title printed at the head of each page, escaped for a CSS string.
    var runningHeadCSS: String
    /// The paper printed copies and the PDF are laid out for, as CSS names it: "A4".
    var pageSize: String
    /// The publication date as ISO 8601 (for the PDF's metadata), when the manifest gives one.
    var publicationDate: String?
    /// The tool and version that wrote the report, for its metadata: "annual-report 0.1.0".
    var generator: String
    var partnership: String
    var periodLabel: String
    /// Who published it and when; nil when the manifest says neither.
    var publicationLine: String?
    var isDraft: Bool
    var draftFindings: [FindingView]
    var hasDraftFindings: Bool
    var contents: [ContentsEntry]
    var sections: [SectionView]
    var appendices: [SectionView]
}

/// A line of the contents list.
struct ContentsEntry {
    var href: String
    var label: String
}

/// A numbered section or a lettered appendix.
struct SectionView {
    var anchor: String
    var number: String
    var heading: String
    /// Says when a section's figures cover another period than the report's.
    var periodNotes: [String]
    var narrativeHTML: String
    var blocks: [BlockView]
    var isAppendix: Bool
}

/// One table, with its chart when it has one; or a few paragraphs, with a heading and a list.
struct BlockView {
    var chart: ChartView?
    var table: TableView?
    var paragraphs: [String]
    /// A sub-heading above the block, in appendices that have several parts.
    var blockHeading: String?
    /// Points listed after the paragraphs.
    var items: [String]
    /// Stored, not computed: the template engine reads stored properties only.
    var hasItems: Bool
    /// True when the block is short enough to print on one page, heading, text and table
    /// together, rather than leave its heading or caption at a page foot.
    var keepTogether: Bool

    init(
        chart: ChartView?, table: TableView?, paragraphs: [String], blockHeading: String? = nil, items: [String] = []
    ) {
        self.chart = chart
        self.table = table
        self.paragraphs = paragraphs
        self.blockHeading = blockHeading
        self.items = items
        hasItems = !items.isEmpty
        keepTogether = chart == nil && items.isEmpty && (table?.rows.count ?? 0) <= 10
    }
}

extension BlockView {
    /// The text a reader sees in the block's table and paragraphs, for finding the
    /// abbreviations it uses.
    var plainText: String {
        var parts = [blockHeading].compactMap { $0 } + paragraphs + items
        if let table {
            parts.append(table.caption)
            parts += table.columns.map(\.label)
            parts += (table.rows + table.footRows).flatMap { [$0.header] + $0.cells.map(\.text) }
        }
        return parts.joined(separator: "\n")
    }
}

struct ChartView {
    var svg: String
    var title: String
    var summary: String
    var tableAnchor: String
    /// The caption of that table, so the link to it says where it goes.
    var tableCaption: String
}

/// An accessible data table: caption, header cells with scope, numbers right-aligned, totals
/// in the foot.
struct TableView {
    var anchor: String
    var caption: String
    var note: String?
    var columns: [ColumnView]
    var rows: [RowView]
    var footRows: [RowView]
    /// Stored, not computed: the template engine reads stored properties only.
    var hasFoot: Bool

    init(anchor: String, caption: String, note: String?, columns: [ColumnView], rows: [RowView], footRows: [RowView]) {
        self.anchor = anchor
        self.caption = caption
        self.note = note
        self.columns = columns
        self.rows = rows
        self.footRows = footRows
        self.hasFoot = !footRows.isEmpty
    }
}

struct ColumnView {
    var label: String
    var numeric: Bool
}

struct RowView {
    var header: String
    var isMember: Bool
    var cells: [CellView]
    /// An id for the row, when other parts of the report link to it.
    var rowAnchor: String? = nil
}

struct CellView {
    var text: String
    var numeric: Bool
    /// A link to the correction of this value in the data-quality appendix.
    var correctionHref: String?
}

/// A finding as the data-quality appendix and the draft banner list it.
struct FindingView {
    var severity: String
    var place: String
    var message: String
    var rule: String
}
