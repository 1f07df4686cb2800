import EditionFormat
import Foundation
import ReportModel
import Testing

@testable import Validation

@Suite("Rules run side by side, reported in the rules' order")
struct ConcurrentRulesTests {
    /// Each rule run alone, one after another, with a log of its own: what the validator did
    /// before it ran rules concurrently.
    static func oneAfterAnother(_ edition: Edition, csvFolder: String?) -> [RuleLog] {
        let policy = edition.manifest.policy
        return RuleCatalogue.rules.filter { policy.disabled[$0.id] == nil }.map { rule in
            var log = RuleLog(
                rule: rule.id, severity: policy.severities[rule.id] ?? rule.defaultSeverity, recordsPasses: true,
                rows: csvFolder.map { ChecksCSV.Rows(folder: $0) })
            rule.check(edition, policy: policy, log: &log)
            return log
        }
    }

    @Test(
        "every run gives the logs a sequential run gives, in the same order",
        arguments: StreamedChecksCSVTests.brokenEditions)
    func sameAsSequential(edits: [ExampleEdition.Edit]) throws {
        let edition = try #require(try ExampleEdition.ingested(edits).edition)
        let expected = Self.oneAfterAnother(edition, csvFolder: edition.folder)
        let rules = RuleCatalogue.rules.filter { edition.manifest.policy.disabled[$0.id] == nil }
        for _ in 0..<20 {
            let logs = Validator.run(rules, over: edition, recordPasses: true, csvFolder: edition.folder)
            #expect(logs.map(\.rule) == expected.map(\.rule))
            #expect(logs.map(\.results) == expected.map(\.results))
            #expect(logs.map(\.count) == expected.map(\.count))
            #expect(logs.map { $0.rows?.bytes } == expected.map { $0.rows?.bytes })
        }
    }

    @Test("the reference edition's report is the same on every run")
    func referenceEditionStable() throws {
        let ingest = try EditionReader(files: MemoryFileSource(ReferenceEdition.files()))
            .read(folder: ReferenceEdition.folder)
        let edition = try #require(ingest.edition)
        let first = Validator().validate(
            edition: edition, ingestFindings: ingest.findings, name: edition.folder, writingChecksCSV: true)
        let sequential = Self.oneAfterAnother(edition, csvFolder: nil).flatMap(\.results)
        #expect(Array(first.checks.drop { $0.rule == "ingest.read" }) == sequential)
        for _ in 0..<10 {
            let again = Validator().validate(
                edition: edition, ingestFindings: ingest.findings, name: edition.folder, writingChecksCSV: true)
            #expect(again.checks == first.checks)
            #expect(again.checksCSV == first.checksCSV)
            #expect(again.checksByRule == first.checksByRule)
        }
    }
}
