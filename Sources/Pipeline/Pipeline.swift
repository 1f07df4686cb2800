import Disclosure
import EditionFormat
import Foundation
import Rendering
import ReportModel
import Validation

/// An edition as read and checked: what every command starts from.
public struct CheckedEdition: Sendable {
    /// The edition, when it could be read far enough to check (nil when its manifest could not be).
    public var edition: Edition?
    /// Every finding, with true values: the internal log, never published as it stands.
    public var report: ValidationReport
}

/// The stages every shell (`check`, `build`, `preview`) runs, in one order and one place:
/// read, check (the edition's own templates included), protect, render, assemble the outputs.
/// The shells only choose options, print, and write or serve what these return.
public enum Pipeline {
    /// Reads and checks the edition in `folder`, its own templates included: what `build` would
    /// refuse in them is a located `templates.invalid` finding here.
    /// - Parameters:
    ///   - recordPasses: list passed checks one by one (JUnit wants them; the others count).
    ///   - writingChecksCSV: keep the rows of checks.csv as the checks run (`build` writes it).
    ///   - renderingTemplates: try the edition's own templates (`build` skips it: it renders
    ///     them itself, and refuses with the template's own error).
    /// - Throws: `EditionReadError` when it cannot be read at all.
    public static func check(
        folder: String, recordPasses: Bool = true, writingChecksCSV: Bool = false, renderingTemplates: Bool = true
    ) throws -> CheckedEdition {
        let ingest = try EditionReader().read(folder: folder)
        var report = Validator().validate(
            edition: ingest.edition, ingestFindings: ingest.findings, name: folder, recordPasses: recordPasses,
            writingChecksCSV: writingChecksCSV)
        if renderingTemplates, let edition = ingest.edition, let problems = templateProblems(edition, report) {
            report.record(CheckResult(rule: IngestRule.templatesInvalid.id, subject: "templates", findings: problems))
        }
        return CheckedEdition(edition: ingest.edition, report: report)
    }

    /// Why the edition's own templates (its manifest's `templates:` folder) cannot render its
    /// report, as located findings; nil when it names none, an empty list when they render.
    public static func templateProblems(_ edition: Edition, _ report: ValidationReport) -> [Finding]? {
        guard let folder = edition.manifest.templates else { return nil }
        do {
            let templates = try Self.templates(for: edition)
            // Rendered as build renders it, and as a draft: a template may differ between the two.
            let published = report.published(from: edition.folder, as: edition.id)
            for draft in [false, true] {
                _ = try ReportRenderer(templates: templates).render(edition, validation: published, draft: draft)
            }
            return []
        } catch let error as TemplateLoadError {
            return error.problems.map(templateFinding)
        } catch let problem as TemplateProblem {
            return [templateFinding(problem)]
        } catch {
            let location = SourceLocation(
                file: (edition.folder as NSString).appendingPathComponent(folder.value))
            return [
                Finding(
                    rule: IngestRule.templatesInvalid.id, severity: .error, message: "\(error)", location: location)
            ]
        }
    }

    private static func templateFinding(_ problem: TemplateProblem) -> Finding {
        Finding(
            rule: IngestRule.templatesInvalid.id, severity: .error, message: problem.message,
            location: SourceLocation(file: problem.file, line: problem.line, column: problem.column))
    }

    /// The templates a report of `edition` renders with: a folder named on the command line (the
    /// user's choice, its files kept inside it), else the manifest's `templates:` (kept inside the
    /// edition), else the built-in ones.
    public static func templates(for edition: Edition, override: String? = nil) throws -> TemplateSet {
        if let override { return try TemplateSet(folder: override) }
        if let named = edition.manifest.templates {
            return try TemplateSet(
                folder: (edition.folder as NSString).appendingPathComponent(named.value), inside: edition.folder,
                namedAt: named.location)
        }
        return try TemplateSet()
    }

