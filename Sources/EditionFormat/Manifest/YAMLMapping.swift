import ReportModel
import Yams

/// A YAML mapping being read key by key. It remembers which keys were asked for, so that any
/// key the format does not know can be reported (usually a typo that would otherwise be
/// silently ignored).
struct YAMLMapping {
    let mapping: Node.Mapping
    let location: SourceLocation
    /// Where in the manifest this mapping sits, for messages: `datasets[2]`.
    let path: String
    private(set) var asked: [String] = []

    init?(_ node: Node, path: String, file: String, findings: inout [Finding]) {
        let location = YAMLMapping.location(of: node, file: file)
        guard let mapping = node.mapping else {
            findings.append(
                Finding(
                    rule: IngestRule.manifestInvalid.id, severity: .error,
                    message:
                        "\(path.isEmpty ? "the manifest" : "'\(path)'") should be a mapping of keys to values, not \(YAMLMapping.describe(node))",
                    location: location, expected: "a mapping", actual: YAMLMapping.describe(node)))
            return nil
        }
        self.mapping = mapping
        self.location = location
        self.path = path
    }

    static func location(of node: Node, file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// The node under `key`, or nil; reports a missing required key.
    mutating func node(_ key: String, required: Bool, findings: inout [Finding]) -> Node? {
        asked.append(key)
        if let value = mapping.first(where: { $0.key.string == key })?.value { return value }
        if required {
            findings.append(
                Finding(
                    rule: IngestRule.manifestMissingKey.id, severity: .error,
                    message: "\(path.isEmpty ? "the manifest" : "'\(path)'") has no '\(key)': the format requires it",
                    location: location, expected: key, actual: "no such key"))
        }
        return nil
    }

    /// The text under `key`; reports a missing required key or a value that is not text.
    mutating func string(_ key: String, required: Bool = true, findings: inout [Finding]) -> Located<String>? {
        guard let node = node(key, required: required, findings: &findings) else { return nil }
        let location = YAMLMapping.location(of: node, file: location.file)
        guard case .scalar(let scalar) = node else {
            findings.append(
                Finding(
                    rule: IngestRule.manifestInvalid.id, severity: .error,
                    message: "'\(qualified(key))' should be text", location: location,
                    expected: "text", actual: YAMLMapping.describe(node)))
            return nil
        }
        // A YAML null (`~`, `null`) is no value, not the text "null".
        let text = node.null != nil ? "" : Trim.whitespace(scalar.string)
        if text.isEmpty, required {
            findings.append(
                Finding(
                    rule: IngestRule.manifestInvalid.id, severity: .error,
                    message: "'\(qualified(key))' is empty: expected a value", location: location,
                    expected: "a value", actual: "nothing"))
            return nil
        }
        // XML cannot carry most control characters; a YAML escape ("\\e") can still type one.
        if let control = ControlCharacters.first(in: text) {
            findings.append(
                ControlCharacters.finding(
                    control.scalar, in: "'\(qualified(key))'", expected: "printable text", at: location))
            return nil
        }
        // Names, titles and keys: one that holds an invisible character or a look-alike letter
        // shows one thing and says another.
        if let lookalike = LookalikeText.finding(in: text, subject: "'\(qualified(key))'", at: location) {
            findings.append(lookalike)
        }
        return text.isEmpty ? nil : Located(text, at: location)
    }

    /// A value under `key` read with `reader`; reports what the reader expected when it fails.
    mutating func value<Value>(
        _ key: String, required: Bool = true, findings: inout [Finding],
        _ reader: (String) -> Result<Value, ValueProblem>
    ) -> Located<Value>? {
        guard let text = string(key, required: required, findings: &findings) else { return nil }
        switch reader(text.value) {
        case .success(let value): return Located(value, at: text.location)
        case .failure(let problem):
            findings.append(
                Finding(
                    rule: IngestRule.manifestInvalid.id, severity: .error,
                    message: "cannot read '\(text.value)' as '\(qualified(key))': expected \(problem.expected)",
                    location: text.location, expected: problem.expected, actual: text.value))
            return nil
        }
    }

    /// The items of the list under `key`; reports a value that is not a list.
    mutating func list(_ key: String, required: Bool = true, findings: inout [Finding]) -> [Node] {
        guard let node = node(key, required: required, findings: &findings) else { return [] }
        guard let sequence = node.sequence else {
            findings.append(
                Finding(
                    rule: IngestRule.manifestInvalid.id, severity: .error,
                    message: "'\(qualified(key))' should be a list",
                    location: YAMLMapping.location(of: node, file: location.file),
                    expected: "a list", actual: YAMLMapping.describe(node)))
            return []
        }
        return Array(sequence)
    }

    /// The mapping under `key`.
    mutating func mapping(_ key: String, required: Bool = true, findings: inout [Finding]) -> YAMLMapping? {
        guard let node = node(key, required: required, findings: &findings) else { return nil }
        return YAMLMapping(node, path: qualified(key), file: location.file, findings: &findings)
    }

    /// `path.key`, or `key` at the top level.
    func qualified(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Reports every key of the mapping that was never asked for.
    func reportUnknownKeys(findings: inout [Finding]) {
        for (key, _) in mapping {
            let name = key.string ?? ""
            guard !asked.contains(name) else { continue }
            findings.append(
                Finding(
                    rule: IngestRule.manifestUnknownKey.id, severity: .error,
                    message:
                        "unknown key '\(name)'\(path.isEmpty ? "" : " in '\(path)'")\(Suggestion.hint(for: name, among: asked)): expected one of \(asked.joined(separator: ", "))",
                    location: YAMLMapping.location(of: key, file: location.file),
                    expected: asked.joined(separator: ", "), actual: name))
        }
    }
}
