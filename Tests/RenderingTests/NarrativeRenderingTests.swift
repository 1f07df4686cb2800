import Foundation
import Rendering
import ReportModel
import Testing

@Suite("Narrative in the report")
struct NarrativeRenderingTests {
    @Test("changing one figure in the data changes every place the report shows it")
    func figureFollowsData() throws {
        var files = try RenderFixture.files()
        let before = try RenderFixture.render(files: files).html
        let path = "inputs/cumbria-2023-24/data/performance.csv"
        let text = String(decoding: try #require(files[path]), as: UTF8.self)
        files[path] = Array(
            text.replacingOccurrences(of: "cumberland,missing_episodes,106,", with: "cumberland,missing_episodes,4321,")
                .utf8)
        let after = try RenderFixture.render(files: files).html
        let shown = Self.occurrences(of: "106", in: before)
        #expect(shown >= 3, "the narrative, the table and the chart should all show it")
        #expect(Self.occurrences(of: "106", in: after) == 0)
        #expect(Self.occurrences(of: "4,321", in: after) == shown)
    }

    @Test("a value at the start of a line followed by a full stop stays a sentence, not a list")
    func valueIsNotMarkdown() throws {
        var files = try RenderFixture.files()
        let path = "inputs/cumbria-2023-24/narrative/summary.md"
        let text = String(decoding: try #require(files[path]), as: UTF8.self)
        files[path] = Array(("{{= cumberland/contacts }}. That was the month's total.\n\n" + text).utf8)
        let html = try RenderFixture.render(files: files).html
        #expect(html.contains("<p>802. That was the month's total.</p>"))
    }

    @Test(
        "a file's opening heading that repeats its section's title is the section's heading once, not twice",
        arguments: [
            ("# Foreword\n\nWelcome.\n", "<p>Welcome.</p>\n"),
            ("## foreword:\n\nWelcome.\n", "<p>Welcome.</p>\n"),
            ("Foreword\n========\n\nWelcome.\n", "<p>Welcome.</p>\n"),
            ("\n\n#   Foreword  \n\nWelcome.\n", "<p>Welcome.</p>\n"),
            ("# Foreword from the Independent Scrutineer\n\nWelcome.\n", "<p>Welcome.</p>\n"),
            ("# Foreword from the Independent Scrutineer.\n\nWelcome.\n", "<p>Welcome.</p>\n"),
            // A heading that says something else, or more, is the author's own, and stays.
            ("# A year of change\n\nWelcome.\n", "<h3>A year of change</h3>\n<p>Welcome.</p>\n"),
            ("# Fore\n\nWelcome.\n", "<h3>Fore</h3>\n<p>Welcome.</p>\n"),
            (
                "# Foreword from the Independent Scrutineer, Jo Bloggs\n\nWelcome.\n",
                "<h3>Foreword from the Independent Scrutineer, Jo Bloggs</h3>\n<p>Welcome.</p>\n"
            ),
            // Only an opening heading: the same words later are a heading of their own.
            ("Welcome.\n\n# Foreword\n", "<p>Welcome.</p>\n<h3>Foreword</h3>\n"),
        ])
    func openingHeading(markdown: String, html: String) {
        #expect(MarkdownRenderer.html(markdown, sectionTitle: "Foreword from the Independent Scrutineer") == html)
        // Without a title to compare with, nothing is left out.
        #expect(MarkdownRenderer.html(markdown).contains("Welcome."))
    }

    @Test("the reference edition's foreword opened by # Foreword shows its heading once")
    func openingHeadingInReport() throws {
        var files = try RenderFixture.files()
        let path = "inputs/cumbria-2023-24/narrative/foreword.md"
        let text = String(decoding: try #require(files[path]), as: UTF8.self)
        let before = try RenderFixture.render(files: files).html
        files[path] = Array(("# Foreword\n\n" + text).utf8)
        let after = try RenderFixture.render(files: files).html
        #expect(after == before)
    }

    /// How often `number` appears as a whole number, not as part of another.
    static func occurrences(of number: String, in text: String) -> Int {
        let pattern = try? NSRegularExpression(
            pattern: "(?<![\\d,.£])" + NSRegularExpression.escapedPattern(for: number) + "(?![\\d,])")
        return pattern?.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) ?? 0
    }

    @Test("the narrative refers to figures rather than typing them")
    func narrativeUsesReferences() throws {
        let (edition, validation) = try RenderFixture.edition()
        let references = edition.narrative.flatMap(\.references)
        #expect(references.count >= 20)
        #expect(validation.findings.filter { $0.rule.hasPrefix("narrative.") } == [])
        #expect(validation.checks.contains { $0.rule == "narrative.reference" })
    }

    @Test("the first use of each abbreviation is explained, and the glossary lists only those used")
    func abbreviations() throws {
        let html = try RenderFixture.render().html
        #expect(html.components(separatedBy: "<abbr title=\"Child Death Overview Panel\">CDOP</abbr>").count == 2)
        #expect(
            html.contains("Multi-Agency Safeguarding Hub (<abbr title=\"Multi-Agency Safeguarding Hub\">MASH</abbr>)"))
        let glossary = try #require(html.range(of: "<table id=\"table-glossary\">"))
        let table = html[glossary.lowerBound...].prefix(while: { $0 != "\u{0}" })
        #expect(table.contains("<th scope=\"row\">CDOP</th>"))
        #expect(!table.contains("<th scope=\"row\">NENC</th>"), "NENC is not used in this report")
    }
}

/// Markdown a scrutineer might write, including what should never reach the report.
struct TrickyMarkdown: Sendable, CustomTestStringConvertible {
    var name: String
    var markdown: String
    var mustContain: [String]
    var mustNotContain: [String]
    var testDescription: String { name }

