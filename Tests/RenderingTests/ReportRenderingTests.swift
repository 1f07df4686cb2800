import Foundation
import Rendering
import ReportModel
import Testing

@Suite("Rendering the reference edition")
struct ReportRenderingTests {
    @Test("both serialisations match their golden files (run `make golden` after an intended change)")
    func golden() throws {
        let report = try RenderFixture.render()
        for (name, text) in [("report.html", report.html), ("report.xhtml", report.xhtml)] {
            let golden = try String(
                contentsOf: RenderFixture.goldenFolder.appendingPathComponent(name), encoding: .utf8)
            #expect(text == golden, "\(name) differs from Tests/RenderingTests/Golden/\(name)")
        }
    }

    @Test("rendering twice gives byte-identical output")
    func deterministic() throws {
        #expect(try RenderFixture.render() == RenderFixture.render())
    }

    @Test("libxml2 parses the XHTML, and the HTML differs only by the XML declaration")
    func serialisations() throws {
        let report = try RenderFixture.render()
        #expect(XHTMLVerifier.problems(in: report.xhtml) == [])
        #expect(report.xhtml == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + report.html)
        #expect(report.html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\""))
    }

    @Test("every figure of the data appears in the report, GOV.UK style")
    func everyFigure() throws {
        let (edition, _) = try RenderFixture.edition()
        let html = try RenderFixture.render().html
        var expected: [String] = edition.figures.map { GovUKFormat.quantity($0.value.value) }
        expected += edition.figures.compactMap { $0.statedPercentage.map { GovUKFormat.percentage($0.value) } }
        expected += edition.parts.map { GovUKFormat.value($0.value.value, unit: $0.unit) }
        expected += edition.parts.compactMap { $0.statedPercentage.map { GovUKFormat.percentage($0.value) } }
        expected += edition.rankings.map { XMLEscaping.escape($0.item.value) }
        expected += edition.board.map { XMLEscaping.escape($0.role.value) }
        expected += edition.reviews.map { XMLEscaping.escape($0.name.value) }
        let missing = expected.filter {
            !html.contains(">\($0)") && !html.contains(" \($0)") && !html.contains("(\($0)")
        }
        #expect(missing == [], "not in report.html: \(missing)")
        #expect(html.contains("£109,228") && html.contains("6,927") && html.contains("8,292") && html.contains("43.6%"))
    }

    @Test("the six appendices are there, lettered in order")
    func appendices() throws {
        let html = try RenderFixture.render().html
        let titles = [
            "Appendix A</span> Board membership", "Appendix B</span> Financial arrangements",
            "Appendix C</span> Training data", "Appendix D</span> What the report covers",
            "Appendix E</span> Data-quality statement", "Appendix F</span> Glossary of abbreviations",
        ]
        let positions = titles.map { html.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(titles.filter { !html.contains($0) })")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test("the budget table has a caption, scoped headers and its total in tfoot")
    func budgetTable() throws {
        let html = try RenderFixture.render().html
        let start = try #require(html.range(of: "<table id=\"table-budget\">"))
        let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
        let table = html[start.lowerBound..<end.upperBound]
        #expect(table.contains("<caption id=\"table-budget-caption\">Budget contributions 2023/24</caption>"))
        #expect(table.contains("<th scope=\"col\" class=\"numeric\">Contribution</th>"))
        #expect(table.contains("<tfoot>\n<tr><th scope=\"row\">Total</th><td class=\"numeric\">£231,675</td>"))
        #expect(table.contains("<a href=\"#correction-1\">43.6% (corrected)</a>"))
    }

    @Test("the corrected figure links to its entry in the data-quality appendix, which gives the reason")
    func corrections() throws {
        let html = try RenderFixture.render().html
        let row = try #require(html.range(of: "<tr id=\"correction-1\">"))
        let entry = html[row.lowerBound...].prefix(600)
        #expect(entry.contains("45%") && entry.contains("43.6%") && entry.contains("24 November 2026"))
    }

    @Test("charts are inline SVG with a title, a summary and their data table beside them")
    func charts() throws {
        let html = try RenderFixture.render().html
        let svgs = html.components(separatedBy: "<svg ").dropFirst()
        #expect(svgs.count >= 3)
        for svg in svgs {
            #expect(svg.contains("role=\"img\"") && svg.contains("<title id=") && svg.contains("<desc id="))
        }
        // Each chart links to its table by the table's caption, so the link says where it goes.
        let captions = [
            "table-budget": "Budget contributions 2023/24",
            "table-training-courses": "Multi-agency training completions by course",
            "table-performance-council": "Children's social care activity in March 2024",
        ]
        for (anchor, caption) in captions {
            #expect(html.contains("<a href=\"#\(anchor)\">\(XMLEscaping.escape(caption))</a>"))
            #expect(html.contains("<table id=\"\(anchor)\">"))
        }
        #expect(!html.contains("the table that follows"))
    }

    @Test("CDOP figures are labelled with their own period, and the section says so once")
    func cdopPeriod() throws {
        let html = try RenderFixture.render().html
        #expect(html.components(separatedBy: "cover 2022/23, not 2023/24").count == 2)
        #expect(html.contains("Child deaths reviewed by the Child Death Overview Panel (2022/23)"))
    }

    @Test("a draft shows a DRAFT banner listing the errors")
    func draft() throws {
        let report = try RenderFixture.render(draft: true)
        #expect(report.html.contains("<strong>DRAFT</strong>"))
        #expect(!(try RenderFixture.render()).html.contains("<strong>DRAFT</strong>"))
    }
}
