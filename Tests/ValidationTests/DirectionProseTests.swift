import EditionFormat
import Foundation
import ReportModel
import Testing
import Validation

/// The example edition with three figures and last year's values: contacts rose from 900 to
/// 1,000 (a ninth), referrals halved from 1,000 to 500, visits barely moved (800 to 803).
enum ProseEdition {
    static let edits = [
        ExampleEdition.Edit(
            file: "measures.csv", replace: "referrals,Referrals,count,yes,,\n",
            with: "referrals,Referrals,count,yes,,\nvisits,Visits,count,yes,,\n"),
        ExampleEdition.Edit(
            file: "again.csv", replace: "area,measure,value\nnorth,people,1000",
            with: "area,measure,value,previous\nsouth,contacts,1000,900\nsouth,referrals,500,1000\nsouth,visits,803,800"
        ),
    ]

    /// The direction findings for one paragraph.
    static func findings(_ text: String) throws -> [Finding] {
        let narrative = ExampleEdition.Edit(file: "intro.md", replace: "An example.", with: text)
        let report = try ExampleEdition.report(edits + [narrative])
        #expect(report.findings.filter { $0.rule != "narrative.direction" } == [], "\(report.findings)")
        return report.findings.filter { $0.rule == "narrative.direction" }
    }
}

@Suite("The direction check reads prose as written")
struct DirectionProseTests {
    /// Each sentence, and the start of the message it must give after "the text says the
    /// figure", or nil when it must give none. Those marked "before:" were misread before
    /// the change (a false alarm, or a contradiction missed).
    @Test(
        "a sentence's claim about a figure's change is held to the data, and a sentence that claims none is left alone",
        arguments: [
            // Level phrasing: the figure is the new level.
            ("Contacts fell to {{= south/contacts }}.", "fell, but south/contacts went from 900 to 1,000: it rose"),
            ("Contacts rose to {{= south/contacts }}.", nil),
            ("There was an increase in contacts, to {{= south/contacts }}.", nil),
            // before: "jumped", "went down", "slightly down" and "fewer" were not read.
            ("Contacts jumped to {{= south/contacts }} this year.", nil),
            (
                "Contacts went down to {{= south/contacts }}.",
                "fell, but south/contacts went from 900 to 1,000: it rose"
            ),
            ("Contacts were slightly down at {{= south/contacts }}.", "fell, but south/contacts went from 900"),
            ("Fewer contacts were received than last year ({{= south/contacts }}).", "fell, but south/contacts"),
            ("Referrals were down sharply at {{= south/referrals }}.", nil),
            ("Slightly more contacts came in ({{= south/contacts }}).", nil),
            ("Contacts were higher than last year at {{= south/contacts }}.", nil),
            // before: an earlier reference cut the clause, so the fall was not read.
            (
                "Contacts fell from {{= previous(south/contacts) }} to {{= south/contacts }}.",
                "fell, but south/contacts went from 900 to 1,000: it rose"
            ),
            // After the figure, set off by a comma or bracket (before: not read).
            ("We received {{= south/contacts }} contacts, up from last year.", nil),
            ("We received {{= south/contacts }} contacts, fewer than last year.", "fell, but south/contacts"),
            ("Referrals numbered {{= south/referrals }} (down on 2029/30).", nil),
            ("Referrals numbered {{= south/referrals }} (an increase on 2029/30).", "rose, but south/referrals"),
            // The size of a change, not a level (before: "reduced by" read 803 as the new level).
            ("The waiting list was reduced by {{= south/visits }}.", nil),
            ("Contacts fell by {{= south/visits }} on last year.", nil),
            ("Contacts were up {{= south/referrals }} on last year.", nil),
            ("There were {{= south/visits }} more contacts than last year.", nil),
            // The earlier value, a comparison, or a bound: no claim about this figure.
            ("Contacts rose from {{= south/referrals }} last year.", nil),
            ("There were fewer than {{= south/contacts }} contacts.", nil),
            ("Up to {{= south/referrals }} referrals a year are expected.", nil),
            ("Take-up was {{= south/referrals }}.", nil),
            // Negations (before: "have not fallen to 1,000" was a false alarm).
            ("Contacts have not fallen to {{= south/contacts }}.", nil),
            ("There was no fall in referrals, at {{= south/referrals }}.", nil),
            // Other clauses' words are theirs.
            ("Contacts increased, but referrals fell to {{= south/referrals }}.", nil),
            ("Referrals fell, but contacts rose to {{= south/contacts }}.", nil),
            ("Contacts rose, and referrals rose to {{= south/referrals }}.", "rose, but south/referrals"),
            // Ratio words (before: not read, or only for their direction).
            ("Referrals halved to {{= south/referrals }}.", nil),
            ("Referrals were reduced by half, to {{= south/referrals }}.", nil),
            (
                "Referrals doubled to {{= south/referrals }}.",
                "doubled, but south/referrals went from 1,000 to 500: it fell"
            ),
            (
                "Contacts doubled to {{= south/contacts }}.",
                "doubled, but south/contacts went from 900 to 1,000: it rose by 11.1%, 1.11 times"
            ),
            ("There were twice as many contacts, {{= south/contacts }}.", "doubled, but south/contacts"),
            ("Referrals more than halved, to {{= south/referrals }}.", nil),
            ("There were a third fewer contacts, {{= south/contacts }}.", "changed by a third, but south/contacts"),
            ("There were a tenth more contacts, {{= south/contacts }}.", nil),
            ("In the first half of the year we saw {{= south/referrals }} referrals.", nil),
            // Hedges and no change.
            ("Visits were broadly the same, at {{= south/visits }}.", nil),
            ("Visits stayed stable at {{= south/visits }}.", nil),
            (
                "Visits were unchanged at {{= south/visits }}.",
                "stayed the same, but south/visits went from 800 to 803: it rose"
            ),
            (
                "Referrals were broadly the same at {{= south/referrals }}.",
                "stayed about the same, but south/referrals went from 1,000 to 500: it fell by 50.0%"
            ),
            ("Referrals were much the same as last year ({{= south/referrals }}).", "stayed about the same"),
            ("There was no change in visits, at {{= south/visits }}.", "did not change, but south/visits"),
            // No direction at all.
            ("There were {{= south/contacts }} contacts.", nil),
            ("In 2030/31 the partnership received {{= south/contacts }} contacts, compared with last year.", nil),
            ("The team set up {{= south/visits }} visits.", nil),
        ] as [(String, String?)])
    func prose(_ text: String, _ message: String?) throws {
        let found = try ProseEdition.findings(text)
        #expect(found.count == (message == nil ? 0 : 1), "\(found.map(\.message))")
        if let message {
            #expect(
                found.first?.message.hasPrefix("the text says the figure \(message)") == true, "\(found.map(\.message))"
            )
        }
    }
}
