import ArgumentParser
import EditionFormat
import Foundation
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
        let checked: (edition: Edition?, report: ValidationReport)
        do {
            checked = try Pipeline.check(folder: edition, recordPasses: false, writingChecksCSV: true)
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
        let published = report.published(from: edition.folder, as: edition.id)
        do {
            try OutputFolder.checkReplaceable(folder)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let printer = PDFPrinter()
        let wantsPDF = pdf ?? edition.manifest.publication.outputs.contains(.pdf)
        if wantsPDF, let missing = printer.unavailable() {
            printError(missing.description)
            throw ExitCode(missing.exitStatus)
        }
        // An edition still holding example rows or text is not one to publish: its report is a draft.
        let holdsExamples = report.findings.contains { $0.rule == "content.example" }
        if holdsExamples, !draft {
            printError(
                "note: the edition still holds example rows or text (content.example), so the report is marked DRAFT")
        }
        let rendered: RenderedReport
        do {
            // Templates the manifest names stay inside the edition; a folder named on the
            // command line is the user's choice, and its files stay inside it.
            let templateSet =
                if let templates {
                    try TemplateSet(folder: templates)
                } else if let named = edition.manifest.templates {
                    try TemplateSet(
                        folder: (edition.folder as NSString).appendingPathComponent(named.value),
                        inside: edition.folder, namedAt: named.location)
                } else {
                    try TemplateSet()
                }
            rendered = try ReportRenderer(templates: templateSet).render(
                edition, validation: published, draft: draft || holdsExamples)
        } catch {
            // The templates, not the data, are at fault: the tool cannot do its job.
            printError("\(error)")
            throw ExitCode(2)
        }
        var files: [(path: String, text: String)] = [
            ("report.html", rendered.html), ("report.xhtml", rendered.xhtml),
            ("findings.json", JSONReport.render([published])),
        ]
        files += OpenData.files(for: edition)
        var binary: [(path: String, bytes: [UInt8])] = files.map { ($0.path, Array($0.text.utf8)) }
        // Written while the checks ran, as ChecksCSV.render(published) would write it.
        binary.insert(("checks.csv", report.checksCSV ?? Array(ChecksCSV.render(published).utf8)), at: 3)
        if wantsPDF {
            do {
                binary.append(("report.pdf", try printer.print(html: rendered.html)))
            } catch {
                printError(error.description)
                throw ExitCode(error.exitStatus)
            }
        }
        do {
            try OutputFolder.replace(folder, withBytes: binary)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        printOutput(
            "wrote \(folder)/report.html, report.xhtml\(wantsPDF ? ", report.pdf" : ""), findings.json and its data as an edition (edition.yaml, \(files.count - 5) CSV files) with datapackage.json, and checks.csv"
        )
    }

}
