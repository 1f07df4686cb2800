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
                "  <testsuite name=\"\(escape(report.edition))\" tests=\"\(report.checks.count)\" failures=\"\(failing(report, strict: strict))\" errors=\"0\" skipped=\"0\">")
            for check in report.checks {
                xml += testCase(check, strict: strict)
            }
            xml.append("  </testsuite>")
        }
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

    private static func failing(_ report: ValidationReport, strict: Bool) -> Int {
        report.checks.count { check in check.findings.contains { counts($0, strict: strict) } }
    }

    private static func counts(_ finding: Finding, strict: Bool) -> Bool {
        finding.severity == .error || strict
    }

    private static func testCase(_ check: CheckResult, strict: Bool) -> [String] {
        let open = "    <testcase classname=\"\(escape(check.rule))\" name=\"\(escape(check.subject))\""
        let failures = check.findings.filter { counts($0, strict: strict) }
        let warnings = check.findings.filter { !counts($0, strict: strict) }
        guard !check.findings.isEmpty else { return [open + "/>"] }
        var lines = [open + ">"]
        for finding in failures {
            let place = finding.location?.description ?? ""
            lines.append(
                "      <failure type=\"\(escape(finding.rule))\" message=\"\(escape(finding.message))\">\(escape(place)): \(escape(finding.message))</failure>")
        }
        if !warnings.isEmpty {
            let text = warnings.map { "\($0.location?.description ?? ""): warning: \($0.message)" }
            lines.append("      <system-out>\(escape(text.joined(separator: "\n")))</system-out>")
        }
        lines.append("    </testcase>")
        return lines
    }

    /// Escapes the five characters XML reserves, for text and attribute values alike.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            // XML 1.0 cannot carry most control characters, even escaped.
            case _ where character.unicodeScalars.contains(where: { $0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0) }):
                result += "\u{FFFD}"
            default: result.append(character)
            }
        }
        return result
    }
}
