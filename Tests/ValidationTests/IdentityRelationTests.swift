import EditionFormat
import Foundation
import ReportModel
import Testing
import Validation

/// A register in the example edition: its opening number, those added and removed in the
/// year, and its closing number (100 + 30 - 20 = 110), with an identity declared between them.
enum RegisterEdition {
    static func report(closing: String = "110", added: String = "30", relation: String) throws -> ValidationReport {
        try ExampleEdition.report([
            ExampleEdition.Edit(
                file: "measures.csv", replace: "referrals,Referrals,count,yes,,\n",
                with: """
                    referrals,Referrals,count,yes,,
                    opening,Children on the register at the start of the year,count,yes,,
                    added,Children added to the register,count,yes,,
                    removed,Children removed from the register,count,yes,,
                    closing,Children on the register at the end of the year,count,yes,,

                    """),
            ExampleEdition.Edit(
                file: "figures.csv", replace: "north,contacts,802,,,,\n",
                with: """
                    north,contacts,802,,,,
                    north,opening,100,,,,
                    north,added,"\(added)",,,,
                    north,removed,20,,,,
                    north,closing,\(closing),,,,

                    """),
            ExampleEdition.Edit(
                file: "edition.yaml", replace: "sections:\n", with: "relations:\n  - \(relation)\nsections:\n"),
        ])
    }
}

@Suite("Declared identities: a sum of figures with signs")
struct IdentityRelationTests {
    static let identity = "{ left: north/closing, is: equal, right: north/opening + north/added - north/removed }"

    /// Each case: the closing and added figures, the relation, and the messages it must give
    /// (none when it holds). Every case that holds failed before identities were read: the
    /// sum was "no figure".
    @Test(
        "closing = opening + added - removed holds, or is reported with the sum worked out",
        arguments: [
            ("110", "30", identity, [String]()),
            (
                "115", "30", identity,
                [
                    "north/closing is 115, but the manifest declares it equal to north/opening + north/added - north/removed, which is 100 + 30 - 20 = 110"
                ]
            ),
            // The sum may stand on the left, and an identity may be an inequality.
            ("110", "30", "{ left: north/opening + north/added, is: at-least, right: north/closing }", []),
            (
                "131", "30", "{ left: north/opening + north/added, is: at-least, right: north/closing }",
                [
                    "north/opening + north/added is 100 + 30 = 130, but the manifest declares it at least north/closing, which is 131"
                ]
            ),
            // A figure given as a bound makes the sum a range: 100 + (30 or more) - 20 is at least 110.
            ("140", "30+", identity, []),
            (
                "105", "30+", identity,
                [
                    "north/closing is 105, but the manifest declares it equal to north/opening + north/added - north/removed, which is 100 + 30+ - 20 = at least 110"
                ]
            ),
        ])
    func identities(_ closing: String, _ added: String, _ relation: String, _ messages: [String]) throws {
        let report = try RegisterEdition.report(closing: closing, added: added, relation: relation)
        let found = report.findings.filter { $0.rule == "relations.declared" }
        #expect(Set(found.map(\.message)) == Set(messages), "\(report.findings)")
        #expect(report.findings.count == found.count, "\(report.findings)")
        #expect((report.checksByRule["relations.declared"] ?? 0) >= 1)
        // A broken identity is shown at each of its four figures' cells.
        if !messages.isEmpty {
            #expect(Set(found.compactMap { $0.location?.line }).count == (relation == Self.identity ? 4 : 3))
        }
    }

    @Test("a term that names no figure is reported at the relation, naming the term")
    func unknownTerm() throws {
        let report = try RegisterEdition.report(
            relation: "{ left: north/closing, is: equal, right: north/opening + north/aded - north/removed }")
        let found = report.findings.filter { $0.rule == "relations.declared" }
        #expect(found.count == 1, "\(report.findings)")
        #expect(found.first?.location?.file == "ed/edition.yaml")
        #expect(found.first?.actual == "north/aded")
        #expect(found.first?.message.contains("did you mean 'north/added'") == true, "\(found)")
    }

    @Test(
        "an identity between figures of a series compares the periods its keys name, and names the period",
        arguments: [
            ("whole/visits@2030/31 Q2", "whole/visits_home@2030/31 Q2 + whole/visits_school@2030/31 Q2", nil),
            // Without a period, a key of a series is its latest quarter's figure: Q2's 45 = 20 + 25.
            ("whole/visits", "whole/visits_home + whole/visits_school", nil),
            ("whole/visits@2030/31 Q1", "whole/visits_home@2030/31 Q2 + whole/visits_school@2030/31 Q2", "2030/31 Q1"),
        ] as [(String, String, String?)])
    func periods(_ left: String, _ right: String, _ period: String?) throws {
        let (_, findings) = try SeriesEdition.read(
            datasets: "relations:\n  - { left: \(left), is: equal, right: \(right) }\n")
        #expect(findings.allSatisfy { $0.rule == "relations.declared" }, "\(findings)")
        #expect(findings.isEmpty == (period == nil), "\(findings)")
        #expect(findings.allSatisfy { $0.period == period })
    }
}
