import EditionFormat
import Foundation
import ReportModel
import Testing
import Validation

/// The example edition with a dataset of quarters (2030/31 Q1 to Q4) beside its year's figures:
/// a series, a breakdown, a subset and an area hierarchy per quarter, and the year's total.
enum SeriesEdition {
    static let measures = """
        measure,label,unit,additive,part_of,breakdown,subset_of,description
        people,People,count,yes,,,,
        children,Children,count,yes,,,,
        deaths,Deaths,count,yes,,,,
        deaths_male,Male deaths,count,yes,deaths,,,
        deaths_female,Female deaths,count,yes,deaths,,,
        contacts,Contacts,count,yes,,,,
        referrals,Referrals,count,yes,,,,
        visits,Visits,count,yes,,,,
        visits_home,Home visits,count,yes,visits,,,
        visits_school,School visits,count,yes,visits,,,
        visits_repeat,Repeat visits,count,yes,,,visits,

        """

    /// Line 2 onwards as the tests' locations count them.
    static let quarters = """
        area,measure,value,stated_percent,percent_of,period
        south,contacts,100,,,2030/31 Q1
        south,contacts,120,,,2030/31 Q2
        south,contacts,90,,,2030/31 Q3
        south,contacts,110,,,2030/31 Q4
        south,contacts,420,,,
        south,referrals,25,25%,contacts,2030/31 Q1
        south,referrals,30,25%,contacts,2030/31 Q2
        south,referrals,27,30%,contacts,2030/31 Q3
        north,visits,10,,,2030/31 Q1
        north,visits,20,,,2030/31 Q2
        south,visits,20,,,2030/31 Q1
        south,visits,25,,,2030/31 Q2
        whole,visits,30,,,2030/31 Q1
        whole,visits,45,,,2030/31 Q2
        whole,visits_home,12,,,2030/31 Q1
        whole,visits_school,18,,,2030/31 Q1
        whole,visits_home,20,,,2030/31 Q2
        whole,visits_school,25,,,2030/31 Q2
        whole,visits_repeat,30,,,2030/31 Q1
        whole,visits_repeat,40,,,2030/31 Q2

        """

    static let dataset =
        "  - { id: quarters, schema: figures, file: quarters.csv, title: Quarters, section: intro, periods_add_up: true }\n"

    /// The edition, with `replace` made `with` in the quarters file, and `narrative` as its text.
    static func read(
        _ replace: String = "", with: String = "", narrative: String = "An example.\n", more: [String: String] = [:],
        datasets: String = "", addUp: Bool = true
    ) throws -> (edition: Edition, findings: [Finding]) {
        var texts = ExampleEdition.files
        texts["ed/measures.csv"] = measures
        texts["ed/quarters.csv"] = replace.isEmpty ? quarters : quarters.replacingOccurrences(of: replace, with: with)
        texts["ed/intro.md"] = narrative
        texts["ed/edition.yaml"] = texts["ed/edition.yaml"]?.replacingOccurrences(
            of: "sections:\n",
            with: (addUp ? dataset : dataset.replacingOccurrences(of: ", periods_add_up: true", with: "")) + datasets
                + "sections:\n")
        for (name, text) in more { texts["ed/\(name)"] = text }
        let ingest = try EditionReader(files: MemoryFileSource(texts: texts)).read(folder: "ed")
        let report = Validator(rules: RuleCatalogue.rules).validate(
            edition: ingest.edition, ingestFindings: ingest.findings, name: "ed")
        return (try #require(ingest.edition), report.findings)
    }
}

@Suite("Time series: like periods")
struct TimeSeriesRuleTests {
    @Test("a series of quarters and their year's total checks clean: rows differing only in period are no duplicates")
    func clean() throws {
        let (_, findings) = try SeriesEdition.read()
        #expect(findings == [], "\(findings)")
    }

    @Test("the same area, measure and period twice is a duplicate, however the period is spelled")
    func duplicatePeriod() throws {
        let (_, findings) = try SeriesEdition.read(
            "south,contacts,120,,,2030/31 Q2", with: "south,contacts,120,,,2030-04-01/2030-06-30")
        let duplicates = findings.filter { $0.rule == "key.duplicate" }
        #expect(duplicates.count == 1, "\(findings)")
        #expect(duplicates.first?.location == SourceLocation(file: "ed/quarters.csv", line: 3))
        #expect(
            duplicates.first?.message
                == "the key 'south/contacts/2030/31 Q1' is used again: expected each row's area and measure and period to be unique, but line 2 has the same"
        )
    }

