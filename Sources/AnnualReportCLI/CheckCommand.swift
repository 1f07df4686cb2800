import ArgumentParser
import EditionFormat
import Foundation
import Pipeline
import Publishing
import Rendering
import ReportModel
import Validation

/// How `check` prints its findings.
enum FindingsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, sarif, github
}

/// `annual-report check EDITION...`: ingest and validate, print every finding.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate editions and print every finding.",
        discussion:
            "Exits 0 when there are no errors, 1 when there are (or warnings under --strict), 2 when an edition cannot be read."
    )

    @Argument(help: "Edition folders, such as inputs/cumbria-2023-24.")
    var editions: [String]

    @Option(
        help:
            "Output format: text, json, junit, sarif (SARIF 2.1.0, for code-scanning dashboards) or github (workflow commands that annotate pull requests)."
    )
    var format: FindingsFormat = .text

    @Flag(help: "Treat warnings as failures (exit 1).")
    var strict = false

    func run() throws {
        var reports: [ValidationReport] = []
        var unreadable = false
        for folder in editions {
            do {
                // Only JUnit lists passed checks one by one; the other formats count them.
                // An edition's own templates are part of it: what build would refuse in them,
                // check finds first, located in the template, in every format.
                reports.append(try Pipeline.check(folder: folder, recordPasses: format == .junit).report)
                if OutputFolder.holdsStrayMarker(folder) {
                    printError(
                        "note: \((folder as NSString).appendingPathComponent(OutputFolder.marker)) is an output marker that an older annual-report new or init left in this edition; no build replaces the edition, and annual-report upgrade \(folder) removes it"
                    )
                }
            } catch {
                // Report the others before giving up on this one.
                printError("error: \(error)")
                unreadable = true
            }
        }
        switch format {
        case .text:
            for report in reports {
                if reports.count > 1 { printOutput("== \(report.edition)") }
                printOutput(TextReport.render(report), terminator: "")
            }
        case .json: printOutput(JSONReport.render(reports), terminator: "")
        case .junit: printOutput(JUnitReport.render(reports, strict: strict), terminator: "")
        case .sarif: printOutput(SARIFReport.render(reports, ingestChecks: IngestRule.catalogue), terminator: "")
        case .github: printOutput(GitHubReport.render(reports), terminator: "")
        }
        if unreadable { throw ExitCode(2) }
        if !reports.allSatisfy({ $0.passes(strict: strict) }) { throw ExitCode(1) }
    }
}
