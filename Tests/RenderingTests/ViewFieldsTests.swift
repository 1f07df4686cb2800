import Testing

@testable import Rendering

@Suite("What templates can read")
struct ViewFieldsTests {
    /// One of each view type, built only to compare its stored properties with its fields.
    static var specimens: [(any MustacheView, String)] {
        let cell = CellView(text: "", numeric: true, correctionHref: "")
        let row = RowView(header: "", isMember: false, cells: [cell], rowAnchor: "")
        let table = TableView(
            anchor: "", caption: "", note: "", columns: [ColumnView(label: "", numeric: true)], rows: [row],
            footRows: [row])
        let chart = ChartView(svg: "", title: "", summary: "", tableAnchor: "", tableCaption: "")
        let block = BlockView(chart: chart, table: table, paragraphs: [""], blockHeading: "", items: [""])
        let section = SectionView(
            anchor: "", number: "", heading: "", periodNotes: [], narrativeHTML: "", blocks: [block], isAppendix: false)
        let finding = FindingView(severity: "", place: "", message: "", rule: "")
        let entry = ContentsEntry(href: "", label: "")
        let report = ReportView(
            xhtml: true, language: "", title: "", runningHeadCSS: "", pageSize: "", publicationDate: "",
            generator: "", partnership: "", periodLabel: "",
            publicationLine: "", isDraft: false,
            draftFindings: [finding], hasDraftFindings: true, contents: [entry], sections: [section], appendices: [])
        return [
            (report, "ReportView"), (entry, "ContentsEntry"), (section, "SectionView"), (block, "BlockView"),
            (chart, "ChartView"),
            (table, "TableView"), (ColumnView(label: "", numeric: false), "ColumnView"), (row, "RowView"),
            (cell, "CellView"),
            (finding, "FindingView"),
        ]
    }

    @Test("every stored property of every view type is readable by the templates, and nothing else")
    func fieldsMatchProperties() {
        #expect(Self.specimens.count == ViewTypes.all.count)
        for (view, name) in Self.specimens {
            let labels = Set(Mirror(reflecting: view).children.compactMap(\.label))
            let fields = Set(type(of: view).fieldNames)
            #expect(
                labels == fields,
                "\(name): properties \(labels.subtracting(fields)) have no field; fields \(fields.subtracting(labels)) have no property"
            )
            for field in fields { #expect(view.child(named: field) != nil, "\(name).\(field) reads as nothing") }
        }
    }

    @Test("an absent optional reads as absent, so a section over it renders nothing")
    func optionalsAreAbsent() {
        let cell = CellView(text: "x", numeric: false, correctionHref: nil)
        #expect(cell.child(named: "correctionHref") == nil)
        #expect(cell.child(named: "text") as? String == "x")
    }
}
