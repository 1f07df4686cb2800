import ArgumentParser
import Comparison
import EditionFormat
import Foundation
import ReportModel

/// How `diff` prints the changes.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `annual-report diff OLD NEW`: every figure added, removed or changed between two editions or
/// two builds' published data.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List every figure that differs between two editions, or the data of two builds.",
        discussion: "Exits 0 when they hold the same figures, 1 when they differ, 2 when either cannot be read.")

    @Argument(help: "The old edition folder, or a build's output folder.")
    var old: String

    @Argument(help: "The new edition folder, or a build's output folder.")
    var new: String

    @Option(help: "Output format: text or json.")
    var format: DiffFormat = .text

    func run() throws {
        let editions: [Edition]
        do {
            editions = try [old, new].map { folder in
                let ingest = try EditionReader().read(folder: folder)
                let errors = ingest.findings.filter { $0.severity == .error }
                guard let edition = ingest.edition, errors.isEmpty else {
                    // A file that cannot be read would show up as rows removed: refuse instead.
                    let first =
                        errors.first.map { "\($0.location?.description ?? folder): \($0.message)" }
                        ?? "the manifest cannot be read"
                    throw EditionReadError.unreadable(
                        folder, reason: "\(errors.count) problem(s) reading it, the first: \(first)")
                }
                return edition
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let changes = EditionDiff.changes(from: editions[0], to: editions[1])
        switch format {
        case .text: printOutput(DiffReport.text(changes), terminator: "")
        case .json: printOutput(DiffReport.json(changes), terminator: "")
        }
        if !changes.isEmpty { throw ExitCode(1) }
    }
}
