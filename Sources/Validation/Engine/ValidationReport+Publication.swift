import ReportModel

extension ValidationReport {
    /// The report as a build publishes it (`findings.json`, `checks.csv`): the edition named
    /// by its id and every path relative to the edition folder, so that the published log says
    /// where a problem is inside the edition and is the same wherever the build was run from.
    /// - Parameters:
    ///   - folder: the edition folder as the user named it, which paths start with.
    ///   - id: the edition's id.
    public func published(from folder: String, as id: String) -> ValidationReport {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        var report = self
        report.edition = id
        report.checks = checks.map { check in
            var check = check
            check.subject = ValidationReport.relative(check.subject, prefix: prefix)
            check.findings = check.findings.map { finding in
                var finding = finding
                if let location = finding.location, location.file.hasPrefix(prefix) {
                    finding.location?.file = String(location.file.dropFirst(prefix.count))
                }
                return finding
            }
            return check
        }
        return report
    }

    /// `text` with the edition folder (`prefix`, ending in a slash) taken out wherever it occurs.
    static func relative(_ text: String, prefix: String) -> String {
        text.replacingOccurrences(of: prefix, with: "")
    }
}
