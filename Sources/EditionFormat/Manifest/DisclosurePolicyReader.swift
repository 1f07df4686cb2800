import ReportModel
import Yams

/// Reads the manifest's `disclosure:` policy and each dataset's `disclosure: none` with its
/// `reason:`, reporting every mistake at its place in the manifest.
struct DisclosurePolicyReader {
    let file: String

    /// The top-level `disclosure:` mapping, or nil when there is none (or it cannot be read:
    /// each problem is a finding).
    func read(_ top: inout YAMLMapping, findings: inout [Finding]) -> DisclosurePolicy? {
        guard var mapping = top.mapping("disclosure", required: false, findings: &findings) else { return nil }
        defer { mapping.reportUnknownKeys(findings: &findings) }
        let before = findings.count
        let small = mapping.value("small_counts", required: false, findings: &findings) {
            wholeNumber($0, from: 1, expected: "a whole number of at least 1, such as 5 (counts from 1 to 5 are small)")
        }
        let zeros = mapping.value("zeros", required: false, findings: &findings) { text in
            DisclosurePolicy.Zeros(rawValue: text).map { .success($0) }
                ?? .failure(ValueProblem(expected: "publish or protect"))
        }
        let minRange = mapping.value("min_range", required: false, findings: &findings) {
            wholeNumber($0, from: 1, expected: "a whole number of at least 1, such as 5")
        }
        let nodes = mapping.list("datasets", findings: &findings)
        var datasets: [Located<String>] = []
        for (index, node) in nodes.enumerated() {
            let location = YAMLMapping.location(of: node, file: file)
            guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
                findings.append(
                    Finding(
                        rule: IngestRule.manifestInvalid.id, severity: .error,
                        message:
                            "'disclosure.datasets[\(index)]' should be a dataset id, such as cdop, not \(YAMLMapping.describe(node))",
                        location: location, expected: "a dataset id", actual: YAMLMapping.describe(node)))
                continue
            }
            datasets.append(Located(scalar.string, at: location))
        }
        if nodes.isEmpty, mapping.mapping.contains(where: { $0.key.string == "datasets" }) {
            findings.append(
                Finding(
                    rule: IngestRule.manifestInvalid.id, severity: .error,
                    message:
                        "'disclosure.datasets' names no dataset: expected the ids of the datasets it protects, such as [cdop]",
                    location: mapping.location, expected: "at least one dataset id", actual: "an empty list"))
        }
        guard findings.count == before else { return nil }
        return DisclosurePolicy(
            smallCounts: small?.value ?? DisclosurePolicy.defaultSmallCounts, zeros: zeros?.value ?? .publish,
            minRange: minRange?.value ?? DisclosurePolicy.defaultMinRange, datasets: datasets,
            location: mapping.location)
    }

    /// Reports a protected dataset the manifest does not list, one listed twice, and one that
    /// also records `disclosure: none`.
    func checkDatasets(of policy: DisclosurePolicy, among specs: [DatasetSpec], findings: inout [Finding]) {
        var seen: Set<String> = []
        let ids = specs.map(\.id)
        for dataset in policy.datasets {
            guard seen.insert(dataset.value).inserted else {
                findings.append(
                    Finding(
                        rule: IngestRule.manifestInvalid.id, severity: .error,
                        message: "'disclosure.datasets' lists \(dataset.value) twice: expected each dataset once",
                        location: dataset.location, expected: "each dataset once", actual: dataset.value))
                continue
            }
            guard let spec = specs.first(where: { $0.id == dataset.value }) else {
                findings.append(
                    Finding(
                        rule: IngestRule.manifestInvalid.id, severity: .error,
                        message:
                            "'disclosure.datasets' names \(dataset.value)\(Suggestion.hint(for: dataset.value, among: ids)), which is no dataset of the manifest: expected one of \(ids.joined(separator: ", "))",
                        location: dataset.location, expected: "a dataset id", actual: dataset.value))
                continue
            }
            if let exemption = spec.disclosureExemption {
                findings.append(
                    Finding(
                        rule: IngestRule.manifestInvalid.id, severity: .error,
                        message:
                            "the dataset \(spec.id) says disclosure: none, but 'disclosure.datasets' protects it: expected one decision, so remove one of them",
                        location: exemption.location, expected: "one decision", actual: "both"))
            }
        }
    }

    /// A dataset's `disclosure: none` with its `reason:`; nil when it says nothing.
    func readExemption(_ mapping: inout YAMLMapping, findings: inout [Finding]) -> DisclosureExemption? {
        let decision = mapping.string("disclosure", required: false, findings: &findings)
        let reason = mapping.string("reason", required: false, findings: &findings)
        guard let decision else {
            if let reason {
                findings.append(
                    Finding(
                        rule: IngestRule.manifestInvalid.id, severity: .error,
                        message:
                            "'\(mapping.qualified("reason"))' gives a reason, but the dataset records no decision: expected disclosure: none beside it",
                        location: reason.location, expected: "disclosure: none", actual: "no disclosure"))
            }
            return nil
        }
        guard decision.value == "none" else {
            findings.append(
                Finding(
                    rule: IngestRule.manifestInvalid.id, severity: .error,
                    message:
                        "cannot read '\(decision.value)' as '\(mapping.qualified("disclosure"))': expected none (to protect a dataset, list it under the top-level disclosure: datasets)",
                    location: decision.location, expected: "none", actual: decision.value))
            return nil
        }
        guard let reason else {
            findings.append(
                Finding(
                    rule: IngestRule.manifestInvalid.id, severity: .error,
                    message:
                        "'\(mapping.qualified("disclosure"))' is none, but no reason: is given: expected a reason: saying why no count in it can identify anyone",
                    location: decision.location, expected: "reason: ...", actual: "no reason"))
            return nil
        }
        return DisclosureExemption(reason: reason, location: decision.location)
    }

    private func wholeNumber(_ text: String, from least: Int, expected: String) -> Result<Int, ValueProblem> {
        guard text.allSatisfy(\.isASCII), let number = Int(text), number >= least, number <= 1_000_000 else {
            return .failure(ValueProblem(expected: expected))
        }
        return .success(number)
    }
}
