import Foundation
import Pipeline
import Testing

/// The stages every shell shares: what they return decides what `build` writes and what
/// `preview` serves, so both publish the same thing.
@Suite("Pipeline")
struct PipelineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Case: Sendable, CustomStringConvertible {
        let folder: String
        /// Whether a disclosure policy hides figures, so the log goes to a folder of its own.
        let protected: Bool
        var description: String { folder }
    }

    @Test(
        "the published folder holds the log only when no figure is hidden; the data files are listed",
        arguments: [
            Case(folder: "inputs/cumbria-2023-24", protected: false),
            Case(folder: "Tests/Editions/synthetic-northmoor-vale", protected: false),
            Case(folder: "Tests/Editions/disclosure-fellbrook", protected: true),
        ])
    func outputs(_ example: Case) throws {
        let folder = Self.root.appendingPathComponent(example.folder).path
        let checked = try Pipeline.check(folder: folder, recordPasses: false)
        let edition = try #require(checked.edition)
        #expect(checked.report.errorCount == 0)
        let rendered = try Pipeline.render(
            edition, report: checked.report, templates: try Pipeline.templates(for: edition), draft: false)
        #expect(rendered.isProtected == example.protected)
        #expect(!rendered.isDraft)
        let outputs = try Pipeline.outputs(of: rendered)
        let paths = outputs.published.map(\.path)
        #expect(paths.starts(with: ["report.html", "report.xhtml"]))
        #expect(outputs.published[0].bytes == Array(rendered.rendered.html.utf8))
        #expect(paths.contains("findings.json") == !example.protected)
        #expect(paths.contains("checks.csv") == !example.protected)
        #expect((outputs.internalLog?.map(\.path) ?? []) == (example.protected ? ["findings.json", "checks.csv"] : []))
        #expect(outputs.dataFiles.contains("edition.yaml"))
        #expect(outputs.dataFiles.contains("datapackage.json"))
        #expect(Set(outputs.dataFiles).isSubset(of: Set(paths)))
        #expect((outputs.withheldCount > 0) == example.protected)
        // Without a printer, no PDF.
        #expect(!paths.contains("report.pdf"))
    }

    @Test("a draft is rendered as a draft, and the checks' findings are kept with true values")
    func draft() throws {
        let folder = Self.root.appendingPathComponent("inputs/cumbria-2023-24").path
        let checked = try Pipeline.check(folder: folder, recordPasses: false)
        let edition = try #require(checked.edition)
        let rendered = try Pipeline.render(
            edition, report: checked.report, templates: try Pipeline.templates(for: edition), draft: true)
        #expect(rendered.isDraft)
        #expect(rendered.rendered.html.contains("DRAFT"))
        #expect(rendered.report.findings.count == checked.report.findings.count)
    }
}
