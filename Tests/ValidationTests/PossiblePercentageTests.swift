import EditionFormat
import Foundation
import ReportModel
import Testing
import Validation

/// "Of those 22 cases, 68% were boys and 32% girls; 68% were seen within a week": shares
/// published without their counts, of a whole that is published.
enum SharesEdition {
    static let measures =
        SeriesEdition.measures + """
            cases,Cases,count,yes,,,,
            cases_seen,Cases seen within a week,percent,no,,,,
            cases_boys,Boys,percent,no,cases,sex,,
            cases_girls,Girls,percent,no,cases,sex,,
            cases_unknown,Sex not known,percent,no,cases,sex,,

            """

    static let rows = """
        south,cases,22,,,
        south,cases_seen,68%,,cases,
        south,cases_boys,68%,,,
        south,cases_unknown,0%,,,
        south,cases_girls,32%,,,

        """

    static func read(_ replace: String = "", with: String = "") throws -> [Finding] {
        let shares = replace.isEmpty ? rows : rows.replacingOccurrences(of: replace, with: with)
        let last = "whole,visits_repeat,40,,,2030/31 Q2\n"
        return try SeriesEdition.read(last, with: last + shares, more: ["measures.csv": measures]).findings
    }
}

@Suite("Shares of a published whole whose counts are not published")
struct PossiblePercentageTests {
    @Test(
        "shares that whole numbers of 22 give, adding up to 100%, check clean (before: a percentage part of a count was an error)"
    )
    func clean() throws {
        #expect(try SharesEdition.read() == [])
    }

    /// Each case changes one row and names every finding it must cause, by rule and message.
    @Test(
        "a share no whole number of its whole gives, or shares of one whole not adding up to 100%, is reported",
        arguments: [
            (
                "south,cases_girls,32%", "south,cases_girls,33%", "percentages.possible",
                "South gives 33% for Girls as a share of its 22 Cases, but no whole number of 22 is 33%: 7 of 22 is 31.8% and 8 of 22 is 36.4%"
            ),
            (
                "south,cases_seen,68%", "south,cases_seen,68.3%", "percentages.possible",
                "South gives 68.3% for Cases seen within a week as a share of its 22 Cases, but no whole number of 22 is 68.3%: 15 of 22 is 68.18% and 16 of 22 is 72.73%"
            ),
            (
                "south,cases_girls,32%", "south,cases_girls,31%", "percentages.truncated",
                "South gives 31% for Girls as a share of its 22 Cases, but no whole number of 22 rounds to 31%: 7 of 22 is 31.82%, cut off rather than rounded to 32%"
            ),
            (
                "south,cases_boys,68%", "south,cases_boys,73%", "shares.breakdown",
                "South's shares of its Cases by sex (Boys, Sex not known and Girls) add up to 105%: expected 100% give or take 1.5 percentage points for rounding"
            ),
            // With one share not stated, the others need only not pass 100%.
            ("south,cases_unknown,0%,,,\n", "", nil, nil),
            (
                "south,cases_boys,68%,,,\nsouth,cases_unknown,0%,,,\n", "south,cases_boys,73%,,,\n", "shares.breakdown",
                "South's shares of its Cases by sex (Boys and Girls) already add up to 105%, more than 100% give or take 1.0 percentage points for rounding"
            ),
        ] as [(String, String, String?, String?)])
    func shares(_ replace: String, _ with: String, _ rule: String?, _ message: String?) throws {
        let findings = try SharesEdition.read(replace, with: with)
        #expect(findings.map(\.rule) == (rule.map { [$0] } ?? []), "\(findings)")
        #expect(findings.first?.message == message)
    }
}
