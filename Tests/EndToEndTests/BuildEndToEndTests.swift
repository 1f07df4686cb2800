import Foundation
import Testing

@Suite("annual-report build, run as a user runs it")
struct BuildEndToEndTests {
    static let reference = "inputs/cumbria-2023-24"

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("annual-report-build-\(UUID().uuidString)")
    }

    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard !url.hasDirectoryPath else { continue }
            files[url.path.replacingOccurrences(of: folder.path, with: "")] = try Data(contentsOf: url)
        }
        return files
    }

    @Test("builds the reference edition: both reports, findings.json and the open-data CSV")
    func builds() throws {
        let output = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let outcome = try CommandRunner.run(["build", Self.reference, "--no-pdf", "--output", output.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let files = try Self.contents(of: output)
        #expect(files["/report.pdf"] == nil, "--no-pdf keeps the analysts' loop fast")
        for name in [
            "/report.html", "/report.xhtml", "/findings.json", "/data/budget.csv", "/data/training-courses.csv",
        ] {
            #expect(files[name] != nil, "missing \(name)")
        }
        let budget = String(decoding: files["/data/budget.csv"] ?? Data(), as: UTF8.self)
        #expect(budget.hasPrefix("agency,parent,amount,stated_percent,row\r\nLocal authorities,,109228,47.1,part\r\n"))
    }

    @Test("a build's output reads back as an edition that checks clean: no error, every dataset placed")
    func outputChecksClean() throws {
        let output = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let built = try CommandRunner.run(["build", Self.reference, "--no-pdf", "--output", output.path])
        #expect(built.status == 0, "\(built.standardError)")
        let checked = try CommandRunner.run(["check", output.path])
        #expect(checked.status == 0, "\(checked.standardOutput)")
        #expect(!checked.standardOutput.contains(": error: "), "\(checked.standardOutput)")
        // The published data has no narrative to show it in: it is data only, not unplaced.
        #expect(!checked.standardOutput.contains("[coverage.dataset-shown]"), "\(checked.standardOutput)")
        // Its marker is a build's own, so check has nothing to say about it.
        #expect(!checked.standardError.contains("output marker"))
    }

    @Test("two builds give byte-identical files, the PDF the manifest asks for included")
    func deterministic() throws {
        let first = Self.temporaryFolder()
        let second = Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        #expect(try CommandRunner.run(["build", Self.reference, "--output", first.path]).status == 0)
        #expect(try CommandRunner.run(["build", Self.reference, "--output", second.path]).status == 0)
        let a = try Self.contents(of: first)
        let b = try Self.contents(of: second)
        #expect(!a.isEmpty && a == b)
        #expect(a["/report.pdf"]?.starts(with: Data("%PDF-".utf8)) == true)
    }

    @Test("a build that fails validation exits 1 and leaves the previous output byte for byte")
    func failedBuildKeepsOutput() throws {
        let output = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(try CommandRunner.run(["build", Self.reference, "--no-pdf", "--output", output.path]).status == 0)
        let before = try Self.contents(of: output)
        let broken = try TemporaryEdition(copying: Self.reference)
        try broken.replace(in: "data/training-courses.csv", "Grand total,,\"6,927\"", with: "Grand total,,\"6,928\"")
        let outcome = try CommandRunner.run(["build", broken.path, "--output", output.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("training-courses.csv:15:3: error: the stated total 6,928"))
        #expect(outcome.standardError.contains("nothing was written"))
        #expect(try Self.contents(of: output) == before)
    }

    @Test("--draft renders despite errors, with the DRAFT banner")
    func draft() throws {
        let output = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let broken = try TemporaryEdition(copying: Self.reference)
        try broken.replace(in: "data/budget.csv", "43.6%", with: "45%")
        let outcome = try CommandRunner.run(["build", broken.path, "--output", output.path, "--draft", "--no-pdf"])
        #expect(outcome.status == 0)
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<strong>DRAFT</strong>"))
        #expect(html.contains("45% is stated, but Health"))
    }

    @Test("a broken template exits 2 (the tool cannot run), names the template and line, and writes nothing")
    func brokenTemplate() throws {
        let output = Self.temporaryFolder()
        let templates = Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: templates)
        }
        try FileManager.default.copyItem(at: CommandRunner.root.appendingPathComponent("templates"), to: templates)
        try "<tr><th scope=\"row\">{{heading}}</th></tr>\n<p>".write(
            to: templates.appendingPathComponent("row.mustache"), atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run([
            "build", Self.reference, "--output", output.path, "--templates", templates.path,
        ])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("row.mustache:"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("without WeasyPrint, a build that needs the PDF exits 2, says how to install it, and writes nothing")
    func pdfPrinterMissing() throws {
        let output = Self.temporaryFolder()
        let emptyPath = Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: emptyPath)
        }
        #expect(try CommandRunner.run(["build", Self.reference, "--no-pdf", "--output", output.path]).status == 0)
        let before = try Self.contents(of: output)
        try FileManager.default.createDirectory(at: emptyPath, withIntermediateDirectories: true)
        // No python3 on the PATH: as on a machine where nobody installed WeasyPrint.
        let outcome = try CommandRunner.run(
            ["build", Self.reference, "--output", output.path], environment: ["PATH": emptyPath.path])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("pip install weasyprint"), "\(outcome.standardError)")
        #expect(try Self.contents(of: output) == before)
    }

    @Test("an output folder that cannot be written exits 2")
    func unwritable() throws {
        let outcome = try CommandRunner.run([
            "build", Self.reference, "--no-pdf", "--output", "/proc/annual-report/out",
        ])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("cannot write the output"))
    }
}

@Suite("build never destroys what it did not write")
struct OutputSafetyTests {
    @Test("--output pointing at a folder of someone else's files: exit 2, the files untouched")
    func foreignFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "annual-report-foreign-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let precious = folder.appendingPathComponent("thesis.txt")
        try "years of work".write(to: precious, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["build", "inputs/cumbria-2023-24", "--output", folder.path])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("did not write"))
        #expect(try String(contentsOf: precious, encoding: .utf8) == "years of work")
    }

    @Test("a folder the tool wrote is replaced by the next build")
    func ownFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "annual-report-own-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let build = ["build", "inputs/cumbria-2023-24", "--no-pdf", "--output", folder.path]
        #expect(try CommandRunner.run(build).status == 0)
        #expect(try CommandRunner.run(build).status == 0)
    }
}
