import Foundation
import ReportModel
import Testing
import Validation

/// A sentence in the example edition (period 2030/31: 1 April 2030 to 31 March 2031) and the
/// dates `narrative.stale-date` must flag in it, as typed, with their line and column.
struct StaleDateCase: Sendable, CustomTestStringConvertible {
    var text: String
    var flagged: [String]
    var edits: [ExampleEdition.Edit] = []
    var testDescription: String { text.replacingOccurrences(of: "\n", with: "\\n") }

    static let cases: [StaleDateCase] = [
        // Left from last year's report.
        StaleDateCase(text: "At 31 March 2030 the service held 40 plans.", flagged: ["31 March 2030 1:4"]),
        StaleDateCase(text: "In March 2030 the board agreed its plan.", flagged: ["March 2030 1:4"]),
        StaleDateCase(text: "On 1st April 2029 the new front door opened.", flagged: ["1st April 2029 1:4"]),
        StaleDateCase(
            text: "# Our year\n\nBy 30 September 2029, every school had a lead.", flagged: ["30 September 2029 3:4"]),
        StaleDateCase(text: "At 31\nMarch 2030 the service held 40 plans.", flagged: ["31 March 2030 1:4"]),
        StaleDateCase(
            text: "At 31 March 2030 there were 40. At 31 March 2031 there were 50.", flagged: ["31 March 2030 1:4"]),
        // Years alone are never dates here: history, legislation, guidance.
        StaleDateCase(text: "Since 2019 the partnership has met monthly.", flagged: []),
        StaleDateCase(text: "The Children Act 1989 and the Children Act 2004 apply.", flagged: []),
        StaleDateCase(
            text: "We follow Working Together 2023 and Working Together to Safeguard Children 2023.", flagged: []),
        StaleDateCase(text: "In 2029/30 and 2029 we did less.", flagged: []),
        // Dates the sentence places as a start, an end or a publication's.
        StaleDateCase(text: "Since 31 March 2030 the service has grown.", flagged: []),
        StaleDateCase(text: "From April 2029 the panel met monthly.", flagged: []),
        StaleDateCase(text: "The old arrangements ran until 31 March 2030.", flagged: []),
        StaleDateCase(text: "Between April 2029 and March 2030 we trained 40 staff.", flagged: []),
        StaleDateCase(text: "Keeping Children Safe in Education (September 2029) is followed.", flagged: []),
        StaleDateCase(text: "The guidance published in September 2029 is followed.", flagged: []),
        // A comparison names a date of the period too.
        StaleDateCase(text: "Plans rose from 40 at 31 March 2030 to 50 at 31 March 2031.", flagged: []),
        // History more than a year before, dates in the period, and plans after it.
        StaleDateCase(text: "The strategy was first launched in November 2021.", flagged: []),
        StaleDateCase(text: "On 31 March 2029 the old board was dissolved.", flagged: []),
        StaleDateCase(text: "On 1 April 2030 and in March 2031 we met.", flagged: []),
        StaleDateCase(text: "We will publish the next report in September 2031.", flagged: []),
        StaleDateCase(text: "Not a date: 30 February 2030, or Mayfair 2030.", flagged: []),
        // A date the edition's own figures cover is theirs to state.
        StaleDateCase(
            text: "In March 2030 the front door received its referrals.", flagged: [],
            edits: [ExampleEdition.Edit(file: "figures.csv", replace: ",contacts,2031-03", with: ",contacts,2030-03")]),
    ]
}

@Suite("narrative.stale-date: dates left from last year's report")
struct StaleDateTests {
    @Test(
        "flags a full date from the year before the period, and nothing it should not", arguments: StaleDateCase.cases)
    func staleDates(_ example: StaleDateCase) throws {
        let narrative = ExampleEdition.Edit(file: "intro.md", replace: "An example.", with: example.text)
        let report = try ExampleEdition.report(example.edits + [narrative])
        let found = report.findings.filter { $0.rule == "narrative.stale-date" }
        #expect(
            found.map { "\($0.actual ?? "") \($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == example.flagged,
            "\(found.map(\.message))")
        #expect(found.allSatisfy { $0.severity == .warning && $0.location?.file.hasSuffix("intro.md") == true })
    }

    @Test("its message names the date, the period and the fix")
    func message() throws {
        let narrative = ExampleEdition.Edit(
            file: "intro.md", replace: "An example.", with: "At 31 March 2030 the service held 40 plans.")
        let finding = try #require(
            try ExampleEdition.report([narrative]).findings.first { $0.rule == "narrative.stale-date" })
        #expect(
            finding.message
                == "the date 31 March 2030 is before this edition's period, 1 April 2030 to 31 March 2031 (2030/31), and may be left from last year's report: write this year's date (31 March 2031), or, if the earlier date is meant, say how it relates to this year (since 31 March 2030)"
        )
        #expect(finding.expected == "a date in 2030/31, such as 31 March 2031")
    }
}