    /// Protects and renders a checked edition. The disclosure stage runs first, so that every
    /// renderer and writer sees the same protected view, in which a hidden figure holds no value
    /// to print; the checks ran on the true values.
    /// - Parameter draft: render with the DRAFT banner listing the errors. An edition still
    ///   holding `init`'s example rows or text is always a draft.
    /// - Throws: the templates' errors (`RenderError`, `TemplateProblem`...): the templates, not
    ///   the data, are at fault.
    public static func render(
        _ edition: Edition, report: ValidationReport, templates: TemplateSet, draft: Bool
    ) throws -> RenderedEdition {
        let published = report.published(from: edition.folder, as: edition.id)
        let protected = ProtectedEdition(edition)
        let isDraft = draft || report.holdsExamples
        let rendered = try ReportRenderer(templates: templates).render(
            protected.edition, validation: published, draft: isDraft)
        return RenderedEdition(
            protected: protected, report: report, published: published, rendered: rendered, isDraft: isDraft)
    }

    /// The files a build publishes, and the internal log kept apart from them when a disclosure
    /// policy hides figures (the log holds true values).
    /// - Parameter printer: the PDF printer, when the build prints a PDF.
    public static func outputs(of rendered: RenderedEdition, printer: PDFPrinter? = nil) throws(PDFPrinter.Failure)
        -> BuildOutputs
    {
        let log: [OutputFile] = [
            OutputFile("findings.json", Array(JSONReport.render([rendered.published]).utf8)),
            // Written while the checks ran, as ChecksCSV.render(published) would write it.
            OutputFile("checks.csv", rendered.report.checksCSV ?? Array(ChecksCSV.render(rendered.published).utf8)),
        ]
        let data = OpenData.files(for: rendered.protected.edition).map { OutputFile($0.path, Array($0.text.utf8)) }
        var published = [
            OutputFile("report.html", Array(rendered.rendered.html.utf8)),
            OutputFile("report.xhtml", Array(rendered.rendered.xhtml.utf8)),
        ]
        if !rendered.isProtected { published += log }
        published += data
        if let printer { published.append(OutputFile("report.pdf", try printer.print(html: rendered.rendered.html))) }
        return BuildOutputs(
            published: published, internalLog: rendered.isProtected ? log : nil,
            dataFiles: data.map(\.path), withheldCount: rendered.protected.hiddenCount)
    }
}

/// A checked edition, protected and rendered.
public struct RenderedEdition: Sendable {
    /// The edition as every renderer and writer sees it, and the pattern that hid its figures.
    public var protected: ProtectedEdition
    /// The findings with true values (the internal log).
    public var report: ValidationReport
    /// The findings as the report may print them.
    public var published: ValidationReport
    /// The report's HTML and XHTML.
    public var rendered: RenderedReport
    /// Whether it was rendered as a draft (asked for, or still holding example rows or text).
    public var isDraft: Bool
    /// Whether a disclosure policy hid any figure, so that the log must not be published.
    public var isProtected: Bool { protected.pattern != nil }
}

/// One file of a build's output, by its path inside the output folder.
public struct OutputFile: Sendable, Equatable {
    /// The path inside the output folder, such as `data/figures.csv`.
    public var path: String
    /// Its exact bytes.
    public var bytes: [UInt8]

    /// A file at `path` holding `bytes`.
    public init(_ path: String, _ bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// What a build writes.
public struct BuildOutputs: Sendable {
    /// The files of the published folder.
    public var published: [OutputFile]
    /// The internal log (findings.json and checks.csv with true values), written to a folder of
    /// its own beside the published one, when a disclosure policy hid figures; nil otherwise,
    /// when the log is published with the report.
    public var internalLog: [OutputFile]?
    /// The open data's files (the edition's manifest and CSV files, datapackage.json), by path.
    public var dataFiles: [String]
    /// How many figures the disclosure policy withheld.
    public var withheldCount: Int
}
