import Foundation
import ReportModel
import Testing

@testable import Rendering

/// A chart's values and the sentence that must describe them.
struct SummaryCase: Sendable, CustomTestStringConvertible {
    var name: String
    var values: [(String, Int)]
    var sentence: String
    var testDescription: String { name }

    var entries: [ChartSummary.Entry] {
        values.map { ChartSummary.Entry(name: $0.0, value: Decimal($0.1), display: GovUKFormat.grouped(String($0.1))) }
    }

    static let comparisons: [SummaryCase] = [
        SummaryCase(
            name: "a leader of two", values: [("North", 6), ("South", 5)], sentence: "North had the larger figure, 6."),
        SummaryCase(
            name: "a tie of two", values: [("North", 6), ("South", 6)],
            sentence: "Both areas had the same figure, 6."),
        SummaryCase(
            name: "a leader of three", values: [("A", 1), ("B", 1_200), ("C", 3)],
            sentence: "B had the largest figure, 1,200."),
        SummaryCase(
            name: "a tie at the top of three", values: [("A", 6), ("B", 6), ("C", 2)],
            sentence: "A and B had the largest figure, 6 each."),
        SummaryCase(
            name: "all zero", values: [("A", 0), ("B", 0), ("C", 0)],
            sentence: "All three areas had the same figure, 0."),
        SummaryCase(name: "a single value", values: [("North", 4)], sentence: "Only North has a figure: 4."),
        SummaryCase(name: "no values", values: [], sentence: "No figures are given."),
    ]

    static let parts: [SummaryCase] = [
        SummaryCase(
            name: "one largest part", values: [("Police", 3), ("Health", 5)],
            sentence: "Health gave the most, 5 of 8."),
        SummaryCase(
            name: "two largest parts", values: [("Police", 5), ("Health", 5), ("Council", 1)],
            sentence: "Police and Health gave the most, 5 each, of 11."),
        SummaryCase(
            name: "every part zero", values: [("Police", 0), ("Health", 0)], sentence: "All the figures are zero."),
    ]
}

@Suite("What charts say")
struct ChartSummaryTests {
    @Test("one measure compared across areas", arguments: SummaryCase.comparisons)
    func comparison(_ example: SummaryCase) {
        #expect(ChartSummary.comparison(example.entries) == example.sentence)
    }

    @Test("the largest part of a whole", arguments: SummaryCase.parts)
    func largestPart(_ example: SummaryCase) {
        let total = GovUKFormat.grouped(String(example.values.map(\.1).reduce(0, +)))
        #expect(ChartSummary.largestPart(example.entries, leads: "gave the most", total: total) == example.sentence)
    }

    @Test("several measures: leaders counted, ties said as ties")
    func measures() {
        let tied = SummaryCase(name: "", values: [("North", 6), ("South", 6)], sentence: "").entries
        let led = SummaryCase(name: "", values: [("North", 9), ("South", 6)], sentence: "").entries
        #expect(
            ChartSummary.comparison(ofMeasures: [led, tied])
                == "North had the larger figure for one of the two measures shown and the figures were level for one of the two measures shown."
        )
        #expect(
            ChartSummary.comparison(ofMeasures: [led, led])
                == "North had the larger figure for both measures shown.")
    }
}

@Suite("Charts laid out for any width")
struct BarChartLayoutTests {
    static let long = "Safeguarding Responsibilities, Threshold Guidance and Referral Process Level 2"

    @Test(
        "labels wrap at spaces, and a word longer than a line is broken",
        arguments: [
            ("Police", 32, ["Police"]),
            ("Safeguarding Responsibilities, Threshold", 32, ["Safeguarding Responsibilities,", "Threshold"]),
            ("Westmorland and Furness", 11, ["Westmorland", "and Furness"]),
            ("Supercalifragilistic", 8, ["Supercal", "ifragili", "stic"]),
            ("", 8, [""]),
        ])
    func wrap(_ text: String, _ width: Int, _ lines: [String]) {
        #expect(BarChart.wrap(text, width: width) == lines)
    }

