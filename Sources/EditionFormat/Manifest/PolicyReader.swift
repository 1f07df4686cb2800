import Foundation
import ReportModel

/// Reads the manifest's optional `policy:` block: severities per rule, rules switched off with
/// a reason, and the extra tolerance for shares.
struct PolicyReader {
    let file: String

    func read(_ top: inout YAMLMapping, findings: inout [Finding]) -> ValidationPolicy {
        var policy = ValidationPolicy()
        guard var mapping = top.mapping("policy", required: false, findings: &findings) else { return policy }
        defer { mapping.reportUnknownKeys(findings: &findings) }
        if var severities = mapping.mapping("severities", required: false, findings: &findings) {
            for (key, _) in severities.mapping {
                guard let rule = key.string,
                    let severity = severities.value(rule, findings: &findings, readSeverity)
                else { continue }
                policy.severities[rule] = severity.value
                policy.ruleLocations[rule] = YAMLMapping.location(of: key, file: file)
            }
        }
        if var disabled = mapping.mapping("disabled", required: false, findings: &findings) {
            for (key, _) in disabled.mapping {
                guard let rule = key.string,
                    let reason = disabled.string(rule, findings: &findings)
                else { continue }
                policy.disabled[rule] = reason.value
                policy.ruleLocations[rule] = YAMLMapping.location(of: key, file: file)
            }
        }
        if let tolerance = mapping.value(
            "share_tolerance", required: false, findings: &findings, ValueReader.percent)
        {
            policy.shareTolerance = tolerance.value.value
        }
        return policy
    }

    private func readSeverity(_ text: String) -> Result<Severity, ValueProblem> {
        Severity(rawValue: text).map(Result.success)
            ?? .failure(ValueProblem(expected: "error or warning"))
    }
}
