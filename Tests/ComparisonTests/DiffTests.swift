import Comparison
import EditionFormat
import Foundation
import ReportModel
import Testing

/// A small synthetic edition (invented figures, no real partnership) for comparing.
enum SyntheticDiffEdition {
    static let files: [String: String] = [
        "syn/edition.yaml": """
        partnership: { name: Synthetic Partnership }
        period: { label: 2030/31, start: 2030-04-01, end: 2031-03-31 }
        publication: { title: Synthetic report }
        areas:
          - { key: whole, name: Whole, level: partnership, areas: [ { key: north, name: North, level: council }, { key: south, name: South, level: council } ] }
        datasets:
          - { id: measures, schema: measures, file: measures.csv, title: Measures }
          - { id: figures, schema: figures, file: figures.csv, title: Figures }
          - { id: budget, schema: budget, file: budget.csv, title: Budget }
        sections: []

        """,
        "syn/measures.csv": "measure,label,unit,additive,part_of,description\ncontacts,Contacts,count,yes,,\n",
        "syn/figures.csv": "area,measure,value\nnorth,contacts,10\nsouth,contacts,30\nwhole,contacts,40\n",
        "syn/budget.csv":
            "agency,amount,stated_percent,row\nCouncil,£60,60%,part\nPolice,£40,40%,part\nTotal,£100,,total\n",
    ]

    static func edition(_ edits: [String: (String, String)] = [:]) throws -> Edition {
        var texts = files
        for (path, edit) in edits {
            texts[path] = texts[path]?.replacingOccurrences(of: edit.0, with: edit.1)
        }
        let ingest = try EditionReader(files: MemoryFileSource(texts: texts)).read(folder: "syn")
        return try #require(ingest.edition)
    }
}

@Suite("Comparing two editions")
struct DiffTests {
    @Test("an edition compared with itself has no changes")
    func identical() throws {
        let edition = try SyntheticDiffEdition.edition()
        #expect(EditionDiff.changes(from: edition, to: edition) == [])
    }

    @Test(
        "the manifest is compared too: a period, an area's name, a dataset's or section's title",
        arguments: [
            ("label: 2030/31", "label: 2030-31", "period", "label"),
            ("name: North,", "name: North Council,", "areas.north", "name"),
            ("title: Figures }", "title: Figures of the year }", "datasets.figures", "title"),
            ("title: Synthetic report", "title: Synthetic annual report", "publication", "title"),
        ])
    func manifest(_ replace: String, _ with: String, _ key: String, _ column: String) throws {
        let old = try SyntheticDiffEdition.edition()
        let new = try SyntheticDiffEdition.edition(["syn/edition.yaml": (replace, with)])
        let changes = EditionDiff.changes(from: old, to: new)
        #expect(changes.map(\.dataset) == ["edition.yaml"], "\(changes)")
        #expect(changes.map(\.key) == [key])
        #expect(changes.map(\.column) == [column])
    }

    @Test("last year's value moving into this year's previous column is not listed as a change")
    func rollForward() throws {
        let old = try SyntheticDiffEdition.edition()
        let new = try SyntheticDiffEdition.edition([
            "syn/figures.csv": (
                "area,measure,value\nnorth,contacts,10\nsouth,contacts,30\nwhole,contacts,40\n",
                "area,measure,value,previous\nnorth,contacts,12,10\nsouth,contacts,30,30\nwhole,contacts,42,40\n"
            )
        ])
        let changes = EditionDiff.changes(from: old, to: new)
        #expect(changes.map(\.column) == ["value", "value"], "\(changes)")
        #expect(changes.map(\.key) == ["north/contacts", "whole/contacts"])
    }

    @Test("a figure and its stated total changed: exactly those two, located at their cells on the new side")
    func figureAndTotal() throws {
        let old = try SyntheticDiffEdition.edition()
        let new = try SyntheticDiffEdition.edition([
            "syn/figures.csv": ("north,contacts,10", "north,contacts,15"),
            "syn/budget.csv": ("Total,£100", "Total,£105"),
        ])
        let changes = EditionDiff.changes(from: old, to: new)
        #expect(changes.map(\.kind) == [.changed, .changed])
        #expect(changes.map(\.key) == ["north/contacts", "Total"])
        #expect(changes.map(\.column) == ["value", "amount"])
        #expect(changes.map(\.old) == ["10", "100"])
        #expect(changes.map(\.new) == ["15", "105"])
        #expect(
            changes.map(\.location) == [
                ReportModel.SourceLocation(file: "syn/figures.csv", line: 2, column: 3),
                ReportModel.SourceLocation(file: "syn/budget.csv", line: 4, column: 2),
            ])
    }

    @Test("rows added and removed are listed with the side they are on")
    func addedAndRemoved() throws {
        let old = try SyntheticDiffEdition.edition()
        let new = try SyntheticDiffEdition.edition([
            "syn/budget.csv": ("Police,£40,40%,part\n", "Health,£40,40%,part\n")
        ])
        let changes = EditionDiff.changes(from: old, to: new)
        #expect(changes.map(\.kind) == [.removed, .added])
        #expect(changes.first?.location?.line == 3)
        #expect(changes.first?.oldLocation != nil && changes.first?.newLocation == nil)
    }

    @Test("the JSON has the contract's fields and parses")
    func json() throws {
        let old = try SyntheticDiffEdition.edition()
        let new = try SyntheticDiffEdition.edition(["syn/figures.csv": ("south,contacts,30", "south,contacts,31")])
        let text = DiffReport.json(EditionDiff.changes(from: old, to: new))
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let change = try #require((object?["changes"] as? [[String: Any]])?.first)
        #expect(change["dataset"] as? String == "figures")
        #expect(change["key"] as? String == "south/contacts")
        #expect(change["old"] as? String == "30")
        #expect(change["new"] as? String == "31")
        #expect(change["file"] as? String == "syn/figures.csv")
        #expect(change["line"] as? Int == 3)
    }
}