    @Test("the SVG is never scaled: no view box, text at its own size, every line within the narrowest screen")
    func unscaled() {
        let chart = BarChart(
            id: "c", title: "Courses", summary: "s",
            groups: [
                BarChart.Group(
                    heading: nil,
                    bars: [
                        BarChart.Bar(label: Self.long, value: 828, display: "828"),
                        BarChart.Bar(label: "Neglect", value: 255, display: "255"),
                    ])
            ])
        let svg = chart.svg()
        #expect(!svg.contains("viewBox"))
        #expect(svg.contains("width=\"100%\""))
        let texts = svg.components(separatedBy: "<text").dropFirst().compactMap {
            $0.split(separator: ">", maxSplits: 1).last?.components(separatedBy: "</text").first
        }
        #expect(texts.contains("Safeguarding Responsibilities,"))
        #expect(texts.allSatisfy { $0.count <= BarChart.charactersPerLine }, "\(texts)")
        #expect(svg.contains("width=\"70.0%\""), "the largest bar is 70% of the width")
        #expect(svg.contains("width=\"21.6%\""), "255 of 828 is 21.6% of the width")
    }

    @Test("several measures are one SVG each, each to its own scale when asked")
    func groups() {
        let groups = [
            BarChart.Group(
                heading: "Contacts",
                bars: [
                    BarChart.Bar(label: "North", value: 800, display: "800"),
                    BarChart.Bar(label: "South", value: 400, display: "400"),
                ]),
            BarChart.Group(
                heading: "Referrals",
                bars: [
                    BarChart.Bar(label: "North", value: 10, display: "10"),
                    BarChart.Bar(label: "South", value: 20, display: "20"),
                ]),
        ]
        let own = BarChart(id: "c", title: "t", summary: "s", groups: groups, scale: .perGroup).svg()
        #expect(own.components(separatedBy: "<svg ").count == 3)
        #expect(own.components(separatedBy: "width=\"70.0%\"").count == 3, "each group's largest bar is full length")
        #expect(own.contains("<title id=\"c-2-title\">Referrals</title>"))
        #expect(own.contains("<desc id=\"c-2-desc\">North: 10; South: 20.</desc>"))
        let shared = BarChart(id: "c", title: "t", summary: "s", groups: groups, scale: .shared).svg()
        #expect(shared.components(separatedBy: "width=\"70.0%\"").count == 2, "one bar is the chart's largest")
    }
}

@Suite("Readers' words in the reference report")
struct ReadersWordsTests {
    @Test(
        "review kinds are spelled out",
        arguments: [
            ("lcspr", "Local child safeguarding practice review"),
            ("LCSPR", "Local child safeguarding practice review"),
            ("rapid-review", "Rapid review"), ("learning-briefing", "Learning briefing"),
            ("thematic-audit", "Thematic audit"),
        ])
    func reviewKinds(_ code: String, _ label: String) {
        let review = PracticeReview(
            dataset: "reviews", name: Located("Leo", at: SourceLocation(file: "r.csv")), kind: code,
            publication: .published, publishedIn: nil, note: nil, location: SourceLocation(file: "r.csv"))
        #expect(review.kindLabel == label)
    }

    @Test("no code, placeholder or doubled period reaches the reader")
    func noMachineWords() throws {
        let html = try RenderFixture.render().html
        for text in [
            ">lcspr<", ">cspr<", "publication date not recorded", "stated percent", "(March 2024 (March 2024)",
            "by course, by course", "the table that follows",
        ] {
            #expect(!html.contains(text), "\(text)")
        }
        #expect(html.contains("Health&#39;s share of budget contributions 2023/24"))
    }

    @Test(
        "an abbreviation is never marked inside an entity reference, which would break the XHTML",
        arguments: [
            ("amp", "<p>Health &amp; care</p>"), ("x26", "<p>Health &#x26; care</p>"), ("lt", "<p>a &lt; b</p>"),
            ("38", "<p>Health &#38; care</p>"), ("quot", "<p>a &quot;b&quot;</p>"),
        ])
    func abbreviationInsideEntity(abbreviation: String, html: String) {
        let entry = GlossaryEntry(
            dataset: "glossary", abbreviation: Located(abbreviation, at: SourceLocation(file: "g.csv")),
            expansion: "Words", location: SourceLocation(file: "g.csv"))
        var marker = AbbreviationMarker(glossary: [entry])
        #expect(marker.mark(html) == html)
        #expect(XHTMLVerifier.problems(in: marker.mark(html)) == [])
        // Outside an entity it is still marked.
        #expect(marker.mark("<p>the \(abbreviation) here</p>").contains("<abbr title=\"Words\">\(abbreviation)</abbr>"))
    }

