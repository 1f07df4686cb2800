import Foundation
import ReportModel

/// A horizontal bar chart drawn as inline SVG from the data. Every bar carries its label and
/// value as text, so colour never carries meaning alone; the chart has a title and a summary
/// sentence as its accessible name and description, and the report places its data table
/// beside it.
public struct BarChart: Sendable {
    /// One bar.
    public struct Bar: Sendable {
        /// What the bar stands for: "Police", "Cumberland".
        public var label: String
        public var value: Decimal
        /// The value as the report writes it: "£21,344".
        public var display: String

        public init(label: String, value: Decimal, display: String) {
            self.label = label
            self.value = value
            self.display = display
        }
    }

    /// Bars that belong together under a heading, such as one measure across councils.
    public struct Group: Sendable {
        public var heading: String?
        public var bars: [Bar]

        public init(heading: String?, bars: [Bar]) {
            self.heading = heading
            self.bars = bars
        }
    }

    /// Unique in the document; ids of the title and description derive from it.
    public var id: String
    public var title: String
    /// One sentence saying what the chart shows, generated from the data.
    public var summary: String
    public var groups: [Group]

    public init(id: String, title: String, summary: String, groups: [Group]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.groups = groups
    }

    // Geometry, in SVG user units. Bars scale to the largest value of the whole chart.
    private static let width = 720
    private static let labelWidth = 300
    private static let barArea = 300
    private static let rowHeight = 26
    private static let headingHeight = 26

    /// The chart as an SVG element, valid in HTML5 and XHTML alike.
    public func svg() -> String {
        let largest = groups.flatMap(\.bars).map(\.value).max() ?? 0
        var y = 8
        var body: [String] = []
        for group in groups {
            if let heading = group.heading {
                y += Self.headingHeight
                body.append(#"<text class="chart-heading" x="0" y="\#(y - 8)">\#(XMLEscaping.escape(heading))</text>"#)
            }
            for bar in group.bars {
                let length = largest > 0 ? scaled(bar.value, largest) : 0
                let middle = y + Self.rowHeight / 2
                body.append(
                    #"<text class="chart-label" x="\#(Self.labelWidth - 8)" y="\#(middle + 5)" text-anchor="end">\#(XMLEscaping.escape(bar.label))</text>"#
                )
                body.append(
                    #"<rect class="chart-bar" x="\#(Self.labelWidth)" y="\#(y + 4)" width="\#(length)" height="\#(Self.rowHeight - 8)"/>"#
                )
                body.append(
                    #"<text class="chart-value" x="\#(Self.labelWidth + length + 6)" y="\#(middle + 5)">\#(XMLEscaping.escape(bar.display))</text>"#
                )
                y += Self.rowHeight
            }
        }
        let height = y + 8
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(Self.width) \(height)" width="\(Self.width)" height="\(height)" role="img"><title id="\(id)-title">\(XMLEscaping.escape(title))</title><desc id="\(id)-desc">\(XMLEscaping.escape(summary))</desc>\(body.joined())</svg>
            """
    }

    /// A bar's length in whole units: exact decimal arithmetic, rounded half up.
    private func scaled(_ value: Decimal, _ largest: Decimal) -> Int {
        let length = (value * Decimal(Self.barArea) / largest).rounded(decimals: 0)
        return max(0, NSDecimalNumber(decimal: length).intValue)
    }
}
