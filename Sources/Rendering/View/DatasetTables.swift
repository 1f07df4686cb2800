import Foundation
import ReportModel

/// Builds the tables (and charts) a dataset is shown as, whatever the partnership: columns
/// come from the areas and rows from the measures the data holds.
struct DatasetTables {
    let edition: Edition
    let corrections: CorrectionIndex

    /// The blocks a dataset is shown as, in the shape its kind chooses.
    func blocks(for spec: DatasetSpec) -> [BlockView] {
        guard let kind = edition.kinds[spec.id] else { return [] }
        switch kind.display(spec) {
        case .figureGrid: return figureBlocks(spec)
        case .rankedLists: return rankingBlocks(spec)
        case .table(let headings):
            return [BlockView(chart: nil, table: plainTable(spec, headings, kind), paragraphs: [])]
        case .parts(let layout): return [partsBlock(spec, layout)]
        // The glossary lists only the abbreviations the report uses: the appendices build it.
        case .glossary, .none: return []
        }
    }

    // MARK: Figures

    /// One table per level of area (the partnership, councils, districts), measures as rows
    /// and areas as columns; a chart beside a table comparing two or more areas.
    private func figureBlocks(_ spec: DatasetSpec) -> [BlockView] {
        let figures = edition.figures.filter { $0.dataset == spec.id }
        if isSeries(figures) { return [seriesBlock(spec, figures: figures)] }
        let areasWithFigures = Set(figures.map(\.area.value))
        let levels = edition.manifest.areas.map(\.level).uniqued()
        return levels.compactMap { level -> BlockView? in
            let areas = edition.manifest.areas.filter { $0.level == level && areasWithFigures.contains($0.key) }
            guard !areas.isEmpty else { return nil }
            let keys = Set(areas.map(\.key))
            let measures = figures.filter { keys.contains($0.area.value) }.map(\.measure.value).uniqued()
            let anchor = "table-\(spec.id)-\(Anchor.slug(level))"
            let caption =
                levels.count > 1 && levelsUsed(figures) > 1 ? "\(spec.title), by \(level)" : spec.title
            if areas.count > Self.readableColumns || measures.count * areas.count > Self.readableCells {
                return summaryBlock(
                    spec, level: level, areas: areas, measures: measures, figures: figures, anchor: anchor,
                    caption: caption)
            }
            let table = figureTable(
                spec, areas: areas, measures: measures, figures: figures, anchor: anchor,
                caption: caption)
            let chart =
                areas.count > 1
                ? figureChart(
                    spec, areas: areas, measures: measures, figures: figures, anchor: anchor, caption: table.caption)
                : nil
            return BlockView(chart: chart, table: table, paragraphs: [])
        }
    }

    /// A table of more area columns than this, or more cells, is more than a reader can read:
    /// the report summarises it and the published data holds it whole.
    static let readableColumns = 12
    static let readableCells = 600

