import ReportModel

/// Which template includes which (`{{> name}}`), checked before anything renders: the engine
/// expands partials by recursion, so a partial that includes itself would exhaust the stack,
/// and partials that each include the next twice would double the work at every step.
enum PartialGraph {
    /// The longest chain of partials from the main template (the built-in ones reach three).
    static let deepestChain = 10
    /// The most template text the main template may expand to with every partial put in place
    /// (sections that repeat for each item of the data aside): 4 MiB, 500 times the built-in
    /// templates'.
    static let largestExpansion = 4 << 20

    private struct Include {
        var target: String
        var file: String
        var line: Int
        var column: Int
    }

    /// The problems in how `sources` include each other, located at the `{{> name}}` tag.
    static func problems(in sources: [String: (path: String, text: String)], main: String) -> [TemplateProblem] {
        var includes: [String: [Include]] = [:]
        var problems: [TemplateProblem] = []
        for name in sources.keys.sorted() {
            guard let source = sources[name] else { continue }
            for tag in TagScanner.tags(in: source.text) where tag.kind == .partial {
                guard sources[tag.name] != nil else {
                    problems.append(
                        TemplateProblem(
                            file: source.path, line: tag.line, column: tag.column,
                            message:
                                "the partial '\(tag.name)' is no template\(Suggestion.hint(for: tag.name, among: Set(sources.keys))): expected the name of a .mustache file in the templates folder or a built-in template (\(sources.keys.sorted().joined(separator: ", ")))"
                        ))
                    continue
                }
                includes[name, default: []].append(
                    Include(target: tag.name, file: source.path, line: tag.line, column: tag.column))
            }
        }
        var walk = Walk(sources: sources, includes: includes)
        for name in sources.keys.sorted() { walk.visit(name, chain: []) }
        problems += walk.problems
        guard walk.problems.isEmpty, sources[main] != nil else { return problems }
        if let problem = walk.tooLarge(main) { problems.append(problem) }
        return problems
    }

    /// A depth-first walk that finds cycles and over-long chains, and sizes each expansion.
    private struct Walk {
        let sources: [String: (path: String, text: String)]
        let includes: [String: [Include]]
        var problems: [TemplateProblem] = []
        /// The longest chain below each template already visited.
        var height: [String: Int] = [:]
        /// The size of each template with its partials in place, capped just above the limit.
        var size: [String: Int] = [:]
        var reported: Set<String> = []

        mutating func visit(_ name: String, chain: [String]) {
            guard height[name] == nil else { return }
            var tallest = 0
            var total = sources[name]?.text.utf8.count ?? 0
            for include in includes[name] ?? [] {
                if include.target == name || chain.contains(include.target) {
                    let loop = (chain.drop { $0 != include.target } + [name, include.target]).joined(separator: " > ")
                    report(
                        include,
                        "the partial '\(include.target)' includes itself here (\(loop)), so it would never end: expected partials that do not include each other in a circle"
                    )
                    continue
                }
                visit(include.target, chain: chain + [name])
                tallest = max(tallest, 1 + (height[include.target] ?? 0))
                total = min(largestExpansion + 1, total + (size[include.target] ?? 0))
            }
            if tallest > PartialGraph.deepestChain, chain.isEmpty, let first = includes[name]?.first {
                report(
                    first,
                    "partials are included \(tallest) deep from here: expected at most \(PartialGraph.deepestChain) partials inside each other"
                )
            }
            height[name] = tallest
            size[name] = total
        }

        mutating func report(_ include: Include, _ message: String) {
            guard reported.insert("\(include.file):\(include.line):\(include.column)").inserted else { return }
            problems.append(
                TemplateProblem(file: include.file, line: include.line, column: include.column, message: message))
        }

        /// The problem when `name` expands too far, located at the first include in the first
        /// template that crosses the limit while each of its partials stays within it.
        func tooLarge(_ name: String) -> TemplateProblem? {
            guard (size[name] ?? 0) > PartialGraph.largestExpansion else { return nil }
            let over = (includes[name] ?? []).first { (size[$0.target] ?? 0) > PartialGraph.largestExpansion }
            if let over { return tooLarge(over.target) }
            guard let include = includes[name]?.first else { return nil }
            return TemplateProblem(
                file: include.file, line: include.line, column: include.column,
                message:
                    "the partials included from here expand to more than \(PartialGraph.largestExpansion >> 20) MiB of template (partials that include others more than once multiply): expected at most \(PartialGraph.largestExpansion >> 20) MiB"
            )
        }
    }
}
