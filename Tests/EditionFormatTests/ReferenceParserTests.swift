import EditionFormat
import ReportModel
import Testing

@Suite("Figure references in the narrative")
struct ReferenceParserTests {
    @Test(
        "reads every form of reference",
        arguments: [
            (
                "{{= cumberland/contacts }}", FigureReference.Expression.value("cumberland/contacts"),
                nil as FigureReference.Format?
            ),
            ("{{=cumberland/contacts}}", .value("cumberland/contacts"), nil),
            ("{{= cumberland/referrals.percent }}", .value("cumberland/referrals.percent"), nil),
            ("{{= training-courses:Grand total }}", .value("training-courses:Grand total"), nil),
            ("{{= cumbria/rapid_reviews | words }}", .value("cumbria/rapid_reviews"), .words),
            ("{{= sum(a/x, b/x, c/x) }}", .sum(["a/x", "b/x", "c/x"]), nil),
            ("{{= difference(a/x, b/x) | count }}", .difference("a/x", "b/x"), .count),
            ("{{= rate(a/x, a/children) }}", .rate("a/x", "a/children", per: 10_000), nil),
            ("{{= rate(a/x, a/children, 1000) }}", .rate("a/x", "a/children", per: 1_000), nil),
            ("{{= previous(a/x) }}", .previous("a/x"), nil),
            ("{{= change(a/x) | percent }}", .change("a/x"), .percent),
            ("{{= period(a/x) }}", .period("a/x"), nil),
            ("{{= share(a/x, a/y) | percent }}", .share("a/x", "a/y"), .percent),
        ])
    func reads(text: String, expression: FigureReference.Expression, format: FigureReference.Format?) {
        let (references, findings) = ReferenceParser.references(in: "Before \(text) after.", file: "n.md")
        #expect(findings == [])
        #expect(references.count == 1)
        #expect(references.first?.expression == expression)
        #expect(references.first?.format == format)
        #expect(references.first?.text == text)
        #expect(references.first?.location == ReportModel.SourceLocation(file: "n.md", line: 1, column: 8))
    }

    @Test(
        "locates references by line and character column, after multi-byte text",
        arguments: [
            ("£ and é then {{= a/b }}", 1, 14),
            ("first line\nsecond {{= a/b }}", 2, 8),
            ("{{= a/b }} and {{= c/d }}", 1, 1),
        ])
    func locates(text: String, line: Int, column: Int) {
        let (references, _) = ReferenceParser.references(in: text, file: "n.md")
        #expect(references.first?.location.line == line)
        #expect(references.first?.location.column == column)
    }

    @Test(
        "refuses what it cannot read, with a located message",
        arguments: [
            (
                "{{= }}",
                "cannot read the figure reference: it names no figure: expected a key such as cumberland/contacts"
            ),
            (
                "{{= a/b | wrds }}",
                "cannot read the figure reference: the format 'wrds' is unknown (did you mean 'words'?): expected one of count, money, percent, words"
            ),
            (
                "{{= total(a/b, c/d) }}",
                "cannot read the figure reference: the function 'total' is unknown: expected sum, difference, rate, share, previous, change or period"
            ),
            (
                "{{= rate(a/b, c/d) | per1000 }}",
                "cannot read the figure reference: a rate per 1,000 is written as a function, not a format: rate(a, b, 1000)"
            ),
            (
                "{{= rate(a/b, c/d, many) }}",
                "cannot read the figure reference: rate()'s third argument is the base, a whole number such as 1000: found 'many'"
            ),
            // A second argument is the period compared with (change(a, 2021/22)), not a figure.
            (
                "{{= change(a/b, c/d) }}",
                "cannot read the figure reference: change()'s second argument is a period such as 2022/23, 2023/24 Q2 or 2024-03: found 'c/d'"
            ),
            (
                "{{= change(a/b, 2021/22, c/d) }}",
                "cannot read the figure reference: change() needs one figure, and may name a period second"
            ),
            ("{{= sum(a/b) }}", "cannot read the figure reference: sum() needs two or more figures"),
            ("{{= rate(a/b, ) }}", "cannot read the figure reference: rate() has an empty argument"),
            ("{{= a/b", "cannot read the figure reference: the reference is never closed: expected }} after it"),
            (
                "{{= a/b\n\nnext paragraph }}",
                "cannot read the figure reference: the reference is never closed: expected }} after it"
            ),
            ("{{= a(b }}", "cannot read the figure reference: 'a(b' is neither a key nor a function such as sum(a, b)"),
        ])
    func refuses(text: String, message: String) {
        let (references, findings) = ReferenceParser.references(in: "Text \(text)", file: "n.md")
        #expect(references == [])
        #expect(findings.map(\.message) == [message])
        #expect(findings.first?.rule == "narrative.reference-syntax")
        #expect(findings.first?.location == ReportModel.SourceLocation(file: "n.md", line: 1, column: 6))
    }

    @Test("Markdown without references has none")
    func none() {
        let (references, findings) = ReferenceParser.references(
            in: "Plain {{ mustache }} and { braces }.", file: "n.md")
        #expect(references.isEmpty && findings.isEmpty)
    }
}
