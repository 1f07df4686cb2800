import Foundation
import ReportModel
import Testing

@testable import Rendering

/// A count of each kind of finding and what the data-quality statement must say of them.
struct StatementCase: Sendable, CustomTestStringConvertible {
    /// Findings with a sentence in readers' words (each sentence distinct).
    var described: Int
    /// Findings without one, in the first kind of check and in the second.
    var firstKind: Int
    var secondKind: Int
    /// Findings about protected figures, kept in the internal log.
    var protected: Int
    var lead: String
    var items: [String]

    var testDescription: String {
        "\(described) described, \(firstKind) + \(secondKind) by kind, \(protected) protected"
    }

    static let totals = "Totals equal the sum of their parts"
    static let shares = "Shares of a whole add up to the whole"

    var statement: FindingsStatement {
        FindingsStatement(
            findings: described + firstKind + secondKind,
            described: Array(Self.words.prefix(described)),
            undescribed: [(Self.totals, firstKind), (Self.shares, secondKind)], protected: protected)
    }

    /// Sentences in readers' words, without digits, so only the statement's own counts are.
    static let words = "ABCDEFGHIJKL".map { "Point \($0) in readers' words." }

    static let cases: [StatementCase] = [
        StatementCase(
            described: 0, firstKind: 0, secondKind: 0, protected: 0,
            lead: "No check raised a warning or found an error.", items: []),
        StatementCase(
            described: 1, firstKind: 0, secondKind: 0, protected: 0, lead: "One check raised this point:",
            items: Array(words.prefix(1))),
        StatementCase(
            described: 2, firstKind: 0, secondKind: 0, protected: 0, lead: "The checks raised these points:",
            items: Array(words.prefix(2))),
        StatementCase(
            described: 12, firstKind: 0, secondKind: 0, protected: 0, lead: "The checks raised these points:",
            items: words),
        // The case that printed "One check raised this point: One more finding concerns ...".
        StatementCase(
            described: 0, firstKind: 1, secondKind: 0, protected: 0, lead: "One check raised this point:",
            items: ["One finding concerns this kind of check: totals equal the sum of their parts."]),
        StatementCase(
            described: 0, firstKind: 2, secondKind: 0, protected: 0, lead: "The checks raised this point:",
            items: ["Two findings concern this kind of check: totals equal the sum of their parts."]),
        StatementCase(
            described: 0, firstKind: 12, secondKind: 0, protected: 0, lead: "The checks raised this point:",
            items: ["12 findings concern this kind of check: totals equal the sum of their parts."]),
        StatementCase(
            described: 1, firstKind: 1, secondKind: 0, protected: 0, lead: "The checks raised these points:",
            items: words.prefix(1) + [
                "One more finding concerns this kind of check: totals equal the sum of their parts."
            ]),
        StatementCase(
            described: 2, firstKind: 2, secondKind: 0, protected: 0, lead: "The checks raised these points:",
            items: words.prefix(2) + [
                "Two more findings concern this kind of check: totals equal the sum of their parts."
            ]
        ),
        StatementCase(
            described: 0, firstKind: 1, secondKind: 2, protected: 0, lead: "The checks raised these points:",
            items: [
                "One finding concerns this kind of check: totals equal the sum of their parts.",
                "Two more findings concern this kind of check: shares of a whole add up to the whole.",
            ]),
        StatementCase(
            described: 0, firstKind: 0, secondKind: 0, protected: 1, lead: "One check raised this point:",
            items: [
                "One finding concerns figures the disclosure policy protects; it is kept in the partnership's internal log."
            ]),
        StatementCase(
            described: 0, firstKind: 0, secondKind: 0, protected: 2, lead: "The checks raised this point:",
            items: [
                "Two findings concern figures the disclosure policy protects; they are kept in the partnership's internal log."
            ]),
        StatementCase(
            described: 1, firstKind: 0, secondKind: 0, protected: 1, lead: "The checks raised these points:",
            items: words.prefix(1) + [
                "One more finding concerns figures the disclosure policy protects; it is kept in the partnership's internal log."
            ]),
        StatementCase(
            described: 12, firstKind: 12, secondKind: 9, protected: 12, lead: "The checks raised these points:",
            items: words + [
                "12 more findings concern this kind of check: totals equal the sum of their parts.",
                "Nine more findings concern this kind of check: shares of a whole add up to the whole.",
                "12 more findings concern figures the disclosure policy protects; they are kept in the partnership's internal log.",
            ]),
    ]
}

