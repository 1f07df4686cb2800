import ReportModel
import Testing
import Validation

@Suite("Validation policy in the manifest")
struct PolicyTests {
    static let truncated = ExampleEdition.Edit(file: "figures.csv", replace: "189,23.6%", with: "189,23.5%")

    static func policy(_ yaml: String) -> ExampleEdition.Edit {
        ExampleEdition.Edit(file: "edition.yaml", replace: "sections:", with: "policy:\n\(yaml)\nsections:")
    }

    @Test("by default a truncated percentage is a warning and the edition passes")
    func defaultSeverity() throws {
        let report = try ExampleEdition.report([Self.truncated])
        #expect(report.errorCount == 0)
        #expect(report.warningCount == 1)
        #expect(report.passes(strict: false))
        #expect(!report.passes(strict: true))
    }

    @Test("the manifest can make a rule's findings errors")
    func severityOverride() throws {
        let report = try ExampleEdition.report([
            Self.truncated, Self.policy("  severities:\n    percentages.truncated: error"),
        ])
        #expect(report.errorCount == 1)
        #expect(report.findings.first?.severity == .error)
    }

    @Test("the manifest can switch a rule off, with a reason, and it runs no checks")
    func disabledRule() throws {
        let report = try ExampleEdition.report([
            Self.truncated, Self.policy("  disabled:\n    percentages.truncated: The partnership truncates by policy."),
        ])
        #expect(report.findings == [])
        #expect(!report.checks.contains { $0.rule == "percentages.truncated" })
        #expect(report.disabledRules["percentages.truncated"] == "The partnership truncates by policy.")
    }

    @Test("share_tolerance widens the allowance for shares")
    func shareTolerance() throws {
        let overByTwo = ExampleEdition.Edit(file: "budget.csv", replace: "Council,,£500,50%", with: "Council,,£500,52%")
        let strict = try ExampleEdition.report([overByTwo])
        #expect(strict.findings.contains { $0.rule == "shares.sum-to-whole" })
        let tolerant = try ExampleEdition.report([overByTwo, Self.policy("  share_tolerance: 0.5")])
        #expect(!tolerant.findings.contains { $0.rule == "shares.sum-to-whole" })
    }

    @Test("a policy naming a severity that does not exist is a located error")
    func badSeverity() throws {
        let report = try ExampleEdition.report([Self.policy("  severities:\n    percentages.truncated: fatal")])
        let finding = try #require(report.findings.first { $0.rule == "manifest.invalid-value" })
        #expect(finding.location?.file == "ed/edition.yaml")
        #expect(finding.expected == "error or warning")
    }
}
