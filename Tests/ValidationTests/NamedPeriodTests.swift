import EditionFormat
import Foundation
import ReportModel
import Testing
import Validation

/// previous(key, period) and change(key, period) over the example series (South's contacts:
/// 100, 120, 90 and 110 in 2030/31's quarters) and a previous column (RuleTests.withPrevious:
/// South's 1,000 contacts in 2030/31, 900 the year before).
@Suite("Comparisons with any named period")
struct NamedPeriodTests {
    @Test(
        "previous() and change() may name the period compared with: another of the series, or the year before from the previous column",
        arguments: [
            ("previous(south/contacts@2030/31 Q4, 2030/31 Q1)", "100"),
            ("change(south/contacts@2030/31 Q4, 2030/31 Q2)", "down 10"),
            ("change(south/contacts@2030/31 Q4, 2030-04-01/2030-06-30)", "up 10"),  // Q1, however spelled.
            ("change(south/contacts@2030/31 Q4, 2030/31 Q1) | percent", "up 10.0%"),
        ])
    func series(_ reference: String, _ shown: String) throws {
        let (edition, _) = try SeriesEdition.read()
        let (references, problems) = ReferenceParser.references(in: "{{= \(reference) }}", file: "x.md")
        #expect(problems == [])
        let found = try #require(references.first)
        let value = try edition.evaluate(found.expression).get()
        #expect(GovUKFormat.reference(value, format: found.format) == shown)
    }

    @Test("the year before a figure's own comes from its previous column")
    func previousColumn() throws {
        let report = try ExampleEdition.report([
            RuleTests.withPrevious,
            ExampleEdition.Edit(
                file: "intro.md", replace: "An example.",
                with: "From {{= previous(south/contacts, 2029/30) }}: {{= change(south/contacts, 2029/30) }}."),
        ])
        #expect(report.findings == [], "\(report.findings)")
    }

    @Test(
        "a named period the figure has no value for, or that is no period, is an error naming the fix",
        arguments: [
            ("previous(south/contacts@2030/31 Q4, 2029/30 Q4)", "narrative.reference", "has no figure for 2029/30 Q4"),
            ("change(south/contacts, last year)", "narrative.reference-syntax", "a period such as 2022/23"),
            ("previous(south/contacts, 2030/31, 2029/30)", "narrative.reference-syntax", "may name a period second"),
        ])
    func errors(_ reference: String, _ rule: String, _ words: String) throws {
        let (_, findings) = try SeriesEdition.read(narrative: "{{= \(reference) }}\n")
        #expect(findings.map(\.rule) == [rule], "\(findings)")
        #expect(findings.first?.message.contains(words) == true, "\(findings.map(\.message))")
    }

    /// Before, the direction was read against the quarter before (Q3's 90), so "down from"
    /// Q2's 120 to 110 was a false alarm in waiting, and "up from" it passed.
    @Test(
        "the direction check compares with the period the sentence names",
        arguments: [
            (
                "Contacts were {{= south/contacts@2030/31 Q4 }}, down from {{= previous(south/contacts@2030/31 Q4, 2030/31 Q2) }}.",
                nil
            ),
            (
                "Contacts were {{= south/contacts@2030/31 Q4 }}, up from {{= previous(south/contacts@2030/31 Q4, 2030/31 Q2) }}.",
                "the text says the figure rose, but south/contacts@2030/31 Q4 went from 120 in 2030/31 Q2 to 110: it fell (write {{= change(south/contacts@2030/31 Q4, 2030/31 Q2) }} to say it from the data)"
            ),
            (
                "Contacts fell from {{= previous(south/contacts@2030/31 Q4, 2030/31 Q1) }} to {{= south/contacts@2030/31 Q4 }}.",
                "the text says the figure fell, but south/contacts@2030/31 Q4 went from 100 in 2030/31 Q1 to 110: it rose (write {{= change(south/contacts@2030/31 Q4, 2030/31 Q1) }} to say it from the data)"
            ),
            // Against the quarter before (90), 110 rose: no named period, no change of comparator.
            ("Contacts rose to {{= south/contacts@2030/31 Q4 }}.", nil),
        ] as [(String, String?)])
    func direction(_ text: String, _ message: String?) throws {
        let (_, findings) = try SeriesEdition.read(narrative: text + "\n")
        #expect(findings.map(\.message) == (message.map { [$0] } ?? []), "\(findings)")
    }
}
