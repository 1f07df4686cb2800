import Foundation
import ReportModel
import Testing

@testable import Rendering

/// An edition's own templates are its input: what they may not do, each located in the
/// template, before anything renders (issue 22, item 1).
@Suite("An edition's own templates are held to the report's promises")
struct HostileTemplateTests {
    /// The problems with the built-in templates and `replacements` over them.
    static func problems(_ replacements: [String: String]) throws -> [TemplateProblem] {
        var sources: [String: (path: String, text: String)] = [:]
        for file in TemplateSet.builtInFiles { sources[file.name] = ("built-in \(file.name).mustache", file.text) }
        for (name, text) in replacements { sources[name] = ("t/\(name).mustache", text) }
        do {
            let set = try TemplateSet(sources: sources)
            let (edition, validation) = try RenderFixture.edition()
            _ = try ReportRenderer(templates: set).render(edition, validation: validation, draft: false)
            return []
        } catch let error as TemplateLoadError {
            return error.problems
        } catch let error as RenderError {
            switch error {
            case .templates(let load): return load.problems
            case .policy(let problems): return problems
            case .notWellFormed: throw error
            }
        }
    }

    /// A block template holding `markup` on its second line, as a partnership might write it.
    static func block(_ markup: String) -> [String: String] {
        ["block": "<div class=\"block\">\n\(markup)\n</div>\n"]
    }

    @Test(
        "a tag that would publish data as markup, or hide tags from the checks, is refused at its line and column",
        arguments: [
            ("{{{blockHeading}}}", "'blockHeading' is written unescaped"),
            ("{{& blockHeading}}", "'blockHeading' is written unescaped"),
            ("{{%CONTENT_TYPE:TEXT}}", "the pragma {{%CONTENT_TYPE:TEXT}} would change how values are escaped"),
            ("{{=<% %>=}}", "the tag {{=<% %>=}} changes the delimiters"),
            ("{{>*blockHeading}}", "the partial {{>*blockHeading}} takes its name from a value"),
            ("{{<table}}{{/table}}", "template inheritance ({{< parent}}, {{$ block}}) is not supported"),
            ("{{> nowhere}}", "the partial 'nowhere' is no template"),
        ])
    func refusedTags(tag: String, message: String) throws {
        let problems = try Self.problems(Self.block("<p>x</p>" + tag))
        let problem = try #require(problems.first, "\(tag) was not refused")
        #expect(problem.file == "t/block.mustache")
        #expect(problem.line == 2)
        #expect(problem.column == 9)
        #expect(problem.message.hasPrefix(message), "\(problem.message)")
    }

    @Test(
        "the report's own markup may still be written unescaped, as the built-in templates do",
        arguments: ["{{#chart}}{{{svg}}}{{/chart}}", "{{#chart}}{{& svg}}{{/chart}}"])
    func ownMarkupUnescaped(tag: String) throws {
        #expect(try Self.problems(Self.block(tag)) == [])
    }