@Suite("The data-quality statement reads as English for every count")
struct FindingsStatementTests {
    @Test("says what the checks found, for 0, 1, 2 and many findings of each kind", arguments: StatementCase.cases)
    func sentences(_ example: StatementCase) {
        let statement = example.statement
        #expect(statement.lead == example.lead)
        #expect(statement.items == example.items)
    }

    /// Every combination of 0, 1, 2 and 12 findings of each of the four kinds.
    static let combinations: [[Int]] = {
        let counts = [0, 1, 2, 12]
        return counts.flatMap { a in counts.flatMap { b in counts.flatMap { c in counts.map { d in [a, b, c, d] } } } }
    }()

    @Test("every combination of counts: one lead, no 'more' before a first point, verbs agreeing with counts")
    func grammar() {
        for counts in Self.combinations {
            let example = StatementCase(
                described: counts[0], firstKind: counts[1], secondKind: counts[2], protected: counts[3], lead: "",
                items: [])
            let statement = example.statement
            let total = counts.reduce(0, +)
            #expect(statement.items.isEmpty == (total == 0), "\(counts)")
            #expect((statement.lead == "One check raised this point:") == (total == 1), "\(counts)")
            #expect(statement.lead.hasSuffix(":") == (total > 0), "\(counts)")
            if let first = statement.items.first {
                #expect(!first.contains(" more finding"), "\(counts): \(first)")
            }
            for item in statement.items {
                #expect(item.first?.isUppercase == true || item.first?.isNumber == true, "\(item)")
                #expect(!item.hasPrefix("1 ") && !item.contains(" 1 "), "\(item)")
                // "One finding concerns", "Two findings concern": the verb agrees with its noun.
                #expect(!item.contains("finding concern ") && !item.contains("findings concerns"), "\(item)")
                #expect(!(item.hasPrefix("One") && item.contains("they are")), "\(item)")
                #expect(!(!item.hasPrefix("One") && item.contains("; it is")), "\(item)")
            }
        }
    }

    @Test(
        "says how many checks were made and how they came out",
        arguments: [
            (0, 0, 0, 0, "No checks were made."),
            (1, 1, 0, 0, "One check was made: it passed."),
            (1, 0, 1, 0, "One check was made: it raised a warning, described below."),
            (1, 0, 0, 1, "One check was made: it found an error that must be fixed."),
            (2, 2, 0, 0, "Two checks were made: both passed."),
            (2, 1, 1, 0, "Two checks were made: one passed, one raised a warning, described below."),
            (2, 0, 0, 2, "Two checks were made: two found errors that must be fixed."),
            (460, 460, 0, 0, "460 checks were made: all passed."),
            (460, 455, 5, 0, "460 checks were made: 455 passed, five raised warnings, described below."),
            (
                460, 458, 1, 1,
                "460 checks were made: 458 passed, one raised a warning, described below, and one found an error that must be fixed."
            ),
            (1_460, 1_448, 0, 12, "1,460 checks were made: 1,448 passed, and 12 found errors that must be fixed."),
        ] as [(Int, Int, Int, Int, String)])
    func checked(checks: Int, passed: Int, warnings: Int, errors: Int, sentence: String) {
        #expect(
            FindingsStatement.checked(checks: checks, passed: passed, warnings: warnings, errors: errors)
                == "Before publication, every figure in this report was checked against its data and against the figures it must agree with. \(sentence)"
        )
    }

    @Test(
        "counts in the tool's sentences: one to nine in words, 10 and over in figures",
        arguments: [(1, "one"), (6, "six"), (9, "nine"), (10, "10"), (0, "0"), (1_221, "1,221")])
    func countWords(count: Int, words: String) {
        #expect(GovUKFormat.count(count) == words)
    }
}
