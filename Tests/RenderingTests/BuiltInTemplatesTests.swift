import Foundation
import Rendering
import ReportModel
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

    @Test(
        "a template, or the templates folder, that is a symbolic link out of where it must stay is refused, located",
        arguments: ["file", "folder"])
    func linkOut(kind: String) throws {
        let edition = try Self.temporaryFolder(["edition.yaml": "templates: templates\n"])
        let outside = try Self.temporaryFolder(["report.mustache": "<p>outside</p>\n"])
        defer {
            try? FileManager.default.removeItem(at: edition)
            try? FileManager.default.removeItem(at: outside)
        }
        let templates = edition.appendingPathComponent("templates")
        if kind == "file" {
            try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: false)
            try FileManager.default.createSymbolicLink(
                at: templates.appendingPathComponent("style.mustache"),
                withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        } else {
            try FileManager.default.createSymbolicLink(at: templates, withDestinationURL: outside)
        }
        let manifest = SourceLocation(file: edition.appendingPathComponent("edition.yaml").path, line: 1, column: 12)
        let error = try #require(throws: TemplateLoadError.self) {
            try TemplateSet(folder: templates.path, inside: edition.path, namedAt: manifest)
        }
        let problem = try #require(error.problems.first)
        if kind == "file" {
            #expect(problem.file == templates.appendingPathComponent("style.mustache").path)
            #expect(problem.message.hasPrefix("the template is a symbolic link that leads outside the edition folder"))
        } else {
            #expect(problem.file == manifest.file)
            #expect(problem.line == 1)
            #expect(problem.column == 12)
            #expect(problem.message.contains("it leads outside the edition folder through a symbolic link"))
        }
        #expect(!error.description.contains("root:x:0"))
    }

    @Test("a folder named on the command line may itself be a link; its files stay inside it")
    func namedFolderIsALink() throws {
        let real = try Self.temporaryFolder(["row.mustache": "<tr><th scope=\"row\">{{header}}</th></tr>\n"])
        let base = try Self.temporaryFolder([:])
        defer {
            try? FileManager.default.removeItem(at: real)
            try? FileManager.default.removeItem(at: base)
        }
        let link = base.appendingPathComponent("templates")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        _ = try TemplateSet(folder: link.path)
        try FileManager.default.createSymbolicLink(
            at: real.appendingPathComponent("style.mustache"), withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        let error = try #require(throws: TemplateLoadError.self) { try TemplateSet(folder: link.path) }
        #expect(
            error.problems.first?.message.hasPrefix(
                "the template is a symbolic link that leads outside the templates folder") == true)
    }

    @Test("a template larger than the limit is named, unread")
    func tooLarge() throws {
        let folder = try Self.temporaryFolder([
            "block.mustache": String(repeating: "a", count: TemplateSet.largestFile + 1)
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: TemplateLoadError.self) { try TemplateSet(folder: folder.path) }
        #expect(
            error.description
                == "\(folder.path)/block.mustache: error: cannot read the template: it is larger than 1 MiB")
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
