import Foundation
import Testing

@Suite("annual-report upgrade, run as a user runs it")
struct UpgradeEndToEndTests {
    static let reference = "inputs/cumbria-2023-24"

    /// Every edition in the repository: each is written in format 1.
    static let editions = [
        reference, "Tests/Editions/synthetic-tricky-markdown", "Tests/Editions/synthetic-year-on-year",
    ]

    /// The bytes of `file` in `edition`.
    static func bytes(_ edition: TemporaryEdition, _ file: String = "edition.yaml") throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: edition.path).appendingPathComponent(file))
    }

    @Test(
        "upgrade changes the record, not the report: the same check findings, byte-identical reports",
        arguments: editions)
    func sameReport(_ edition: String) throws {
        let plain = try TemporaryEdition(copying: edition)
        let upgraded = try TemporaryEdition(copying: edition)
        let outcome = try CommandRunner.run(["upgrade", upgraded.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let manifest = "\(upgraded.path)/edition.yaml"
        #expect(outcome.standardOutput.contains("\(manifest):3: added 'format: 2': "))
        #expect(outcome.standardOutput.contains("listed the appendices (board, finance, training, coverage"))
        #expect(
            outcome.standardOutput.hasSuffix(
                "upgraded \(upgraded.path) from format 1 to 2: 2 changes; it builds the same report\n"))
        #expect(try String(decoding: Self.bytes(upgraded), as: UTF8.self).contains("\nformat: 2\n"))

        // The same findings, in text and JSON, once each run's own path is set aside.
        for format in ["text", "json"] {
            let before = try CommandRunner.run(["check", "--format", format, plain.path])
            let after = try CommandRunner.run(["check", "--format", format, upgraded.path])
            #expect(before.status == 0 && after.status == 0)
            #expect(
                before.standardOutput.replacingOccurrences(of: plain.path, with: "EDITION")
                    == after.standardOutput.replacingOccurrences(of: upgraded.path, with: "EDITION"))
        }

        let diff = try CommandRunner.run(["diff", plain.path, upgraded.path])
        #expect(diff.status == 0 && diff.standardOutput == "no differences\n", "\(diff.standardOutput)")

        let first = BuildEndToEndTests.temporaryFolder()
        let second = BuildEndToEndTests.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        #expect(try CommandRunner.run(["build", plain.path, "--no-pdf", "--output", first.path]).status == 0)
        #expect(try CommandRunner.run(["build", upgraded.path, "--no-pdf", "--output", second.path]).status == 0)
        let a = try BuildEndToEndTests.contents(of: first)
        let b = try BuildEndToEndTests.contents(of: second)
        for report in ["/report.html", "/report.xhtml"] {
            #expect(a[report] != nil && a[report] == b[report], "\(report) differs after the upgrade")
        }
    }

    @Test("a second upgrade has nothing to change: exit 0, the file untouched")
    func idempotent() throws {
        let edition = try TemporaryEdition(copying: Self.reference)
        #expect(try CommandRunner.run(["upgrade", edition.path]).status == 0)
        let once = try Self.bytes(edition)
        let again = try CommandRunner.run(["upgrade", edition.path])
        #expect(again.status == 0)
        #expect(again.standardOutput == "\(edition.path) is already format 2, nothing to change\n")
        #expect(try Self.bytes(edition) == once)
    }

    @Test("--dry-run prints each change and writes nothing")
    func dryRun() throws {
        let edition = try TemporaryEdition(copying: Self.reference)
        let before = try BuildEndToEndTests.contents(of: URL(fileURLWithPath: edition.path))
        let outcome = try CommandRunner.run(["upgrade", "--dry-run", edition.path])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("\(edition.path)/edition.yaml:3: added 'format: 2'"))
        #expect(
            outcome.standardOutput.hasSuffix(
                "dry run: \(edition.path) would go from format 1 to 2; nothing was written\n"))
        #expect(try BuildEndToEndTests.contents(of: URL(fileURLWithPath: edition.path)) == before)
    }

    @Test("an edition with an error at ingest is refused: exit 1, the error located, nothing written")
    func refusesBrokenEdition() throws {
        let edition = try TemporaryEdition(copying: Self.reference)
        try edition.replace(in: "data/performance.csv", "cumberland,contacts,802", with: "cumberland,contacts,eight")
        let before = try BuildEndToEndTests.contents(of: URL(fileURLWithPath: edition.path))
        let outcome = try CommandRunner.run(["upgrade", edition.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("\(edition.path)/data/performance.csv:"))
        #expect(outcome.standardError.contains("nothing was written"))
        #expect(try BuildEndToEndTests.contents(of: URL(fileURLWithPath: edition.path)) == before)
    }

    @Test(
        "an edition in a newer format: check, build and upgrade exit 2, saying where and what to install",
        arguments: [["check"], ["build", "--no-pdf"], ["upgrade"]])
    func newerFormat(_ command: [String]) throws {
        let edition = try TemporaryEdition(copying: Self.reference)
        try edition.replace(in: "edition.yaml", "partnership:\n", with: "format: 3\npartnership:\n")
        let output = BuildEndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let extra = command.first == "build" ? ["--output", output.path] : []
        let outcome = try CommandRunner.run(command + [edition.path] + extra)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("\(edition.path)/edition.yaml:3:9: the edition is written in format 3"))
        #expect(outcome.standardError.contains("Install a newer annual-report"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("new writes the current format: its edition needs no upgrade")
    func newWritesCurrentFormat() throws {
        let folder = BuildEndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("synthetic-next-2024-25").path
        #expect(try CommandRunner.run(["new", target, "--from", Self.reference]).status == 0)
        let outcome = try CommandRunner.run(["upgrade", target])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "\(target) is already format 2, nothing to change\n")
    }
}
