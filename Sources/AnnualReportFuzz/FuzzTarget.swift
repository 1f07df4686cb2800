import EditionFormat
import Rendering
import Validation

/// One fuzzing input run through ingest, validation and the Markdown path: its first byte
/// chooses which file of a small edition the rest of it replaces (the manifest, a CSV dataset
/// or a narrative section). libFuzzer (`make fuzz`) calls it millions of times; any trap,
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
    /// The files an input's first byte may replace.
    static let targets = ["ed/edition.yaml", "ed/data/figures.csv", "ed/data/budget.csv", "ed/narrative/main.md"]

    static func run(_ input: [UInt8]) {
        guard let selector = input.first else { return }
        var edition = files.mapValues { Array($0.utf8) }
        let target = targets[Int(selector) % targets.count]
        edition[target] = Array(input.dropFirst())
        guard let ingest = try? EditionReader(files: MemoryFileSource(edition)).read(folder: folder) else { return }
        _ = Validator().validate(edition: ingest.edition, ingestFindings: ingest.findings, name: folder)
        for section in ingest.edition?.narrative ?? [] {
            _ = MarkdownRenderer.html(section.markdown)
        }
    }
}
