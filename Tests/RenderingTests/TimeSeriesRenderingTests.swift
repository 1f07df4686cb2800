import EditionFormat
import Foundation
import Rendering
import ReportModel
import Testing
import Validation

@Suite("A time series in the report")
struct TimeSeriesRenderingTests {
    /// The synthetic Northmoor and Vale edition, whose contacts are given by quarter and for the year.
    static func html() throws -> String {
        let folder = "Tests/Editions/synthetic-northmoor-vale"
        let base = RenderFixture.root.appendingPathComponent(folder)
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard let data = try? Data(contentsOf: url) else { continue }
            files["\(folder)/" + url.path.replacingOccurrences(of: base.path + "/", with: "")] = Array(data)
        }
        let ingest = try EditionReader(files: MemoryFileSource(files)).read(folder: folder)
        let validation = Validator().validate(edition: ingest.edition, ingestFindings: ingest.findings, name: folder)
        #expect(validation.findings == [], "\(validation.findings)")
        let edition = try #require(ingest.edition)
        return try ReportRenderer(templates: TemplateSet()).render(edition, validation: validation, draft: false).html
    }

    @Test("a series is one table with a row per period, the year last, and a line chart of the quarters beside it")
    func tableAndChart() throws {
        let html = try Self.html()
        let table = try #require(html.range(of: "id=\"table-contacts-by-quarter-by-period\"")).lowerBound
        let rows = [
            "April to June 2031", "July to September 2031", "October to December 2031", "January to March 2032",
            "2031/32",
        ]
        let positions = try rows.map {
            try #require(html.range(of: "\($0)</th>", range: table..<html.endIndex)).lowerBound
        }
        #expect(positions == positions.sorted(), "the periods in order, the year's total after its last quarter")
        #expect(html.contains("<th scope=\"col\" class=\"numeric\">Contacts</th>"))
        #expect(html.contains("170 (24.2%)"))
        #expect(html.contains("id=\"chart-table-contacts-by-quarter-by-period-1-title\">Contacts</title>"))
        #expect(
            html.contains(
                "Contacts rose from 610 in April to June 2031 to 641 in January to March 2032, and was highest, 702, in October to December 2031."
            ))
    }

    @Test("several lines are each drawn to their own scale, so the smaller does not lie flat along the bottom")
    func ownScales() throws {
        let html = try Self.html()
        let chart = try #require(html.range(of: "id=\"chart-table-contacts-by-quarter-by-period-2-title\""))
        let referrals = String(html[chart.lowerBound...].prefix(1500))
        // Referrals (143 to 170) on a scale to 200, not to contacts' 750.
        #expect(referrals.contains(">200</text>"))
        #expect(!referrals.contains(">750</text>"))
        #expect(html.contains("Each line is drawn to its own scale."))
    }

    @Test("an expenditure table is shown in the manifest's words, not as contributions by agency")
    func expenditureWords() throws {
        let html = try Self.html()
        let start = try #require(html.range(of: "id=\"section-money\"")).lowerBound
        let end = try #require(html.range(of: "</section>", range: start..<html.endIndex)).lowerBound
        let money = String(html[start..<end])
        #expect(money.contains(">Spent on</th>") && money.contains(">Amount</th>"))
        #expect(money.contains("Staff took the most, £96,400 of £154,450 (62.4%)."))
        for word in ["Agency", "Contribution", "contributed"] { #expect(!money.contains(word), "\(word)") }
    }

    @Test("the narrative names a quarter's figure and compares it with the quarter before")
    func narrative() throws {
        let html = try Self.html()
        #expect(html.contains("October to December 2031 brought\n702 contacts, up 47\non the quarter before"))
        #expect(html.contains("quarter, down 61 on the previous quarter's\n702,"))
    }
}

@Suite("The line chart")
struct LineChartTests {
    static let chart = LineChart(
        id: "c", title: "Contacts by quarter", summary: "s",
        series: [
            LineChart.Series(
                heading: "Contacts",
                points: [
                    LineChart.Point(label: "April to June 2031", value: 600, display: "600"),
                    LineChart.Point(label: "July to September 2031", value: 750, display: "750"),
                    LineChart.Point(label: "October to December 2031", value: 0, display: "0"),
                ])
        ], top: 750, topDisplay: "750")

    @Test("the SVG is never scaled: no view box, every text at 16 px, points placed by percentage of the width")
    func unscaled() {
        let svg = Self.chart.svg()
        #expect(!svg.contains("viewBox"))
        #expect(svg.contains("width=\"100%\""))
        #expect(
            svg.components(separatedBy: "<text").count - 1 == svg.components(separatedBy: "font-size=\"16\"").count - 1)
        #expect(svg.contains("cx=\"4.0%\"") && svg.contains("cx=\"50.0%\"") && svg.contains("cx=\"96.0%\""))
        #expect(svg.contains("role=\"img\""))
        #expect(
            svg.contains(
                "<desc id=\"c-desc\">April to June 2031: 600; July to September 2031: 750; October to December 2031: 0.</desc>"
            ))
    }

    @Test("heights are exact: the top value touches the top gridline and zero the baseline")
    func heights() throws {
        let svg = Self.chart.svg()
        // The heading and the scale take two lines of 20 px: the plot runs from 40 to 200.
        #expect(svg.contains("cx=\"50.0%\" cy=\"40\""))
        #expect(svg.contains("cx=\"96.0%\" cy=\"200\""))
        #expect(svg.contains("cx=\"4.0%\" cy=\"72\""), "600 of 750 is 128 px of 160")
    }

    @Test(
        "the summary says where a series started, ended and peaked",
        arguments: [
            (
                [("Q1", 10), ("Q2", 30), ("Q3", 20)],
                "Contacts rose from 10 in Q1 to 20 in Q3, and was highest, 30, in Q2."
            ),
            ([("Q1", 30), ("Q2", 20)], "Contacts fell from 30 in Q1 to 20 in Q2."),
            ([("Q1", 5), ("Q2", 5)], "Contacts was 5 in both Q1 and Q2."),
            ([("Q1", 5)], "Contacts was 5 in Q1."),
        ])
    func summary(_ points: [(String, Int)], _ sentence: String) {
        let entries = points.map { ChartSummary.Entry(name: $0.0, value: Decimal($0.1), display: String($0.1)) }
        #expect(ChartSummary.series("Contacts", entries) == sentence)
    }

    @Test(
        "the top gridline is a round number at or above the largest value",
        arguments: [(1234, 1500), (702, 750), (8, 8), (10, 10), (0, 1)])
    func gridTop(_ largest: Int, _ top: Int) {
        #expect(LineChart.gridTop(above: Decimal(largest)) == Decimal(top))
    }
}
