import ArgumentParser
import EditionFormat
import Foundation
import Publishing
import ReportModel
import Validation

/// `annual-report upgrade EDITION [--dry-run]`: rewrite an edition written in an older format
/// into the current one, saying what changed.
struct UpgradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Rewrite an edition written in an older format into the current one, printing each change.",
        discussion: """
            Edits edition.yaml in place, as text: comments, key order and layout are kept, and \
            each change is printed with its file, line and reason. The report the edition builds \
            does not change. Exits 0 when upgraded or already current, 1 when the edition has \
            errors at ingest (fix them first; nothing is written), 2 when it cannot be read or \
            written.
            """)

    @Argument(help: "The edition folder, such as inputs/cumbria-2023-24.")
    var edition: String

    @Flag(help: "Print the changes without writing them.")
    var dryRun = false

    func run() throws {
        let outcome: EditionUpgrade.Outcome
        do {
            outcome = try EditionUpgrade().plan(folder: edition)
        } catch let refusal as UpgradeRefusal {
            printError("error: cannot upgrade \(edition): \(refusal)")
            throw ExitCode(1)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        switch outcome {
        case .current(let format):
            if try !removeStrayMarker() { printOutput("\(edition) is already format \(format), nothing to change") }
        case .refused(let errors):
            for finding in errors.prefix(10) {
                let place = finding.location?.description ?? edition
                printError("\(place): error: \(finding.message) [\(finding.rule)]")
            }
            let more = errors.count > 10 ? " (the first 10 are above)" : ""
            printError(
                "error: cannot upgrade \(edition): it has \(errors.count == 1 ? "an error" : "\(errors.count) errors") at ingest\(more); fix \(errors.count == 1 ? "it" : "them") (annual-report check \(edition)) and upgrade again; nothing was written"
            )
            throw ExitCode(1)
        case .upgrade(let plan):
            for change in plan.changes {
                printOutput(change.description)
            }
            if dryRun {
                _ = try removeStrayMarker()
                printOutput("dry run: \(edition) would go from format \(plan.from) to \(plan.to); nothing was written")
                return
            }
            do {
                try plan.write()
            } catch {
                printError("error: \(error)")
                throw ExitCode(2)
            }
            printOutput(
                "upgraded \(edition) from format \(plan.from) to \(plan.to): \(plan.changes.count) \(plan.changes.count == 1 ? "change" : "changes"); it builds the same report"
            )
            _ = try removeStrayMarker()
        }
    }

    /// Removes the output marker that an older `new` or `init` wrote into the edition (it let a
    /// build replace the edition), saying so; under --dry-run only says it would. A build's own
    /// output, which reads as an edition too, keeps its marker. True when there was one.
    private func removeStrayMarker() throws -> Bool {
        guard OutputFolder.holdsStrayMarker(edition) else { return false }
        let path = (edition as NSString).appendingPathComponent(OutputFolder.marker)
        let why =
            "the output marker an older annual-report new or init left in this edition, which let a build replace it"
        if dryRun {
            printOutput("dry run: would remove \(path): \(why)")
            return true
        }
        guard unlink(path) == 0 else {
            printError("error: cannot remove \(path) (\(why)): \(String(cString: strerror(errno)))")
            throw ExitCode(2)
        }
        printOutput("removed \(path): \(why)")
        return true
    }
}
