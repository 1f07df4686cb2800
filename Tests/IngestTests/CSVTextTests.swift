import ReportModel
import Testing

@Suite("Writing published CSV")
struct CSVTextTests {
    @Test(
        "a text a spreadsheet would run as a formula is published with a leading apostrophe; signed numbers are not",
        arguments: [
            ("=HYPERLINK(\"http://x.invalid\",\"click\")", "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"click\"\")\""),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("@SUM(1+1)", "'@SUM(1+1)"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"), ("\tx", "'\tx"), ("-", "'-"),
            ("-12", "-12"), ("+3.5%", "+3.5%"), ("-£1,234.50", "\"-£1,234.50\""), ("Police", "Police"),
            ("a=b", "a=b"), ("", ""),
        ])
    func field(text: String, published: String) {
        #expect(CSVText.field(text) == published)
    }
}
