import EditionFormat
import Foundation
import ReportModel
import Testing
import Validation

/// The text of the intro section and the disclosure findings it must give.
struct NarrativeCase: Sendable, CustomStringConvertible {
    var description: String
    var text: String
    var policy: String = TableEdition.policy
    /// The rule of each finding, with its line and column in intro.md.
    var findings: [String]
}

/// `all/seen` (3) is small and withheld; `all/people` (40) is published; `other` is a dataset
/// the policy does not protect.
let narrativeCases: [NarrativeCase] = [
    NarrativeCase(
        description: "a reference to a withheld figure is an error at the reference",
        text: "We saw {{= all/seen }} children.\n", findings: ["disclosure.narrative-reference 1:8"]),
    NarrativeCase(
        description: "a rate worked out from a withheld figure is one too",
        text: "Line one.\nThe rate was {{= rate(all/seen, all/people) }}.\n",
        findings: ["disclosure.narrative-reference 2:14"]),
    NarrativeCase(
        description: "a published figure may be referred to", text: "Of {{= all/people }} people.\n", findings: []),
    NarrativeCase(
        description: "a withheld value typed in digits is an error at the number",
        text: "Of {{= all/people }} people, 3 were seen.\n", findings: ["disclosure.narrative-number 1:30"]),
    NarrativeCase(
        description: "a withheld value typed as a word is one too",
        text: "Of {{= all/people }} people, three were seen.\n", findings: ["disclosure.narrative-number 1:30"]),
    NarrativeCase(
        description: "an ordered list's third item number is not a count of children",
        text: "Of {{= all/people }} people:\n\n1. North\n2. South\n3. East\n", findings: []),
    NarrativeCase(
        description: "but a withheld value typed in a list item or a heading is",
        text: "Of {{= all/people }} people:\n\n1. North: 3 seen\n\n## 3 seen\n",
        findings: ["disclosure.narrative-number 3:11", "disclosure.narrative-number 5:4"]),
    NarrativeCase(
        description: "numbers that are not withheld values are not", text: "Of {{= all/people }} people, 7 in 2030.\n",
        findings: []),
    NarrativeCase(
        description: "without a policy nothing is withheld", text: "We saw {{= all/seen }}, 3 of them.\n", policy: "",
        findings: []),
]

@Suite("Disclosure rules")
struct DisclosureRuleTests {
    func findings(_ files: [String: String]) throws -> [Finding] {
        let ingest = try TableEdition.read(files)
        let edition = try #require(ingest.edition)
        return Validator().validate(edition: edition, ingestFindings: ingest.findings, name: "ed").findings
            .filter { $0.rule.hasPrefix("disclosure.") }
    }

    @Test("the narrative never shows a withheld figure", arguments: narrativeCases)
    func narrative(_ example: NarrativeCase) throws {
        var files = TableEdition.custom(
            areas: "  - { key: all, name: All, level: partnership }",
            measures: "people,People,count,yes,,\nseen,Seen,count,yes,,\n",
            rows: "all,people,40,,,,,\nall,seen,3,,,,,\n", policy: example.policy)
        files["ed/intro.md"] = example.text
        let found = try findings(files).map {
            "\($0.rule) \($0.location?.line ?? 0):\($0.location?.column ?? 0)"
        }
        #expect(found == example.findings)
        if example.findings.contains(where: { $0.hasPrefix("disclosure.") }) {
            #expect(try findings(files).allSatisfy { $0.severity == .error })
        }
    }

    @Test(
        "a breakdown of small counts with no decision recorded is named",
        arguments: [
            ("", true), (", disclosure: none, reason: counts meetings", false), ("protected", false),
        ])
    func undecided(_ options: String, warns: Bool) throws {
        let files = TableEdition.custom(
            areas: "  - { key: all, name: All, level: partnership }",
            measures: "deaths,Deaths,count,yes,,\nboys,Boys,count,yes,deaths,\ngirls,Girls,count,yes,deaths,\n",
            rows: "all,deaths,9,,,,,\nall,boys,4,,,,,\nall,girls,5,,,,,\n",
            datasetOptions: options == "protected" ? "" : options,
            policy: options == "protected" ? TableEdition.policy : "")
        let found = try findings(files).filter { $0.rule == "disclosure.undecided" }
        #expect(found.count == (warns ? 1 : 0))
        #expect(found.allSatisfy { $0.severity == .warning && $0.location?.line == 8 })
    }
}