    @Test(
        "markup that runs or loads something is refused at its line in the template",
        arguments: [
            ("<script>alert(1)</script>", "the element <script> runs or loads something"),
            ("<p><img src=\"https://example.org/a.png\" alt=\"\"/></p>", "the element <img> runs or loads something"),
            ("<link rel=\"stylesheet\" href=\"https://example.org/s.css\"/>", "the element <link> runs or loads"),
            ("<iframe title=\"x\"></iframe>", "the element <iframe> runs or loads something"),
            ("<p onclick=\"alert(1)\">x</p>", "the attribute onclick= is an event handler"),
            ("<a href=\"javascript:alert(1)\">x</a>", "the link 'javascript:alert(1)' uses the scheme javascript:"),
            ("<a href=\"//example.org/\">x</a>", "the link '//example.org/' is protocol-relative"),
            (
                "<a href=\"java&#9;script:alert(1)\">x</a>",
                "the link 'java\tscript:alert(1)' uses the scheme javascript:"
            ),
            ("<a href=\"/\\example.org/\">x</a>", "the link '/\\example.org/' is protocol-relative"),
            (
                "<a href=\"https://example.org/\" attributionsrc=\"https://example.org/r\">x</a>",
                "the attribute attributionsrc= on <a> loads or sends"
            ),
            ("<a href=\"data:text/html,x\">x</a>", "the link 'data:text/html,x' uses the scheme data:"),
            ("<form action=\"https://example.org/\"></form>", "the attribute action= on <form> loads or sends"),
            ("<p style=\"background: url(https://example.org/a.png)\">x</p>", "the style attribute on <p> holds url("),
            ("<p style=\"background: \\75 rl(a.png)\">x</p>", "the style attribute on <p> holds url("),
            ("<p style=\"background: image-set('a.png' 1x)\">x</p>", "the style attribute on <p> holds image-set("),
            ("<style>@import \"https://example.org/s.css\";</style>", "the <style> element holds @import"),
            ("<style>@IMP/**/ORT 'x.css';</style>", "the <style> element holds @import"),
            (
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><use href=\"https://example.org/s.svg#a\"/></svg>",
                "the attribute href='https://example.org/s.svg#a' on <use> loads what it names"
            ),
            (
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><set attributeName=\"href\" to=\"x\"/></svg>",
                "the element <set> runs or loads something"
            ),
            ("<?xml-stylesheet href=\"s.xsl\"?>", "the processing instruction <?xml-stylesheet ...?>"),
            (
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"url(https://example.org/p.svg#a)\"/></svg>",
                "the fill attribute on <rect> holds url("
            ),
            ("<p><![CDATA[ ><script>alert(1)</script> ]]></p>", "a CDATA section is text in XHTML but markup in HTML"),
            ("<p><!--><script>alert(1)</script>--></p>", "a comment holding < or > can end early in HTML"),
            (
                "<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/\"/>",
                "the attribute http-equiv= on <meta> loads or sends"
            ),
        ])
    func refusedMarkup(markup: String, message: String) throws {
        let problems = try Self.problems(Self.block(markup))
        let problem = try #require(problems.first, "\(markup) was not refused")
        #expect(problem.file == "t/block.mustache")
        #expect(problem.line == 2)
        #expect(problem.message.hasPrefix(message), "\(problem.message)")
    }

    @Test(
        "markup that loads nothing passes: links to https, mailto and within the report, CSS without loads",
        arguments: [
            "<a href=\"https://www.gov.uk/\">GOV.UK</a>", "<a href=\"mailto:lscp@example.org\">mail</a>",
            "<a href=\"#{{tableAnchor}}\">table</a>", "<p style=\"color: #0b0c0c\">text</p>",
            "<style>.x::before { content: \"url(a.png)\"; }</style>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><use href=\"#marker\"/></svg>",
        ])
    func allowedMarkup(markup: String) throws {
        #expect(try Self.problems(Self.block(markup)) == [])
    }

    @Test("a DOCTYPE that declares an entity is refused at its line")
    func doctypeWithEntities() throws {
        let report = try #require(TemplateSet.builtInFiles.first { $0.name == "report" }?.text)
        let hostile = report.replacingOccurrences(
            of: "<!DOCTYPE html>", with: "<!DOCTYPE html [ <!ENTITY s SYSTEM \"file:///etc/passwd\"> ]>")
        let problem = try #require(try Self.problems(["report": hostile]).first)
        #expect(problem.file == "t/report.mustache")
        #expect(problem.line == 2)
        #expect(problem.message.hasPrefix("the DOCTYPE declares entities or names an outside DTD"))
    }

