import NarrativeMarkdown
import Testing

@Suite("What the narrative's Markdown may hold")
struct MarkdownPolicyTests {
    @Test(
        "links, read as a browser reads them: https, mailto, relative and in-report stay; http warns; other schemes and //host are refused",
        arguments: [
            ("https://example.org/a", "keep"), ("HTTPS://EXAMPLE.ORG", "keep"), ("mailto:a@example.org", "keep"),
            ("#section-2", "keep"), ("data/budget.csv", "keep"), ("", "keep"), ("http://example.org", "warn"),
            ("javascript:alert(1)", "refuse"), (" JavaScript:alert(1)", "refuse"), ("data:text/html,x", "refuse"),
            ("file:///etc/passwd", "refuse"), ("vbscript:x", "refuse"), ("//host.invalid/x", "refuse"),
            ("\\\\host\\share", "refuse"),
            // As a browser reads them: tabs and line breaks removed anywhere, controls at the ends,
            // and a backslash is a slash.
            ("java\tscript:alert(1)", "refuse"), ("java\nscript:alert(1)", "refuse"),
            ("\r\u{1}j\tavascript:alert(1)", "refuse"), ("/\\host.invalid/x", "refuse"),
            ("\\/host.invalid/x", "refuse"), ("/\t/host.invalid/x", "refuse"), ("data/a\\b.csv", "keep"),
            ("/data/budget.csv", "keep"),
        ])
    func link(destination: String, verdict: String) {
        let found: String =
            switch MarkdownPolicy.link(destination) {
            case .keep: "keep"
            case .warn: "warn"
            case .refuse: "refuse"
            }
        #expect(found == verdict)
    }

    @Test(
        "every breach is located where it was typed (line and byte column from 1)",
        arguments: [
            ("Text ![x](https://h.invalid/p.png)", [(1, 6, true)]),
            ("One.\n\n[ref]: //h.invalid/p.png\n\n![by][ref]", [(5, 1, true)]),
            ("A [link](http://example.org) and [one](https://example.org).", [(1, 3, false)]),
            // GitHub's autolink reads www.example.org as http://www.example.org: a warning.
            ("<https://example.org> www.example.org", [(1, 22, false)]),
            (String(repeating: ">", count: 120) + " deep", [(1, 101, true)]),
            (String(repeating: ">", count: 90) + " fine", []),
        ])
    func located(markdown: String, expected: [(Int, Int, Bool)]) throws {
        let document = try #require(MarkdownDocument(markdown))
        let problems = MarkdownPolicy.problems(in: document)
        #expect(problems.map(\.line) == expected.map(\.0))
        #expect(problems.map(\.column) == expected.map(\.1))
        #expect(problems.map(\.isError) == expected.map(\.2))
    }
}
