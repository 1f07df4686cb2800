import Foundation
import Rendering
import Testing

@Suite("Template problems are reported with their file and line")
struct TemplateTests {
    /// The repository's templates, with one of them replaced.
    static func templates(replacing name: String, with text: String) throws -> [String: (path: String, text: String)] {
        let folder = RenderFixture.root.appendingPathComponent("templates")
        var sources: [String: (path: String, text: String)] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
            let key = String(file.dropLast(".mustache".count))
            sources[key] = (
                "templates/\(file)", try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            )
        }
        sources[name] = ("templates/\(name).mustache", text)
        return sources
    }

    static func problems(replacing name: String, with text: String) throws -> [TemplateProblem] {
        let sources = try templates(replacing: name, with: text)
        do {
            let set = try TemplateSet(sources: sources)
            let (edition, validation) = try RenderFixture.edition()
            _ = try ReportRenderer(templates: set).render(edition, validation: validation, draft: false)
            return []
        } catch let error as TemplateLoadError {
            return error.problems
        } catch let error as RenderError {
            if case .templates(let load) = error { return load.problems }
            throw error
        }
    }

    @Test("an unknown variable names the template, line and column, with a suggestion")
    func unknownVariable() throws {
        let problems = try Self.problems(replacing: "row", with: "<tr>\n<th scope=\"row\">{{heder}}</th></tr>\n")
        #expect(
            problems == [
                TemplateProblem(
                    file: "templates/row.mustache", line: 2, column: 17,
                    message:
                        "unknown variable 'heder' (did you mean 'header'?): the report provides no value by that name")
            ])
    }

    @Test("markup that is not well-formed names the template and line")
    func notWellFormed() throws {
        let problems = try Self.problems(replacing: "block", with: "{{#paragraphs}}<p>{{.}}\n{{/paragraphs}}<div>\n")
        let problem = try #require(problems.first)
        #expect(problem.file == "templates/block.mustache")
        #expect(problem.message.hasPrefix("the markup is not well-formed"))
        #expect((1...3).contains(problem.line ?? 0))
    }

    @Test("a section that is never closed is a parse error with its line")
    func parseError() throws {
        let problems = try Self.problems(replacing: "table", with: "<div>\n{{#rows}}<p></p>\n</div>\n")
        let problem = try #require(problems.first)
        #expect(problem.file == "templates/table.mustache")
        #expect(problem.message.hasPrefix("the template does not parse"))
    }

    @Test("the repository's templates have no problems")
    func repositoryTemplates() throws {
        #expect(
            try Self.problems(
                replacing: "row",
                with: try String(
                    contentsOf: RenderFixture.root.appendingPathComponent("templates/row.mustache"), encoding: .utf8))
                == [])
    }
}

@Suite("libxml2 verification")
struct XHTMLVerifierTests {
    @Test(
        "a well-formedness error is located",
        arguments: [
            ("<html><body><p>open</body></html>", 1),
            ("<html>\n<body>\n<br>\n</body></html>", 4),
            ("<html>&nbsp;</html>", 1),
        ])
    func located(document: String, line: Int) {
        let problems = XHTMLVerifier.problems(in: document)
        #expect(problems.count == 1)
        #expect(problems.first?.line == line)
    }

    @Test("an external entity is never fetched or expanded")
    func noExternalEntities() {
        let hostile = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
        // Parsed without entity substitution or network: it is well-formed, and nothing is read.
        #expect(XHTMLVerifier.problems(in: hostile).allSatisfy { !$0.message.contains("root:") })
    }
}
