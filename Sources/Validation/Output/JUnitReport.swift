import ReportModel

/// Findings as JUnit XML, which CI systems display: a test suite per edition, a test case per
/// check run, a failure per error (and per warning under `--strict`).
public enum JUnitReport {
    public static func render(_ reports: [ValidationReport], strict: Bool) -> String {
        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        let failures = reports.reduce(0) { $0 + failing($1, strict: strict) }
        let tests = reports.reduce(0) { $0 + $1.checks.count }
        xml.append("<testsuites name=\"annual-report check\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">")
        for report in reports {
            xml.append(
                "  <testsuite name=\"\(text(report.edition))\" tests=\"\(report.checks.count)\" failures=\"\(failing(report, strict: strict))\" errors=\"0\" skipped=\"0\">"
            )
            for check in report.checks {
                xml += testCase(check, strict: strict)
            }
            xml.append("  </testsuite>")
        }
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

    /// `text` escaped for XML, its control characters and bidirectional controls shown as code
    /// points first (XML 1.0 cannot carry most controls even escaped, and the file is often
    /// printed to a terminal or a CI log).
    private static func text(_ text: String) -> String {
        XMLEscaping.escape(TerminalText.visible(text))
    }

    private static func failing(_ report: ValidationReport, strict: Bool) -> Int {
        report.checks.count { check in check.findings.contains { counts($0, strict: strict) } }
    }

    private static func counts(_ finding: Finding, strict: Bool) -> Bool {
        finding.severity == .error || strict
    }

    private static func testCase(_ check: CheckResult, strict: Bool) -> [String] {
        let open =
            "    <testcase classname=\"\(text(check.rule))\" name=\"\(text(check.subject))\""
        let failures = check.findings.filter { counts($0, strict: strict) }
        let warnings = check.findings.filter { !counts($0, strict: strict) }
        guard !check.findings.isEmpty else { return [open + "/>"] }
        var lines = [open + ">"]
        // The period each finding concerns, for dashboards that read testcase properties
        // (the message names it too).
        let periods = check.findings.compactMap(\.period).uniqued()
        if !periods.isEmpty {
            lines.append("      <properties>")
            lines += periods.map { "        <property name=\"period\" value=\"\(XMLEscaping.escape($0))\"/>" }
            lines.append("      </properties>")
        }
        for finding in failures {
            let place = finding.location?.description ?? ""
            lines.append(
                "      <failure type=\"\(text(finding.rule))\" message=\"\(text(finding.message))\">\(text(place)): \(text(finding.message))</failure>"
            )
        }
        if !warnings.isEmpty {
            let warned = warnings.map { text("\($0.location?.description ?? ""): warning: \($0.message)") }
            lines.append("      <system-out>\(warned.joined(separator: "\n"))</system-out>")
        }
        lines.append("    </testcase>")
        return lines
    }
}
