import ArgumentParser
import EditionFormat
import ReportModel

/// `annual-report init FOLDER --partnership NAME --period 2025/26 --areas ...`: a partnership's
/// first edition, from nothing.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract:
            "Start a partnership's first edition: every kind of dataset and a section per statutory item, as marked examples.",
        discussion: """
            Each data file has its header and one example row, and each section (one per item \
            Working Together to Safeguard Children 2023 asks the yearly report to include) an \
            example paragraph. Every example says EXAMPLE:, and check warns of each one until it is \
            replaced, so the first check teaches the format. To start from last year's edition, use new.
            """)

    @Argument(help: "The folder to create, such as inputs/cumberland-2025-26.")
    var folder: String

    @Option(help: "The partnership's full name.")
    var partnership: String

    @Option(help: "The partnership's abbreviation, such as CSCP.")
    var shortName: String?

    @Option(help: "The reporting period as a financial year, such as 2025/26.")
    var period: String

    @Option(
        parsing: .upToNextOption,
        help:
            "The names of the areas the partnership covers, such as its councils: --areas Cumberland \"Westmorland and Furness\"."
    )
    var areas: [String] = []

    @Option(
        help:
            "The name of the place the partnership covers, which labels its whole-area figures, such as \"Tamar and Moor\" (default: the partnership's name without \"Safeguarding Children Partnership\")."
    )
    var place: String?

    func run() throws {
        guard case .success(let span) = DateReader.period(period) else {
            printError("error: cannot read the period '\(period)': expected a financial year such as 2025/26")
            throw ExitCode(2)
        }
        let starter = EditionStarter(
            partnership: Partnership(name: partnership, shortName: shortName),
            period: ReportingPeriod(period: span, label: period), areaNames: areas, place: place)
        do {
            try NewFolder.write(folder, files: starter.files())
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        printOutput(
            "created \(folder): run annual-report check \(folder) to see each example to replace, then annual-report build \(folder)"
        )
    }
}
