import CYaml
import ReportModel

/// What the manifest's YAML must be before it is composed into nodes, found in one pass over
/// libyaml's events (the parser Yams itself wraps), before any node is built.
///
/// Composing follows every alias, and Yams hashes each mapping's keys to find duplicates: a few
/// hundred bytes of aliases used as keys, nested a few levels, expand to billions of nodes. So
/// the nodes aliases add are counted as the events come, and a manifest whose aliases would
/// expand past `aliasBudget` is refused where the alias that crosses it stands. Repeated keys
/// are found here too, so each is located at its second use rather than reported with the whole
/// manifest.
enum YAMLShape {
    /// The most nodes aliases may add: far more than any manifest needs (it needs none), far
    /// fewer than would slow composing down.
    static let aliasBudget = 10_000

    /// A reason the text cannot be composed, located in it (lines and columns from 1).
    struct Problem: Equatable {
        var line: Int
        var column: Int
        /// The whole sentence a finding says.
        var message: String
        var rule: IngestRule
    }

    /// The first problem in `text`, or nil when it is well-formed YAML within the budget.
    static func problem(in text: String) -> Problem? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return Problem(line: 1, column: 1, message: "the YAML parser could not start", rule: .manifestSyntax)
        }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var walk = Walk()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return syntaxProblem(parser) }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let problem = walk.take(event) { return problem }
            }
        }
    }

    private static func syntaxProblem(_ parser: yaml_parser_t) -> Problem {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        // The reader (bad bytes) marks an offset only; the scanner and parser mark a line too.
        let mark = parser.error == YAML_READER_ERROR ? parser.context_mark : parser.problem_mark
        return Problem(
            line: Int(mark.line) + 1, column: Int(mark.column) + 1,
            message: "the manifest is not well-formed YAML: \(problem)", rule: .manifestSyntax)
    }

    /// The nodes open around the current event.
    private struct Walk {
        struct Collection {
            var anchor: String?
            var size = 1
            var isMapping: Bool
            /// For a mapping: true when the next node is a key.
            var expectsKey = true
            /// For a mapping: the lines its text keys were first given on.
            var keys: [String: Int] = [:]
        }

        var open: [Collection] = []
        /// How many nodes each anchor stands for, aliases inside it expanded.
        var anchorSizes: [String: Int] = [:]
        var aliasNodes = 0

        mutating func take(_ event: yaml_event_t) -> Problem? {
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(
                    decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                return add(size: 1, anchor: name(scalar.anchor), key: text, line: line, column: column)
            case YAML_ALIAS_EVENT:
                let size = name(event.data.alias.anchor).flatMap { anchorSizes[$0] } ?? 1
                aliasNodes += size
                guard aliasNodes <= YAMLShape.aliasBudget else {
                    return Problem(
                        line: line, column: column,
                        message:
                            "the manifest's aliases expand to more than \(YAMLShape.aliasBudget) nodes: expected a manifest without aliases (*name) nested inside each other",
                        rule: .manifestInvalid)
                }
                return add(size: size, anchor: nil, key: nil, line: line, column: column)
            case YAML_SEQUENCE_START_EVENT:
                open.append(Collection(anchor: name(event.data.sequence_start.anchor), isMapping: false))
            case YAML_MAPPING_START_EVENT:
                open.append(Collection(anchor: name(event.data.mapping_start.anchor), isMapping: true))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return nil }
                return add(size: closed.size, anchor: closed.anchor, key: nil, line: line, column: column)
            default: break
            }
            return nil
        }

        /// Counts a finished node into the collection around it, and checks it as a key.
        private mutating func add(size: Int, anchor: String?, key: String?, line: Int, column: Int) -> Problem? {
            if let anchor { anchorSizes[anchor] = size }
            guard let last = open.indices.last else { return nil }
            open[last].size += size
            guard open[last].isMapping else { return nil }
            defer { open[last].expectsKey.toggle() }
            guard open[last].expectsKey, let key else { return nil }
            if let first = open[last].keys[key] {
                return Problem(
                    line: line, column: column,
                    message:
                        "the key '\(key)' is given twice in one mapping (first at line \(first)): expected it once",
                    rule: .duplicateKey)
            }
            open[last].keys[key] = line
            return nil
        }

        private func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            anchor.map { String(cString: $0) }
        }
    }
}
