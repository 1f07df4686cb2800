import Foundation
import Testing

@Suite("annual-report diff and new, run as a user runs them")
struct DiffAndNewEndToEndTests {
    static let reference = "inputs/cumbria-2023-24"

    @Test("an edition compared with itself: exit 0, nothing listed")
    func identical() throws {
        let outcome = try CommandRunner.run(["diff", Self.reference, Self.reference])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "no differences\n")
    }

    @Test("one figure and its stated total changed in a copy: exit 1, exactly those two, located")
    func figureAndTotal() throws {
        let copy = try TemporaryEdition(copying: Self.reference)
        try copy.replace(
            in: "data/training-courses.csv", "Neglect,e-learning,255,part", with: "Neglect,e-learning,256,part")
        try copy.replace(in: "data/training-courses.csv", "Grand total,,\"6,927\"", with: "Grand total,,\"6,928\"")
        let outcome = try CommandRunner.run(["diff", "--format", "json", Self.reference, copy.path])
        #expect(outcome.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        let changes = try #require(object?["changes"] as? [[String: Any]])
        #expect(changes.count == 2)
        #expect(changes.map { $0["key"] as? String } == ["Neglect", "Grand total"])
        #expect(
            changes.map { $0["file"] as? String }
                == Array(repeating: "\(copy.path)/data/training-courses.csv", count: 2))
        #expect(changes.map { $0["line"] as? Int } == [11, 15])
        #expect(changes.map { $0["old"] as? String } == ["255", "6927"])
    }

    @Test("an edition and its own build's published data hold the same figures")
    func editionAndBuild() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "annual-report-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(try CommandRunner.run(["build", Self.reference, "--no-pdf", "--output", output.path]).status == 0)
        let outcome = try CommandRunner.run(["diff", Self.reference, output.path])
        #expect(outcome.status == 0, "\(outcome.standardOutput)")
    }

    @Test("a side that cannot be read: exit 2")
    func unreadable() throws {
        #expect(try CommandRunner.run(["diff", Self.reference, "inputs/nothing-here"]).status == 2)
    }

    @Test("new scaffolds a successor edition that check says is incomplete, figure by figure")
    func scaffold() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "annual-report-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("synthetic-successor-2024-25").path
        let created = try CommandRunner.run([
            "new", target, "--from", Self.reference, "--partnership", "Cumberland Safeguarding Children Partnership",
            "--area", "cumberland",
        ])
        #expect(created.status == 0, "\(created.standardError)")
        let checked = try CommandRunner.run(["check", target])
        #expect(checked.status == 1)
        #expect(
            checked.standardOutput.contains(
                "\(target)/data/performance.csv:2:3: error: no value yet for cumberland/contacts (Contacts received by the MASH); last year's was 802"
            ))
        // Datasets whose rows were all for Cumbria are left out and named, not written empty:
        // every error left is a figure or amount still to fill in.
        #expect(
            created.standardOutput.contains("left out cdop (Child deaths reviewed by the Child Death Overview Panel)"))
        #expect(!FileManager.default.fileExists(atPath: target + "/data/cdop.csv"))
        let errors = checked.standardOutput.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(!errors.isEmpty)
        for line in errors {
            #expect(line.contains("[value.missing]"), "\(line)")
        }
        let again = try CommandRunner.run(["new", target, "--from", Self.reference])
        #expect(again.status == 2, "new never overwrites an edition")
        // An edition, not output: no marker, so a build to it (a mistyped --output) refuses.
        #expect(!FileManager.default.fileExists(atPath: target + "/.annual-report"))
        let built = try CommandRunner.run(["build", Self.reference, "--no-pdf", "--output", target])
        #expect(built.status == 2)
        #expect(FileManager.default.fileExists(atPath: target + "/data/performance.csv"))
    }

    @Test("new with an area the edition does not have: exit 2 with a suggestion")
    func unknownArea() throws {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent(
            "annual-report-new-\(UUID().uuidString)"
        ).path
        let outcome = try CommandRunner.run(["new", target, "--from", Self.reference, "--area", "cumberlnd"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("did you mean 'cumberland'?"))
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}
