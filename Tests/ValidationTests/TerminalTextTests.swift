import Testing
import Validation

@Suite("Text for the terminal")
struct TerminalTextTests {
    @Test(
        "control characters are shown as code points, never sent to the terminal",
        arguments: [
            ("plain text, £ and é", "plain text, £ and é"),
            ("\u{1B}]0;pwned\u{7}\u{1B}[2J", "<U+001B>]0;pwned<U+0007><U+001B>[2J"),
            ("a\nb\tc\r", "a<U+000A>b<U+0009>c<U+000D>"),
            ("nul\u{0} del\u{7F} csi\u{9B}", "nul<U+0000> del<U+007F> csi<U+009B>"),
        ])
    func visible(text: String, shown: String) {
        #expect(TerminalText.visible(text) == shown)
    }
}
