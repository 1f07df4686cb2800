import Foundation
import ReportModel
import Testing
import Validation

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Text for the terminal")
struct TerminalTextTests {
    @Test(
        "control characters and bidirectional controls are shown as code points, never sent to the terminal",
        arguments: [
            ("plain text, £ and é — “quoted”", "plain text, £ and é — “quoted”"),
            ("\u{1B}]0;pwned\u{7}\u{1B}[2J", "<U+001B>]0;pwned<U+0007><U+001B>[2J"),
            ("a\nb\tc\r", "a<U+000A>b<U+0009>c<U+000D>"),
            ("nul\u{0} del\u{7F} csi\u{9B}", "nul<U+0000> del<U+007F> csi<U+009B>"),
            ("abc\u{202E}fed\u{202C}", "abc<U+202E>fed<U+202C>"),
            ("\u{2066}isolate\u{2069} mark\u{200F}\u{61C}", "<U+2066>isolate<U+2069> mark<U+200F><U+061C>"),
        ])
    func visible(text: String, shown: String) {
        #expect(TerminalText.visible(text) == shown)
    }

    @Test(
        "a whole output keeps its line feeds and shows every other control",
        arguments: [
            ("one\ntwo\n", "one\ntwo\n"),
            ("one\u{1B}[2J\n\u{202E}two\n", "one<U+001B>[2J\n<U+202E>two\n"),
        ])
    func visibleLines(text: String, shown: String) {
        #expect(TerminalText.visibleLines(text) == shown)
    }

    @Test(
        "JSON escapes C1 and bidirectional controls as \\u escapes, which parse to the same string",
        arguments: ["csi \u{9B} override \u{202E} isolate \u{2067}", "plain £ é"])
    func json(value: String) throws {
        let json = TerminalText.escapingJSON("{\n  \"message\" : \"\(value)\"\n}")
        #expect(!json.unicodeScalars.contains { $0 != "\n" && TerminalText.isHidden($0) })
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        #expect(decoded["message"] == value)
    }

    @Test(
        "every report format writes a finding's escapes and overrides visibly, never raw",
        arguments: ReportFormat.allCases)
    func formats(format: ReportFormat) {
        let finding = Finding(
            rule: "manifest.unknown-key", severity: .error,
            message: "unknown key 'x\u{1B}]0;pwned\u{7}\u{9B}\u{202E}y'",
            location: SourceLocation(file: "ed\u{1B}[2J/edition.yaml", line: 3, column: 1))
        let report = ValidationReport(
            edition: "ed\u{1B}[2J\u{202E}",
            checks: [CheckResult(rule: "manifest.unknown-key", subject: "x", findings: [finding])])
        let written = format.render(report)
        #expect(!written.unicodeScalars.contains { $0 != "\n" && TerminalText.isHidden($0) })
        #expect(written.contains("pwned"))
        #expect(format.parses(written), "still \(format.rawValue) a reader parses")
    }
}

/// The formats `check` writes, each as it renders one report.
enum ReportFormat: String, CaseIterable, CustomTestStringConvertible {
    case text, json, junit, sarif, github

    var testDescription: String { rawValue }

    func render(_ report: ValidationReport) -> String {
        switch self {
        case .text: TextReport.render(report)
        case .json: JSONReport.render([report])
        case .junit: JUnitReport.render([report], strict: false)
        case .sarif: SARIFReport.render([report], ingestChecks: [])
        case .github: GitHubReport.render([report])
        }
    }

    /// Whether `written` still parses as its format (text and workflow commands always do).
    func parses(_ written: String) -> Bool {
        switch self {
        case .json, .sarif: (try? JSONSerialization.jsonObject(with: Data(written.utf8))) != nil
        case .junit: XMLParser(data: Data(written.utf8)).parse()
        case .text, .github: true
        }
    }
}
