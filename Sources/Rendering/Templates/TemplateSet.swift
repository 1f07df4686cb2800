import EditionFormat
import Foundation
import Mustache
import ReportModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The report's templates, checked before use: each must parse as Mustache, name only values
/// the report provides, and be well-formed markup once its tags are set aside (so the XHTML it
/// produces can be too). Every problem names the template file and line.
///
/// The templates the package ships are compiled in (`TemplateSet+BuiltIn.swift`), so the tool
/// renders from any folder; a partnership's own folder replaces those it has files for.
public struct TemplateSet: Sendable {
    /// The template the document starts from.
    public static let main = "report"

    let library: MustacheLibrary
    /// True when every template is a built-in one, whose output needs no second look.
    private(set) var isBuiltIn: Bool
    /// Each template's text, by name, for the checks.
    let sources: [String: (path: String, text: String)]

    /// The most `.mustache` files a templates folder may hold.
    public static let mostFiles = 200
    /// The largest template file: 1 MiB, a hundred times the largest built-in one.
    public static let largestFile = 1 << 20

    /// The built-in templates, each `.mustache` file in `folder` replacing the one of its name
    /// (or adding a partial); with no folder, the built-in templates alone.
    ///
    /// The folder and every file in it must lie inside `root` once symbolic links are followed:
    /// for a manifest's `templates:`, the edition folder; for a folder named on the command
    /// line, that folder itself (the default).
    /// - Parameters:
    ///   - folder: the partnership's templates folder, if it has one.
    ///   - root: the folder the templates may not leave; `folder` itself when nil.
    ///   - reference: where `folder` is named (the manifest's `templates:`), for problems
    ///     with the folder as a whole.
    /// - Throws: the problems found: a folder that cannot be read or leads outside `root`, a
    ///   template too large, one that does not parse, is not well-formed, or breaks the
    ///   policy on tags, partials or markup.
    public init(folder: String? = nil, inside root: String? = nil, namedAt reference: SourceLocation? = nil)
        throws(TemplateLoadError)
    {
        var sources = TemplateSet.builtInFiles.reduce(into: [String: (path: String, text: String)]()) {
            $0[$1.name] = ("built-in \($1.name).mustache", $1.text)
        }
        var fromFolder = false
        if let folder {
            for (name, source) in try TemplateSet.read(folder: folder, inside: root ?? folder, namedAt: reference) {
                sources[name] = source
            }
            fromFolder = true
        }
        try self.init(sources: sources)
        isBuiltIn = !fromFolder
    }

    /// The templates the package ships, by name, sorted: what `annual-report templates export`
    /// writes out as a partnership's starting point.
    public static var builtInFiles: [(name: String, text: String)] {
        builtInSources.keys.sorted().map { ($0, builtInSources[$0] ?? "") }
    }

