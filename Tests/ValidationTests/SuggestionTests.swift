import Testing

@testable import ReportModel

@Suite("Did you mean")
struct SuggestionTests {
    @Test(
        "a typo is matched to the name it meant, and a name far from all of them to none",
        arguments: [
            ("contcts", ["contacts", "referrals"], "contacts"),
            ("Refferals", ["contacts", "referrals"], "referrals"),
            ("cotnacts", ["contacts", "referrals"], "contacts"),
            ("budget", ["contacts", "referrals"], nil),
            ("x", ["y", "z"], "y"),
        ] as [(String, [String], String?)])
    func closest(typed: String, known: [String], meant: String?) {
        #expect(Suggestion.closest(to: typed, among: known) == meant)
    }

    @Test(
        "the distance computed within a bound is the full distance whenever it is within the bound",
        arguments: [
            ("kitten", "sitting"), ("contacts", "cotnacts"), ("", "abc"), ("abc", ""), ("flaw", "lawn"),
            ("referrals", "referals"), ("abcdef", "badcfe"), ("same", "same"), ("short", "a much longer name"),
        ])
    func bounded(left: String, right: String) {
        let full = Suggestion.editDistance(Array(left), Array(right))
        for bound in 0...max(left.count, right.count) + 1 {
            let within = Suggestion.editDistance(Array(left), Array(right), atMost: bound)
            #expect(within == (full <= bound ? full : nil), "bound \(bound)")
        }
    }

    @Test("a name longer than any typed key gets no hint, and costs nothing to refuse")
    func longNames() {
        let long = String(repeating: "k", count: 30_000)
        #expect(Suggestion.closest(to: long + "x", among: [long, "contacts"]) == nil)
        #expect(Suggestion.closest(to: "contacts", among: [long]) == nil)
        #expect(Suggestion.closest(to: "contacs", among: [long, "contacts"]) == "contacts")
    }
}
