import Testing
import Validation

/// A change to the example edition that a rule must accept.
struct PassingCase: Sendable, CustomTestStringConvertible {
    var name: String
    var rule: String
    var edits: [ExampleEdition.Edit]

    var testDescription: String { name }

    init(_ name: String, rule: String, _ edits: (String, String, String)...) {
        self.name = name
        self.rule = rule
        self.edits = edits.map { ExampleEdition.Edit(file: $0.0, replace: $0.1, with: $0.2) }
    }

    static let all: [PassingCase] = [
        PassingCase(
            "a ratio exactly half way rounds up", rule: "percentages.stated",
            ("figures.csv", "north,contacts,802", "north,contacts,400"), ("figures.csv", "189,23.6%", "50,13%")),
        PassingCase(
            "a half-way ratio rounded up is not called truncated", rule: "percentages.truncated",
            ("figures.csv", "north,contacts,802", "north,contacts,400"), ("figures.csv", "189,23.6%", "50,13%")),
        PassingCase(
            "a truncated percentage is a warning, not a rounding error", rule: "percentages.stated",
            ("figures.csv", "189,23.6%", "189,23.5%")),
        PassingCase(
            "a percentage stated with more decimals", rule: "percentages.stated",
            ("figures.csv", "189,23.6%", "189,23.57%")),
        PassingCase(
            "shares within their rounding allowance", rule: "shares.sum-to-whole",
            ("budget.csv", "Council,,£500,50%", "Council,,£500,51%")),
        PassingCase(
            "a breakdown with a part missing that stays below its headline", rule: "totals.breakdown",
            ("figures.csv", "whole,deaths_female,6,,,,\n", "")),
        PassingCase(
            "a parent area is not summed when a child area has no figure", rule: "totals.area-hierarchy",
            ("figures.csv", "whole,deaths,10", "whole,deaths,10"), ("again.csv", "north,people,1000", "north,deaths,3")),
        PassingCase(
            "a dataset outside the period that says why", rule: "periods.dataset",
            ("edition.yaml", "file: courses.csv,", "file: courses.csv, period: 2029/30, period_note: Older figures,")),
        PassingCase(
            "a zero count is allowed", rule: "ranges.non-negative",
            ("courses.csv", "Beta,blended,5", "Beta,blended,0"), ("courses.csv", "Total,,15", "Total,,10")),
        PassingCase(
            "a reference to a figure, a row and a derived value", rule: "narrative.reference",
            (
                "intro.md", "An example.",
                "{{= north/contacts }}, {{= budget:Health.percent }}, {{= rate(north/referrals, north/people) | count }}"
            )),
        PassingCase(
            "years, periods and dates are not typed figures", rule: "narrative.literal-figure",
            (
                "intro.md", "An example.",
                "In 2030/31, on 10 May 2030, under the 2018 guidance, {{= north/contacts }} contacts came in; 7 were late."
            )),
        PassingCase(
            "a list with as many items as its introduction says", rule: "narrative.list-count",
            ("intro.md", "An example.", "We formed two groups:\n\n- North\n- South\n")),
        PassingCase(
            "an abbreviation the glossary explains, also in the plural", rule: "narrative.abbreviation",
            ("intro.md", "An example.", "The CDOP met, as did the LSOAs."),
            (
                "edition.yaml", "sections:",
                "  - { id: glossary, schema: glossary, file: glossary.csv, title: Glossary }\nsections:"
            ),
            (
                "glossary.csv", "",
                "abbreviation,expansion\nCDOP,Child Death Overview Panel\nLSOA,Lower Layer Super Output Area\n"
            )),
        PassingCase(
            "a dataset outside the period explained by another of its section and period", rule: "periods.dataset",
            (
                "edition.yaml", "file: courses.csv,",
                "file: courses.csv, section: intro, period: 2029/30, period_note: Older figures,"
            ),
            ("edition.yaml", "file: ranked.csv,", "file: ranked.csv, period: 2029/30,")),
        PassingCase(
            "sections that between them cover every statutory item", rule: "coverage.statutory",
            (
                "edition.yaml", "file: intro.md }",
                "file: intro.md, covers: [partner-activity, impact, little-progress, review-actions, feedback, scrutiny, contributions, education, priorities] }"
            )),
        PassingCase(
            "a ranked list whose shares tie", rule: "rankings.order",
            ("ranked.csv", "Police,20%", "Police,30%")),
    ]
}

@Suite("Validation rules accept what they should")
struct PassingRuleTests {
    @Test("a rule raises nothing for a change it should accept", arguments: PassingCase.all)
    func rulePasses(_ passing: PassingCase) throws {
        let report = try ExampleEdition.report(passing.edits)
        #expect(report.findings.filter { $0.rule == passing.rule } == [])
        #expect(report.checks.contains { $0.rule == passing.rule }, "the rule ran no check at all")
    }
}
