import EditionFormat
import Foundation
import ReportModel
import Validation

/// A small, clearly synthetic edition ("Example Partnership", 2030/31) in memory, valid as
/// given, for rule tests that change one line at a time.
enum ExampleEdition {
    static let files: [String: String] = [
        "ed/edition.yaml": """
        partnership: { name: Example Partnership }
        period: { label: 2030/31, start: 2030-04-01, end: 2031-03-31 }
        publication: { title: Example annual report }
        areas:
          - key: whole
            name: Whole
            level: partnership
            areas:
              - { key: north, name: North, level: council }
              - { key: south, name: South, level: council }
        datasets:
          - { id: measures, schema: measures, file: measures.csv, title: Measures }
          - { id: figures, schema: figures, file: figures.csv, title: Figures, section: intro, disclosure: none, reason: Invented figures. }
          - { id: again, schema: figures, file: again.csv, title: Figures again, section: intro }
          - { id: budget, schema: budget, file: budget.csv, title: Budget }
          - { id: courses, schema: training-courses, file: courses.csv, title: Courses }
          - { id: ranked, schema: rankings, file: ranked.csv, title: Ranked, section: intro }
          - { id: corrections, schema: corrections, file: corrections.csv, title: Corrections }
        sections:
          - { id: intro, title: Introduction, file: intro.md }

        """,
        "ed/measures.csv": """
        measure,label,unit,additive,part_of,description
        people,People,count,yes,,
        children,Children,count,yes,,
        deaths,Deaths,count,yes,,
        deaths_male,Male deaths,count,yes,deaths,
        deaths_female,Female deaths,count,yes,deaths,
        contacts,Contacts,count,yes,,
        referrals,Referrals,count,yes,,

        """,
        "ed/figures.csv": """
        area,measure,value,stated_percent,percent_of,period,source
        north,people,1000,,,,
        south,people,3000,,,,
        north,children,200,20%,people,,
        south,children,600,20.0%,people,,
        whole,children,800,20%,people,,
        whole,deaths,10,,,,
        whole,deaths_male,4,,,,
        whole,deaths_female,6,,,,
        north,contacts,802,,,,
        north,referrals,189,23.6%,contacts,2031-03,

        """,
        "ed/again.csv": """
        area,measure,value
        north,people,1000

        """,
        "ed/budget.csv": """
        agency,parent,amount,stated_percent,row
        Council,,£500,50%,part
        Police,,£300,30%,part
        Health,,£200,20%,part
        Health North,Health,£150,15%,part
        Health South,Health,£50,5%,part
        Total,,"£1,000",,total

        """,
        "ed/courses.csv": """
        course,mode,completions,row
        Alpha,e-learning,10,part
        Beta,blended,5,part
        Total,,15,total

        """,
        "ed/ranked.csv": """
        list,area,rank,item,stated_percent
        top,north,1,Education,30%
        top,north,2,Police,20%

        """,
        "ed/corrections.csv": """
        dataset,key,column,published_value,reason,date
        budget,Health,stated_percent,25%,Example correction,2031-01-01

        """,
        "ed/intro.md": "An example.\n",
        "ed/glossary.csv": "",
    ]

    /// One change to the edition: in `file`, the first `replace` becomes `with`.
    struct Edit: Sendable, CustomStringConvertible {
        var file: String
        var replace: String
        var with: String

        var description: String { "\(file): \(replace) -> \(with)" }
    }

    /// Ingests and validates the example edition after applying `edits`.
    static func report(_ edits: [Edit] = [], rules: [any Rule] = RuleCatalogue.rules) throws -> ValidationReport {
        let ingest = try ingested(edits)
        return Validator(rules: rules).validate(edition: ingest.edition, ingestFindings: ingest.findings, name: "ed")
    }

    /// Ingests the example edition after applying `edits`.
    static func ingested(_ edits: [Edit] = []) throws -> IngestResult {
        var texts = files
        for edit in edits {
            let path = "ed/\(edit.file)"
            if edit.replace.isEmpty, texts[path]?.isEmpty == true {
                texts[path] = edit.with  // Filling an empty file.
                continue
            }
            guard let text = texts[path], let range = text.range(of: edit.replace) else {
                throw FixtureError.noSuchText(edit.description)
            }
            texts[path] = text.replacingCharacters(in: range, with: edit.with)
        }
        return try EditionReader(files: MemoryFileSource(texts: texts)).read(folder: "ed")
    }

    enum FixtureError: Error {
        case noSuchText(String)
    }
}
