import Foundation
import Testing

@Suite("annual-report check, run as a user runs it")
struct CheckEndToEndTests {
    static let reference = "inputs/cumbria-2023-24"

    @Test("the reference edition passes with its warnings shown")
    func referencePasses() throws {
        let outcome = try CommandRunner.run(["check", Self.reference])
        #expect(outcome.status == 0, "\(outcome.standardOutput)\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("warning: 23.5% is stated"))
        let summary = try #require(outcome.standardOutput.split(separator: "\n").last)
        #expect(summary.hasSuffix("checks: 0 errors, 5 warnings"))
    }

    @Test("--strict turns the warnings into a failing exit status")
    func strictFails() throws {
        #expect(try CommandRunner.run(["check", "--strict", Self.reference]).status == 1)
    }

    @Test("an error in the data exits 1 and names the cell")
    func dataErrorExitsOne() throws {
        let copy = try TemporaryEdition(copying: Self.reference)
        try copy.replace(in: "data/budget.csv", "43.6%", with: "45%")
        let outcome = try CommandRunner.run(["check", copy.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("\(copy.path)/data/budget.csv:4:4: error: 45% is stated"))
    }

    @Test("an unknown figure reference in the narrative exits 1, located in the Markdown file")
    func unknownReference() throws {
        let copy = try TemporaryEdition(copying: Self.reference)
        let file = URL(fileURLWithPath: copy.path).appendingPathComponent("narrative/summary.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try ("Contacts: {{= cumberland/contact }}.\n\n" + text).write(to: file, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["check", copy.path])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardOutput.contains(
                "\(copy.path)/narrative/summary.md:1:11: error: unknown figure 'cumberland/contact' (did you mean 'cumberland/contacts'?)"
            ))
    }

    @Test("JSON and JUnit outputs parse", arguments: ["json", "junit"])
    func machineFormats(_ format: String) throws {
        let outcome = try CommandRunner.run(["check", "--format", format, Self.reference])
        #expect(outcome.status == 0)
        if format == "json" {
            let object = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
            #expect(object?["edition"] as? String == "cumbria-2023-24")
            #expect(object?["errors"] as? Int == 0)
        } else {
            #expect(outcome.standardOutput.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"))
        }
    }

    @Test(
        "it cannot run: exit 2 with a message",
        arguments: [
            ["check", "inputs/no-such-edition"],
            ["check"],
            ["check", "--format", "xml", "inputs/cumbria-2023-24"],
            ["no-such-command"],
        ])
    func cannotRun(_ arguments: [String]) throws {
        let outcome = try CommandRunner.run(arguments)
        #expect(outcome.status == 2)
        #expect(!outcome.standardError.isEmpty)
    }

    @Test("an edition folder without a manifest exits 2 and says so")
    func noManifest() throws {
        let copy = try TemporaryEdition(copying: Self.reference)
        try FileManager.default.removeItem(atPath: copy.path + "/edition.yaml")
        let outcome = try CommandRunner.run(["check", copy.path])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("edition.yaml"))
    }
}

/// A copy of an edition in a temporary folder, removed when the value goes away.
final class TemporaryEdition {
    let path: String

    init(copying edition: String) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("annual-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent((edition as NSString).lastPathComponent)
        try FileManager.default.copyItem(at: CommandRunner.root.appendingPathComponent(edition), to: target)
        path = target.path
    }

    func replace(in file: String, _ old: String, with new: String) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
}
