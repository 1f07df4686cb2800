import EditionFormat
import Foundation
import ReportModel
import Testing
import Validation

/// Figures copied from official tables as symbols (`c`, `low`, `x`...) are unknown within the
/// values the symbol allows: the checks that add them up become range checks, the way a bound
/// makes them, and nothing is computed from them as if they were numbers.
@Suite("Checks of figures given as symbols")
struct SymbolRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var edits: [(String, String)]
        var rule: String
        /// What the failure expects, or nil when the edition must pass.
        var expected: String?
    }

    static let cases: [Case] = [
        Case(
            testDescription: "a breakdown with a part c passes while the others fit in the total",
            edits: [("whole,deaths_male,4,", "whole,deaths_male,c,")], rule: "totals.breakdown", expected: nil),
        Case(
            testDescription: "a breakdown with a part c fails when the published parts already exceed the total",
            edits: [
                ("whole,deaths_male,4,", "whole,deaths_male,c,"), ("whole,deaths_female,6,", "whole,deaths_female,11,"),
            ],
            rule: "totals.breakdown", expected: "at least 11"),
        Case(
            testDescription: "c may be 0: parts that make the total exactly leave a c part room",
            edits: [
                ("whole,deaths_male,4,", "whole,deaths_male,c,"), ("whole,deaths_female,6,", "whole,deaths_female,10,"),
            ],
            rule: "totals.breakdown", expected: nil),
        Case(
            testDescription: "low is at least 1: parts that make the total exactly leave a low part none",
            edits: [
                ("whole,deaths_male,4,", "whole,deaths_male,low,"),
                ("whole,deaths_female,6,", "whole,deaths_female,10,"),
            ],
            rule: "totals.breakdown", expected: "at least 11"),
        Case(
            testDescription: "a total given as c is no equation to check",
            edits: [("whole,deaths,10,", "whole,deaths,c,")], rule: "totals.breakdown", expected: nil),
        Case(
            testDescription: "x, z and u in a breakdown are unknown too",
            edits: [
                ("whole,deaths_male,4,", "whole,deaths_male,x,"), ("whole,deaths_female,6,", "whole,deaths_female,z,"),
            ],
            rule: "totals.breakdown", expected: nil),
        Case(
            testDescription: "an area given as c leaves its parent area a range",
            edits: [("north,children,200,20%,people,,", "north,children,c,,,,")], rule: "totals.area-hierarchy",
            expected: nil),
        Case(
            testDescription: "an area given as c fails its parent when the other areas exceed it",
            edits: [
                ("north,children,200,20%,people,,", "north,children,c,,,,"),
                ("south,children,600,20.0%,people,,", "south,children,900,30.0%,people,,"),
            ],
            rule: "totals.area-hierarchy", expected: "at least 900"),
        Case(
            testDescription: "a percentage stated beside a c is not checked as exact",
            edits: [("north,children,200,20%,people,,", "north,children,c,45%,people,,")], rule: "percentages.stated",
            expected: nil),
        Case(
            testDescription: "a percentage of a c denominator is not checked as exact",
            edits: [("north,people,1000,", "north,people,c,"), ("north,children,200,20%", "north,children,200,45%")],
            rule: "percentages.stated", expected: nil),
    ]

    static func edits(_ pairs: [(String, String)]) -> [ExampleEdition.Edit] {
        pairs.map { ExampleEdition.Edit(file: "figures.csv", replace: $0.0, with: $0.1) }
    }

    @Test("totals and percentages with a figure given as a symbol", arguments: cases)
    func check(_ example: Case) throws {
        // The `again` dataset repeats North's people: given as a number there, it would publish
        // what `c` withholds (see `repeatedNumberUndoesSymbol`).
        let again = ExampleEdition.Edit(file: "again.csv", replace: "north,people,1000", with: "north,people,c")
        let report = try ExampleEdition.report(
            Self.edits(example.edits) + (example.edits.contains { $0.0.hasPrefix("north,people") } ? [again] : []))
        #expect(report.findings.filter { $0.rule.hasPrefix("value.") } == [], "\(report.findings)")
        let found = report.findings.filter { $0.rule == example.rule }
        #expect(found.map(\.expected) == (example.expected.map { [$0] } ?? []), "\(report.findings)")
        if example.expected == nil {
            #expect(report.findings.filter { $0.severity == .error } == [], "\(report.findings)")
        }
    }

    @Test("a figure given as c in one dataset and as a number in another is reported: the number undoes it")
    func repeatedNumberUndoesSymbol() throws {
        let report = try ExampleEdition.report(Self.edits([("north,people,1000,", "north,people,c,")]))
        let found = report.findings.filter { $0.rule == "consistency.repeated-figure" }
        #expect(
            found.map(\.message) == [
                "North's People is c in figures but 1,000 in again: the checks and {{= north/people }} use figures's copy, and {{= again:north/people }} names this one"
            ], "\(report.findings)")
    }

    @Test("the same total fails with exact parts that a symbol lets pass, so the range path is the one taken")
    func exactStillChecked() throws {
        let report = try ExampleEdition.report(
            Self.edits([("whole,deaths_male,4,", "whole,deaths_male,5,")]))
        #expect(report.findings.map(\.rule) == ["totals.breakdown"], "\(report.findings)")
    }

    @Test(
        "a quarter given as a symbol makes the quarters' sum a range: passes, or fails when the others exceed the year")
    func periodTotal() throws {
        let (_, findings) = try SeriesEdition.read(
            "south,contacts,110,,,2030/31 Q4", with: "south,contacts,c,,,2030/31 Q4")
        #expect(findings == [], "\(findings)")
        let (_, broken) = try SeriesEdition.read(
            "south,contacts,110,,,2030/31 Q4\nsouth,contacts,420,",
            with: "south,contacts,c,,,2030/31 Q4\nsouth,contacts,300,")
        #expect(broken.filter { $0.rule == "totals.periods" }.map(\.expected) == ["at least 310"], "\(broken)")
    }

    @Test(
        "a narrative reference to a figure given as a symbol is an error at the reference",
        arguments: [
            "There were {{= north/children }} children.",
            "Children: {{= sum(north/children, south/children) }}.",
            "Children: {{= share(north/children, north/people) }}.",
        ])
    func narrativeReference(_ text: String) throws {
        let report = try ExampleEdition.report(
            Self.edits([("north,children,200,20%,people,,", "north,children,c,,,,")])
                + [ExampleEdition.Edit(file: "intro.md", replace: "An example.", with: text)])
        let found = report.findings.filter { $0.rule == "narrative.reference" }
        let finding = try #require(found.first, "\(report.findings)")
        #expect(found.count == 1)
        #expect(finding.location?.file == "ed/intro.md", "\(String(describing: finding.location))")
        #expect(finding.location?.line == 1)
        #expect(finding.message.contains("north/children is given as 'c' (confidential"), "\(finding.message)")
    }

    @Test("a symbol's previous value or change is an error; a typed 0 is no reference to a symbol")
    func overTime() throws {
        let previous = ExampleEdition.Edit(
            file: "again.csv", replace: "area,measure,value\nnorth,people,1000",
            with: "area,measure,value,previous\nsouth,contacts,1000,c")
        for text in ["Before: {{= previous(south/contacts) }}.", "Change: {{= change(south/contacts) }}."] {
            let report = try ExampleEdition.report([
                previous, ExampleEdition.Edit(file: "intro.md", replace: "An example.", with: text),
            ])
            #expect(
                report.findings.map(\.rule) == ["narrative.reference"]
                    && report.findings[0].message.contains("was given as 'c'"), "\(report.findings)")
        }
        let typed = try ExampleEdition.report(
            Self.edits([("north,children,200,20%,people,,", "north,children,c,,,,")])
                + [ExampleEdition.Edit(file: "intro.md", replace: "An example.", with: "We had 0 complaints.")])
        #expect(typed.findings == [], "\(typed.findings)")
    }

    @Test("a declared relation with a symbol holds unless no value the symbol allows could satisfy it")
    func relation() throws {
        func report(_ kind: String, _ value: String) throws -> [Finding] {
            try ExampleEdition.report([
                ExampleEdition.Edit(
                    file: "edition.yaml", replace: "sections:\n",
                    with: "relations:\n  - { left: whole/deaths_male, is: \(kind), right: whole/deaths }\nsections:\n"),
                ExampleEdition.Edit(
                    file: "figures.csv", replace: "whole,deaths_male,4,", with: "whole,deaths_male,\(value),"),
            ]).findings.filter { $0.rule == "relations.declared" }
        }
        #expect(try report("at-most", "c") == [])
        #expect(try report("equal", "low") == [])
        #expect(try report("at-least", "c") == [])
        #expect(try report("at-most", "40") != [])
    }
}
