import Foundation
import ReportModel

extension DatasetTables {
    /// True when a figures dataset holds a series: the same area and measure for more than one
    /// period (months, quarters, years), which the report shows by period.
    func isSeries(_ figures: [Figure]) -> Bool {
        var periods: [String: Period] = [:]
        for figure in figures {
            let period = edition.period(of: figure)
            if let seen = periods.updateValue(period, forKey: figure.key), seen != period { return true }
        }
        return false
    }

    /// A series as a table with a row per period and a column per measure and area, and a line
    /// chart of the counts and amounts beside it.
    func seriesBlock(_ spec: DatasetSpec, figures: [Figure]) -> BlockView {
        let anchor = "table-\(spec.id)-by-period"
        let keys = figures.map(\.key).uniqued()
        let areas = Set(figures.map(\.area.value))
        let measures = Set(figures.map(\.measure.value))
        func heading(_ key: String) -> String {
            guard let figure = figures.first(where: { $0.key == key }) else { return key }
            let measure = edition.measure(figure.measure.value)?.label ?? figure.measure.value
            let area = edition.area(figure.area.value)?.name ?? figure.area.value
            if areas.count == 1 { return measure }
            return measures.count == 1 ? area : "\(measure), \(area)"
        }
        let periods = Set(figures.map { edition.period(of: $0) }).sorted(by: Period.chronological)
        var byKeyAndPeriod: [String: Figure] = [:]
        for figure in figures {
            let slot = "\(figure.key)@\(edition.period(of: figure))"
            if byKeyAndPeriod[slot] == nil { byKeyAndPeriod[slot] = figure }
        }
        let columns =
            [ColumnView(label: "Period", numeric: false)] + keys.map { ColumnView(label: heading($0), numeric: true) }
        let rows = periods.map { period in
            RowView(
                header: GovUKFormat.period(period), isMember: false,
                cells: keys.map { seriesCell(byKeyAndPeriod["\($0)@\(period)"]) })
        }
        let sources = figures.compactMap(\.source).uniqued()
        let table = TableView(
            anchor: anchor, caption: spec.title,
            note: Self.note(sources: sources, figures: figures, previous: false),
            columns: columns, rows: rows, footRows: [])
        // A year's total beside its quarters would dwarf them: the line runs over the periods
        // that hold no other.
        let charted = periods.filter { period in !periods.contains { $0 != period && period.contains($0) } }
        let lines = keys.compactMap { key -> LineChart.Series? in
            // A line through a symbol ("c") would join values across a gap it cannot show.
            guard !charted.contains(where: { byKeyAndPeriod["\(key)@\($0)"]?.value.value.symbol != nil }) else {
                return nil
            }
            let points = charted.compactMap { period -> LineChart.Point? in
                guard let figure = byKeyAndPeriod["\(key)@\(period)"], figure.value.value.unit != .percent else {
                    return nil
                }
                return LineChart.Point(
                    label: GovUKFormat.period(period), value: figure.value.value.exact,
                    display: GovUKFormat.quantity(figure.value.value))
            }
            return points.count > 1 ? LineChart.Series(heading: heading(key), points: points) : nil
        }
        return BlockView(chart: seriesChart(spec, lines: lines, anchor: anchor), table: table, paragraphs: [])
    }

    private func seriesCell(_ figure: Figure?) -> CellView {
        guard let figure else { return CellView(text: "not stated", numeric: true, correctionHref: nil) }
        var text = GovUKFormat.quantity(figure.value.value)
        if let percentage = figure.statedPercentage { text += " (\(GovUKFormat.percentage(percentage.value)))" }
        return CellView(text: text, numeric: true, correctionHref: nil)
    }

    private func seriesChart(_ spec: DatasetSpec, lines: [LineChart.Series], anchor: String) -> ChartView? {
        guard !lines.isEmpty else { return nil }
        let largest = lines.flatMap(\.points).map(\.value).max() ?? 0
        let top = LineChart.gridTop(above: largest)
        let unit = edition.figures.first { $0.dataset == spec.id }?.value.value.unit ?? .count
        let title = spec.title.contains(" by ") ? spec.title : "\(spec.title), by period"
        var summary = lines.map { line in
            ChartSummary.series(
                line.heading,
                line.points.map { ChartSummary.Entry(name: $0.label, value: $0.value, display: $0.display) })
        }.joined(separator: " ")
        // Several lines are each drawn to their own scale, as the bar charts' measures are: on
        // one scale the smaller (referrals beside contacts) would lie flat along the bottom.
        var lines = lines
        if lines.count > 1 {
            for index in lines.indices {
                let own = LineChart.gridTop(above: lines[index].points.map(\.value).max() ?? 0)
                lines[index].top = (own, GovUKFormat.value(own, unit: unit))
            }
            summary += " Each line is drawn to its own scale."
        }
        let chart = LineChart(
            id: "chart-\(anchor)", title: title, summary: summary, series: lines, top: top,
            topDisplay: GovUKFormat.value(top, unit: unit))
        return ChartView(
            svg: chart.svg(), title: title, summary: summary, tableAnchor: anchor, tableCaption: spec.title)
    }
}
