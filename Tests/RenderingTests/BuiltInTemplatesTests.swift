import Foundation
import Rendering
import Testing

@Suite("The built-in templates, and a partnership's own folder over them")
struct BuiltInTemplatesTests {
    static func temporaryFolder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test("the compiled-in templates are exactly templates/*.mustache (run `make templates` when this fails)")
    func builtInMatchesFolder() throws {
        let folder = RenderFixture.root.appendingPathComponent("templates")
        var committed: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mustache") {
            committed[String(name.dropLast(".mustache".count))] = try String(
                contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        let builtIn = Dictionary(uniqueKeysWithValues: TemplateSet.builtInFiles.map { ($0.name, $0.text) })
        #expect(builtIn.keys.sorted() == committed.keys.sorted())
        for (name, text) in committed {
            #expect(builtIn[name] == text, "\(name).mustache differs from the built-in copy: run `make templates`")
        }
    }

    @Test("the built-in templates render the reference edition as the folder's do")
    func builtInRenders() throws {
        let (edition, validation) = try RenderFixture.edition()
        let builtIn = try ReportRenderer(templates: TemplateSet()).render(edition, validation: validation, draft: false)
        let folder = try ReportRenderer(
            templates: TemplateSet(folder: RenderFixture.root.appendingPathComponent("templates").path)
        ).render(edition, validation: validation, draft: false)
        #expect(builtIn.html == folder.html)
        #expect(builtIn.xhtml == folder.xhtml)
    }

    @Test("a folder's template replaces the built-in one of its name; the others stay built in")
    func overrideReplacesByName() throws {
        let folder = try Self.temporaryFolder([
            "row.mustache": "<tr class=\"partnership-row\">{{#cells}}<td>{{text}}</td>{{/cells}}</tr>\n"
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let (edition, validation) = try RenderFixture.edition()
        let rendered = try ReportRenderer(templates: TemplateSet(folder: folder.path)).render(
            edition, validation: validation, draft: false)
        #expect(rendered.html.contains("<tr class=\"partnership-row\">"))
        #expect(rendered.html.contains("<nav class=\"contents\""), "report.mustache is still the built-in one")
    }

    @Test(
        "a folder that cannot serve as templates is named, in the tool's words",
        arguments: [
            ("missing", "no such folder: expected a folder of .mustache templates"),
            ("file", "this is a file: expected a folder of .mustache templates"),
            ("empty", "the folder holds no .mustache files"),
        ])
    func unusableFolder(kind: String, message: String) throws {
        let base = try Self.temporaryFolder(["a-file": "x"])
        defer { try? FileManager.default.removeItem(at: base) }
        let folder: URL
        switch kind {
        case "file": folder = base.appendingPathComponent("a-file")
        case "empty":
            folder = base.appendingPathComponent("empty")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        default: folder = base.appendingPathComponent("missing")
        }
        let error = try #require(throws: TemplateLoadError.self) { try TemplateSet(folder: folder.path) }
        #expect(error.problems.count == 1)
        #expect(error.problems.first?.file == folder.path)
        #expect(error.problems.first?.line == nil)
        #expect(error.problems.first?.message.hasPrefix(message) == true)
        #expect(!error.description.contains("The operation could not be completed"))
    }

    @Test("a template that is not UTF-8 is named")
    func notUTF8() throws {
        let folder = try Self.temporaryFolder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x3C, 0xFF, 0xFE]).write(to: folder.appendingPathComponent("row.mustache"))
        let error = try #require(throws: TemplateLoadError.self) { try TemplateSet(folder: folder.path) }
        #expect(error.description == "\(folder.path)/row.mustache: error: the template is not UTF-8 text")
    }
}
