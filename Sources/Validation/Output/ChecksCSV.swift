import ReportModel

/// Every check run as CSV, published beside the report so the data-quality statement can be
/// followed check by check however large the edition.
public enum ChecksCSV {
    static let header = ["rule", "check", "result", "severity", "file", "line", "column", "message", "sheet", "cell"]

    public static func render(_ report: ValidationReport) -> String {
        var rows = [header]
        rows.reserveCapacity(report.checks.count + 1)
        for check in report.checks {
            if check.findings.isEmpty {
                rows.append([check.rule, check.subject, "passed", "", "", "", "", "", "", ""])
            }
            for finding in check.findings {
                rows.append(failedRow(check.rule, check.subject, finding))
            }
        }
        return CSVText.document(rows)
    }

    private static func failedRow(_ rule: String, _ subject: String, _ finding: Finding) -> [String] {
        let location = finding.location
        return [
            rule, subject, "failed", finding.severity.rawValue, location?.file ?? "",
            location?.line.map(String.init) ?? "", location?.column.map(String.init) ?? "", finding.message,
            location?.sheet ?? "", location?.cell ?? "",
        ]
    }

    /// checks.csv written while the checks run, as `render` writes the report a build publishes
    /// (`ValidationReport.published(from:as:)`): paths relative to the edition folder. An
    /// edition of a million figures runs millions of checks; a row of bytes each is far
    /// smaller and quicker than keeping each passed check as an object to write at the end.
    public struct Rows: Sendable {
        /// The CSV so far.
        public private(set) var bytes: [UInt8] = []
        /// The edition folder with a trailing slash, which published paths leave out.
        let prefix: String
        private let prefixBytes: [UInt8]

        /// Rows for the edition in `folder`; `withHeader` starts them with the header row.
        public init(folder: String, withHeader: Bool = false) {
            prefix = folder.hasSuffix("/") ? folder : folder + "/"
            prefixBytes = Array(prefix.utf8)
            if withHeader { CSVText.appendRow(ChecksCSV.header, to: &bytes) }
        }

        /// Appends another part's rows.
        public mutating func append(_ other: Rows) {
            bytes.append(contentsOf: other.bytes)
        }

        /// Appends a check: a row for a pass, or a row per finding.
        public mutating func append(_ check: CheckResult) {
            if check.findings.isEmpty {
                appendPass(rule: check.rule, subject: check.subject)
            } else {
                for finding in check.findings { appendFailure(rule: check.rule, subject: check.subject, finding) }
            }
        }

        /// Appends a passed check's row.
        public mutating func appendPass(rule: String, subject: String) {
            CSVText.appendField(rule, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            CSVText.appendField(relative(subject), to: &bytes)
            bytes.append(contentsOf: Rows.passedTail)
        }

        /// Appends a failed check's row for one finding.
        public mutating func appendFailure(rule: String, subject: String, _ finding: Finding) {
            var finding = finding
            if let location = finding.location, location.file.hasPrefix(prefix) {
                finding.location?.file = String(location.file.dropFirst(prefix.count))
            }
            CSVText.appendRow(ChecksCSV.failedRow(rule, relative(subject), finding), to: &bytes)
        }

        /// `,passed,,,,,,,` and CRLF.
        private static let passedTail = Array(",passed,,,,,,,\r\n".utf8)

        /// The subject as `published` writes it: the folder taken out wherever it occurs. A
        /// subject rarely names a path, which one scan of its bytes shows.
        private func relative(_ subject: String) -> String {
            guard !prefixBytes.isEmpty else { return subject }
            var subject = subject
            let mentions = subject.withUTF8 { utf8 -> Bool in
                guard utf8.count >= prefixBytes.count else { return false }
                let first = prefixBytes[0]
                for start in 0...(utf8.count - prefixBytes.count) where utf8[start] == first {
                    if prefixBytes.indices.allSatisfy({ utf8[start + $0] == prefixBytes[$0] }) { return true }
                }
                return false
            }
            return mentions ? ValidationReport.relative(subject, prefix: prefix) : subject
        }
    }
}
