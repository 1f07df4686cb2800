import Foundation
import Testing

@Suite("The report's templates: built in, exported, and overridden by an edition")
struct TemplatesEndToEndTests {
    static let reference = "inputs/cumbria-2023-24"

    /// The reference edition with its own templates folder holding `files`, named in its manifest.
    static func editionWithTemplates(_ files: [String: String]) throws -> TemporaryEdition {
        let edition = try TemporaryEdition(copying: reference)
        let folder = URL(fileURLWithPath: edition.path).appendingPathComponent("look")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        try edition.replace(in: "edition.yaml", "publication:\n", with: "templates: look\npublication:\n")
        return edition
    }

    @Test("templates export writes the built-in templates, the same as the repository's templates/")
    func export() throws {
        let folder = BuildEndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CommandRunner.run(["templates", "export", folder.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let exported = try BuildEndToEndTests.contents(of: folder)
        let committed = try BuildEndToEndTests.contents(of: CommandRunner.root.appendingPathComponent("templates"))
        #expect(!exported.isEmpty && exported == committed)
        let again = try CommandRunner.run(["templates", "export", folder.path])
        #expect(again.status == 2)
        #expect(again.standardError.contains("already holds files"))
    }

    @Test(
        "check finds what build would refuse in an edition's own templates, located in the template",
        arguments: [
            ("section.mustache", "<section>{{#blocks}}</section>\n", "section.mustache"),
            ("row.mustache", "<tr><th>{{headr}}</th></tr>\n", "row.mustache"),
        ])
    func checkFindsBrokenTemplates(_ name: String, _ text: String, _ place: String) throws {
        let edition = try Self.editionWithTemplates([name: text])
        let check = try CommandRunner.run(["check", edition.path])
        #expect(check.status == 1, "\(check.standardOutput)\(check.standardError)")
        // A finding like any other, in every format: located in the template, with its rule.
        #expect(check.standardOutput.contains(place), "\(check.standardOutput)")
        #expect(check.standardOutput.contains("[templates.invalid]"), "\(check.standardOutput)")
        let json = try CommandRunner.run(["check", "--format", "json", edition.path])
        #expect(
            json.standardOutput.contains("\"rule\" : \"templates.invalid\"")
                || json.standardOutput.contains("\"rule\":\"templates.invalid\""), "\(json.standardOutput)")
        let output = BuildEndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(try CommandRunner.run(["build", edition.path, "--no-pdf", "--output", output.path]).status == 2)
    }

    @Test("a manifest's templates: folder replaces the built-in template of each name")
    func manifestOverride() throws {
        let edition = try Self.editionWithTemplates([
            "row.mustache": "<tr class=\"our-row\">{{#cells}}<td>{{text}}</td>{{/cells}}</tr>\n"
        ])
        let output = BuildEndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let outcome = try CommandRunner.run(["build", edition.path, "--no-pdf", "--output", output.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<tr class=\"our-row\">"))
    }

    @Test("a broken template in the edition's folder is located by file and line, and nothing is written")
    func brokenOverride() throws {
        let edition = try Self.editionWithTemplates(["row.mustache": "<tr>\n<th scope=\"row\">{{heder}}</th></tr>\n"])
        let output = BuildEndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let outcome = try CommandRunner.run(["build", edition.path, "--no-pdf", "--output", output.path])
        #expect(outcome.status == 2)
        #expect(
            outcome.standardError.contains("\(edition.path)/look/row.mustache:2:17: error: unknown variable 'heder'"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("--templates wins over the manifest's folder, and a missing one is named in the tool's words")
    func missingFolder() throws {
        let edition = try Self.editionWithTemplates(["row.mustache": "{{heder}}\n"])
        let outcome = try CommandRunner.run(["build", edition.path, "--no-pdf", "--templates", "/no/such/templates"])
        #expect(outcome.status == 2)
        #expect(
            outcome.standardError
                == "/no/such/templates: error: no such folder: expected a folder of .mustache templates\n")
    }

    @Test("a templates: path that leaves the edition is refused like any other")
    func templatesOutsideEdition() throws {
        let edition = try TemporaryEdition(copying: Self.reference)
        try edition.replace(in: "edition.yaml", "publication:\n", with: "templates: ../elsewhere\npublication:\n")
        let outcome = try CommandRunner.run(["check", edition.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("the path '../elsewhere' leaves the edition folder"))
    }
}
