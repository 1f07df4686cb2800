import ArgumentParser
import Foundation
import ReportModel
import Validation

/// `annual-report`: turns a safeguarding partnership's figures and narrative into its annual
/// report, after checking that every total and percentage agrees with the data.
@main
struct AnnualReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annual-report",
        abstract: "Check a safeguarding partnership's annual report data and render the report.",
        discussion: """
            Exit status: 0 done with no errors; 1 the data has errors (or warnings under \
            --strict); 2 the tool cannot run (bad usage, missing edition, unreadable file).
            """,
        version: ToolVersion.current,
        subcommands: [
            CheckCommand.self, BuildCommand.self, DiffCommand.self, NewCommand.self, RulesCommand.self,
            SchemaCommand.self,
            InitCommand.self, TemplatesCommand.self, UpgradeCommand.self,
        ])

    /// Runs the command line with the contract's exit statuses: usage errors are 2, not
    /// ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                printOutput(fullMessage(for: error))
                Foundation.exit(0)
            }
            // ArgumentParser's messages quote what was typed, which may hold anything.
            printError(fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}