    @Test("each abbreviation is spelled out at its first use in the text, once")
    func abbreviationsSpelledOut() {
        let glossary = [("MASH", "Multi-Agency Safeguarding Hub"), ("LSOA", "Lower Layer Super Output Area")].map {
            GlossaryEntry(
                dataset: "glossary", abbreviation: Located($0.0, at: SourceLocation(file: "g.csv")), expansion: $0.1,
                location: SourceLocation(file: "g.csv"))
        }
        var marker = AbbreviationMarker(glossary: glossary)
        let first = marker.mark("<p>Each MASH's staff; the MASH again; 12 LSOAs.</p>")
        #expect(
            first
                == "<p>Each Multi-Agency Safeguarding Hub (<abbr title=\"Multi-Agency Safeguarding Hub\">MASH</abbr>)'s staff; the MASH again; 12 Lower Layer Super Output Areas (<abbr title=\"Lower Layer Super Output Area\">LSOA</abbr>s).</p>"
        )
        var authored = AbbreviationMarker(glossary: glossary)
        #expect(
            authored.mark("<p>The hub (MASH) met.</p>")
                == "<p>The hub (<abbr title=\"Multi-Agency Safeguarding Hub\">MASH</abbr>) met.</p>")
    }

    @Test("the coverage appendix names, for every statutory item, the sections that cover it")
    func coverage() throws {
        let html = try RenderFixture.render().html
        let start = try #require(html.range(of: "<table id=\"table-coverage\">"))
        let table = html[start.lowerBound...].prefix(while: { _ in true }).components(separatedBy: "</table>")[0]
        for item in StatutoryItem.workingTogether2023 {
            #expect(table.contains(XMLEscaping.escape(item.title)), "\(item.id)")
        }
        #expect(!table.contains(Appendices.notCovered))
    }
}

@Suite("Paper")
struct PaperTests {
    @Test(
        "the manifest's page size reaches the print style sheet, and the PDF's dates come from the publication date",
        arguments: [("", "size: A4;", false), ("\n  page_size: Letter\n  date: 2024-11-28", "size: Letter;", true)])
    func pageSize(_ addition: String, _ rule: String, _ dated: Bool) throws {
        var files = try RenderFixture.files()
        let manifest = "inputs/cumbria-2023-24/edition.yaml"
        let text = String(decoding: files[manifest] ?? [], as: UTF8.self)
        files[manifest] = Array(
            text.replacingOccurrences(of: "  outputs: [pdf]", with: "  outputs: [pdf]" + addition).utf8)
        let html = try RenderFixture.render(files: files).html
        #expect(html.contains(rule))
        #expect(html.contains("<meta name=\"dcterms.created\" content=\"2024-11-28\"/>") == dated)
    }
}

@Suite("What appears where")
struct PlacementTests {
    static func render(_ edits: [(String, String)]) throws -> String {
        var files = try RenderFixture.files()
        let manifest = "inputs/cumbria-2023-24/edition.yaml"
        var text = String(decoding: files[manifest] ?? [], as: UTF8.self)
        for (old, new) in edits { text = text.replacingOccurrences(of: old, with: new) }
        files[manifest] = Array(text.utf8)
        return try RenderFixture.render(files: files).html
    }

    @Test("the manifest lists the appendices, in its order and with its titles")
    func appendices() throws {
        let html = try Self.render([
            (
                "sections:\n",
                "appendices:\n  - { kind: glossary, title: Words we use }\n  - { kind: data-quality }\nsections:\n"
            )
        ])
        #expect(html.contains("Appendix A</span> Words we use"))
        #expect(html.contains("Appendix B</span> Data-quality statement"))
        #expect(!html.contains("Financial arrangements"))
        #expect(!html.contains("Appendix C"))
    }

    @Test("a budget dataset that names a section is shown there, not in its appendix")
    func budgetInSection() throws {
        let html = try Self.render([
            (
                "    title: Budget contributions 2023/24\n",
                "    title: Budget contributions 2023/24\n    section: summary\n"
            )
        ])
        let summary = try #require(html.range(of: "id=\"section-summary\""))
        let table = try #require(html.range(of: "<table id=\"table-budget\">"))
        #expect(summary.lowerBound < table.lowerBound)
        #expect(!html.contains("Financial arrangements"))
    }

