import EditionFormat
import Foundation
import Rendering
import ReportModel
import Validation

/// One fuzzing input run through ingest, validation and the Markdown path, or through the
/// templates: its first byte chooses which file of a small edition the rest of it replaces
/// (the manifest, a CSV dataset, a narrative section, or the edition's own templates). libFuzzer (`make fuzz`) calls it millions of times; any trap,
/// crash, leak or hang is a bug.
enum FuzzTarget {
    static let folder = "ed"
    static let manifest = """
        partnership: { name: Example Partnership, short_name: EXP }
        period: { label: 2030/31, start: 2030-04-01, end: 2031-03-31 }
        publication: { title: Fuzz edition }
        areas:
          - key: whole
            name: Whole area
            level: partnership
            areas:
              - { key: north, name: North, level: council }
              - { key: south, name: South, level: council }
        datasets:
          - { id: measures, schema: measures, file: data/measures.csv, title: Measures }
          - { id: figures, schema: figures, file: data/figures.csv, title: Figures, section: main }
          - { id: budget, schema: budget, file: data/budget.csv, title: Budget }
          - { id: glossary, schema: glossary, file: data/glossary.csv, title: Abbreviations }
        sections:
          - { id: main, title: The year, file: narrative/main.md }
        """
    static let files: [String: String] = [
        "ed/edition.yaml": manifest,
        "ed/data/measures.csv": "measure,label,unit,additive,part_of,description\ncontacts,Contacts,count,yes,,\n",
        "ed/data/figures.csv":
            "area,measure,value,stated_percent,percent_of,period,source\nnorth,contacts,1000,,,,\nsouth,contacts,3000,,,,\nwhole,contacts,4000,25%,contacts,,\n",
        "ed/data/budget.csv": "agency,parent,amount,stated_percent,row\nCouncil,,£60,60%,part\nPolice,,£40,40%,part\n",
        "ed/data/glossary.csv": "abbreviation,expansion\nEXP,Example Partnership\n",
        "ed/narrative/main.md": "The EXP received {{= whole/contacts }} contacts.\n",
    ]
    /// The files an input's first byte may replace; `templates` is the edition's own templates.
    static let targets = [
        "ed/edition.yaml", "ed/data/figures.csv", "ed/data/budget.csv", "ed/narrative/main.md", templates,
    ]
    static let templates = "templates"
    /// The templates a `templates` input replaces, in order, its parts split at NUL bytes: two
    /// the report renders for each section and block, and two partials they may include.
    static let templateNames = ["section", "block", "a", "b"]

    /// The unchanged edition, read and checked once, which the templates render.
    nonisolated(unsafe) static let checked: (edition: Edition, validation: ValidationReport)? = {
        guard let ingest = try? EditionReader(files: MemoryFileSource(texts: files)).read(folder: folder),
            let edition = ingest.edition
        else { return nil }
        return (edition, Validator().validate(edition: edition, ingestFindings: ingest.findings, name: folder))
    }()

    static func run(_ input: [UInt8]) {
        guard let first = input.first else { return }
        // FUZZ_TARGET=templates (or another target's file) sends every input to one target.
        let only = getenv("FUZZ_TARGET").map { String(cString: $0) }
        let selector = only.flatMap { name in targets.firstIndex { $0 == name || $0.hasSuffix("/" + name) } }
        let target = targets[selector ?? Int(first) % targets.count]
        if target == templates {
            renderTemplates(Array(input.dropFirst()))
            return
        }
        var edition = files.mapValues { Array($0.utf8) }
        edition[target] = Array(input.dropFirst())
        guard let ingest = try? EditionReader(files: MemoryFileSource(edition)).read(folder: folder) else { return }
        _ = Validator().validate(edition: ingest.edition, ingestFindings: ingest.findings, name: folder)
        for section in ingest.edition?.narrative ?? [] {
            _ = MarkdownRenderer.html(section.markdown)
        }
    }

    /// The built-in templates with some replaced by the parts of `bytes`, loaded (every check
    /// on tags, partials and markup) and, when they load, rendering the edition.
    static func renderTemplates(_ bytes: [UInt8]) {
        guard let checked else { return }
        var sources: [String: (path: String, text: String)] = [:]
        for file in TemplateSet.builtInFiles { sources[file.name] = ("built-in", file.text) }
        for (name, part) in zip(templateNames, bytes.split(separator: 0, omittingEmptySubsequences: false)) {
            sources[name] = ("\(name).mustache", String(decoding: part, as: UTF8.self))
        }
        guard let set = try? TemplateSet(sources: sources) else { return }
        _ = try? ReportRenderer(templates: set).render(checked.edition, validation: checked.validation, draft: true)
    }
}
