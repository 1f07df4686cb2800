import Foundation
import Testing

@Suite("annual-report build with a disclosure policy, run as a user runs it")
struct DisclosureEndToEndTests {
    /// The synthetic Northmoor and Vale edition, whose child deaths (9) break down by age
    /// (5, 1, 3) and by sex (4, 5), with a policy protecting them.
    static func protectedEdition() throws -> URL {
        let folder = BuildEndToEndTests.temporaryFolder()
        try FileManager.default.copyItem(
            at: CommandRunner.root.appendingPathComponent("Tests/Editions/synthetic-northmoor-vale"), to: folder)
        let manifest = folder.appendingPathComponent("edition.yaml")
        // Its recorded decision (disclosure: none) gives way to a policy.
        let text = try String(contentsOf: manifest, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .filter { !$0.hasPrefix("    disclosure: none") && !$0.hasPrefix("    reason: Invented figures") }
        .joined(separator: "\n")
        try (text + "disclosure:\n  small_counts: 5\n  zeros: publish\n  min_range: 5\n  datasets: [child-deaths]\n")
            .write(to: manifest, atomically: true, encoding: .utf8)
        return folder
    }

    @Test("no published file holds a small count in its place, and the log goes to a folder of its own")
    func publishesNoSmallCount() throws {
        let edition = try Self.protectedEdition()
        let output = BuildEndToEndTests.temporaryFolder()
        let internalLog = URL(fileURLWithPath: output.path + "-internal")
        defer {
            for folder in [edition, output, internalLog] { try? FileManager.default.removeItem(at: folder) }
        }
        let outcome = try CommandRunner.run(["build", edition.path, "--no-pdf", "--output", output.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let files = try BuildEndToEndTests.contents(of: output)
        #expect(files["/checks.csv"] == nil && files["/findings.json"] == nil)
        let log = try BuildEndToEndTests.contents(of: internalLog)
        #expect(log["/checks.csv"] != nil && log["/findings.json"] != nil && log["/.annual-report"] != nil)
        // Open data: every small part is c, the headline 9 published.
        let csv = String(decoding: files["/data/child-deaths.csv"] ?? Data(), as: UTF8.self)
        for measure in ["deaths_under_1", "deaths_1_to_4", "deaths_5_to_17", "deaths_boys", "deaths_girls"] {
            #expect(csv.contains("northmoor-vale,\(measure),c,"), "\(measure) in \(csv)")
        }
        #expect(csv.contains("northmoor-vale,child_deaths,9,"))
        // The report's table: each part's cell is c, with the note saying what c means.
        let html = String(decoding: files["/report.html"] ?? Data(), as: UTF8.self)
        for label in ["Aged under 1", "Aged 1 to 4", "Aged 5 to 17", "Boys", "Girls"] {
            #expect(html.contains("<th scope=\"row\" class=\"member\">\(label)</th><td class=\"numeric\">c</td>"))
        }
        #expect(html.contains("<p class=\"table-note\">c: not published, so that no child can be identified"))
        #expect(!html.contains("checks.csv") && !html.contains("-internal"))
        #expect(html.contains("Five figures were withheld in this way"))
        // The schema declares c a missing value where it appears; the published manifest
        // carries the policy.
        let package = String(decoding: files["/datapackage.json"] ?? Data(), as: UTF8.self)
        #expect(package.contains("\"c\""))
        let manifest = String(decoding: files["/edition.yaml"] ?? Data(), as: UTF8.self)
        #expect(manifest.contains("disclosure:\n  small_counts: 5"))
    }

    @Test("two builds with a policy give byte-identical files")
    func deterministic() throws {
        let edition = try Self.protectedEdition()
        let first = BuildEndToEndTests.temporaryFolder()
        let second = BuildEndToEndTests.temporaryFolder()
        defer {
            for folder in [edition, first, second] {
                try? FileManager.default.removeItem(at: folder)
                try? FileManager.default.removeItem(at: URL(fileURLWithPath: folder.path + "-internal"))
            }
        }
        for output in [first, second] {
            #expect(try CommandRunner.run(["build", edition.path, "--no-pdf", "--output", output.path]).status == 0)
        }
        #expect(try BuildEndToEndTests.contents(of: first) == BuildEndToEndTests.contents(of: second))
    }
}