    /// The reference edition with its budget kept as a general parts table.
    static func budgetAsParts(_ placement: String, labels: String) throws -> [String: [UInt8]] {
        var files = try RenderFixture.files()
        let manifest = "inputs/cumbria-2023-24/edition.yaml"
        let budget = "inputs/cumbria-2023-24/data/budget.csv"
        let text = String(decoding: files[manifest] ?? [], as: UTF8.self)
        files[manifest] = Array(
            text.replacingOccurrences(
                of: "    schema: budget\n",
                with: "    schema: parts\n    unit: money\n\(placement)    labels: {\(labels)}\n"
            ).utf8)
        let csv = String(decoding: files[budget] ?? [], as: UTF8.self)
        files[budget] = Array(
            csv.replacingOccurrences(of: "agency,parent,amount,", with: "part,parent,value,").utf8)
        return files
    }

    @Test("a parts table worded as the budget, in the finance appendix, is the budget's report to the byte")
    func partsAsBudget() throws {
        let parts = try RenderFixture.render(
            files: try Self.budgetAsParts(
                "    appendix: finance\n",
                labels: "part: Agency, value: Contribution, chart_by: by agency, leads: contributed the most"))
        let budget = try RenderFixture.render(files: try RenderFixture.files())
        #expect(parts.html == budget.html)
    }

    @Test("a parts table's headings and chart summary are the manifest's words, not the budget's")
    func partsWords() throws {
        let html = try RenderFixture.render(
            files: try Self.budgetAsParts(
                "    section: summary\n",
                labels: "part: Funder, value: Income, share: Part of all income, leads: gave the most")
        ).html
        let table = try #require(html.range(of: "<table id=\"table-budget\">"))
        let end = try #require(html.range(of: "</table>", range: table.upperBound..<html.endIndex))
        let shown = String(html[table.lowerBound..<end.upperBound])
        #expect(shown.contains(">Funder<") && shown.contains(">Income<") && shown.contains(">Part of all income<"))
        #expect(!shown.contains(">Agency<") && !shown.contains(">Contribution<"))
        #expect(html.contains("gave the most"))
        #expect(!html.contains("contributed the most"))
        #expect(!html.contains("Financial arrangements"))
    }

    @Test("a figures dataset that names an appendix is shown there")
    func figuresInAppendix() throws {
        let html = try Self.render([
            ("  - id: cdop\n    section: cdop\n", "  - id: cdop\n    appendix: training\n")
        ])
        let appendix = try #require(html.range(of: "id=\"appendix-training\""))
        let table = try #require(html.range(of: "id=\"table-cdop-partnership\""))
        #expect(appendix.lowerBound < table.lowerBound)
    }
}

@Suite("A table too large to read")
struct LargeTableTests {
    @Test("is summarised in the report, with the figures the text names, and published whole as data")
    func summarised() throws {
        var files = try RenderFixture.files()
        let measures = "inputs/cumbria-2023-24/data/measures.csv"
        let context = "inputs/cumbria-2023-24/data/context.csv"
        var measureText = String(decoding: files[measures] ?? [], as: UTF8.self)
        var contextText = String(decoding: files[context] ?? [], as: UTF8.self)
        for index in 0..<110 {
            measureText += "extra_\(index),Extra measure \(index),count,no,,\n"
            for district in ["carlisle", "allerdale", "copeland", "eden", "south-lakeland", "barrow"] {
                contextText += "\(district),extra_\(index),\(index),,,,\n"
            }
        }
        files[measures] = Array(measureText.utf8)
        files[context] = Array(contextText.utf8)
        let html = try RenderFixture.render(files: files).html
        #expect(
            html.contains(
                "Local context, by district: 666 figures, for 6 areas (district) and 111 measures, too many to print here."
            ))
        #expect(html.contains("published beside this report as data/context.csv"))
        #expect(html.contains("Local context, by district: the figures the report refers to"))
        #expect(!html.contains("Extra measure 42"), "a row of the summarised table was printed")
        #expect(html.contains("Local context, by council"), "the council table is small enough to print")
    }
}