    /// Every `.mustache` file in `folder`, by name.
    private static func read(folder: String, inside root: String, namedAt reference: SourceLocation?)
        throws(TemplateLoadError) -> [String: (path: String, text: String)]
    {
        func failure(_ message: String, file: String? = nil) -> TemplateLoadError {
            guard file == nil, let reference else {
                return TemplateLoadError(problems: [
                    TemplateProblem(file: file ?? folder, line: nil, column: nil, message: message)
                ])
            }
            return TemplateLoadError(problems: [
                TemplateProblem(
                    file: reference.file, line: reference.line, column: reference.column,
                    message: "the templates folder \(folder): \(message)")
            ])
        }
        let disk = DiskFileSource()
        let real: String
        do {
            real = try disk.folder(folder, inside: root)
        } catch {
            switch error {
            case .notFound: throw failure("no such folder: expected a folder of .mustache templates")
            case .notAFile: throw failure("this is a file: expected a folder of .mustache templates")
            case .outside:
                throw failure(
                    "it leads outside the edition folder through a symbolic link: expected a folder inside the edition")
            case .unreadable(_, let reason), .unreachable(_, let reason):
                throw failure("cannot read the folder: \(reason)")
            }
        }
        guard access(real, R_OK | X_OK) == 0, let entries = try? FileManager.default.contentsOfDirectory(atPath: real)
        else {
            throw failure("cannot read the folder: \(String(cString: strerror(errno)).lowercased())")
        }
        let names = entries.filter { $0.hasSuffix(".mustache") }.sorted()
        guard !names.isEmpty else {
            throw failure(
                "the folder holds no .mustache files: expected templates that replace the built-in ones (annual-report templates export writes them out)"
            )
        }
        guard names.count <= mostFiles else {
            throw failure("the folder holds \(names.count) .mustache files: expected at most \(mostFiles)")
        }
        var sources: [String: (path: String, text: String)] = [:]
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            let data: [UInt8]
            do {
                // Read through the resolved folder, so each file is judged where it really is.
                data = try disk.contents(
                    of: (real as NSString).appendingPathComponent(name), inside: root, largest: largestFile)
            } catch {
                switch error {
                case .notFound, .notAFile: throw failure("cannot read the template: it is not a file", file: path)
                case .outside:
                    throw failure(
                        "the template is a symbolic link that leads outside \(root == folder ? "the templates folder" : "the edition folder"): expected a file inside it",
                        file: path)
                case .unreadable(_, let reason), .unreachable(_, let reason):
                    throw failure("cannot read the template: \(reason)", file: path)
                }
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                throw failure("the template is not UTF-8 text", file: path)
            }
            sources[String(name.dropLast(".mustache".count))] = (path, text)
        }
        return sources
    }

    /// Templates given as text, by name, for tests.
    public init(sources: [String: (path: String, text: String)]) throws(TemplateLoadError) {
        var library = MustacheLibrary()
        var problems: [TemplateProblem] = []
        for name in sources.keys.sorted() {
            guard let source = sources[name] else { continue }
            let tagProblems = TagPolicy.problems(in: source.text, file: source.path)
            problems += tagProblems
            // The parser recurses into sections: a template nested too deep is not parsed.
            guard !tagProblems.contains(where: { $0.message.hasPrefix("sections are nested") }) else { continue }
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(
                    TemplateProblem(
                        file: source.path, line: error.context.lineNumber, column: error.context.columnNumber,
                        message: "the template does not parse: \(error.error)"))
            } catch {
                problems.append(
                    TemplateProblem(
                        file: source.path, line: 1, column: nil, message: "the template does not parse: \(error)"))
            }
            problems += MarkupCheck.problems(in: source.text, file: source.path)
        }
        if sources[TemplateSet.main] == nil {
            problems.append(
                TemplateProblem(
                    file: "\(TemplateSet.main).mustache", line: 1, column: nil,
                    message: "there is no \(TemplateSet.main).mustache: expected the template the report starts from"))
        }
        problems += PartialGraph.problems(in: sources, main: TemplateSet.main)
        guard problems.isEmpty else { throw TemplateLoadError(problems: problems) }
        self.library = library
        self.sources = sources
        self.isBuiltIn = false
    }

    /// Renders `view` with the main template, after checking that every name the templates
    /// use is one the view provides. An edition's own templates read it through a
    /// `RenderBudget`, and are refused when they repeat its data past it.
    func render(_ view: some MustacheView, knownNames: Set<String>) throws(TemplateLoadError) -> String {
        let problems = sources.keys.sorted().flatMap { name -> [TemplateProblem] in
            guard let source = sources[name] else { return [] }
            return TagScanner.unknownNames(in: source.text, file: source.path, known: knownNames)
        }
        guard problems.isEmpty else { throw TemplateLoadError(problems: problems) }
        guard !isBuiltIn else { return library.render(view, withTemplate: TemplateSet.main) ?? "" }
        let budget = RenderBudget(for: view)
        let rendered = library.render(BudgetedView(inner: view, budget: budget), withTemplate: TemplateSet.main) ?? ""
        guard let name = budget.exhaustedBy else { return rendered }
        throw TemplateLoadError(problems: [repeated(name)])
    }

    /// The problem when the section over `name` went over the budget, at its tag: the first
    /// one inside another section, where the repeating is.
    private func repeated(_ name: String) -> TemplateProblem {
        let message =
            "the templates repeat the report's data more than \(RenderBudget.timesOver) times over: the section over '\(name)' sits inside sections over lists, so it renders all of it again for every item of each: expected each list rendered once, where it belongs"
        let tags = sources.keys.sorted().flatMap { key -> [(path: String, tag: TagScanner.Tag)] in
            guard let source = sources[key] else { return [] }
            return TagScanner.tags(in: source.text).filter { $0.kind == .section && $0.name == name }.map {
                (source.path, $0)
            }
        }
        guard let found = tags.first(where: { $0.tag.depth > 1 }) ?? tags.first else {
            return TemplateProblem(
                file: sources[TemplateSet.main]?.path ?? "report.mustache", line: 1, column: 1, message: message)
        }
        return TemplateProblem(file: found.path, line: found.tag.line, column: found.tag.column, message: message)
    }
}

/// Every problem found in the templates.
public struct TemplateLoadError: Error, Sendable, CustomStringConvertible {
    public var problems: [TemplateProblem]

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
