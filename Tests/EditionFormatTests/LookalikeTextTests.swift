import ReportModel
import Testing

@testable import EditionFormat

@Suite("Keys and names that are not what they look like")
struct LookalikeTextTests {
    @Test(
        "an invisible character or a letter of another script in a word is found and named",
        arguments: [
            ("N\u{43E}rth", "U+043E CYRILLIC SMALL LETTER O, a Cyrillic letter"),
            ("\u{441}ases", "U+0441 CYRILLIC SMALL LETTER ES, a Cyrillic letter"),
            ("contacts_\u{3BF}ver", "U+03BF GREEK SMALL LETTER OMICRON, a Greek letter"),
            ("\u{41C}\u{43E}\u{441}\u{43A}\u{432}a", "U+0061 LATIN SMALL LETTER A, a Latin letter"),
            ("ｃontacts", "U+FF43 FULLWIDTH LATIN SMALL LETTER C, a full-width Latin letter"),
            ("CS\u{200B}CP", "U+200B ZERO WIDTH SPACE"),
            ("The year \u{202E}raey", "U+202E RIGHT-TO-LEFT OVERRIDE"),
            ("re\u{AD}ferrals", "U+00AD SOFT HYPHEN"),
            ("\u{FEFF}measure", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
            ("area\u{2066}", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ])
    func found(text: String, actual: String) throws {
        let finding = try #require(
            LookalikeText.finding(in: text, subject: "the 'measure' cell", at: SourceLocation(file: "m.csv", line: 2)))
        #expect(finding.rule == "text.lookalike")
        #expect(finding.severity == .warning)
        #expect(finding.actual == actual)
        #expect(!finding.message.unicodeScalars.contains(where: LookalikeText.isInvisible))
    }

    @Test(
        "keys and names in one script, accented or not, pass",
        arguments: [
            "North", "contacts", "Zürich", "Ynys Môn", "Westmorland and Furness", "café-bar", "Москва", "Ελλάδα",
            "Cumbria 2023/24", "", "£109,228", "Ω-3 (\u{3A9} alone)", "Saint-Étienne",
        ])
    func passes(text: String) {
        #expect(LookalikeText.first(in: text) == nil)
    }
}
