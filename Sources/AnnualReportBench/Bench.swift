import Foundation
import Ingest
import Rendering
import Validation

/// `annual-report-bench`: measures the pipeline on synthetic editions of 10^3 to 10^6 rows, in
/// a release build, beside the tools an analyst would otherwise use, and writes
/// bench/results.md. Never part of `make test`.
@main
struct Bench {
    struct Row {
        var rows: Int
        var ingest = Double.nan, validate = Double.nan, render = Double.nan, libxml2 = Double.nan
        var check = ProcessRun(seconds: .nan, peakMegabytes: .nan, status: 0)
        var build = ProcessRun(seconds: .nan, peakMegabytes: .nan, status: 0)
        var frictionless = Double.nan, pandoc = Double.nan, xmllint = Double.nan
    }

    static func main() throws {
        let arguments = CommandLine.arguments
        if let flag = arguments.firstIndex(of: "--stages") {
            // Where one edition's time goes, stage by stage: --stages [FOLDER].
            try stages(folder: arguments.count > flag + 1 ? arguments[flag + 1] : "inputs/cumbria-2023-24")
            return
        }
        let sizes = arguments.contains("--quick") ? [1_000, 10_000] : [1_000, 10_000, 100_000, 1_000_000]
        let runs = 5
        // Relative paths throughout: frictionless refuses absolute ones as unsafe.
        let work = URL(fileURLWithPath: ".build/bench", relativeTo: URL(fileURLWithPath: "."))
        let binary = ".build/release/annual-report"
        var results: [Row] = []
        let reference = referenceEdition(binary: binary, runs: runs)
        for size in sizes {
            let folder = work.appendingPathComponent("synthetic-\(size)")
            try SyntheticEdition(rows: size).write(to: folder)
            var row = Row(rows: size)
            let ingest = try EditionReader().read(folder: folder.path)
            row.ingest = try Timing.median(runs: runs) { _ = try EditionReader().read(folder: folder.path) }
            let validator = Validator()
            let report = validator.validate(edition: ingest.edition, ingestFindings: ingest.findings, name: folder.path)
            guard report.errorCount == 0, let edition = ingest.edition else {
                print("the synthetic edition of \(size) rows has errors: \(report.findings.prefix(3))")
                exit(1)
            }
            row.validate = Timing.median(runs: runs) {
                _ = validator.validate(edition: ingest.edition, ingestFindings: ingest.findings, name: folder.path)
            }
            let renderer = ReportRenderer(templates: try TemplateSet(folder: "templates"))
            let rendered = try renderer.render(edition, validation: report, draft: false)
            row.render = try Timing.median(runs: runs) { _ = try renderer.render(edition, validation: report, draft: false) }
            row.libxml2 = Timing.median(runs: runs) { _ = XHTMLVerifier.problems(in: rendered.xhtml) }
            row.check = ProcessRun.repeated(runs, binary, ["check", folder.path])
            let output = work.appendingPathComponent("output-\(size)")
            row.build = ProcessRun.repeated(runs, binary, ["build", folder.path, "--output", output.path])
            let peerRuns = size >= 100_000 ? 3 : runs
            let data = ".build/bench/synthetic-\(size)/data"
            let csvs = try FileManager.default.contentsOfDirectory(atPath: data).sorted().map { "\(data)/\($0)" }
            if ProcessRun.available("frictionless") {
                let peer = ProcessRun.repeated(peerRuns, "frictionless", ["validate"] + csvs)
                // A failed run (it refuses some paths) would look fast: count only a clean pass.
                row.frictionless = peer.status == 0 ? peer.seconds : .nan
            }
            if ProcessRun.available("pandoc") {
                row.pandoc = ProcessRun.repeated(peerRuns, "pandoc", ["-s", "--metadata", "title=Synthetic", folder.appendingPathComponent("narrative/summary.md").path, "-o", work.appendingPathComponent("pandoc.html").path]).seconds
            }
            if ProcessRun.available("xmllint") {
                row.xmllint = ProcessRun.repeated(peerRuns, "xmllint", ["--noout", "--nonet", output.appendingPathComponent("report.xhtml").path]).seconds
            }
            results.append(row)
            print(ResultsTable.line(row))
        }
        let markdown = ResultsTable.markdown(results, reference: reference, runs: runs)
        try FileManager.default.createDirectory(atPath: "bench", withIntermediateDirectories: true)
        try Data(markdown.utf8).write(to: URL(fileURLWithPath: "bench/results.md"))
        print(markdown)
    }

    /// The reference edition's stages in-process, for finding where its time goes.
    static func stages(folder: String) throws {
        let ingest = try EditionReader().read(folder: folder)
        let report = Validator().validate(edition: ingest.edition, ingestFindings: ingest.findings, name: folder)
        guard let edition = ingest.edition else { return }
        let templates = try TemplateSet(folder: "templates")
        let renderer = ReportRenderer(templates: templates)
        let rendered = try renderer.render(edition, validation: report, draft: false)
        print("ingest", ResultsTable.ms(try Timing.median(runs: 3) { _ = try EditionReader().read(folder: folder) }))
        print("validate", ResultsTable.ms(Timing.median(runs: 3) { _ = Validator().validate(edition: ingest.edition, ingestFindings: ingest.findings, name: folder, recordPasses: false) }))
        for rule in RuleCatalogue.rules {
            let seconds = Timing.median(runs: 1) { _ = Validator(rules: [rule]).validate(edition: ingest.edition, ingestFindings: [], name: folder, recordPasses: false) }
            if seconds > 0.05 { print("  \(rule.id)", ResultsTable.ms(seconds)) }
        }
        print("templates", ResultsTable.ms(try Timing.median(runs: 5) { _ = try TemplateSet(folder: "templates") }))
        print("render", ResultsTable.ms(try Timing.median(runs: 5) { _ = try renderer.render(edition, validation: report, draft: false) }))
        print("libxml2", ResultsTable.ms(Timing.median(runs: 5) { _ = XHTMLVerifier.problems(in: rendered.xhtml) }))
    }

    /// The reference edition end to end as a process: the 100 ms target.
    static func referenceEdition(binary: String, runs: Int) -> ProcessRun {
        ProcessRun.repeated(runs, binary, ["build", "inputs/cumbria-2023-24", "--output", ".build/bench/output-reference"])
    }
}
