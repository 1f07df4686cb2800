import Foundation
import ReportModel

/// A horizontal bar chart drawn as inline SVG from the data. Every bar carries its label and
/// value as text, so colour never carries meaning alone; the chart has a title and a summary
/// sentence as its accessible name and description, and the report places its data table
/// beside it.
///
/// The chart is laid out for any width, from a 320 px phone to print: the SVG has no view box,
/// so its text is drawn at its own size and is never scaled down; each label sits on its own
/// lines above its bar, wrapped to fit the narrowest screen; bar lengths and the value after
/// each bar are percentages of the chart's width.
public struct BarChart: Sendable {
    /// One bar.
    public typealias Bar = ChartValue

    /// Bars that belong together under a heading, such as one measure across councils.
    public struct Group: Sendable {
        public var heading: String?
        public var bars: [Bar]

        public init(heading: String?, bars: [Bar]) {
            self.heading = heading
            self.bars = bars
        }
    }

    /// What a bar's length is measured against.
    public enum Scale: Sendable {
        /// The largest value of the whole chart: bars of different groups compare.
        case shared
        /// The largest value of the bar's own group: for groups that measure different things.
        case perGroup
    }

    /// Unique in the document; ids of the title and description derive from it.
    public var id: String
    public var title: String
    /// One sentence saying what the chart shows, generated from the data.
    public var summary: String
    public var groups: [Group]
    public var scale: Scale

    public init(id: String, title: String, summary: String, groups: [Group], scale: Scale = .shared) {
        self.id = id
        self.title = title
        self.summary = summary
        self.groups = groups
        self.scale = scale
    }

    // Geometry. Vertical sizes are CSS pixels (the SVG has no view box, so one unit is one
    // pixel at any width); horizontal positions of bars and values are percentages of the width.
    static let fontSize = 16
    static let lineHeight = 20
    static let barHeight = 18
    static let gap = 12
    /// The longest bar, as a percentage of the chart's width; the rest holds the value.
    static let longestBar = 70
    /// The bars' colour, as an attribute too: PDF printers that ignore CSS on SVG still see it.
    static let barColour = "#1d70b8"
    /// Labels wrap at this many characters: 16 px Liberation Sans averages under 9 px a
    /// character, so a line fits the 288 px a 320 px screen leaves for the chart.
    public static let charactersPerLine = 32

    /// The chart as SVG, valid in HTML5 and XHTML alike: one SVG element, or, for a chart of
    /// several groups, one per group (each named by its heading and described by its values), so
    /// that a printed chart can break between groups and never inside one.
    public func svg() -> String {
        let chartLargest = groups.flatMap(\.bars).map(\.value).max() ?? 0
        // The title is the chart's text alternative (a PDF takes it as the figure's Alt); the
        // description lists every value.
        func values(_ group: Group) -> String {
            group.bars.map { "\($0.label): \($0.display)" }.joined(separator: "; ") + "."
        }
        guard groups.count > 1 else {
            return element(
                id: id, title: "\(title). \(summary)", description: groups.first.map(values) ?? "",
                group: groups.first, largest: chartLargest)
        }
        return groups.enumerated().map { index, group in
            element(
                id: "\(id)-\(index + 1)", title: group.heading ?? title, description: values(group), group: group,
                largest: scale == .shared ? chartLargest : (group.bars.map(\.value).max() ?? 0))
        }.joined(separator: "\n")
    }

    private func element(id: String, title: String, description: String, group: Group?, largest: Decimal) -> String {
        var y = 0
        var body: [String] = []
        // Presentation attributes as well as classes: the style sheet sets them for browsers, and
        // PDF printers that ignore CSS on SVG still read the attributes.
        func lines(_ text: String, className: String) {
            let weight = className == "chart-heading" ? #" font-weight="700""# : ""
            for line in Self.wrap(text, width: Self.charactersPerLine) {
                y += Self.lineHeight
                body.append(
                    #"<text class="\#(className)" x="0" y="\#(y - 5)" font-size="\#(Self.fontSize)"\#(weight)>\#(XMLEscaping.escape(line))</text>"#
                )
            }
        }
        if let heading = group?.heading { lines(heading, className: "chart-heading") }
        for bar in group?.bars ?? [] {
            lines(bar.label, className: "chart-label")
            let length = largest > 0 ? Self.percentage(bar.value, of: largest) : "0"
            y += 2
            if bar.value > 0 {
                body.append(
                    #"<rect class="chart-bar" x="0" y="\#(y)" width="\#(length)%" height="\#(Self.barHeight)" fill="\#(Self.barColour)"/>"#
                )
            }
            let offset = bar.value > 0 ? 6 : 0
            body.append(
                #"<text class="chart-value" x="\#(length)%" dx="\#(offset)" y="\#(y + Self.barHeight - 4)" font-size="\#(Self.fontSize)">\#(XMLEscaping.escape(bar.display))</text>"#
            )
            y += Self.barHeight + Self.gap / 2
        }
        let height = y + 4
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" width="100%" height="\(height)" role="img" font-family="Liberation Sans, Arial, sans-serif"><title id="\(id)-title">\(XMLEscaping.escape(title))</title><desc id="\(id)-desc">\(XMLEscaping.escape(description))</desc>\(body.joined())</svg>
            """
    }

    /// A bar's length as a percentage of the chart's width, to one decimal place: exact
    /// decimal arithmetic, rounded half up.
    static func percentage(_ value: Decimal, of largest: Decimal) -> String {
        let length = (max(0, value) * Decimal(longestBar) / largest).rounded(decimals: 1)
        return length.formatted(decimals: 1)
    }

    /// `text` broken at spaces into lines of at most `width` characters; a word longer than a
    /// line is broken inside, so no line is ever wider.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            while word.count > width {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
