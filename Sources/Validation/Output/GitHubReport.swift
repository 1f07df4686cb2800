import ReportModel

/// Findings as GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`), so
/// each one annotates its file and line in a pull request, then each edition's count of checks.
public enum GitHubReport {
    public static func render(_ reports: [ValidationReport]) -> String {
        var lines: [String] = []
        for report in reports {
            lines += report.findings.map(command)
            lines.append(
                "\(TerminalText.visible(report.edition)): \(report.checkCount) checks: \(report.errorCount) errors, \(report.warningCount) warnings"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One finding as a workflow command.
    static func command(_ finding: Finding) -> String {
        var properties: [(String, String)] = []
        if let location = finding.location {
            properties.append(("file", location.file))
            if let line = location.line { properties.append(("line", String(line))) }
            if let column = location.column { properties.append(("col", String(column))) }
        }
        properties.append(("title", finding.rule))
        let list = properties.map { "\($0)=\(escapeProperty($1))" }.joined(separator: ",")
        return "::\(finding.severity.rawValue) \(list)::\(escapeData(finding.message))"
    }

    /// A message, with the characters that would end the command encoded as the runner
    /// decodes them, and every other control (and bidirectional control) shown as its code
    /// point: the runner prints the message into the log, which a terminal may show.
    static func escapeData(_ text: String) -> String {
        TerminalText.visible(
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A"))
    }

    /// A property value, which may not hold the `:` and `,` that separate properties either.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
