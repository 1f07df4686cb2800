import Foundation
import ReportModel
import Testing
import Validation

/// One rule case: a change to the example edition and the finding it must cause.
struct RuleCase: Sendable, CustomTestStringConvertible {
    var name: String
    var edit: ExampleEdition.Edit
    var rule: String
    var severity: Severity
    var file: String
    var line: Int
    var column: Int
    var expected: String?
    var actual: String?

    var testDescription: String { name }

    init(
        _ name: String, _ file: String, _ replace: String, _ with: String, rule: String,
        severity: Severity = .error, line: Int, column: Int, expected: String? = nil, actual: String? = nil
    ) {
        self.name = name
        self.edit = ExampleEdition.Edit(file: file, replace: replace, with: with)
        self.rule = rule
        self.severity = severity
        self.file = "ed/\(file)"
        self.line = line
        self.column = column
        self.expected = expected
        self.actual = actual
    }

    static let failing: [RuleCase] = [
        RuleCase(
            "a breakdown of small counts with no disclosure decision", "edition.yaml",
            ", disclosure: none, reason: Invented figures.", "",
            rule: "disclosure.undecided", severity: .warning, line: 13, column: 11, expected: "a disclosure decision",
            actual: "none recorded"),
        RuleCase(
            "a stated total that is not the sum of its parts", "courses.csv", "Total,,15", "Total,,16",
            rule: "totals.stated-total", line: 4, column: 3, expected: "15", actual: "16"),
        RuleCase(
            "a group whose members add up to more", "budget.csv", "Health North,Health,£150",
            "Health North,Health,£151",
            rule: "totals.group", line: 4, column: 3, expected: "£201", actual: "£200"),
        RuleCase(
            "a parent area that is not the sum of its child areas", "figures.csv", "whole,children,800",
            "whole,children,801",
            rule: "totals.area-hierarchy", line: 6, column: 3, expected: "800", actual: "801"),
        RuleCase(
            "a headline that its breakdown does not add up to", "figures.csv", "whole,deaths_male,4",
            "whole,deaths_male,5",
            rule: "totals.breakdown", line: 7, column: 3, expected: "11", actual: "10"),
        RuleCase(
            "a percentage that neither rounds nor truncates to the ratio", "figures.csv", "189,23.6%", "189,25%",
            rule: "percentages.stated", line: 11, column: 4, expected: "24%", actual: "25%"),
        RuleCase(
            "a percentage of a denominator summed from child areas", "figures.csv", "whole,children,800,20%",
            "whole,children,800,21%",
            rule: "percentages.stated", line: 6, column: 4, expected: "20%", actual: "21%"),
        RuleCase(
            "a share of a table's total", "budget.csv", "Police,,£300,30%", "Police,,£300,33%",
            rule: "percentages.stated", line: 3, column: 4, expected: "30%", actual: "33%"),
        RuleCase(
            "a truncated percentage", "figures.csv", "189,23.6%", "189,23.5%",
            rule: "percentages.truncated", severity: .warning, line: 11, column: 4, expected: "23.6%", actual: "23.5%"),
        RuleCase(
            "a percentage with no denominator", "figures.csv", "189,23.6%,contacts", "189,23.6%,",
            rule: "percentages.no-denominator", severity: .warning, line: 11, column: 4),
        RuleCase(
            "shares of one whole that add up to more than 100", "budget.csv", "Council,,£500,50%", "Council,,£500,52%",
            rule: "shares.sum-to-whole", line: 2, column: 4, expected: "100%", actual: "102%"),
        RuleCase(
            "a group share that is not its members' shares", "budget.csv", "Health,,£200,20%", "Health,,£200,22%",
            rule: "shares.group", line: 4, column: 4, expected: "20%", actual: "22%"),
        RuleCase(
            "a figure stated twice with different values", "again.csv", "north,people,1000", "north,people,1001",
            rule: "consistency.repeated-figure", line: 2, column: 3, expected: "1,000", actual: "1,001"),
        RuleCase(
            "a dataset outside the reporting period with no note", "edition.yaml", "file: courses.csv,",
            "file: courses.csv, period: 2029/30,",
            rule: "periods.dataset", line: 16, column: 11),
        RuleCase(
            "a figure outside its dataset's period", "figures.csv", "contacts,2031-03", "contacts,2031-05",
            rule: "periods.figure", line: 11, column: 6),
        RuleCase(
            "a negative count", "courses.csv", "Beta,blended,5", "Beta,blended,-5",
            rule: "ranges.non-negative", line: 3, column: 3, expected: "0 or more", actual: "-5"),
        RuleCase(
            "a percentage above 100", "ranked.csv", "Education,30%", "Education,130%",
            rule: "ranges.percentage", line: 2, column: 5, expected: "0% to 100%", actual: "130%"),
        RuleCase(
            "an unknown area", "figures.csv", "south,people", "soth,people",
            rule: "references.area", line: 3, column: 1, actual: "soth"),
        RuleCase(
            "a part_of naming no measure", "measures.csv", "count,yes,deaths,\ndeaths_female",
            "count,yes,deathz,\ndeaths_female",
            rule: "references.measure", line: 5, column: 5, actual: "deathz"),
        RuleCase(
            "a denominator the area has no figure for", "figures.csv", "189,23.6%,contacts", "189,23.6%,deaths",
            rule: "references.denominator", line: 11, column: 5),
        RuleCase(
            "a parent that is no row of the table", "budget.csv", "Health South,Health,", "Health South,Helth,",
            rule: "references.group", line: 6, column: 2, actual: "Helth"),
        RuleCase(
            "a correction naming no row", "corrections.csv", "budget,Health,", "budget,Helth,",
            rule: "references.correction", line: 2, column: 2, actual: "Helth"),
        RuleCase(
            "a dataset placed in a section that does not exist", "edition.yaml", "title: Ranked, section: intro }",
            "title: Ranked, section: intrp }",
            rule: "references.section", line: 17, column: 79, actual: "intrp"),
        RuleCase(
            "a reference to a figure that does not exist", "intro.md", "An example.",
            "An example of {{= north/contact }}.",
            rule: "narrative.reference", line: 1, column: 15, expected: "a figure of the data", actual: "north/contact"),
        RuleCase(
            "a derived value that adds percentages", "intro.md", "An example.",
            "{{= sum(north/referrals.percent, north/children.percent) }}",
            rule: "narrative.reference", line: 1, column: 1),
        RuleCase(
            "a figure typed instead of referred to", "intro.md", "An example.", "We had 802 contacts.",
            rule: "narrative.literal-figure", severity: .warning, line: 1, column: 8, expected: "{{= north/contacts }}",
            actual: "802"),
        RuleCase(
            "money typed instead of referred to", "intro.md", "An example.", "Police gave £300.",
            rule: "narrative.literal-figure", severity: .warning, line: 1, column: 13, expected: "{{= budget:Police }}",
            actual: "£300"),
        RuleCase(
            "a date left from last year's report", "intro.md", "An example.", "At 31 March 2030 we met.",
            rule: "narrative.stale-date", severity: .warning, line: 1, column: 4,
            expected: "a date in 2030/31, such as 31 March 2031", actual: "31 March 2030"),
        RuleCase(
            "a list that has fewer items than its introduction says", "intro.md", "An example.",
            "We formed three groups:\n\n- North\n- South\n",
            rule: "narrative.list-count", severity: .warning, line: 1, column: 11, expected: "2", actual: "three"),
        RuleCase(
            "a list count in a file saved with Windows line ends", "intro.md", "An example.",
            "We formed three groups:\r\n\r\n- North\r\n- South\r\n",
            rule: "narrative.list-count", severity: .warning, line: 1, column: 11, expected: "2", actual: "three"),
        RuleCase(
            "a nested list counts only its top-level items", "intro.md", "An example.",
            "We formed three groups:\n\n- North\n  - inner\n  - inner\n- South\n",
            rule: "narrative.list-count", severity: .warning, line: 1, column: 11, expected: "2", actual: "three"),
        RuleCase(
            "a policy naming a rule that does not exist", "edition.yaml", "sections:",
            "policy:\n  disabled:\n    percentages.truncate: We truncate.\nsections:",
            rule: "references.policy-rule", line: 21, column: 5, actual: "percentages.truncate"),
        RuleCase(
            "an abbreviation the glossary does not explain", "intro.md", "An example.", "The MASH met.",
            rule: "narrative.abbreviation", severity: .warning, line: 1, column: 5, actual: "MASH"),
        RuleCase(
            "sections that say what they cover, but leave statutory items uncovered", "edition.yaml",
            "file: intro.md }",
            "file: intro.md, covers: [partner-activity, impact, little-progress, review-actions, feedback, scrutiny, contributions, education] }",
            rule: "coverage.statutory", severity: .warning, line: 20, column: 64, expected: "all 9 items",
            actual: "8 covered"),
        RuleCase(
            "a covers: list naming no statutory item", "edition.yaml", "file: intro.md }",
            "file: intro.md, covers: [feedbak] }",
            rule: "references.statutory-item", line: 20, column: 64, actual: "feedbak"),
        RuleCase(
            "a paragraph still marked as an example", "intro.md", "An example.", "Our work. EXAMPLE: say more.",
            rule: "content.example", severity: .warning, line: 1, column: 11,
            actual: "Our work. EXAMPLE: say more."),
        RuleCase(
            "a dataset the report shows nowhere", "edition.yaml", "title: Figures again, section: intro }",
            "title: Figures again }",
            rule: "coverage.dataset-shown", severity: .warning, line: 14, column: 11, actual: "shown nowhere"),
        RuleCase(
            "a mixed-case abbreviation the glossary does not explain", "intro.md", "An example.",
            "The KCSiE group met.",
            rule: "narrative.abbreviation", severity: .warning, line: 1, column: 5, actual: "KCSiE"),
        RuleCase(
            "a word too long for the printer to break", "intro.md", "An example.",
            "An " + String(repeating: "x", count: 201) + " example.",
            rule: "content.long-word", line: 1, column: 4, expected: "words of at most 200 characters",
            actual: "201 characters starting xxxxxxxxxxxxxxxxxxxx…"),
        RuleCase(
            "a ranked list with a gap", "ranked.csv", "north,2,Police", "north,3,Police",
            rule: "rankings.order", line: 3, column: 3, expected: "2", actual: "3"),
        RuleCase(
            "a lower rank with a larger share", "ranked.csv", "Police,20%", "Police,40%",
            rule: "rankings.order", line: 3, column: 5, expected: "at most 30%", actual: "40%"),
    ]
}

