import ReportModel
import Validation

/// The report in its two serialisations: the same document as HTML5 and as XHTML5.
public struct RenderedReport: Sendable, Equatable {
    public var html: String
    public var xhtml: String
}

/// Why a report could not be rendered.
public enum RenderError: Error, Sendable, CustomStringConvertible {
    /// The templates have problems, each located in its template file.
    case templates(TemplateLoadError)
    /// The XHTML the templates produced is not well-formed; the location is in report.xhtml.
    case notWellFormed([XHTMLVerifier.Problem])
    /// The report an edition's own templates rendered breaks the markup policy (a value put
    /// where it loads or runs something); the location is in the file named.
    case policy([TemplateProblem])

    public var description: String {
        switch self {
        case .templates(let error): error.description
        case .notWellFormed(let problems):
            problems.map {
                "report.xhtml:\($0.line):\($0.column): error: the rendered XHTML is not well-formed: \($0.message)"
            }
            .joined(separator: "\n")
        case .policy(let problems):
            problems.map(\.description)
                .joined(separator: "\n")
        }
    }
}

/// Renders a validated edition through the partnership's templates, and proves the XHTML
/// well-formed with libxml2 before anyone writes it anywhere.
public struct ReportRenderer: Sendable {
    public var templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// Renders both serialisations.
    /// - Parameters:
    ///   - edition: the edition, as ingest read it.
    ///   - validation: what checking it found; the data-quality appendix lists it.
    ///   - draft: true to render despite errors, with a DRAFT banner listing them.
    /// - Throws: `RenderError` for template problems or XHTML that is not well-formed.
    public func render(_ edition: Edition, validation: ValidationReport, draft: Bool) throws(RenderError)
        -> RenderedReport
    {
        let builder = ReportViewBuilder(edition: edition, validation: validation, isDraft: draft)
        let xhtmlView = builder.build(xhtml: true)
        var htmlView = xhtmlView
        htmlView.xhtml = false
        let names = ViewTypes.names
        let xhtml: String
        let html: String
        do {
            xhtml = try templates.render(xhtmlView, knownNames: names)
            html = try templates.render(htmlView, knownNames: names)
        } catch {
            throw .templates(error)
        }
        let problems = XHTMLVerifier.problems(in: xhtml)
        guard problems.isEmpty else { throw .notWellFormed(problems) }
        // The built-in templates are checked once, in tests; an edition's own may put a value
        // where it would load or run something, in either serialisation, so both are read.
        if !templates.isBuiltIn {
            let rendered = [
                ("report.xhtml", MarkupPolicy.breaches(inXML: xhtml, url: "report.xhtml")),
                ("report.html", MarkupPolicy.breaches(inHTML: html)),
            ]
            let breaches = rendered.flatMap { file, found in
                found.map {
                    TemplateProblem(
                        file: file, line: $0.line, column: nil,
                        message:
                            "in the report the edition's templates rendered, \($0.message); a value or a partial the templates put there brought it, so change the template that writes it"
                    )
                }
            }
            guard breaches.isEmpty else { throw .policy(breaches) }
        }
        return RenderedReport(html: html, xhtml: xhtml)
    }
}
