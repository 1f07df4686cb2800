import ReportModel

/// Every check run as CSV, published beside the report so the data-quality statement can be
/// followed check by check however large the edition.
public enum ChecksCSV {
    public static func render(_ report: ValidationReport) -> String {
        var rows = [["rule", "check", "result", "severity", "file", "line", "column", "message", "sheet", "cell"]]
        rows.reserveCapacity(report.checks.count + 1)
        for check in report.checks {
            if check.findings.isEmpty {
                rows.append([check.rule, check.subject, "passed", "", "", "", "", "", "", ""])
            }
            for finding in check.findings {
                let location = finding.location
                rows.append([
                    check.rule, check.subject, "failed", finding.severity.rawValue, location?.file ?? "",
                    location?.line.map(String.init) ?? "", location?.column.map(String.init) ?? "", finding.message,
                    location?.sheet ?? "", location?.cell ?? "",
                ])
            }
        }
        return CSVText.document(rows)
    }
}