    /// Each case changes one value of the clean series and names the one finding it must cause.
    @Test(
        "each rule that compares figures compares like periods, and reports the quarter at fault",
        arguments: [
            // The year's stated percentage of Q3's own contacts (27 of 90), not the year's 420 or Q1's 100.
            ("south,referrals,27,30%", "south,referrals,27,31%", "percentages.stated", 9, 4, "30%"),
            // Q2's children add up to 45; Q1's 30 is no excuse.
            ("north,visits,20,", "north,visits,21,", "totals.area-hierarchy", 15, 3, "46"),
            // Q2's parts add up to 45.
            ("whole,visits_school,25,", "whole,visits_school,26,", "totals.breakdown", 15, 3, "46"),
            // Q1's repeat visits exceed Q1's 30 visits, though not Q2's 45.
            ("whole,visits_repeat,30,", "whole,visits_repeat,35,", "totals.subset", 20, 3, "at most 30"),
            // The year's total is not the sum of its quarters.
            ("south,contacts,420,", "south,contacts,421,", "totals.periods", 6, 3, "420"),
        ])
    func likePeriods(
        _ replace: String, _ with: String, _ rule: String, _ line: Int, _ column: Int, _ expected: String
    ) throws {
        let (_, findings) = try SeriesEdition.read(replace, with: with)
        #expect(findings.map(\.rule) == [rule], "\(findings)")
        #expect(findings.first?.location == SourceLocation(file: "ed/quarters.csv", line: line, column: column))
        #expect(findings.first?.expected == expected)
    }

    /// Each case breaks one figure of the series; the finding names the figure's quarter in
    /// its message and in its `period` field (which findings.json, SARIF and JUnit carry).
    @Test(
        "a finding on a figure of a series names its period, in the message and as a field",
        arguments: [
            (
                "south,referrals,27,30%", "south,referrals,27,31%", "2030/31 Q3",
                "31% is stated, but 27 of 90 (Contacts in South in 2030/31 Q3) is 30.00%, which rounds to 30%"
            ),
            (
                "north,visits,20,", "north,visits,21,", "2030/31 Q2",
                "Whole has 45 for Visits in 2030/31 Q2, but North and South add up to 46"
            ),
            (
                "whole,visits_school,25,", "whole,visits_school,26,", "2030/31 Q2",
                "Whole has 45 for Visits in 2030/31 Q2, but its breakdown (Home visits and School visits) adds up to 46"
            ),
            (
                "whole,visits_repeat,30,", "whole,visits_repeat,35,", "2030/31 Q1",
                "Whole has 35 for Repeat visits in 2030/31 Q1, more than its 30 for Visits, which it is a subset of"
            ),
            (
                "south,contacts,90,", "south,contacts,-90,", "2030/31 Q3",
                "Contacts in 2030/31 Q3 is -90: expected a count of 0 or more"
            ),
        ])
    func periodNamed(_ replace: String, _ with: String, _ period: String, _ message: String) throws {
        let (_, findings) = try SeriesEdition.read(replace, with: with)
        let named = findings.filter { $0.period == period }
        #expect(named.map(\.message).contains(message), "\(findings.map(\.message))")
        #expect(findings.allSatisfy { $0.period != nil }, "\(findings)")
    }

