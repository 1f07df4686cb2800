import Foundation
import ReportModel
import Testing

@testable import EditionFormat

@Suite("Bounds as reports print them")
struct BoundReaderTests {
    @Test(
        "a value cell may hold a bound, kept as typed",
        arguments: [
            ("40+", MeasureUnit.count, QuantityBound.Side.atLeast, Quantity.count(40), "40+"),
            ("1,000+", .count, .atLeast, .count(1000), "1,000+"),
            ("40 or more", .count, .atLeast, .count(40), "40 or more"),
            ("At least 40", .count, .atLeast, .count(40), "At least 40"),
            ("more than 40", .count, .moreThan, .count(40), "more than 40"),
            ("over £5,000", .money, .moreThan, .money(5000), "over £5,000"),
            (">40", .count, .moreThan, .count(40), ">40"),
            ("<5", .count, .lessThan, .count(5), "<5"),
            ("fewer than  10", .count, .lessThan, .count(10), "fewer than 10"),
            ("less than 5%", .percent, .lessThan, .percent(StatedPercentage(value: 5, decimals: 0)), "less than 5%"),
            ("under 5", .count, .lessThan, .count(5), "under 5"),
            ("5 or fewer", .count, .atMost, .count(5), "5 or fewer"),
            ("up to 5", .count, .atMost, .count(5), "up to 5"),
        ])
    func readsBound(text: String, unit: MeasureUnit, side: QuantityBound.Side, limit: Quantity, shown: String) throws {
        let quantity = try ValueReader.quantity(text, unit: unit).get()
        guard case .bound(let bound) = quantity else {
            Issue.record("\(text) read as \(quantity), not a bound")
            return
        }
        #expect(bound.side == side)
        #expect(bound.limit == limit)
        #expect(GovUKFormat.quantity(quantity) == shown)
        #expect(quantity.unit == unit)
    }

    @Test(
        "what a bound may stand for",
        arguments: [
            ("40+", MeasureUnit.count, Decimal?.some(40), Decimal?.none),
            ("more than 40", .count, 41, nil),
            ("<5", .count, 0, 4),
            ("5 or fewer", .count, 0, 5),
            ("over £5,000", .money, 5000, nil),
            ("less than 5%", .percent, 0, 5),
        ])
    func range(text: String, unit: MeasureUnit, lower: Decimal?, upper: Decimal?) throws {
        let range = try ValueReader.quantity(text, unit: unit).get().range
        #expect(range.lower == lower)
        #expect(range.upper == upper)
    }

    @Test(
        "a bound whose number cannot be read says what a bound looks like, or what the spreadsheet did",
        arguments: [
            ("fewer than five", MeasureUnit.count, "a bound on one as a report prints it"),
            ("40++", .count, "a bound on one as a report prints it"),
            ("+", .count, "a whole number such as 1,234"),
            ("2874.00+", .count, "the spreadsheet column is formatted as a number with decimals"),
            ("40 plus", .count, "a bound on one as a report prints it"),
            ("about 40", .count, "a bound on one as a report prints it"),
            ("1O", .count, "a whole number such as 1,234"),
        ])
    func unreadable(text: String, unit: MeasureUnit, expected: String) {
        guard case .failure(let problem) = ValueReader.quantity(text, unit: unit) else {
            Issue.record("\(text) was read")
            return
        }
        #expect(problem.expected.contains(expected), "\(problem.expected)")
    }

    @Test("sums and comparisons of ranges never treat a bound as its limit")
    func rangeArithmetic() {
        let atLeast40 = ValueRange(lower: 40, upper: nil)
        let exactly52 = ValueRange.exactly(52)
        #expect((atLeast40 + .exactly(12)).mayEqual(exactly52))
        #expect(!(atLeast40 + .exactly(13)).mayEqual(exactly52))
        #expect(!(atLeast40 + .exactly(13)).mayBeAtMost(exactly52))
        #expect(ValueRange(lower: 0, upper: 5, upperOpen: true).mayBeAtMost(.exactly(0)))
        #expect(!ValueRange(lower: 5, upper: nil, lowerOpen: true).mayBeAtMost(.exactly(5)))
        #expect(GovUKFormat.range(atLeast40 + .exactly(12), unit: .count) == "at least 52")
        #expect(GovUKFormat.range(ValueRange(lower: 0, upper: 4), unit: .count) == "at most 4")
    }
}
