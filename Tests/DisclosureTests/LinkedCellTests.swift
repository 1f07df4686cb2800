import EditionFormat
import Foundation
import ReportModel
import Testing

@testable import Disclosure

/// Editions whose small counts are linked to published cells by more than one table's
/// totals: areas within areas, quarters within a year, last year's column, a headline
/// broken down two ways. Each case is protected, and the whole attack (every hidden cell an
/// unknown at once) finds every small count's interval at least min_range wide.
struct LinkedCase: Sendable, CustomStringConvertible {
    var description: String
    var files: [String: String]
    /// How many primary cells the case has.
    var primary: Int
}

let linkedCases: [LinkedCase] = [
    LinkedCase(
        description: "areas within areas: a district's 2 is worked back from its council less its other districts",
        files: TableEdition.custom(
            areas: TableEdition.hierarchy, measures: "deaths,Deaths,count,yes,,\n",
            rows: """
                all,deaths,80,,,,,
                north,deaths,40,,,,,
                south,deaths,40,,,,,
                n1,deaths,2,,,,,
                n2,deaths,20,,,,,
                n3,deaths,18,,,,,
                s1,deaths,31,,,,,
                s2,deaths,9,,,,,

                """),
        primary: 1),
    LinkedCase(
        description: "quarters adding to the year: a quarter's 4 from the year less the other quarters",
        files: TableEdition.custom(
            areas: "  - { key: all, name: All, level: partnership }",
            measures: "contacts,Contacts,count,yes,,\n",
            rows: """
                all,contacts,4,,,2030/31 Q1,,
                all,contacts,30,,,2030/31 Q2,,
                all,contacts,25,,,2030/31 Q3,,
                all,contacts,41,,,2030/31 Q4,,
                all,contacts,100,,,,,

                """, datasetOptions: ", periods_add_up: true"),
        primary: 1),
    LinkedCase(
        description:
            "quarters adding to a year another dataset states first: each layer's Q1 from the year less Q2 to Q4",
        files: TableEdition.yearAndQuarters(yearRow: "all,contacts,100,,,,,90"), primary: 2),
    LinkedCase(
        description: "last year's year total given only by the quarters table: last year's Q1 from it",
        files: TableEdition.yearAndQuarters(yearRow: "all,contacts,100,,,,,"), primary: 2),
    LinkedCase(
        description: "last year's column: a small previous value among published previous totals",
        files: TableEdition.make([[12, 30], [20, 25]], previous: [[3, 28], [22, 19]]),
        primary: 1),
    LinkedCase(
        description: "one headline broken down two ways: by age and by sex",
        files: TableEdition.custom(
            areas: "  - { key: all, name: All, level: partnership }",
            measures: """
                deaths,Deaths,count,yes,,,
                under1,Under 1,count,yes,deaths,age,
                over1,1 and over,count,yes,deaths,age,
                boys,Boys,count,yes,deaths,sex,
                girls,Girls,count,yes,deaths,sex,

                """,
            rows: """
                all,deaths,14,,,,,
                all,under1,3,,,,,
                all,over1,11,,,,,
                all,boys,8,,,,,
                all,girls,6,,,,,

                """, measuresHeader: "measure,label,unit,additive,part_of,breakdown,description"),
        primary: 1),
    LinkedCase(
        description: "zeros: protect hides a 0 as well",
        files: TableEdition.make(
            [[0, 30, 12], [20, 25, 14], [9, 16, 22]],
            policy: TableEdition.policy.replacingOccurrences(of: "zeros: publish", with: "zeros: protect")),
        primary: 1),
]

@Suite("Protecting linked cells")
struct LinkedCellTests {
    @Test("each small count keeps an interval of at least min_range", arguments: linkedCases)
    func protects(_ example: LinkedCase) throws {
        let ingest = try TableEdition.read(example.files)
        #expect(ingest.findings.filter { $0.severity == .error }.isEmpty, "\(ingest.findings)")
        let edition = try #require(ingest.edition)
        let policy = try #require(edition.manifest.disclosure)
        let pattern = SecondarySuppression.pattern(for: edition, policy: policy)
        #expect(pattern.primary.count == example.primary)
        #expect(pattern.unprotectable.isEmpty)
        // Hiding the small count alone leaks it; the chosen pattern does not.
        #expect(narrowest(pattern, hidden: pattern.primary, policy: policy).values.contains(false))
        let widths = narrowest(pattern, hidden: pattern.hidden, policy: policy)
        #expect(!widths.isEmpty && widths.values.allSatisfy { $0 })
    }

    @Test("the same inputs give the same pattern, cell for cell", arguments: [fiveByFive, [[1, 2], [3, 4]]])
    func deterministic(_ values: [[Int]]) throws {
        let patterns = try (0..<3).map { _ in
            let edition = try #require(TableEdition.read(TableEdition.make(values)).edition)
            let pattern = SecondarySuppression.pattern(for: edition, policy: try #require(edition.manifest.disclosure))
            return pattern.hidden.map { pattern.model.cells[$0].sortKey }.sorted()
        }
        #expect(patterns[0] == patterns[1] && patterns[1] == patterns[2])
    }

    @Test("the protected view holds no hidden value: each is withheld, and so is its stated percentage")
    func protectedView() throws {
        let files = TableEdition.custom(
            areas: "  - { key: all, name: All, level: partnership }",
            measures: "people,People,count,yes,,\nseen,Seen,count,yes,,\n",
            rows: "all,people,40,,,,,\nall,seen,3,7.5%,people,,,\n")
        let edition = try #require(TableEdition.read(files).edition)
        let view = ProtectedEdition(edition)
        let seen = try #require(view.edition.figure("all/seen"))
        #expect(seen.quantity == .withheld(.count))
        #expect(seen.statedPercentage == nil)
        #expect(view.hiddenCount == 1)
        #expect(view.edition.figure("all/people")?.quantity == .count(40))
    }

    @Test("without a policy the stage changes nothing and works out nothing")
    func noPolicy() throws {
        var files = TableEdition.make(fiveByFive)
        files["ed/edition.yaml"] = files["ed/edition.yaml"]?.replacingOccurrences(of: TableEdition.policy, with: "")
        let edition = try #require(TableEdition.read(files).edition)
        let view = ProtectedEdition(edition)
        #expect(view.pattern == nil)
        #expect(view.edition.figures == edition.figures)
    }
}