    @Test(
        "a value the template puts where it would load or run is refused in the rendered report, either serialisation",
        arguments: [
            (
                "<a href=\"{{title}}\">x</a>", "javascript:alert(1)", "report.xhtml", 5,
                "the link 'javascript:alert(1)' uses the scheme javascript:"
            ),
            (
                "{{^xhtml}}<a href=\"{{title}}\">x</a>{{/xhtml}}", "javascript:alert(1)", "report.html", 4,
                "the link 'javascript:alert(1)' uses the scheme javascript:"
            ),
            (
                "<p style=\"{{title}}\">x</p>", "background: url(https://example.org/a.png)", "report.xhtml", 5,
                "the style attribute on <p> holds url("
            ),
            (
                "<style>.x::before { content: \"{{title}}\" }</style>", "\" } @import \"https://example.org/s.css",
                "report.xhtml", 5, "the <style> element holds @import"
            ),
        ])
    func valueInAttribute(markup: String, value: String, file: String, line: Int, message: String) throws {
        let report = """
            {{#xhtml}}<?xml version="1.0" encoding="UTF-8"?>
            {{/xhtml}}<!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
            <head><meta charset="UTF-8"/><title>report</title></head>
            <body>\(markup)</body>
            </html>

            """
        var sources: [String: (path: String, text: String)] = [:]
        for template in TemplateSet.builtInFiles { sources[template.name] = ("built-in", template.text) }
        sources["report"] = ("t/report.mustache", report)
        let set = try TemplateSet(sources: sources)
        var (edition, validation) = try RenderFixture.edition()
        edition.manifest.publication.title = value
        let error = try #require(throws: RenderError.self) {
            try ReportRenderer(templates: set).render(edition, validation: validation, draft: false)
        }
        guard case .policy(let problems) = error else {
            Issue.record("expected a policy breach, got \(error)")
            return
        }
        let problem = try #require(problems.first)
        #expect(problem.file == file)
        #expect(problem.line == line)
        #expect(problem.message.contains(message), "\(problem.message)")
    }

    @Test(
        "partials that never end, or multiply, are refused at the include before anything renders",
        arguments: [
            (["a": "<p>{{> a}}</p>"], "t/a.mustache", 1, 4, "the partial 'a' includes itself here (a > a)"),
            (
                ["a": "{{> b}}", "b": "<p>{{> a}}</p>"], "t/b.mustache", 1, 4,
                "the partial 'a' includes itself here (a > b > a)"
            ),
            (
                Dictionary(
                    uniqueKeysWithValues: (0..<12).map { ("p\($0)", "<p>{{> p\($0 + 1)}}</p>") } + [("p12", "x")]),
                "t/block.mustache", 1, 6, "partials are included 13 deep from here: expected at most 10"
            ),
            (
                Dictionary(
                    uniqueKeysWithValues: (0..<6).map { ("q\($0)", String(repeating: "{{> q\($0 + 1)}}", count: 32)) }
                        + [("q6", "<p>leaf</p>")]),
                "t/q2.mustache", 1, 1, "the partials included from here expand to more than 4 MiB of template"
            ),
        ])
    func partials(templates: [String: String], file: String, line: Int, column: Int, message: String) throws {
        var replacements = templates
        let first = templates.keys.sorted().first ?? ""
        replacements["block"] = "<div>{{> \(first)}}</div>\n"
        let problem = try #require(try Self.problems(replacements).first { $0.file == file })
        #expect(problem.line == line)
        #expect(problem.column == column)
        #expect(problem.message.hasPrefix(message), "\(problem.message)")
    }

    @Test("sections nested beyond the limit are refused at the first one too deep, without parsing")
    func sectionsTooDeep() throws {
        let depth = 100_000
        let text =
            String(repeating: "{{#paragraphs}}", count: depth) + String(repeating: "{{/paragraphs}}", count: depth)
        let problem = try #require(try Self.problems(["block": text]).first)
        #expect(problem.file == "t/block.mustache")
        #expect(problem.line == 1)
        #expect(problem.column == 1 + 15 * TagPolicy.deepestSections)
        #expect(problem.message.hasPrefix("sections are nested \(TagPolicy.deepestSections + 1) deep here"))
    }
}
