import EditionFormat
import Foundation
import ReportModel

/// Synthetic editions for the disclosure tests: a table of areas by the parts of a headline,
/// with the areas' parent and the headline as published totals.
enum TableEdition {
    /// An edition whose `table` dataset holds `values[row][column]` for area `a<row>` and
    /// measure `part<column>`, with each area's `total` (the row total) and the parent area
    /// `all` (the column totals and the grand total); `previous` adds last year's values.
    static func make(
        _ values: [[Int]], previous: [[Int]]? = nil, policy: String = TableEdition.policy,
        extraMeasures: String = "", extraRows: String = "", dataset: String = "table", addUp: Bool = false
    ) -> [String: String] {
        let columns = values.first?.count ?? 0
        var measures = "measure,label,unit,additive,part_of,description\ntotal,Total,count,yes,,\n"
        for column in 0..<columns { measures += "part\(column),Part \(column),count,yes,total,\n" }
        measures += extraMeasures
        let areas = values.indices.map { "      - { key: a\($0), name: Area \($0), level: district }" }
        var rows = "area,measure,value,stated_percent,percent_of,period,source,previous\n"
        func row(_ area: String, _ measure: String, _ value: Int, _ last: Int?) {
            rows += "\(area),\(measure),\(value),,,,,\(last.map(String.init) ?? "")\n"
        }
        for (index, line) in values.enumerated() {
            for (column, value) in line.enumerated() {
                row("a\(index)", "part\(column)", value, previous?[index][column])
            }
            row("a\(index)", "total", line.reduce(0, +), previous.map { $0[index].reduce(0, +) })
        }
        for column in 0..<columns {
            row(
                "all", "part\(column)", values.map { $0[column] }.reduce(0, +),
                previous.map { $0.map { $0[column] }.reduce(0, +) })
        }
        row("all", "total", values.joined().reduce(0, +), previous.map { $0.joined().reduce(0, +) })
        rows += extraRows
        return [
            "ed/edition.yaml": """
            partnership: { name: Example Partnership }
            period: { label: 2030/31, start: 2030-04-01, end: 2031-03-31 }
            publication: { title: Example annual report }
            areas:
              - key: all
                name: All
                level: partnership
                areas:
            \(areas.joined(separator: "\n"))
            datasets:
              - { id: measures, schema: measures, file: measures.csv, title: Measures }
              - { id: \(dataset), schema: figures, file: table.csv, title: Table, section: intro\(addUp ? ", periods_add_up: true" : "") }
            sections:
              - { id: intro, title: Introduction, file: intro.md }
            \(policy)
            """,
            "ed/measures.csv": measures,
            "ed/table.csv": rows,
            "ed/intro.md": "An example.\n",
        ]
    }

    static let policy = """
        disclosure:
          small_counts: 5
          zeros: publish
          min_range: 5
          datasets: [table]

        """

    /// Reads the files as an edition.
    static func read(_ files: [String: String]) throws -> IngestResult {
        try EditionReader(files: MemoryFileSource(texts: files)).read(folder: "ed")
    }
}

extension TableEdition {
    /// An edition from its parts: the areas' YAML (under `areas:`), the measures and the
    /// `table` dataset's rows, protected by `policy`.
    static func custom(
        areas: String, measures: String, rows: String, datasetOptions: String = "",
        policy: String = TableEdition.policy,
        measuresHeader: String = "measure,label,unit,additive,part_of,description"
    ) -> [String: String] {
        [
            "ed/edition.yaml": """
            partnership: { name: Example Partnership }
            period: { label: 2030/31, start: 2030-04-01, end: 2031-03-31 }
            publication: { title: Example annual report }
            areas:
            \(areas)
            datasets:
              - { id: measures, schema: measures, file: measures.csv, title: Measures }
              - { id: table, schema: figures, file: table.csv, title: Table, section: intro\(datasetOptions) }
            sections:
              - { id: intro, title: Introduction, file: intro.md }
            \(policy)
            """,
            "ed/measures.csv": measuresHeader + "\n" + measures,
            "ed/table.csv": "area,measure,value,stated_percent,percent_of,period,source,previous\n" + rows,
            "ed/intro.md": "An example.\n",
        ]
    }

    /// A `year` dataset stating the year total (first, so its figure is the one the key
    /// names) and a `table` dataset of the four quarters whose periods add up, restating the
    /// year with last year's value; both protected. Q1 is small in both layers (4, and 3 last
    /// year).
    static func yearAndQuarters(yearRow: String) -> [String: String] {
        var files = custom(
            areas: "  - { key: all, name: All, level: partnership }",
            measures: "contacts,Contacts,count,yes,,\n",
            rows: """
                all,contacts,4,,,2030/31 Q1,,3
                all,contacts,30,,,2030/31 Q2,,28
                all,contacts,25,,,2030/31 Q3,,20
                all,contacts,41,,,2030/31 Q4,,39
                all,contacts,100,,,,,90

                """, datasetOptions: ", periods_add_up: true",
            policy: policy.replacingOccurrences(of: "datasets: [table]", with: "datasets: [year, table]"))
        files["ed/edition.yaml"] = files["ed/edition.yaml"]?.replacingOccurrences(
            of: "  - { id: table,",
            with: "  - { id: year, schema: figures, file: year.csv, title: Year, section: intro }\n  - { id: table,")
        files["ed/year.csv"] = "area,measure,value,stated_percent,percent_of,period,source,previous\n\(yearRow)\n"
        return files
    }

    /// Three levels of areas: `all` over `north` (n1, n2, n3) and `south` (s1, s2).
    static let hierarchy = """
          - key: all
            name: All
            level: partnership
            areas:
              - key: north
                name: North
                level: council
                areas:
                  - { key: n1, name: N1, level: district }
                  - { key: n2, name: N2, level: district }
                  - { key: n3, name: N3, level: district }
              - key: south
                name: South
                level: council
                areas:
                  - { key: s1, name: S1, level: district }
                  - { key: s2, name: S2, level: district }
        """
}