    static let all: [TrickyMarkdown] = [
        TrickyMarkdown(
            name: "a script element", markdown: "Hello <script>alert(1)</script> there.", mustContain: ["Hello"],
            mustNotContain: ["<script", "alert(1)</script>"]),
        TrickyMarkdown(
            name: "an image with onerror", markdown: "<img src=x onerror=alert(1)>\n\nText.", mustContain: ["Text."],
            mustNotContain: ["<img", "onerror"]),
        TrickyMarkdown(
            name: "an HTML comment with double dashes", markdown: "A <!-- -- --> B", mustContain: ["A ", " B"],
            mustNotContain: ["<!--"]),
        TrickyMarkdown(
            name: "a raw HTML block", markdown: "<div onclick=\"x()\">\n*hi*\n</div>", mustContain: [],
            mustNotContain: ["onclick", "<div"]),
        TrickyMarkdown(
            name: "nested lists", markdown: "- one\n  - inner\n    1. deep\n- two",
            mustContain: ["<ul>", "<ol>", "deep"], mustNotContain: []),
        TrickyMarkdown(
            name: "code with markup characters", markdown: "Use `a < b && c > d`.\n\n```\n<tag> & </tag>\n```",
            mustContain: ["&lt;tag&gt; &amp; &lt;/tag&gt;", "a &lt; b &amp;&amp; c &gt; d"], mustNotContain: ["<tag>"]),
        TrickyMarkdown(
            name: "a link with & in its URL", markdown: "[search](https://example.org/?a=1&b=2)",
            mustContain: ["href=\"https://example.org/?a=1&amp;b=2\""], mustNotContain: []),
        TrickyMarkdown(
            name: "a javascript: link", markdown: "[click](javascript:alert(1))", mustContain: ["click"],
            mustNotContain: ["javascript:"]),
        TrickyMarkdown(
            name: "images from anywhere leave only their alt text",
            markdown: "![a chart](https://host.invalid/p.png) ![b](//host.invalid/p.png) ![c](../secret.png)",
            mustContain: ["a chart b c"], mustNotContain: ["<img", "host.invalid", "secret"]),
        TrickyMarkdown(
            name: "protocol-relative and data: links leave only their text",
            markdown: "[far](//host.invalid/x) and [data](data:text/html,hi)", mustContain: ["far and data"],
            mustNotContain: ["<a", "host.invalid", "data:"]),
        TrickyMarkdown(
            name: "a refused link keeps its words and their emphasis",
            markdown: "[*bold* words](javascript:x)", mustContain: ["<p><em>bold</em> words</p>"],
            mustNotContain: ["javascript:", "<a"]),
        TrickyMarkdown(
            name: "a table with aligned columns",
            markdown: "| Agency | Amount |\n| :--- | ---: |\n| Police | £21,344 |",
            mustContain: [
                "<th scope=\"col\" class=\"align-left\">Agency</th>", "<td class=\"align-right\">£21,344</td>",
                "<div class=\"table-wrap\" role=\"region\" aria-label=\"Table of Agency and Amount\" tabindex=\"0\"><table>",
                "</table></div>",
            ], mustNotContain: ["align=\""]),
        TrickyMarkdown(
            name: "an autolink", markdown: "See https://example.org/a_b?c=d&e=f now.",
            mustContain: ["<a href=\"https://example.org/a_b?c=d&amp;e=f\">"], mustNotContain: []),
        TrickyMarkdown(
            name: "non-ASCII text", markdown: "Ça va — “quoted” naïve 😀 ½", mustContain: ["Ça va — “quoted” naïve 😀 ½"],
            mustNotContain: []),
        TrickyMarkdown(
            name: "headings move under the section's own", markdown: "# Top\n\n## Sub\n\n### Minor",
            mustContain: ["<h3>Top</h3>", "<h3>Sub</h3>", "<h4>Minor</h4>"], mustNotContain: ["<h1>", "<h2>"]),
        TrickyMarkdown(
            name: "a hard line break and a rule", markdown: "line  \nbreak\n\n---\n",
            mustContain: ["<br />", "<hr />"], mustNotContain: []),
        TrickyMarkdown(
            name: "an entity that XML does not know", markdown: "A&nbsp;B &copy; &#0; &#xD800;",
            mustContain: ["A\u{00A0}B ©"], mustNotContain: ["&nbsp;", "&copy;"]),
    ]
}

@Suite("Markdown through cmark-gfm")
struct MarkdownTests {
    @Test("raw HTML never reaches the output and the fragment stays well-formed XHTML", arguments: TrickyMarkdown.all)
    func tricky(_ example: TrickyMarkdown) {
        let html = MarkdownRenderer.html(example.markdown)
        for text in example.mustContain { #expect(html.contains(text), "missing \(text) in \(html)") }
        for text in example.mustNotContain { #expect(!html.contains(text), "found \(text) in \(html)") }
        let document = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\(html)</body></html>"
        #expect(XHTMLVerifier.problems(in: document) == [], "\(html)")
    }
}

@Suite("Narrative values")
struct ReferenceValueTests {
    @Test(
        "derived values and formats",
        arguments: [
            (ReferenceValue(exact: 1307, unit: .count), nil as FigureReference.Format?, "1,307"),
            (ReferenceValue(exact: 101103, unit: .money), nil, "£101,103"),
            (ReferenceValue(exact: Decimal(string: "23.5")!, unit: .percent, decimals: 1), nil, "23.5%"),
            (ReferenceValue(exact: 2, unit: .count), .words, "two"),
            (ReferenceValue(exact: 0, unit: .count), .words, "zero"),
            (ReferenceValue(exact: 12, unit: .count), .words, "12"),
            (
                ReferenceValue(exact: Decimal(string: "48.1415")!, unit: .percent, decimals: 1, suffix: " per 10,000"),
                nil, "48.1 per 10,000"
            ),
            (
                ReferenceValue(exact: Decimal(string: "12345.25")!, unit: .percent, decimals: 1, suffix: " per 10,000"),
                nil, "12,345.3 per 10,000"
            ),
        ])
    func formats(value: ReferenceValue, format: FigureReference.Format?, shown: String) {
        #expect(GovUKFormat.reference(value, format: format) == shown)
    }

    @Test(
        "a change since the previous period is written in words",
        arguments: [
            (ReferenceValue(exact: 12, unit: .count, changeFrom: 790), nil as FigureReference.Format?, "up 12"),
            (ReferenceValue(exact: -3_000, unit: .money, changeFrom: 21_344), nil, "down £3,000"),
            (ReferenceValue(exact: 12, unit: .count, changeFrom: 790), .percent, "up 1.5%"),
            (ReferenceValue(exact: 0, unit: .count, changeFrom: 790), nil, "unchanged"),
            (
                ReferenceValue(exact: Decimal(string: "-0.4")!, unit: .percent, changeFrom: 23), nil,
                "down 0.4 percentage points"
            ),
            (ReferenceValue(exact: 3, unit: .count, changeFrom: 5), .words, "up three"),
        ])
    func changes(value: ReferenceValue, format: FigureReference.Format?, shown: String) {
        #expect(GovUKFormat.reference(value, format: format) == shown)
    }

    @Test("sums, differences, rates and shares are exact")
    func derived() throws {
        let (edition, _) = try RenderFixture.edition()
        func value(_ expression: FigureReference.Expression) throws -> String {
            GovUKFormat.reference(try edition.evaluate(expression).get(), format: nil)
        }
        #expect(try value(.sum(["cumberland/contacts", "westmorland-furness/contacts"])) == "1,307")
        #expect(try value(.difference("cumberland/contacts", "westmorland-furness/contacts")) == "297")
        #expect(
            try value(.rate("cumberland/child_protection_plans", "cumberland/children_0_19", per: 10_000))
                == "48.1 per 10,000")
        #expect(
            try value(.rate("cumberland/child_protection_plans", "cumberland/children_0_19", per: 1_000))
                == "4.8 per 1,000")
        #expect(try value(.period("cumberland/contacts")) == "March 2024")
        #expect(try value(.period("cumbria/child_deaths")) == "2022/23")
        #expect(try value(.share("cumberland/referrals", "cumberland/contacts")) == "23.6%")
        #expect(try value(.value("budget:Health.percent")) == "43.6%")
        #expect(try value(.value("training-courses:Grand total")) == "6,927")
    }
}
