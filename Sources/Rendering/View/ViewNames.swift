/// The names the templates may use: every stored property of the report's view types,
/// collected by reflection from a view and from a specimen holding one of everything (so a
/// name is known even when this edition happens to have, say, no chart).
enum ViewNames {
    static func collect(from views: Any...) -> Set<String> {
        var names: Set<String> = []
        for view in views { walk(view, into: &names) }
        return names
    }

    private static func walk(_ value: Any, into names: inout Set<String>) {
        let mirror = Mirror(reflecting: value)
        for child in mirror.children {
            if let label = child.label, mirror.displayStyle == .struct { names.insert(label) }
            walk(child.value, into: &names)
        }
    }
}

extension ReportView {
    /// A report view with one of every part, for the names the templates may use.
    static let specimen: ReportView = {
        let cell = CellView(text: "", numeric: true, correctionHref: "")
        let row = RowView(header: "", isMember: false, cells: [cell], rowAnchor: "")
        let table = TableView(
            anchor: "", caption: "", note: "", columns: [ColumnView(label: "", numeric: true)], rows: [row], footRows: [row])
        let block = BlockView(chart: ChartView(svg: "", title: "", summary: "", tableAnchor: ""), table: table, paragraphs: [""])
        let section = SectionView(
            anchor: "", number: "", heading: "", periodNotes: [""], narrativeHTML: "", blocks: [block], isAppendix: false)
        return ReportView(
            xhtml: true, language: "", title: "", partnership: "", periodLabel: "", publicationLine: "", isDraft: true,
            draftFindings: [FindingView(severity: "", place: "", message: "", rule: "")],
            contents: [ContentsEntry(href: "", label: "")], sections: [section], appendices: [section])
    }()
}