    @Test("findings.json, SARIF and JUnit carry a finding's period")
    func periodInOutputs() throws {
        let (_, findings) = try SeriesEdition.read("north,visits,20,", with: "north,visits,21,")
        let finding = try #require(findings.first { $0.rule == "totals.area-hierarchy" })
        let report = ValidationReport(
            edition: "ed", checks: [CheckResult(rule: finding.rule, subject: "s", findings: [finding])])
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONReport.render([report]).utf8)) as? [String: Any])
        let entries = try #require(json["findings"] as? [[String: Any]])
        #expect(entries.first?["period"] as? String == "2030/31 Q2")
        let sarif = SARIFReport.render([report], ingestChecks: [])
        #expect(sarif.contains("\"period\" : \"2030/31 Q2\""), "\(sarif)")
        #expect(
            JUnitReport.render([report], strict: false).contains("<property name=\"period\" value=\"2030/31 Q2\"/>"))
    }

    @Test("the year's total names the quarters and their sum")
    func periodTotalMessage() throws {
        let (_, findings) = try SeriesEdition.read("south,contacts,420,", with: "south,contacts,421,")
        #expect(
            findings.first?.message
                == "South has 421 for Contacts in 2030/31, but 2030/31 Q1, 2030/31 Q2, 2030/31 Q3 and 2030/31 Q4 add up to 420"
        )
    }

    @Test("quarters missing from the year are checked as at most the year")
    func periodTotalIncomplete() throws {
        let clean = try SeriesEdition.read("south,contacts,110,,,2030/31 Q4\n", with: "")
        #expect(clean.findings == [], "\(clean.findings)")
        let broken = try SeriesEdition.read(
            "south,contacts,110,,,2030/31 Q4\nsouth,contacts,420,", with: "south,contacts,300,")
        #expect(broken.findings.map(\.rule) == ["totals.periods"], "\(broken.findings)")
        #expect(broken.findings.first?.expected == "at least 310")
    }

    @Test(
        "a quarter given as a bound makes the quarters' sum a range: the year need only be possible",
        arguments: [
            ("south,contacts,110,,,2030/31 Q4", "south,contacts,70+,,,2030/31 Q4", nil),
            ("south,contacts,110,,,2030/31 Q4", "south,contacts,200+,,,2030/31 Q4", "at least 510"),
            ("south,contacts,420,", "south,contacts,400+,", nil),
        ] as [(String, String, String?)])
    func periodTotalBounds(_ old: String, _ new: String, _ expected: String?) throws {
        let (_, findings) = try SeriesEdition.read(old, with: new)
        let found = findings.filter { $0.rule == "totals.periods" }
        #expect(found.map(\.expected) == (expected.map { [$0] } ?? []), "\(found)")
    }

    @Test("a quarter's percentage with no denominator for that quarter says which quarter")
    func missingDenominatorNamesThePeriod() throws {
        let (_, findings) = try SeriesEdition.read("south,contacts,90,,,2030/31 Q3\n", with: "")
        let finding = try #require(findings.first { $0.rule == "references.denominator" }, "\(findings)")
        #expect(finding.message.contains("South has no figure for it for 2030/31 Q3"), "\(finding.message)")
    }

    @Test("without periods_add_up a series and a year's figure need not add up (a count at each quarter's end)")
    func periodTotalIsDeclared() throws {
        let (_, findings) = try SeriesEdition.read("south,contacts,420,", with: "south,contacts,421,", addUp: false)
        #expect(findings == [], "\(findings)")
    }

    @Test("one key in datasets of different periods is no conflict; in datasets of one period it is")
    func repeatedFigure() throws {
        let march =
            "  - { id: march, schema: figures, file: march.csv, title: March, section: intro, period: 2031-03 }\n"
        let differentPeriod = try SeriesEdition.read(
            more: ["march.csv": "area,measure,value\nnorth,people,1001\n"], datasets: march)
        #expect(differentPeriod.findings == [], "\(differentPeriod.findings)")
        let samePeriod = try SeriesEdition.read(
            more: ["march.csv": "area,measure,value\nnorth,people,1001\n"],
            datasets: march.replacingOccurrences(of: ", period: 2031-03", with: ""))
        #expect(samePeriod.findings.map(\.rule) == ["consistency.repeated-figure"], "\(samePeriod.findings)")
    }
}

@Suite("Time series: the narrative")
struct TimeSeriesNarrativeTests {
    @Test(
        "a reference names a period's figure, and previous() and change() look at the quarter before",
        arguments: [
            ("south/contacts@2030/31 Q2", "120"),
            ("south/contacts@2030-Q3", "120"),  // The calendar's third quarter is the year's second.
            ("south/contacts", "420"),  // Without a period: the latest, and of those the year.
            ("south/referrals@2030/31 Q3.percent", "30%"),
            ("change(south/contacts@2030/31 Q2)", "up 20"),
            ("change(south/contacts@2030/31 Q3)", "down 30"),
            ("previous(south/contacts@2030/31 Q4)", "90"),
            ("period(south/contacts@2030/31 Q3)", "October to December 2030"),
        ])
    func references(_ reference: String, _ shown: String) throws {
        let (edition, _) = try SeriesEdition.read()
        let (references, problems) = ReferenceParser.references(in: "{{= \(reference) }}", file: "x.md")
        #expect(problems == [])
        let expression = try #require(references.first?.expression)
        let value = try edition.evaluate(expression).get()
        #expect(GovUKFormat.reference(value, format: nil) == shown)
    }

    @Test("the first quarter of a series has no previous value, and says where one would come from")
    func firstQuarter() throws {
        let (_, findings) = try SeriesEdition.read(narrative: "{{= change(south/contacts@2030/31 Q1) }}\n")
        #expect(findings.map(\.rule) == ["narrative.reference"], "\(findings)")
        #expect(findings.first?.message.contains("state the previous period in its series") == true)
    }

    @Test(
        "a word of rise or fall is checked against the quarter before",
        arguments: [
            ("Contacts fell to {{= south/contacts@2030/31 Q3 }}.", false),
            ("Contacts rose to {{= south/contacts@2030/31 Q3 }}.", true),
            ("Contacts rose to {{= south/contacts@2030/31 Q2 }}.", false),
            ("Contacts fell to {{= south/contacts@2030/31 Q2 }}.", true),
        ])
    func direction(_ text: String, _ flagged: Bool) throws {
        let (_, findings) = try SeriesEdition.read(narrative: text + "\n")
        #expect(findings.map(\.rule) == (flagged ? ["narrative.direction"] : []), "\(findings)")
    }

    @Test("a period that is not in the series is an unknown figure, with the series' keys as hints")
    func unknownPeriod() throws {
        let (_, findings) = try SeriesEdition.read(narrative: "{{= south/contacts@2030/31 Q5 }}\n")
        #expect(findings.map(\.rule) == ["narrative.reference"], "\(findings)")
    }
}