    /// What a table too large to print holds, what was checked, where it is published in full,
    /// and the figures of it the report's text names.
    private func summaryBlock(
        _ spec: DatasetSpec, level: String, areas: [Area], measures: [String], figures: [Figure], anchor: String,
        caption: String
    ) -> BlockView {
        let keys = Set(areas.map(\.key))
        let shown = figures.filter { keys.contains($0.area.value) }
        let count = GovUKFormat.grouped(String(shown.count))
        let areaWords = "\(GovUKFormat.grouped(String(areas.count))) \(areas.count == 1 ? level : "areas (\(level))")"
        let measureWords =
            "\(GovUKFormat.grouped(String(measures.count))) \(measures.count == 1 ? "measure" : "measures")"
        var paragraphs = [
            "\(caption): \(count) figures, for \(areaWords) and \(measureWords), too many to print here. Every one was checked before publication, and the whole table is published beside this report as data/\(spec.id).csv."
        ]
        // The figures of this table that the narrative names, so a reader can find them here.
        var named: [String: Figure] = [:]
        let byKey = Dictionary(shown.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for section in edition.narrative {
            for reference in section.references {
                for key in reference.expression.keys {
                    if let figure = byKey[Edition.splitReferenceKey(key).base] { named[figure.key] = figure }
                }
            }
        }
        guard !named.isEmpty else { return BlockView(chart: nil, table: nil, paragraphs: paragraphs) }
        paragraphs.append("The figures of this table that the report's text refers to:")
        let rows = named.values.sorted { ($0.area.value, $0.measure.value) < ($1.area.value, $1.measure.value) }
            .prefix(Self.readableCells)
            .map { figure in
                RowView(
                    header: edition.measure(figure.measure.value)?.label ?? figure.measure.value, isMember: false,
                    cells: [
                        CellView(
                            text: edition.area(figure.area.value)?.name ?? figure.area.value, numeric: false,
                            correctionHref: nil),
                        figureCell(figure),
                    ])
            }
        let table = TableView(
            anchor: anchor, caption: "\(captioned(caption, spec)): the figures the report refers to", note: nil,
            columns: [
                ColumnView(label: "Measure", numeric: false), ColumnView(label: "Area", numeric: false),
                ColumnView(label: "Value", numeric: true),
            ],
            rows: Array(rows), footRows: [])
        return BlockView(chart: nil, table: table, paragraphs: paragraphs)
    }

    private func levelsUsed(_ figures: [Figure]) -> Int {
        Set(figures.compactMap { edition.area($0.area.value)?.level }).count
    }

    private func figureTable(
        _ spec: DatasetSpec, areas: [Area], measures: [String], figures: [Figure], anchor: String, caption: String
    ) -> TableView {
        let byKey = Dictionary(figures.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let ownPeriods = measures.map { measure in
            figures.first { $0.measure.value == measure && $0.period != nil }?.period.map {
                GovUKFormat.period($0.value)
            }
        }
        let showPeriod = ownPeriods.contains { $0 != nil }
        let years = YearOnYear(spec: spec, edition: edition, figures: figures)
        var columns = [ColumnView(label: "Measure", numeric: false)]
        if showPeriod { columns.append(ColumnView(label: "Period", numeric: false)) }
        for area in areas {
            columns +=
                years.isShown
                ? [
                    ColumnView(label: "\(area.name) \(years.current)", numeric: true),
                    ColumnView(label: "\(area.name) \(years.previous)", numeric: true),
                    ColumnView(label: "\(area.name) change", numeric: true),
                ]
                : [ColumnView(label: area.name, numeric: true)]
        }
        let rows = zip(measures, ownPeriods).map { measure, period -> RowView in
            var cells: [CellView] = []
            if showPeriod {
                cells.append(CellView(text: period ?? datasetPeriod(spec), numeric: false, correctionHref: nil))
            }
            for area in areas {
                let figure = byKey["\(area.key)/\(measure)"]
                cells.append(figureCell(figure))
                if years.isShown { cells += years.cells(for: figure) }
            }
            return RowView(
                header: edition.measure(measure)?.label ?? measure, isMember: edition.measure(measure)?.partOf != nil,
                cells: cells)
        }
        let sources = figures.filter { figure in areas.contains { $0.key == figure.area.value } }
            .compactMap(\.source).uniqued()
        let note = Self.note(
            sources: sources, figures: figures.filter { figure in areas.contains { $0.key == figure.area.value } },
            previous: years.isShown)
        return TableView(
            anchor: anchor, caption: captioned(caption, spec), note: note, columns: columns, rows: rows, footRows: [])
    }

    /// A table's note: its sources, and what each symbol it prints means ("c means
    /// confidential, withheld to protect individuals"), as the GSS asks of a table with
    /// shorthand.
    static func note(sources: [String], figures: [Figure], previous: Bool) -> String? {
        let symbols = QuantitySymbol.note(
            for: figures.lazy.flatMap { [$0.value.value, previous ? $0.previous?.value : nil] })
        let parts = [sources.isEmpty ? nil : "Source: \(sources.joined(separator: "; ")).", symbols]
        let note = parts.compactMap { $0 }.joined(separator: " ")
        return note.isEmpty ? nil : note
    }

    private func figureCell(_ figure: Figure?) -> CellView {
        guard let figure else { return CellView(text: "not stated", numeric: true, correctionHref: nil) }
        var text = GovUKFormat.quantity(figure.value.value)
        if let percentage = figure.statedPercentage {
            text += " (\(GovUKFormat.percentage(percentage.value)))"
        }
        let href =
            corrections.href(dataset: figure.dataset, key: figure.key, column: "value")
            ?? corrections.href(dataset: figure.dataset, key: figure.key, column: "stated_percent")
        return CellView(text: text, numeric: true, correctionHref: href)
    }

    private func figureChart(
        _ spec: DatasetSpec, areas: [Area], measures: [String], figures: [Figure], anchor: String, caption: String
    ) -> ChartView? {
        let byKey = Dictionary(figures.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var groups: [BarChart.Group] = []
        var entries: [[ChartSummary.Entry]] = []
        func values(of measure: String) -> [(Area, Figure)] {
            areas.compactMap { area in byKey["\(area.key)/\(measure)"].map { (area, $0) } }
        }
        let years = YearOnYear(spec: spec, edition: edition, figures: figures)
        for measure in measures {
            let values = values(of: measure)
            // A symbol ("c") has no bar to draw: the table says what it means.
            guard values.count == areas.count, values.allSatisfy({ $0.1.value.value.unit == .count }),
                !values.contains(where: {
                    $0.1.value.value.symbol != nil || (years.isShown && $0.1.previous?.value.symbol != nil)
                })
            else {
                return nil
            }
            groups.append(
                BarChart.Group(
                    heading: edition.measure(measure)?.label ?? measure,
                    bars: values.flatMap { area, figure -> [BarChart.Bar] in
                        let current = BarChart.Bar(
                            label: years.isShown ? "\(area.name) \(years.current)" : area.name,
                            value: figure.value.value.exact, display: GovUKFormat.quantity(figure.value.value))
                        guard years.isShown, let previous = figure.previous else { return [current] }
                        return [
                            current,
                            BarChart.Bar(
                                label: "\(area.name) \(years.previous)", value: previous.value.exact,
                                display: GovUKFormat.quantity(previous.value)),
                        ]
                    }))
            // The summary speaks of this year's figures, never of last year's bars beside them.
            entries.append(
                values.map {
                    ChartSummary.Entry(
                        name: $0.0.name, value: $0.1.value.value.exact, display: GovUKFormat.quantity($0.1.value.value))
                })
        }
        guard !groups.isEmpty else { return nil }
        let title = "\(spec.title): \(ListFormat.and(areas.map(\.name))) compared"
        var summary = ChartSummary.comparison(ofMeasures: entries)
        let scale: BarChart.Scale = groups.count > 1 ? .perGroup : .shared
        if scale == .perGroup { summary += " Each measure's bars are drawn to their own scale." }
        let chart = BarChart(id: "chart-\(anchor)", title: title, summary: summary, groups: groups, scale: scale)
        return ChartView(svg: chart.svg(), title: title, summary: summary, tableAnchor: anchor, tableCaption: caption)
    }

    /// A caption with the dataset's period when it has its own and does not already say it, so
    /// a reader always knows which period a table covers, and is told once.
    private func captioned(_ caption: String, _ spec: DatasetSpec) -> String {
        guard let period = spec.period.map(GovUKFormat.period), !caption.contains(period) else { return caption }
        return "\(caption) (\(period))"
    }

    /// A chart's title: the dataset's title with what its bars stand for ("by course"), unless
    /// the title already says so.
    private func titled(_ title: String, by what: String) -> String {
        title.range(of: what, options: .caseInsensitive) == nil ? "\(title), \(what)" : title
    }

    private func datasetPeriod(_ spec: DatasetSpec) -> String {
        GovUKFormat.period(spec.period ?? edition.manifest.reportingPeriod.period)
    }

    // MARK: Rankings and reviews

    private func rankingBlocks(_ spec: DatasetSpec) -> [BlockView] {
        let items = edition.rankings.filter { $0.dataset == spec.id }
        return items.map(\.list.value).uniqued().map { list in
            let entries = items.filter { $0.list.value == list }
            let areas = edition.manifest.areas.filter { area in entries.contains { $0.area.value == area.key } }
            let ranks = entries.map(\.rank.value).uniqued().sorted()
            let rows = ranks.map { rank in
                RowView(
                    header: "\(rank)", isMember: false,
                    cells: areas.map { area in
                        let entry = entries.first { $0.area.value == area.key && $0.rank.value == rank }
                        let share = entry?.statedPercentage.map { " (\(GovUKFormat.percentage($0.value)))" } ?? ""
                        return CellView(
                            text: entry.map { $0.item.value + share } ?? "not stated", numeric: false,
                            correctionHref: nil)
                    })
            }
            let title = list.replacingOccurrences(of: "-", with: " ").capitalisedFirst
            let table = TableView(
                anchor: "table-\(spec.id)-\(Anchor.slug(list))", caption: captioned(title, spec), note: nil,
                columns: [ColumnView(label: "Rank", numeric: false)]
                    + areas.map { ColumnView(label: $0.name, numeric: false) },
                rows: rows, footRows: [])
            return BlockView(chart: nil, table: table, paragraphs: [])
        }
    }

    /// One row per record under the kind's headings, the first cell heading its row.
    private func plainTable(_ spec: DatasetSpec, _ headings: [String], _ kind: some DatasetKind) -> TableView {
        TableView(
            anchor: "table-\(spec.id)", caption: spec.title, note: nil,
            columns: headings.map { ColumnView(label: $0, numeric: false) },
            rows: kind.displayRows(of: spec.id, in: edition).map { row in
                RowView(
                    header: row.first ?? "", isMember: false,
                    cells: row.dropFirst().map { CellView(text: $0, numeric: false, correctionHref: nil) })
            }, footRows: [])
    }

    // MARK: Parts tables

    /// A parts table (contributions by agency, completions by course, spending by heading):
    /// members under their group, the stated total in the foot, and a chart of the parts.
    func partsBlock(_ spec: DatasetSpec, _ layout: PartsLayout) -> BlockView {
        let rows = edition.records(PartRow.self, in: spec.id)
        let hasShares = layout.share != nil && rows.contains { $0.statedPercentage != nil || $0.kind == .total }
        func row(_ line: PartRow) -> RowView {
            var cells: [CellView] = []
            if layout.detail != nil {
                cells.append(CellView(text: line.detail ?? "", numeric: false, correctionHref: nil))
            }
            cells.append(
                CellView(
                    text: GovUKFormat.value(line.value.value, unit: line.unit), numeric: true,
                    correctionHref: corrections.href(dataset: spec.id, key: line.part.value, column: layout.valueColumn)
                ))
            if hasShares {
                cells.append(
                    CellView(
                        text: line.statedPercentage.map { GovUKFormat.percentage($0.value) } ?? "", numeric: true,
                        correctionHref: corrections.href(
                            dataset: spec.id, key: line.part.value, column: "stated_percent")
                    ))
            }
            return RowView(
                header: line.parent != nil ? "of which \(line.part.value)" : line.part.value,
                isMember: line.parent != nil, cells: cells)
        }
        // Members follow their group, at any depth, so the table reads top-down.
        let members = Dictionary(grouping: rows.filter { $0.parent != nil }) { $0.parent?.value ?? "" }
        func withMembers(_ line: PartRow, depth: Int) -> [PartRow] {
            guard depth < 32 else { return [line] }  // A cycle of parents is the rules' to report.
            return [line] + (members[line.part.value] ?? []).flatMap { withMembers($0, depth: depth + 1) }
        }
        let parts = rows.filter { $0.kind == .part && $0.parent == nil }
        let anchor = "table-\(spec.id)"
        var columns = [ColumnView(label: layout.part, numeric: false)]
        if let detail = layout.detail { columns.append(ColumnView(label: detail, numeric: false)) }
        columns.append(ColumnView(label: layout.value, numeric: true))
        if hasShares, let share = layout.share { columns.append(ColumnView(label: share, numeric: true)) }
        let table = TableView(
            anchor: anchor, caption: captioned(spec.title, spec), note: nil, columns: columns,
            rows: parts.flatMap { withMembers($0, depth: 0) }.map(row),
            footRows: rows.filter { $0.kind == .total }.map(row))
        guard let largest = parts.max(by: { $0.value.value < $1.value.value }) else {
            return BlockView(chart: nil, table: table, paragraphs: [])
        }
        let unit = largest.unit
        let total = rows.first { $0.kind == .total }?.value.value ?? parts.reduce(Decimal(0)) { $0 + $1.value.value }
        let title = titled(spec.title, by: layout.chartBy)
        let summary = ChartSummary.largestPart(
            parts.map {
                ChartSummary.Entry(
                    name: $0.part.value, value: $0.value.value, display: GovUKFormat.value($0.value.value, unit: unit))
            }, leads: layout.leads, total: GovUKFormat.value(total, unit: unit),
            share: largest.statedPercentage.map { " (\(GovUKFormat.percentage($0.value)))" } ?? "")
        let bars = parts.map {
            BarChart.Bar(
                label: $0.part.value, value: $0.value.value, display: GovUKFormat.value($0.value.value, unit: unit))
        }
        let svg = BarChart(
            id: "chart-\(anchor)", title: title, summary: summary, groups: [BarChart.Group(heading: nil, bars: bars)]
        ).svg()
        let chart = ChartView(
            svg: svg, title: title, summary: summary, tableAnchor: anchor, tableCaption: table.caption)
        return BlockView(chart: chart, table: table, paragraphs: [])
    }
}
