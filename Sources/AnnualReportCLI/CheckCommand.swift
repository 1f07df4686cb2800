import ArgumentParser
import EditionFormat
import Foundation
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
                let checked = try Pipeline.check(folder: folder, recordPasses: format == .junit)
                var report = checked.report
                // An edition's own templates are part of it: what build would refuse in them,
                // check finds first, located in the template, in every format.
                if let edition = checked.edition, let problems = Pipeline.templateProblems(edition, report) {
                    report.record(
                        CheckResult(rule: IngestRule.templatesInvalid.id, subject: "templates", findings: problems))
                }
                reports.append(report)
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

/// The stages the commands share: ingest, then validate.
enum Pipeline {
    /// Reads and validates the edition in `folder`.
    /// - Throws: `EditionReadError` when it cannot be read at all.
    static func check(folder: String, recordPasses: Bool = true, writingChecksCSV: Bool = false) throws -> (
        edition: Edition?, report: ValidationReport
    ) {
        let ingest = try EditionReader().read(folder: folder)
        let report = Validator().validate(
            edition: ingest.edition, ingestFindings: ingest.findings, name: folder, recordPasses: recordPasses,
            writingChecksCSV: writingChecksCSV)
        return (ingest.edition, report)
    }

    /// Why the edition's own templates (its manifest's `templates:` folder) cannot render its
    /// report, as located findings; nil when it names none, an empty list when they render.
    static func templateProblems(_ edition: Edition, _ report: ValidationReport) -> [Finding]? {
        guard let folder = edition.manifest.templates else { return nil }
        do {
            let templates = try TemplateSet(
                folder: (edition.folder as NSString).appendingPathComponent(folder.value), inside: edition.folder,
                namedAt: folder.location)
            // Rendered as build renders it, and as a draft: a template may differ between the two.
            let published = report.published(from: edition.folder, as: edition.id)
            for draft in [false, true] {
                _ = try ReportRenderer(templates: templates).render(edition, validation: published, draft: draft)
            }
            return []
        } catch let error as TemplateLoadError {
            return error.problems.map(Self.finding)
        } catch let problem as TemplateProblem {
            return [Self.finding(problem)]
        } catch {
            let location = SourceLocation(
                file: (edition.folder as NSString).appendingPathComponent(folder.value))
            return [
                Finding(
                    rule: IngestRule.templatesInvalid.id, severity: .error, message: "\(error)", location: location)
            ]
        }
    }

    private static func finding(_ problem: TemplateProblem) -> Finding {
        Finding(
            rule: IngestRule.templatesInvalid.id, severity: .error, message: problem.message,
            location: SourceLocation(file: problem.file, line: problem.line, column: problem.column))
    }
}