@Suite("Validation rules")
struct RuleTests {
    @Test("the example edition passes every rule")
    func examplePasses() throws {
        let report = try ExampleEdition.report()
        #expect(report.findings == [])
        #expect(report.checks.count > 40)
    }

    @Test("each rule reports the change that breaks it, located at the cell", arguments: RuleCase.failing)
    func ruleFails(_ rule: RuleCase) throws {
        let report = try ExampleEdition.report([rule.edit])
        let found = report.findings.filter { $0.rule == rule.rule }
        #expect(found.count == 1, "\(found)")
        let finding = try #require(found.first)
        #expect(finding.severity == rule.severity)
        #expect(finding.location == ReportModel.SourceLocation(file: rule.file, line: rule.line, column: rule.column))
        if let expected = rule.expected { #expect(finding.expected == expected) }
        if let actual = rule.actual { #expect(finding.actual == actual) }
        #expect(!finding.message.isEmpty)
    }

    /// The example's `again` dataset with a previous value: 1,000 contacts in the south now, 900 before.
    static let withPrevious = ExampleEdition.Edit(
        file: "again.csv", replace: "area,measure,value\nnorth,people,1000",
        with: "area,measure,value,previous\nsouth,contacts,1000,900")

    @Test(
        "a word of rise or fall before a figure agrees with its previous value",
        arguments: [
            ("Contacts fell to {{= south/contacts }}.", true),
            ("It decreased further to {{= south/contacts }}.", true),
            ("Contacts rose to {{= south/contacts }}.", false),
            ("It grew: {{= change(south/contacts) }}, to {{= south/contacts }}.", false),
            ("There were {{= south/contacts }} contacts.", false),
        ])
    func direction(_ text: String, _ flagged: Bool) throws {
        let narrative = ExampleEdition.Edit(file: "intro.md", replace: "An example.", with: text)
        let report = try ExampleEdition.report([Self.withPrevious, narrative])
        let found = report.findings.filter { $0.rule == "narrative.direction" }
        #expect(found.count == (flagged ? 1 : 0), "\(report.findings)")
        if flagged { #expect(found.first?.message.contains("went from 900 to 1,000: it rose") == true) }
        #expect(report.findings.filter { $0.severity == .error } == [])
    }

    @Test(
        "a typed number is a figure when it equals a previous value; period names are not figures",
        arguments: [
            ("Up from 900 last year.", true), ("In Quarter 3 and Q3 we met.", false),
            ("In month 10 we met.", false),
        ])
    func literalPrevious(_ text: String, _ flagged: Bool) throws {
        let narrative = ExampleEdition.Edit(file: "intro.md", replace: "An example.", with: text)
        let report = try ExampleEdition.report([Self.withPrevious, narrative])
        let found = report.findings.filter { $0.rule.hasPrefix("narrative.") }
        #expect(found.map(\.rule) == (flagged ? ["narrative.literal-figure"] : []), "\(found)")
        if flagged { #expect(found.first?.message.contains("previous(south/contacts)") == true) }
    }

    @Test(
        "an ordered list's item numbers and headings are never typed figures; the same number in a sentence is",
        arguments: [
            ("1. North\n2. South\n3. East\n4. adolescents at risk\n", []),
            ("4) adolescents at risk\n", []),
            ("> 4. a quoted item\n", []),
            ("- Groups\n\n   4. a nested item\n", []),
            ("## 4 priorities\n\nText.\n", []),
            ("# Our 802 contacts\n", []),
            ("Our 802 contacts\n===\n\nText.\n", []),
            ("Our 802 contacts\n---\n\nText.\n", []),
            ("4. We met 802 times.\n", ["802"]),
            ("We met 4 times.\n", ["4"]),
            ("We had 4. Then more.\n", ["4"]),
            ("Text.\n\n---\n\n4 of us met.\n", ["4"]),
            ("- 4 of our priorities\n", ["4"]),
        ] as [(String, [String])])
    func listMarkersAndHeadings(_ text: String, _ typed: [String]) throws {
        let narrative = ExampleEdition.Edit(file: "intro.md", replace: "An example.", with: text)
        let report = try ExampleEdition.report([narrative])
        let found = report.findings.filter { $0.rule == "narrative.literal-figure" }
        #expect(found.compactMap(\.actual) == typed, "\(found)")
    }

    /// The example with deaths broken down by sex and by age, and pupils with a plan as a subset
    /// of children.
    static func breakdowns(older: Int = 7, withPlan: Int = 30) -> [ExampleEdition.Edit] {
        [
            ExampleEdition.Edit(
                file: "measures.csv", replace: "measure,label,unit,additive,part_of,description",
                with: "measure,label,unit,additive,part_of,breakdown,subset_of,description"),
            ExampleEdition.Edit(
                file: "measures.csv", replace: "people,People,count,yes,,\n", with: "people,People,count,yes,,,,\n"),
            ExampleEdition.Edit(
                file: "measures.csv", replace: "children,Children,count,yes,,\n",
                with:
                    "children,Children,count,yes,,,,\nwith_plan,Pupils with a plan,count,yes,,,children,\n"),
            ExampleEdition.Edit(
                file: "measures.csv", replace: "deaths,Deaths,count,yes,,\n", with: "deaths,Deaths,count,yes,,,,\n"),
            ExampleEdition.Edit(
                file: "measures.csv", replace: "deaths_male,Male deaths,count,yes,deaths,\n",
                with: "deaths_male,Male deaths,count,yes,deaths,sex,,\n"),
            ExampleEdition.Edit(
                file: "measures.csv", replace: "deaths_female,Female deaths,count,yes,deaths,\n",
                with:
                    "deaths_female,Female deaths,count,yes,deaths,sex,,\ninfant,Infant deaths,count,yes,deaths,age,,\nolder,Older deaths,count,yes,deaths,age,,\n"
            ),
            ExampleEdition.Edit(
                file: "measures.csv", replace: "contacts,Contacts,count,yes,,\n",
                with: "contacts,Contacts,count,yes,,,,\n"),
            ExampleEdition.Edit(
                file: "measures.csv", replace: "referrals,Referrals,count,yes,,\n",
                with: "referrals,Referrals,count,yes,,,,\n"),
            ExampleEdition.Edit(
                file: "figures.csv", replace: "whole,deaths_female,6,,,,\n",
                with:
                    "whole,deaths_female,6,,,,\nwhole,infant,3,,,,\nwhole,older,\(older),,,,\nnorth,with_plan,\(withPlan),,,,\n"
            ),
        ]
    }

    @Test(
        "a headline broken down two ways is checked against each breakdown on its own, and a subset against its whole")
    func severalBreakdowns() throws {
        let clean = try ExampleEdition.report(Self.breakdowns())
        #expect(clean.findings == [], "\(clean.findings)")
        #expect((clean.checksByRule["totals.subset"] ?? 0) >= 1)
        let broken = try ExampleEdition.report(Self.breakdowns(older: 8, withPlan: 300))
        #expect(
            broken.findings.map(\.message).sorted()
                == [
                    "North has 300 for Pupils with a plan, more than its 200 for Children, which it is a subset of",
                    "Whole has 10 for Deaths, but its breakdown by age (Infant deaths and Older deaths) adds up to 11",
                ].sorted(), "\(broken.findings)")
    }

    @Test(
        "a declared relation between datasets holds, or is reported at both figures",
        arguments: [
            ("courses:Total", "at-most", "north/contacts", [String]()),
            ("courses:Total", "at-least", "north/contacts", ["ed/courses.csv:4:3", "ed/figures.csv:10:3"]),
            ("courses:Total", "equal", "north/contacts", ["ed/courses.csv:4:3", "ed/figures.csv:10:3"]),
            ("courses:Totl", "equal", "north/contacts", ["ed/edition.yaml:20:13"]),
            ("budget:Total", "equal", "north/people", ["ed/edition.yaml:20:13"]),
        ])
    func relations(_ left: String, _ kind: String, _ right: String, _ places: [String]) throws {
        let edit = ExampleEdition.Edit(
            file: "edition.yaml", replace: "sections:\n",
            with: "relations:\n  - { left: \(left), is: \(kind), right: \(right) }\nsections:\n")
        let report = try ExampleEdition.report([edit])
        let found = report.findings.filter { $0.rule == "relations.declared" }
        #expect(found.compactMap { $0.location?.description } == places, "\(found)")
        #expect((report.checksByRule["relations.declared"] ?? 0) >= 1)
    }

    @Test("words with a capital inside are not abbreviations")
    func notAbbreviations() throws {
        let edit = ExampleEdition.Edit(
            file: "intro.md", replace: "An example.", with: "McDonald met MacLeod on an iPhone.")
        let report = try ExampleEdition.report([edit])
        #expect(report.findings.filter { $0.rule == "narrative.abbreviation" } == [])
    }

    @Test("the example marker is content.example's to report, not an abbreviation")
    func exampleMarkerIsNoAbbreviation() throws {
        let edit = ExampleEdition.Edit(file: "intro.md", replace: "An example.", with: "EXAMPLE: our work.")
        let report = try ExampleEdition.report([edit])
        #expect(report.findings.map(\.rule) == ["content.example"])
    }

    @Test("a word too long for the printer to break in a data cell is reported at its row")
    func longWordInACell() throws {
        let edit = ExampleEdition.Edit(
            file: "ranked.csv", replace: "north,2,Police", with: "north,2,Police" + String(repeating: "e", count: 300))
        let report = try ExampleEdition.report([edit])
        let found = report.findings.filter { $0.rule == "content.long-word" }
        #expect(found.map { $0.location?.description } == ["ed/ranked.csv:3"])
        #expect(found.first?.actual == "306 characters starting Policeeeeeeeeeeeeeee…")
        #expect(found.first?.severity == .error)
    }

    @Test(
        "a long run of characters broken by spaces, hyphens or slashes is no long word",
        arguments: [
            String(repeating: "word ", count: 100), String(repeating: "hyphenated-", count: 30),
            "https://example.org/" + String(repeating: "path/", count: 60), String(repeating: "x", count: 200),
        ])
    func noLongWord(text: String) throws {
        let edit = ExampleEdition.Edit(file: "intro.md", replace: "An example.", with: text)
        let report = try ExampleEdition.report([edit])
        #expect(report.findings.filter { $0.rule == "content.long-word" } == [])
    }

    @Test("an edition whose sections say nothing of statutory coverage is not asked about it")
    func coverageIsOptIn() throws {
        let report = try ExampleEdition.report()
        #expect((report.checksByRule["coverage.statutory"] ?? 0) == 0)
    }

    @Test("every rule of the catalogue is exercised by a failing case")
    func everyRuleCovered() {
        // The direction rule's failing cases need a previous value (direction()), the subset rule's
        // a catalogue with subsets (severalBreakdowns()), the relation rule's two findings (relations()),
        // the period total rule a series (TimeSeriesRuleTests), the possible-share and share
        // breakdown rules shares without counts (PossiblePercentageTests), the rate rules a
        // catalogue with populations (StatedRateTests), the restatement rule two sets of minutes
        // (FigureCopiesTests). The disclosure rules' failing cases need a policy and a narrative
        // together (DisclosureTests/DisclosureRuleTests).
        let covered = Set(RuleCase.failing.map(\.rule)).union([
            "narrative.direction", "totals.subset", "relations.declared", "totals.periods", "percentages.possible",
            "shares.breakdown", "rates.stated", "rates.truncated", "rates.population", "rates.subset",
            "consistency.restated", "rates.no-population", "disclosure.narrative-reference",
            "disclosure.narrative-number",
        ])
        let all = Set(RuleCatalogue.rules.map(\.id))
        #expect(all.subtracting(covered) == [])
    }

    @Test("rule ids are unique and dotted")
    func ruleIds() {
        let ids = RuleCatalogue.rules.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.contains(".") && $0 == $0.lowercased() })
    }
}

@Suite("One mistake, one error")
struct KnockOnTests {
    @Test(
        "a row that cannot be read is reported once, not again by the sums and look-ups that miss it",
        arguments: [
            ("budget.csv", "Police,,£300,30%,part", "Police,,£300,0.300,part", ["value.unreadable"]),
            ("figures.csv", "north,contacts,802,,,,", "north,contacts,802.00,,,,", ["value.unreadable"]),
        ])
    func once(file: String, replace: String, with: String, rules: [String]) throws {
        let report = try ExampleEdition.report([ExampleEdition.Edit(file: file, replace: replace, with: with)])
        #expect(report.findings.filter { $0.severity == .error }.map(\.rule) == rules, "\(report.findings)")
    }
}

@Suite("The summary line")
struct SummaryCountTests {
    @Test("never counts more errors and warnings than checks, however many problems one file has")
    func countsAddUp() throws {
        let edits = [
            ExampleEdition.Edit(file: "figures.csv", replace: "north,people,1000", with: "north,people,many"),
            ExampleEdition.Edit(file: "figures.csv", replace: "south,people,3000", with: "south,people,lots"),
            ExampleEdition.Edit(file: "figures.csv", replace: "whole,deaths,10", with: "whole,deaths,ten"),
        ]
        let report = try ExampleEdition.report(edits)
        #expect(report.errorCount >= 3)
        #expect(report.checkCount >= report.errorCount + report.warningCount)
    }
}
