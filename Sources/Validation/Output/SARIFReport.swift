import Foundation
import ReportModel

/// Findings as a SARIF 2.1.0 log, the format code-scanning dashboards read: one run of the
/// tool, its rules described from the catalogue, and a result per finding located by file,
/// line and column.
public enum SARIFReport {
    /// The log for `reports`, checked in one run.
    /// - Parameter ingestChecks: the ingest checks, given by the caller so this module need not
    ///   depend on Ingest; they are described beside the validation rules.
    public static func render(_ reports: [ValidationReport], ingestChecks: [(id: String, summary: String)]) -> String {
        let rules = descriptors(ingestChecks: ingestChecks)
        let index = Dictionary(rules.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let results = reports.flatMap(\.findings).map { result(for: $0, ruleIndex: index[$0.rule]) }
        let log = Log(
            runs: [
                Run(
                    tool: Tool(
                        driver: Driver(
                            name: ToolVersion.name, version: ToolVersion.current,
                            semanticVersion: ToolVersion.current, rules: rules)),
                    results: results)
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings and integers cannot fail; an empty object would still parse.
        let data = try? encoder.encode(log)
        return TerminalText.escapingJSON(data.map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }

    private static func descriptors(ingestChecks: [(id: String, summary: String)]) -> [Descriptor] {
        let validation = RuleCatalogue.rules.map { rule in
            Descriptor(
                id: rule.id, shortDescription: Text(text: rule.summary),
                fullDescription: rule.rationale.isEmpty ? nil : Text(text: "\(rule.summary) \(rule.rationale)"),
                defaultConfiguration: Configuration(level: rule.defaultSeverity.rawValue))
        }
        let ingest = ingestChecks.map { check in
            Descriptor(
                id: check.id, shortDescription: Text(text: check.summary), fullDescription: nil,
                defaultConfiguration: Configuration(level: Severity.error.rawValue))
        }
        return validation + ingest
    }

    private static func result(for finding: Finding, ruleIndex: Int?) -> Result {
        var properties: [String: String] = [:]
        if let expected = finding.expected { properties["expected"] = expected }
        if let actual = finding.actual { properties["actual"] = actual }
        if let period = finding.period { properties["period"] = period }
        let location = finding.location.map { location in
            Location(
                physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: uri(location.file)),
                    region: location.line.map { Region(startLine: $0, startColumn: location.column) }))
        }
        return Result(
            ruleId: finding.rule, ruleIndex: ruleIndex, level: finding.severity.rawValue,
            message: Text(text: finding.message), locations: location.map { [$0] },
            properties: properties.isEmpty ? nil : properties)
    }

    /// A path as a URI reference: relative paths stay relative (to where the tool was run,
    /// as code-scanning expects), absolute ones become `file:` URIs; both percent-encoded.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";?#[]")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var rules: [Descriptor]
    }

    struct Descriptor: Encodable {
        var id: String
        var shortDescription: Text
        var fullDescription: Text?
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct Text: Encodable {
        var text: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Text
        var locations: [Location]?
        var properties: [String: String]?
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
    }
}
