import EditionFormat
import Foundation
import ReportModel
import Testing
import Validation

/// Rates per 10,000 children beside their counts: South publishes its child population, North
/// does not, so North's rates imply it.
enum RatesEdition {
    static let measures =
        SeriesEdition.measures + """
            children_0_17,Children aged 0 to 17,count,yes,,,,
            cin,Children in need,count,yes,,,,
            cp,Children on protection plans,count,yes,,,cin,

            """

    static let rates = """
        area,measure,value,stated_rate,rate_of,period
        south,children_0_17,"70,000",,,
        south,cin,"1,480","211.4 per 10,000",children_0_17,
        south,cp,300,"42.9 per 10,000",children_0_17,
        north,cin,"1,480","211.4 per 10,000",children_0_17,
        north,cp,300,42.9 per 10000,children_0_17,

        """

    static func read(_ replace: String = "", with: String = "") throws -> [Finding] {
        let text = replace.isEmpty ? rates : rates.replacingOccurrences(of: replace, with: with)
        return try SeriesEdition.read(
            more: ["measures.csv": measures, "rates.csv": text],
            datasets: "  - { id: rates, schema: figures, file: rates.csv, title: Rates, section: intro }\n"
        ).findings
    }
}

@Suite("Stated rates per 1,000, 10,000 or 100,000")
struct StatedRateTests {
    @Test("rates that agree with their counts and populations, published or implied, check clean")
    func clean() throws {
        #expect(try RatesEdition.read() == [])
    }

    /// Each case changes one row and names every rule it must trip, with the first message.
    @Test(
        "a rate off its count and population, cut off, implying another population, or above its whole's, is reported",
        arguments: [
            // A rate off by a factor of ten.
            (
                "south,cin,\"1,480\",\"211.4", "south,cin,\"1,480\",\"21.1", ["rates.stated", "rates.subset"],
                "21.1 per 10,000 is stated, but 1,480 of 70,000 (Children aged 0 to 17 in South) is 211.429 per 10,000, which rounds to 211.4 per 10,000"
            ),
            (
                "south,cp,300,\"42.9", "south,cp,300,\"42.8", ["rates.truncated"],
                "42.8 per 10,000 is stated, but 300 of 70,000 (Children aged 0 to 17 in South) is 42.857 per 10,000: it was cut off rather than rounded to 42.9 per 10,000"
            ),
            // North publishes no population: its two rates imply different ones.
            (
                "north,cp,300,42.9 per 10000", "north,cp,300,45.0 per 10000", ["rates.population"],
                "North's Children on protection plans, 300 at 45.0 per 10,000 Children aged 0 to 17, imply 66,519 to 66,740 of them, but its rates before (Children in need) imply 69,977 to 70,026"
            ),
            // A subset's rate above its whole's (its count above the whole's too).
            (
                "north,cp,300,42.9 per 10000", "north,cp,1600,228.6 per 10000", ["rates.subset", "totals.subset"],
                "North's rate for Children on protection plans, 228.6 per 10,000, is above its rate for Children in need, 211.4 per 10,000, of which Children on protection plans are a subset"
            ),
            (
                "north,cp,300,42.9 per 10000", "north,cp,300,42.9 per 1500", ["value.unreadable"],
                "cannot read '42.9 per 1500' as the stated rate of cp: expected a rate such as 211.4 per 10,000 (per 1,000, 10,000 or 100,000)"
            ),
            (
                "north,cp,300,42.9 per 10000,children_0_17", "north,cp,300,42.9 per 10000,children_017",
                ["references.measure"],
                "rate_of names 'children_017' (did you mean 'children_0_17'?), which is not in the measures catalogue"
            ),
        ])
    func rates(_ replace: String, _ with: String, _ rules: [String], _ message: String) throws {
        let findings = try RatesEdition.read(replace, with: with)
        #expect(findings.map(\.rule).sorted() == rules, "\(findings)")
        #expect(findings.first { $0.rule == rules[0] }?.message == message, "\(findings.map(\.message))")
    }

    @Test("a rate that names no population cannot be checked, and says so")
    func noPopulation() throws {
        let findings = try RatesEdition.read(
            "north,cp,300,42.9 per 10000,children_0_17", with: "north,cp,300,42.9 per 10000,")
        #expect(findings.map(\.rule) == ["rates.no-population"], "\(findings)")
        #expect(
            findings.first?.message
                == "42.9 per 10,000 is stated beside North's Children on protection plans, but the data does not say what population it is of, so it cannot be checked"
        )
    }

    @Test(
        "a rate reads as printed, per 1,000, 10,000 or 100,000, keeping its decimals",
        arguments: [
            ("211.4 per 10,000", "211.4 per 10,000"), ("3 per 1000", "3 per 1,000"),
            ("0.52 PER 100,000", "0.52 per 100,000"), ("1,234.50 per 10000", "1,234.50 per 10,000"),
        ])
    func reads(_ text: String, _ shown: String) throws {
        #expect(try ValueReader.rate(text).get().description == shown)
    }

    @Test(
        "a rate that is not one is refused",
        arguments: [
            "211.4", "211.4%", "211.4 per 500", "-3 per 1,000", "£3 per 1,000", "per 10,000", "3 per 10,000 per 1,000",
        ])
    func refuses(_ text: String) {
        #expect((try? ValueReader.rate(text).get()) == nil)
    }
}
