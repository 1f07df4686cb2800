import EditionFormat
import Foundation
import ReportModel
import Testing

@testable import Validation

@Suite("checks.csv written while the checks run")
struct StreamedChecksCSVTests {
    /// Broken copies of the example edition: failed checks among the passed ones, findings
    /// located in files, a formula-like cell, a message with quotes and commas.
    static let brokenEditions: [[ExampleEdition.Edit]] = [
        [],
        [ExampleEdition.Edit(file: "courses.csv", replace: "Total,,15", with: "Total,,16")],
        [ExampleEdition.Edit(file: "figures.csv", replace: "189,23.6%", with: "189,23.5%")],
        [ExampleEdition.Edit(file: "figures.csv", replace: "north,people,1000", with: "north,people,many")],
        [
            ExampleEdition.Edit(file: "figures.csv", replace: "whole,deaths,10", with: "whole,deaths,=ten"),
            ExampleEdition.Edit(file: "budget.csv", replace: "Council,,£500,50%", with: "Council,,£500,52%"),
            ExampleEdition.Edit(file: "intro.md", replace: "An example.", with: "EXAMPLE: our work, \"quoted\"."),
        ],
    ]

    @Test("a figure's passed checks are named as checks.csv has always named them")
    func figureSubjects() throws {
        let ingest = try ExampleEdition.ingested()
        let edition = try #require(ingest.edition)
        let report = Validator().validate(edition: edition, ingestFindings: ingest.findings, name: "ed")
        func passed(_ rule: String) -> Set<String> {
            Set(report.checks.filter { $0.passed && $0.rule == rule }.map(\.subject))
        }
        let (nonNegative, areas) = (passed("ranges.non-negative"), passed("references.area"))
        #expect(!nonNegative.isEmpty && !areas.isEmpty)
        for figure in edition.figures {
            let (area, measure) = (figure.area.value, figure.measure.value)
            if case .count(let count) = figure.value.value, count >= 0 {
                #expect(nonNegative.contains("\(figure.dataset): \(area)/\(measure) is not negative"))
            }
            if edition.area(area) != nil { #expect(areas.contains("\(figure.dataset): area \(area) exists")) }
        }
    }

    @Test(
        "the streamed checks.csv is byte for byte what ChecksCSV.render writes from every kept check",
        arguments: brokenEditions)
    func sameAsRender(edits: [ExampleEdition.Edit]) throws {
        let ingest = try ExampleEdition.ingested(edits)
        let edition = try #require(ingest.edition)
        let kept = Validator().validate(edition: edition, ingestFindings: ingest.findings, name: "ed")
        let streamed = Validator().validate(
            edition: edition, ingestFindings: ingest.findings, name: "ed", recordPasses: false, writingChecksCSV: true)
        let expected = ChecksCSV.render(kept.published(from: edition.folder, as: edition.id))
        let bytes = try #require(streamed.checksCSV)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        // Only the passed checks are left out: what a build reports from the rest is the same.
        #expect(streamed.checks.filter { !$0.passed } == kept.checks.filter { !$0.passed })
        #expect(streamed.checkCount == kept.checkCount)
        #expect(streamed.passedCount == kept.passedCount)
        #expect(streamed.findings == kept.findings)
        if !edits.isEmpty { #expect(expected.contains(",failed,")) }
    }

    @Test("the reference edition's checks.csv streamed equals the rendered one")
    func referenceEdition() throws {
        let ingest = try EditionReader(files: MemoryFileSource(ReferenceEdition.files()))
            .read(folder: ReferenceEdition.folder)
        let edition = try #require(ingest.edition)
        let kept = Validator().validate(edition: edition, ingestFindings: ingest.findings, name: edition.folder)
        let streamed = Validator().validate(
            edition: edition, ingestFindings: ingest.findings, name: edition.folder, recordPasses: false,
            writingChecksCSV: true)
        let expected = ChecksCSV.render(kept.published(from: edition.folder, as: edition.id))
        #expect(String(decoding: try #require(streamed.checksCSV), as: UTF8.self) == expected)
        #expect(!expected.contains(ReferenceEdition.folder + "/"))
    }

    @Test(
        "a subject naming the edition folder is published without it, as published(from:as:) writes it",
        arguments: [
            ("reads ed/data/x.csv", "reads data/x.csv"), ("ed/a and ed/b", "a and b"), ("red/x", "rx"),
            ("no folder", "no folder"), ("ed", "ed"), ("", ""),
        ])
    func relativeSubject(subject: String, published: String) {
        var rows = ChecksCSV.Rows(folder: "ed")
        rows.appendPass(rule: "r", subject: subject)
        let report = ValidationReport(edition: "ed", checks: [CheckResult(rule: "r", subject: subject, findings: [])])
        let rendered = ChecksCSV.render(report.published(from: "ed", as: "ed"))
        #expect(
            String(decoding: rows.bytes, as: UTF8.self) == rendered.split(separator: "\r\n").dropFirst().joined()
                + "\r\n")
        #expect(rendered.contains(CSVText.field(published) + ",passed"))
    }
}
