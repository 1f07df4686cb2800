import ArgumentParser
import EditionFormat
import Foundation
import Pipeline
import Publishing
import Rendering
import ReportModel
import Validation

/// `annual-report build EDITION`: validate, then render the report and write it atomically.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Validate an edition, then render report.html, report.xhtml, findings.json and the open-data CSV.",
        discussion: """
            Refuses to render when the data has errors (exit 1, nothing written) unless --draft, \
            which renders with a DRAFT banner listing them. Output replaces the folder in one \
            step: a failed build leaves the previous output untouched.
            """)

    @Argument(help: "The edition folder, such as inputs/cumbria-2023-24.")
    var edition: String

    @Option(help: "The folder to write (default: output/<edition>).")
    var output: String?

    @Option(
        help:
            "A folder of Mustache templates replacing the built-in ones it has files for (default: the manifest's templates:, else the built-in templates)."
    )
    var templates: String?

    @Flag(help: "Render despite errors, with a visible DRAFT banner listing them.")
    var draft = false

    @Flag(
        inversion: .prefixedNo,
        help:
            "Also print report.pdf, a tagged PDF/UA-1, with WeasyPrint (default: when the manifest lists pdf among publication.outputs)."
    )
    var pdf: Bool?

    func run() throws {
        let checked: CheckedEdition
        do {
            checked = try Pipeline.check(
                folder: edition, recordPasses: false, writingChecksCSV: true, renderingTemplates: false)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let report = checked.report
        if !report.findings.isEmpty { printOutput(TextReport.render(report), terminator: "") }
        guard let edition = checked.edition, report.errorCount == 0 || draft else {
            printError("error: the data has errors, so nothing was written (use --draft to render a draft anyway)")
            throw ExitCode(1)
        }
        let folder = output ?? "output/\(edition.id)"
        let internalFolder = folder + "-internal"
        do {
            try OutputFolder.checkReplaceable(folder)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let wantsPDF = pdf ?? edition.manifest.publication.outputs.contains(.pdf)
        let printer = wantsPDF ? PDFPrinter() : nil
        if let missing = printer?.unavailable() {
            printError(missing.description)
            throw ExitCode(missing.exitStatus)
        }
        if report.holdsExamples, !draft {
            printError(
                "note: the edition still holds example rows or text (content.example), so the report is marked DRAFT")
        }
        let rendered: RenderedEdition
        do {
            rendered = try Pipeline.render(
                edition, report: report, templates: try Pipeline.templates(for: edition, override: templates),
                draft: draft)
        } catch {
            // The templates, not the data, are at fault: the tool cannot do its job.
            printError("\(error)")
            throw ExitCode(2)
        }
        if rendered.isProtected {
            do {
                try OutputFolder.checkReplaceable(internalFolder)
            } catch {
                printError("error: \(error)")
                throw ExitCode(2)
            }
        }
        let outputs: BuildOutputs
        do {
            outputs = try Pipeline.outputs(of: rendered, printer: printer)
        } catch {
            printError(error.description)
            throw ExitCode(error.exitStatus)
        }
        do {
            try OutputFolder.replace(folder, withBytes: outputs.published.map { ($0.path, $0.bytes) })
            if let log = outputs.internalLog {
                try OutputFolder.replace(internalFolder, withBytes: log.map { ($0.path, $0.bytes) })
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        printOutput(Self.summary(of: outputs, in: folder, internalFolder: internalFolder))
    }

    /// What the build wrote, in one sentence: the report's files, its open data, and where the
    /// log went.
    private static func summary(of outputs: BuildOutputs, in folder: String, internalFolder: String) -> String {
        let paths = Set(outputs.published.map(\.path))
        let report = ["report.html", "report.xhtml", "report.pdf"].filter(paths.contains)
        let csvCount = outputs.dataFiles.count { $0.hasSuffix(".csv") }
        let data = "its data as an edition (edition.yaml, \(csvCount) CSV files) with datapackage.json"
        guard outputs.internalLog == nil else {
            return
                "wrote \(folder)/\(report.joined(separator: ", ")) and \(data), \(outputs.withheldCount) figures withheld as c under the disclosure policy; the internal log (checks.csv, findings.json, with true values) to \(internalFolder), not for publication"
        }
        return "wrote \(folder)/\(report.joined(separator: ", ")), findings.json and \(data), and checks.csv"
    }
}
