import ArgumentParser
import EditionFormat
import Foundation
import Rendering
import ReportModel

/// `annual-report new DIR --from EDITION`: scaffold next year's edition.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start next year's edition from this year's, with last year's figures as comparators.",
        discussion: """
            The new edition has the same datasets and sections; every figure is left empty for \
            the analysts to supply (check names each one), last year's value kept beside it in \
            the previous column, and each section has a skeleton to write. With --area, it covers \
            one area of the old edition (a successor partnership), with that area's history.
            """)

    @Argument(help: "The folder to create, such as inputs/cumberland-2024-25.")
    var folder: String

    @Option(help: "The edition to start from.")
    var from: String

    @Option(help: "The new partnership's name (default: the old one's).")
    var partnership: String?

    @Option(help: "The new partnership's abbreviation.")
    var shortName: String?

    @Option(help: "Cover only this area of the old edition and the areas inside it, such as cumberland.")
    var area: String?

    @Option(help: "The new reporting period as a financial year, such as 2024/25 (default: a year after the old).")
    var period: String?

    @Flag(help: "Keep the datasets in one workbook, data/figures.xlsx, a sheet per dataset, instead of CSV files.")
    var workbook = false

    func run() throws {
        let old: Edition
        do {
            let ingest = try EditionReader().read(folder: from)
            guard let edition = ingest.edition else {
                throw ValidationError("\(from) cannot be read: \(ingest.findings.first?.message ?? "")")
            }
            old = edition
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        if FileManager.default.fileExists(atPath: folder) {
            printError("error: \(folder) already exists; new never overwrites an edition")
            throw ExitCode(2)
        }
        var reportingPeriod: ReportingPeriod?
        if let period {
            guard case .success(let span) = DateReader.period(period) else {
                printError("error: cannot read the period '\(period)': expected a financial year such as 2024/25")
                throw ExitCode(2)
            }
            reportingPeriod = ReportingPeriod(period: span, label: period)
        }
        let scaffold = EditionScaffold(
            partnership: Partnership(
                name: partnership ?? old.manifest.partnership.name,
                shortName: shortName ?? (partnership == nil ? old.manifest.partnership.shortName : nil)),
            area: area, period: reportingPeriod, sourceFolder: from, workbook: workbook ? "data/figures.xlsx" : nil)
        let leftOut: [DatasetSpec]
        do {
            leftOut = try scaffold.datasetsLeftOut(from: old)
            let files = try scaffold.files(from: old)
            // An edition, not a build's output: written without the output marker, so no
            // build (a mistyped --output) can ever replace it.
            try NewFolder.write(folder, files: files.texts)
            // The folder is new and this run's own, so the binary workbook joins it directly.
            if let sheets = files.workbook {
                let url = URL(fileURLWithPath: folder).appendingPathComponent(sheets.path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(sheets.bytes).write(to: url)
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        printOutput("created \(folder): fill in its data/ files and narrative/, then run annual-report check \(folder)")
        let newPeriod =
            reportingPeriod
            ?? ReportingPeriod(
                period: old.manifest.reportingPeriod.period.shifted(years: 1),
                label: old.manifest.reportingPeriod.label)
        if let date = EditionScaffold.publicationDate(of: old, movingTo: newPeriod) {
            printOutput(
                "publication.date moved on a year to \(date), from last year's \(old.manifest.publication.date.map(\.description) ?? ""): set it in edition.yaml to the day you publish"
            )
        } else {
            printOutput(
                "warning: publication.date is not set, so the cover shows no date: give it in edition.yaml (publication: date: yyyy-mm-dd) before you publish"
            )
        }
        for spec in leftOut {
            printOutput("left out \(spec.id) (\(spec.title)): every row of it was for an area outside \(area ?? "")")
        }
    }
}
