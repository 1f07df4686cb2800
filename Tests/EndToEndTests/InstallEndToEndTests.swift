import Foundation
import Testing

@Suite("make install: the tool installed under a PREFIX runs from any folder")
struct InstallEndToEndTests {
    /// Runs make in the repository with `arguments`.
    static func make(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["make", "--no-print-directory", "--silent"] + arguments
        process.currentDirectoryURL = CommandRunner.root
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(
        "installed into a temporary PREFIX and run from an unrelated folder, it builds the reference edition byte for byte as from the repository root"
    )
    func installedBuildsAnywhere() throws {
        let prefix = BuildEndToEndTests.temporaryFolder()
        let elsewhere = BuildEndToEndTests.temporaryFolder()
        let fromRoot = BuildEndToEndTests.temporaryFolder()
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer {
            for folder in [prefix, elsewhere, fromRoot] { try? FileManager.default.removeItem(at: folder) }
        }
        // install-files installs the binary this test run built; `make install` builds it first.
        #expect(
            try Self.make(["install-files", "PREFIX=\(prefix.path)", "INSTALL_BIN=\(CommandRunner.binary.path)"]) == 0)
        let installed = prefix.appendingPathComponent("bin/annual-report")
        for completion in [
            "share/bash-completion/completions/annual-report", "share/zsh/site-functions/_annual-report",
            "share/fish/vendor_completions.d/annual-report.fish",
        ] {
            let text = try String(contentsOf: prefix.appendingPathComponent(completion), encoding: .utf8)
            #expect(text.contains("annual-report"), "\(completion)")
        }

        let edition = CommandRunner.root.appendingPathComponent(BuildEndToEndTests.reference).path
        let process = Process()
        process.executableURL = installed
        process.arguments = ["build", edition, "--no-pdf"]
        process.currentDirectoryURL = elsewhere
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let root = try CommandRunner.run(["build", BuildEndToEndTests.reference, "--no-pdf", "--output", fromRoot.path])
        #expect(root.status == 0)
        let anywhere = try BuildEndToEndTests.contents(
            of: elsewhere.appendingPathComponent("output/cumbria-2023-24"))
        let atRoot = try BuildEndToEndTests.contents(of: fromRoot)
        #expect(!anywhere.isEmpty)
        #expect(anywhere == atRoot)

        #expect(try Self.make(["uninstall", "PREFIX=\(prefix.path)"]) == 0)
        #expect(!FileManager.default.fileExists(atPath: installed.path))
    }
}
