import Foundation
import Mustache

/// The partnership's templates, loaded from a folder and checked before use: each must parse
/// as Mustache, name only values the report provides, and be well-formed markup once its tags
/// are set aside (so the XHTML it produces can be too). Every problem names the template file
/// and line.
public struct TemplateSet: Sendable {
    /// The template the document starts from.
    public static let main = "report"

    let library: MustacheLibrary
    /// Each template's text, by name, for the checks.
    let sources: [String: (path: String, text: String)]

    /// Loads every `.mustache` file in `folder`.
    /// - Throws: the problems found, when any template does not parse or is not well-formed.
    public init(folder: String) throws(TemplateLoadError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            throw TemplateLoadError(problems: [
                TemplateProblem(
                    file: folder, line: 1, column: nil,
                    message: "cannot read the templates folder: \(error.localizedDescription)")
            ])
        }
        var sources: [String: (path: String, text: String)] = [:]
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                sources[String(name.dropLast(".mustache".count))] = (path, text)
            }
        }
        try self.init(sources: sources)
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
