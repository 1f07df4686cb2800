import EditionFormat
import Foundation
import Rendering
import ReportModel
import Validation

/// The reference edition rendered in-process with the built-in templates.
enum RenderFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden")

    static func edition() throws -> (Edition, ValidationReport) {
        let folder = "inputs/cumbria-2023-24"
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(root.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let ingest = try EditionReader().read(folder: folder)
        let validation = Validator().validate(edition: ingest.edition, ingestFindings: ingest.findings, name: folder)
        guard let edition = ingest.edition else { throw FixtureError.noEdition }
        return (edition, validation)
    }

    static func templates() throws -> TemplateSet {
        try TemplateSet()
    }

    static func render(draft: Bool = false) throws -> RenderedReport {
        let (edition, validation) = try edition()
        return try ReportRenderer(templates: try templates()).render(edition, validation: validation, draft: draft)
    }

    /// Every file of the reference edition, by path relative to the repository root.
    static func files() throws -> [String: [UInt8]] {
        let folder = "inputs/cumbria-2023-24"
        let base = root.appendingPathComponent(folder)
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard let data = try? Data(contentsOf: url) else { continue }
            files["\(folder)/" + url.path.replacingOccurrences(of: base.path + "/", with: "")] = Array(data)
        }
        return files
    }

    /// Renders the reference edition after changing its files in memory.
    static func render(files: [String: [UInt8]]) throws -> RenderedReport {
        let folder = "inputs/cumbria-2023-24"
        let ingest = try EditionReader(files: MemoryFileSource(files)).read(folder: folder)
        let validation = Validator().validate(edition: ingest.edition, ingestFindings: ingest.findings, name: folder)
        guard let edition = ingest.edition else { throw FixtureError.noEdition }
        return try ReportRenderer(templates: try templates()).render(edition, validation: validation, draft: true)
    }

    enum FixtureError: Error { case noEdition }
}
