import Foundation
import Ingest
import ReportModel
import Testing
import Validation

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
            "rule", "severity", "message", "file", "line", "column", "sheet", "cell", "expected", "actual",
        ]
        #expect(findings.allSatisfy { Set($0.keys) == keys })
        let total = try #require(findings.first { $0["rule"] as? String == "totals.stated-total" })
        #expect(total["severity"] as? String == "error")
        #expect(total["file"] as? String == "ed/courses.csv")
        #expect(total["line"] as? Int == 4)
        #expect(total["column"] as? Int == 3)
        #expect(total["expected"] as? String == "15")
        #expect(total["actual"] as? String == "16")
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
