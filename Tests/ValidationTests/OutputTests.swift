import EditionFormat
import Foundation
import ReportModel
import Testing

@testable import Validation

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Findings output: text, JSON and JUnit")
struct OutputTests {
    static func brokenReport() throws -> ValidationReport {
        try ExampleEdition.report([
            ExampleEdition.Edit(file: "courses.csv", replace: "Total,,15", with: "Total,,16"),
            ExampleEdition.Edit(file: "figures.csv", replace: "189,23.6%", with: "189,23.5%"),
        ])
    }

    @Test("text reads like a compiler's, grouped by file, with the summary line last")
    func text() throws {
        let report = try Self.brokenReport()
        let lines = TextReport.render(report).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.hasPrefix("ed/courses.csv:4:3: error: the stated total 16 does not equal") })
        #expect(lines.contains { $0.hasPrefix("ed/figures.csv:11:4: warning: 23.5% is stated") })
        #expect(lines.dropLast().last == "\(report.checks.count) checks: 1 error, 1 warning")
    }

    @Test("JSON has the contract's fields and parses with a standard parser")
    func json() throws {
        let report = try Self.brokenReport()
        let data = Data(JSONReport.render([report]).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["edition"] as? String == "ed")
        #expect(object["checks"] as? Int == report.checks.count)
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 1)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        let keys: Set = [
            "rule", "severity", "message", "file", "line", "column", "sheet", "cell", "period", "expected", "actual",
        ]
        #expect(findings.allSatisfy { Set($0.keys) == keys })
        let total = try #require(findings.first { $0["rule"] as? String == "totals.stated-total" })
        #expect(total["severity"] as? String == "error")
        #expect(total["file"] as? String == "ed/courses.csv")
        #expect(total["line"] as? Int == 4)
        #expect(total["column"] as? Int == 3)
        #expect(total["expected"] as? String == "15")
        #expect(total["actual"] as? String == "16")
        #expect(total["period"] is NSNull, "a figure of its dataset's period alone names none")
    }

    @Test("JUnit has one test case per check and a failure per error, and parses as XML")
    func junit() throws {
        let report = try Self.brokenReport()
        for strict in [false, true] {
            let counter = JUnitCounter()
            let parser = XMLParser(data: Data(JUnitReport.render([report], strict: strict).utf8))
            parser.delegate = counter
            #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
            #expect(counter.testCases == report.checks.count)
            #expect(counter.failures == (strict ? 2 : 1))
            #expect(counter.suiteTests == report.checks.count)
        }
    }

    @Test("JUnit stays well-formed when messages hold markup and control characters")
    func junitEscaping() throws {
        let finding = Finding(rule: "x.y", severity: .error, message: "<b>&\"'\u{1}</b>")
        let report = ValidationReport(
            edition: "<ed>", checks: [CheckResult(rule: "x.y", subject: "a & b", findings: [finding])])
        let parser = XMLParser(data: Data(JUnitReport.render([report], strict: false).utf8))
        #expect(parser.parse())
    }

    @Test("docs/rules.md is what `annual-report rules` prints")
    func ruleCatalogueDoc() throws {
        let document = RuleCatalogueDocument.markdown(ingestChecks: IngestRule.allCases.map { ($0.id, $0.summary) })
        let file = ReferenceEdition.root.appendingPathComponent("docs/rules.md")
        let committed = try String(contentsOf: file, encoding: .utf8)
        #expect(committed == document, "docs/rules.md is stale: run `make docs`")
    }
}

/// Counts JUnit elements as a CI server would read them.
final class JUnitCounter: NSObject, XMLParserDelegate {
    var testCases = 0
    var failures = 0
    var suiteTests = 0

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "testcase": testCases += 1
        case "failure": failures += 1
        case "testsuite": suiteTests += Int(attributes["tests"] ?? "") ?? 0
        default: break
        }
    }
}

@Suite("Findings for CI: SARIF and GitHub workflow commands")
struct CIOutputTests {
    @Test(
        "workflow commands encode what would end a property or the message",
        arguments: [
            ("50% of a, b: c\nd", "50%25 of a%2C b%3A c%0Ad", "50%25 of a, b: c%0Ad"),
            ("plain", "plain", "plain"),
            ("\r\n", "%0D%0A", "%0D%0A"),
            (
                "\u{1B}]0;x\u{7}\u{9B}\u{202E}", "<U+001B>]0;x<U+0007><U+009B><U+202E>",
                "<U+001B>]0;x<U+0007><U+009B><U+202E>"
            ),
        ])
    func githubEscaping(text: String, asProperty: String, asMessage: String) {
        #expect(GitHubReport.escapeProperty(text) == asProperty)
        #expect(GitHubReport.escapeData(text) == asMessage)
    }

    @Test("a finding without a line annotates its file alone; one without a file, the run")
    func githubWithoutLine() {
        let file = Finding(
            rule: "edition.missing-file", severity: .error, message: "no file",
            location: SourceLocation(file: "a/b.csv"))
        #expect(GitHubReport.command(file) == "::error file=a/b.csv,title=edition.missing-file::no file")
        let none = Finding(rule: "x.y", severity: .warning, message: "m")
        #expect(GitHubReport.command(none) == "::warning title=x.y::m")
    }

    @Test(
        "SARIF names files by URI reference: relative paths stay relative, absolute ones are file: URIs",
        arguments: [
            ("inputs/a/data/b.csv", "inputs/a/data/b.csv"),
            ("/tmp/my edition/data/b.csv", "file:///tmp/my%20edition/data/b.csv"),
            ("inputs/a#1/x.csv", "inputs/a%231/x.csv"),
        ])
    func sarifURI(path: String, uri: String) {
        #expect(SARIFReport.uri(path) == uri)
    }

    @Test("every rule of the catalogue is described once, with its default level, and results point at theirs")
    func sarifRules() throws {
        let finding = Finding(
            rule: "percentages.stated", severity: .error, message: "m",
            location: SourceLocation(file: "a.csv", line: 3, column: 4), expected: "1", actual: "2")
        let report = ValidationReport(
            edition: "e", checks: [CheckResult(rule: "percentages.stated", subject: "s", findings: [finding])])
        let text = SARIFReport.render([report], ingestChecks: [("csv.empty-file", "A file has data.")])
        let log = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids == RuleCatalogue.rules.map(\.id) + ["csv.empty-file"])
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        let index = try #require(result["ruleIndex"] as? Int)
        #expect(ids[index] == "percentages.stated")
        #expect(result["level"] as? String == "error")
    }
}
