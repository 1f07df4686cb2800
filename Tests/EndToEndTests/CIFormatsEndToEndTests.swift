import Foundation
import Testing

@Suite("check's findings where CI users look: SARIF for code scanning, workflow commands for pull requests")
struct CIFormatsEndToEndTests {
    static let reference = "inputs/cumbria-2023-24"

    /// Runs `scripts/sarif_check.py`, which reads each log with sarif-pydantic from PyPI.
    static func readBySARIFReader(_ logs: [URL]) throws -> CommandRunner.Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/sarif_check.py"] + logs.map(\.path)
        process.currentDirectoryURL = CommandRunner.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandRunner.Outcome(
            status: process.terminationStatus, standardOutput: String(decoding: data, as: UTF8.self),
            standardError: "")
    }

    @Test("the SARIF of the reference edition and of a mutated one is read without error by an independent reader")
    func sarifReadsIndependently() throws {
        let mutated = try TemporaryEdition(copying: Self.reference)
        try mutated.replace(in: "data/budget.csv", "43.6%", with: "45%")
        let folder = BuildEndToEndTests.temporaryFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var logs: [URL] = []
        for (name, edition, status) in [("reference", Self.reference, Int32(0)), ("mutated", mutated.path, 1)] {
            let outcome = try CommandRunner.run(["check", "--format", "sarif", edition])
            #expect(outcome.status == status, "\(outcome.standardError)")
            let log = folder.appendingPathComponent("\(name).sarif")
            try Data(outcome.standardOutput.utf8).write(to: log)
            logs.append(log)
        }
        let reader = try Self.readBySARIFReader(logs)
        #expect(reader.status == 0, "\(reader.standardOutput)")

        let mutatedLog = try String(contentsOf: logs[1], encoding: .utf8)
        #expect(mutatedLog.contains("\"uri\" : \"file://\(mutated.path)/data/budget.csv\""))
        #expect(mutatedLog.contains("\"ruleId\" : \"percentages.stated\""))
        #expect(mutatedLog.contains("\"level\" : \"error\""))
    }

    @Test("--format github annotates each finding's file, line and column")
    func githubAnnotations() throws {
        let mutated = try TemporaryEdition(copying: Self.reference)
        try mutated.replace(in: "data/budget.csv", "43.6%", with: "45%")
        let outcome = try CommandRunner.run(["check", "--format", "github", mutated.path])
        #expect(outcome.status == 1)
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "::error file=\(mutated.path)/data/budget.csv,line=4,col=4,title=percentages.stated::45%25 is stated, but Health's £101,103 of £231,675 is 43.64%25, which rounds to 44%25"
            ))
        #expect(lines.contains { $0.hasPrefix("::warning file=\(mutated.path)/data/performance.csv,line=3,col=4,") })
        #expect(lines.last?.hasSuffix("checks: 3 errors, 5 warnings") == true)
    }
}
