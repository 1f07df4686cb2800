import Foundation
import Mustache

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
    /// Each template's text, by name, for the checks.
    let sources: [String: (path: String, text: String)]

    /// The built-in templates, each `.mustache` file in `folder` replacing the one of its name
    /// (or adding a partial); with no folder, the built-in templates alone.
    /// - Parameter folder: the partnership's templates folder, if it has one.
    /// - Throws: the problems found: a folder that cannot be read, a template that does not
    ///   parse or is not well-formed.
    public init(folder: String? = nil) throws(TemplateLoadError) {
        var sources = TemplateSet.builtInFiles.reduce(into: [String: (path: String, text: String)]()) {
            $0[$1.name] = ("built-in \($1.name).mustache", $1.text)
        }
        if let folder {
            for (name, source) in try TemplateSet.read(folder: folder) { sources[name] = source }
        }
        try self.init(sources: sources)
    }

    /// The templates the package ships, by name, sorted: what `annual-report templates export`
    /// writes out as a partnership's starting point.
    public static var builtInFiles: [(name: String, text: String)] {
        builtInSources.keys.sorted().map { ($0, builtInSources[$0] ?? "") }
    }

    /// Every `.mustache` file in `folder`, by name.
    private static func read(folder: String) throws(TemplateLoadError) -> [String: (path: String, text: String)] {
        func failure(_ message: String, file: String = folder) -> TemplateLoadError {
            TemplateLoadError(problems: [TemplateProblem(file: file, line: nil, column: nil, message: message)])
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw failure("no such folder: expected a folder of .mustache templates")
        }
        guard isFolder.boolValue else {
            throw failure("this is a file: expected a folder of .mustache templates")
        }
        guard access(folder, R_OK | X_OK) == 0,
            let entries = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else {
            throw failure("cannot read the folder: \(String(cString: strerror(errno)).lowercased())")
        }
        let names = entries.filter { $0.hasSuffix(".mustache") }.sorted()
        guard !names.isEmpty else {
            throw failure(
                "the folder holds no .mustache files: expected templates that replace the built-in ones (annual-report templates export writes them out)"
            )
        }
        var sources: [String: (path: String, text: String)] = [:]
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                let reason =
                    access(path, R_OK) == 0 ? "it is not a file" : String(cString: strerror(errno)).lowercased()
                throw failure("cannot read the template: \(reason)", file: path)
            }
            guard let text = String(bytes: data, encoding: .utf8) else {
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
        guard problems.isEmpty else { throw TemplateLoadError(problems: problems) }
        self.library = library
        self.sources = sources
    }

    /// Renders `view` with the main template, after checking that every name the templates
    /// use is one the view provides.
    func render(_ view: Any, knownNames: Set<String>) throws(TemplateLoadError) -> String {
        let problems = sources.keys.sorted().flatMap { name -> [TemplateProblem] in
            guard let source = sources[name] else { return [] }
            return TagScanner.unknownNames(in: source.text, file: source.path, known: knownNames)
        }
        guard problems.isEmpty else { throw TemplateLoadError(problems: problems) }
        return library.render(view, withTemplate: TemplateSet.main) ?? ""
    }
}

/// Every problem found in the templates.
public struct TemplateLoadError: Error, Sendable, CustomStringConvertible {
    public var problems: [TemplateProblem]

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
