import Foundation
import Testing

@Suite("One version, from the package, wherever the tool names itself")
struct VersionEndToEndTests {
    @Test("--version prints the version, and findings.json and the report's metadata carry the same")
    func sameVersionEverywhere() throws {
        let outcome = try CommandRunner.run(["--version"])
        #expect(outcome.status == 0)
        let version = outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+/) != nil, "not a semantic version: \(version)")

        let output = BuildEndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let build = try CommandRunner.run(["build", BuildEndToEndTests.reference, "--no-pdf", "--output", output.path])
        #expect(build.status == 0, "\(build.standardError)")
        let findings = try JSONSerialization.jsonObject(
            with: Data(contentsOf: output.appendingPathComponent("findings.json")))
        let tool = (findings as? [String: Any])?["tool"] as? [String: String]
        #expect(tool == ["name": "annual-report", "version": version])
        for file in ["report.html", "report.xhtml"] {
            let text = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)
            #expect(text.contains("<meta name=\"generator\" content=\"annual-report \(version)\"/>"), "\(file)")
        }
    }
}
