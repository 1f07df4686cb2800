import Foundation
import Testing

@Suite("annual-report init: a partnership's first edition from nothing")
struct InitEndToEndTests {
    @Test("init, then check (only the example warnings), then build, on a fresh folder")
    func initCheckBuild() throws {
        let base = BuildEndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let edition = base.appendingPathComponent("first-2025-26").path
        let created = try CommandRunner.run([
            "init", edition, "--partnership", "Example Safeguarding Children Partnership", "--period", "2025/26",
            "--areas", "North Council", "South Council",
        ])
        #expect(created.status == 0, "\(created.standardError)")

        let check = try CommandRunner.run(["check", edition])
        #expect(check.status == 0, "\(check.standardOutput)")
        let findings = check.standardOutput.split(separator: "\n").filter {
            $0.contains(": warning: ") || $0.contains(": error: ")
        }
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.hasSuffix("[content.example]") }, "\(findings)")
        // One example row per dataset kind and the child-deaths dataset's (with its measure's
        // row), one example paragraph per statutory item.
        #expect(findings.filter { $0.contains("/data/") }.count == 11)
        #expect(findings.filter { $0.contains("/narrative/") }.count == 9)
        #expect(try CommandRunner.run(["check", "--strict", edition]).status == 1)

        let manifest = try String(contentsOfFile: edition + "/edition.yaml", encoding: .utf8)
        // The whole area is the place, not the partnership: its tables' columns read "Example".
        #expect(manifest.contains("- key: partnership\n  name: Example\n  level: partnership\n"), "\(manifest)")
        for item in [
            "partner-activity", "impact", "little-progress", "review-actions", "feedback", "scrutiny",
            "contributions", "education", "priorities",
        ] {
            #expect(manifest.contains("- \(item)\n"), "no section covers \(item)")
        }

        let output = base.appendingPathComponent("out")
        let build = try CommandRunner.run(["build", edition, "--no-pdf", "--output", output.path])
        #expect(build.status == 0, "\(build.standardError)")
        // Its child-death figures are protected from the start: the log is kept apart.
        #expect(
            manifest.contains(
                "disclosure:\n  small_counts: 5\n  zeros: publish\n  min_range: 5\n  datasets:\n  - child-deaths"))
        #expect(FileManager.default.fileExists(atPath: output.path + "-internal/checks.csv"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("checks.csv").path))
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Example Safeguarding Children Partnership Annual Report 2025/26"))
        // Example text is never published as if it were the partnership's: the report is a draft.
        #expect(html.contains("<strong>DRAFT</strong>"))
        #expect(build.standardError.contains("marked DRAFT"))
    }

    @Test(
        "init refuses what it cannot start from, in the tool's words",
        arguments: [
            (["--period", "2025/27"], "cannot read the period '2025/27'"),
            (["--period", "2025/26", "--existing"], "already holds files"),
        ])
    func refuses(arguments: [String], message: String) throws {
        let base = BuildEndToEndTests.temporaryFolder()
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        try Data("x".utf8).write(to: base.appendingPathComponent("notes.txt"))
        let outcome = try CommandRunner.run(
            ["init", base.path, "--partnership", "P"] + arguments.filter { $0 != "--existing" })
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["notes.txt"])
    }
}
