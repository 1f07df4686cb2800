import Foundation
import ReportModel

/// A line chart of one or a few series over periods (contacts by quarter), drawn as inline
/// SVG from the data, with the conventions of `BarChart`: no view box, so text keeps its own
/// size at any width; horizontal positions are percentages of the chart's width; a title and a
/// summary sentence as its accessible name and every value in its description; the report
/// places the data table beside it.
///
/// Each series is drawn as its own SVG element under its heading, so a printed chart breaks
/// between series and never inside one. Only the first and last periods are written under the
/// line (at the ends, where they cannot collide on a 320 px phone); the scale is written on its
/// two gridlines, from zero, so the line's height is honest.
public struct LineChart: Sendable {
    /// One point of a series.
    public typealias Point = ChartValue

    /// One line, under a heading: a measure in an area.
    public struct Series: Sendable {
        public var heading: String
        public var points: [Point]
        /// The series' own top gridline and how it is written, when each line of the chart is
        /// drawn to its own scale (referrals beside contacts would otherwise lie flat).
        public var top: (value: Decimal, display: String)?

        public init(heading: String, points: [Point], top: (value: Decimal, display: String)? = nil) {
            self.heading = heading
            self.points = points
            self.top = top
        }
    }

    /// Unique in the document; ids of the titles and descriptions derive from it.
    public var id: String
    public var title: String
    /// One sentence (or a few) saying what the chart shows, generated from the data.
    public var summary: String
    public var series: [Series]
    /// The value the top gridline stands for, shared by every series that has no top of its own.
    public var top: Decimal
    /// The top gridline as the report writes it: "1,500".
    public var topDisplay: String

    public init(id: String, title: String, summary: String, series: [Series], top: Decimal, topDisplay: String) {
        self.id = id
        self.title = title
        self.summary = summary
        self.series = series
        self.top = top
        self.topDisplay = topDisplay
    }

    // Geometry, in CSS pixels vertically and percentages of the width horizontally.
    static let fontSize = 16
    static let lineHeight = 20
    static let plotHeight = 160
    /// The first and last points' distance from the edges, as a percentage of the width.
    static let inset = 4
    static let lineColour = "#1d70b8"
    static let gridColour = "#b1b4b6"

    /// The chart as SVG, valid in HTML5 and XHTML alike.
    public func svg() -> String {
        guard series.count > 1 else {
            return element(
                id: id, title: "\(title). \(summary)", description: series.first.map(values) ?? "",
                series: series.first)
        }
        return series.enumerated().map { index, line in
            element(id: "\(id)-\(index + 1)", title: line.heading, description: values(line), series: line)
        }.joined(separator: "\n")
    }

    private func values(_ line: Series) -> String {
        line.points.map { "\($0.label): \($0.display)" }.joined(separator: "; ") + "."
    }

    private func element(id: String, title: String, description: String, series line: Series?) -> String {
        var body: [String] = []
        var y = 0
        func text(_ content: String, x: String, y: Int, anchor: String = "start", bold: Bool = false) {
            let weight = bold ? #" font-weight="700""# : ""
            body.append(
                #"<text x="\#(x)" y="\#(y)" text-anchor="\#(anchor)" font-size="\#(Self.fontSize)"\#(weight)>\#(XMLEscaping.escape(content))</text>"#
            )
        }
        if let line {
            for part in BarChart.wrap(line.heading, width: BarChart.charactersPerLine) {
                y += Self.lineHeight
                text(part, x: "0", y: y - 5, bold: true)
            }
        }
        // The scale: its top value written above the top gridline, zero above the baseline.
        let top = line?.top?.value ?? self.top
        y += Self.lineHeight
        text(line?.top?.display ?? topDisplay, x: "0", y: y - 5)
        let plotTop = y
        let baseline = plotTop + Self.plotHeight
        for gridline in [plotTop, baseline] {
            body.append(
                #"<line x1="0" y1="\#(gridline)" x2="100%" y2="\#(gridline)" stroke="\#(Self.gridColour)" stroke-width="1"/>"#
            )
        }
        text("0", x: "0", y: baseline - 5)
        let points = line?.points ?? []
        let positions = points.enumerated().map { index, point in
            (x: Self.position(index, of: points.count), y: baseline - Self.height(point.value, top: top))
        }
        for (from, to) in zip(positions, positions.dropFirst()) {
            body.append(
                #"<line x1="\#(from.x)%" y1="\#(from.y)" x2="\#(to.x)%" y2="\#(to.y)" stroke="\#(Self.lineColour)" stroke-width="3"/>"#
            )
        }
        for position in positions {
            body.append(#"<circle cx="\#(position.x)%" cy="\#(position.y)" r="5" fill="\#(Self.lineColour)"/>"#)
        }
        y = baseline + Self.lineHeight
        if let first = points.first { text(first.label, x: "0", y: y - 2) }
        if points.count > 1, let last = points.last { text(last.label, x: "100%", y: y - 2, anchor: "end") }
        let svgHeight = y + 12
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" width="100%" height="\(svgHeight)" role="img" font-family="Liberation Sans, Arial, sans-serif"><title id="\(id)-title">\(XMLEscaping.escape(title))</title><desc id="\(id)-desc">\(XMLEscaping.escape(description))</desc>\(body.joined())</svg>
            """
    }

    /// A point's height above the baseline, in whole pixels: exact decimal arithmetic,
    /// rounded half up; values below zero sit on the baseline.
    private static func height(_ value: Decimal, top: Decimal) -> Int {
        guard top > 0 else { return 0 }
        let scaled = (max(0, value) * Decimal(plotHeight) / top).rounded(decimals: 0)
        return NSDecimalNumber(decimal: scaled).intValue
    }

    /// The horizontal position of the point at `index` of `count`, as a percentage of the width
    /// to one decimal place; a single point stands in the middle.
    static func position(_ index: Int, of count: Int) -> String {
        guard count > 1 else { return "50.0" }
        let span = Decimal(100 - 2 * inset)
        let x = Decimal(inset) + span * Decimal(index) / Decimal(count - 1)
        return x.rounded(decimals: 1).formatted(decimals: 1)
    }

    /// The value of a chart's top gridline: the largest value rounded up to a half or whole
    /// power of ten (1,234 to 1,500), so the scale reads as a round number.
    public static func gridTop(above largest: Decimal) -> Decimal {
        guard largest > 0 else { return 1 }
        var step = Decimal(1)
        while step * 10 <= largest { step *= 10 }
        let half = step >= 10 ? step / 2 : step
        var top = half
        while top < largest { top += half }
        return top
    }
}
