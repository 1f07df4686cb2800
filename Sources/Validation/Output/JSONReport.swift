import Foundation
import ReportModel

/// Findings as the contract's JSON object:
/// `{"edition", "checks", "errors", "warnings", "findings": [{"rule", "severity", "message",
/// "file", "line", "column", "sheet", "cell", "period", "expected", "actual"}]}`. Absent fields are `null`,
/// so every finding has every key; `sheet` and `cell` (`C7`) locate findings in a workbook,
/// where `line` is the row; `period` names the figure's period (`2023/24 Q2`) when it has one.
/// `tool` names the version that wrote it.
public enum JSONReport {
    /// The tool that wrote the findings: `{"name": "annual-report", "version": "0.1.0"}`.
    struct Tool: Encodable {
        var name = ToolVersion.name
        var version = ToolVersion.current
    }

    struct Document: Encodable {
        var tool = Tool()
        var edition: String
        var checks: Int
        var errors: Int
        var warnings: Int
        var findings: [Entry]
    }

    struct Entry: Encodable {
        var finding: Finding

        enum Key: String, CodingKey {
            case rule, severity, message, file, line, column, sheet, cell, period, expected, actual
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(finding.rule, forKey: .rule)
            try container.encode(finding.severity.rawValue, forKey: .severity)
            try container.encode(finding.message, forKey: .message)
            try container.encode(finding.location?.file, forKey: .file)
            try container.encode(finding.location?.line, forKey: .line)
            try container.encode(finding.location?.column, forKey: .column)
            try container.encode(finding.location?.sheet, forKey: .sheet)
            try container.encode(finding.location?.cell, forKey: .cell)
            try container.encode(finding.period, forKey: .period)
            try container.encode(finding.expected, forKey: .expected)
            try container.encode(finding.actual, forKey: .actual)
        }
    }

    static func document(_ report: ValidationReport) -> Document {
        Document(
            edition: report.edition, checks: report.checkCount, errors: report.errorCount,
            warnings: report.warningCount, findings: report.findings.map(Entry.init))
    }

    /// Several editions checked in one run: their totals, and each edition's own object.
    struct Combined: Encodable {
        var tool = Tool()
        var checks: Int
        var errors: Int
        var warnings: Int
        var editions: [Document]
    }

    /// One object: an edition's report, or for several editions their totals with each
    /// edition's report under `editions`.
    public static func render(_ reports: [ValidationReport]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let documents = reports.map(document)
        let data: Data?
        if documents.count == 1, let only = documents.first {
            data = try? encoder.encode(only)
        } else {
            data = try? encoder.encode(
                Combined(
                    checks: documents.reduce(0) { $0 + $1.checks }, errors: documents.reduce(0) { $0 + $1.errors },
                    warnings: documents.reduce(0) { $0 + $1.warnings }, editions: documents))
        }
        // Encoding strings and integers cannot fail; an empty object would still parse.
        return TerminalText.escapingJSON(data.map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }
}
