import ReportModel

/// Findings as a compiler prints them, grouped by file, then a summary line:
///
///     inputs/x/data/budget.csv:4:4: error: 45% is stated, but ... [percentages.stated]
///     61 checks: 1 error, 3 warnings
public enum TextReport {
    public static func render(_ report: ValidationReport) -> String {
        var lines: [String] = []
        var currentFile: String?
        for finding in report.findings {
            let file = finding.location?.file ?? report.edition
            if file != currentFile, currentFile != nil { lines.append("") }
            currentFile = file
            let place = finding.location?.description ?? report.edition
            lines.append(
                TerminalText.visible("\(place): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]"))
        }
        if !lines.isEmpty { lines.append("") }
        lines.append(summary(report))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `61 checks: 0 errors, 3 warnings`.
    public static func summary(_ report: ValidationReport) -> String {
        "\(plural(report.checkCount, "check")): \(plural(report.errorCount, "error")), \(plural(report.warningCount, "warning"))"
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
