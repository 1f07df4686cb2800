import EditionFormat
import Foundation
import ReportModel
import Testing

/// An exact decimal from its digits, never through `Double`.
private func exact(_ digits: String) -> Decimal {
    Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX"))!
}

/// What a refused value's problem says was expected, or nil when the value was read.
private func refusal<Value>(_ result: Result<Value, ValueProblem>) -> String? {
    if case .failure(let problem) = result { problem.expected } else { nil }
}

private func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: day)!
}

private func period(_ start: CalendarDate, _ end: CalendarDate) -> Period {
    Period(start: start, end: end)!
}

@Suite("Counts")
struct CountTests {
    @Test(
        "reads a whole number as typed",
        arguments: [
            ("1,234", 1234), (" 42 ", 42), ("0", 0), ("-3", -3), ("1,234,567", 1_234_567),
            ("007", 7), ("\u{00A0}12\u{00A0}", 12), ("999,999,999,999,999,999", 999_999_999_999_999_999),
        ])
    func reads(text: String, value: Int) {
        #expect(ValueReader.count(text) == .success(value))
    }

    @Test(
        "refuses what is not a whole number",
        arguments: [
            "12.5", "1,23", "£5", "12,3456", "", " ", "abc", "12%", "1 234",
            ",123", "1,,234", "1,234,", "+5", "5.", ".5", "--3", "3-", "١٢", "1e3",
        ])
    func refuses(text: String) {
        #expect(refusal(ValueReader.count(text)) == "a whole number such as 1,234")
    }
}

@Suite("Money")
struct MoneyTests {
    @Test(
        "reads an amount in pounds exactly",
        arguments: [
            ("£109,228", "109228"), ("£1,234.50", "1234.50"), ("109228", "109228"), ("£ 12", "12"),
            ("0.01", "0.01"), ("-£5", "-5"), ("£62,593", "62593"), ("1234.5", "1234.5"),
        ])
    func reads(text: String, digits: String) {
        #expect(ValueReader.money(text) == .success(exact(digits)))
    }

    @Test("keeps a hundredth exact, where binary floating point would not")
    func exactHundredths() throws {
        let amounts = try ["£0.10", "£0.20"].map { try ValueReader.money($0).get() }
        #expect(amounts.reduce(0, +) == exact("0.3"))
    }

    @Test(
        "reads digits to the same Decimal as Foundation's parser, bit for bit",
        arguments: [
            "0", "0.00", "20.0", "007.50", "123456789012345678", "1234567890123456789", "0.000000000000000001",
            "999999999999999999.5", "1.5", "10", "100.000",
        ])
    func sameAsParser(digits: String) throws {
        let read = try ValueReader.money(digits).get()
        let parsed = exact(digits)
        // The same value stored the same way: equal, and alike in their bytes, so hashes and
        // printed forms cannot differ.
        #expect(read == parsed)
        #expect(withUnsafeBytes(of: read) { Array($0) } == withUnsafeBytes(of: parsed) { Array($0) })
    }

    @Test("reads random digits to the same Decimal as Foundation's parser, bit for bit")
    func randomSameAsParser() throws {
        var state: UInt64 = 2031
        func next(_ bound: UInt64) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % bound)
        }
        for _ in 0..<2_000 {
            let whole = String((0..<1 + next(12)).map { _ in Character(String(next(10))) })
            let fraction = String((0..<next(9)).map { _ in Character(String(next(10))) })
            let digits = fraction.isEmpty ? whole : "\(whole).\(fraction)"
            let read = try ValueReader.money(digits).get()
            let parsed = exact(digits)
            #expect(withUnsafeBytes(of: read) { Array($0) } == withUnsafeBytes(of: parsed) { Array($0) }, "\(digits)")
        }
    }

    @Test(
        "refuses what is not an amount in pounds",
        arguments: ["£12x", "12%", "£", "", "1,23", "£1,234.", "£-5", "£1.2.3", "GBP 5", "five pounds"])
    func refuses(text: String) {
        #expect(
            refusal(ValueReader.money(text)) == "an amount in pounds such as £109,228 or 1234.50")
    }
}

@Suite("Percentages")
struct PercentTests {
    @Test(
        "reads a percentage with the decimals it was typed with",
        arguments: [
            ("23.5%", "23.5", 1), ("20.0%", "20.0", 1), ("45", "45", 0), ("3.68 %", "3.68", 2),
            ("100%", "100", 0), ("0.05%", "0.05", 2), (" 47.1% ", "47.1", 1), ("-2.5%", "-2.5", 1),
        ])
    func reads(text: String, digits: String, decimals: Int) {
        #expect(ValueReader.percent(text) == .success(StatedPercentage(value: exact(digits), decimals: decimals)))
    }

    @Test("tells 20.0% from 20% by the decimals typed")
    func precisionIsKept() throws {
        let typed = try ValueReader.percent("20.0%").get()
        let plain = try ValueReader.percent("20%").get()
        #expect(typed.value == plain.value)
        #expect(typed.decimals == 1)
        #expect(plain.decimals == 0)
        #expect(typed.description == "20.0")
    }

    @Test(
        "refuses what is not a percentage",
        arguments: ["abc%", "%", "", "£5", "4%%", "12.%", "1,23%", "twenty"])
    func refuses(text: String) {
        #expect(refusal(ValueReader.percent(text)) == "a percentage such as 23.5%")
    }
}

@Suite("Values in a measure's unit")
struct QuantityTests {
    @Test("reads a value in the unit of its measure")
    func readsInUnit() {
        #expect(ValueReader.quantity("1,234", unit: .count) == .success(.count(1234)))
        #expect(ValueReader.quantity("£1,234.50", unit: .money) == .success(.money(exact("1234.50"))))
        #expect(
            ValueReader.quantity("23.5%", unit: .percent)
                == .success(.percent(StatedPercentage(value: exact("23.5"), decimals: 1))))
        #expect(refusal(ValueReader.quantity("3.5", unit: .count)) == "a whole number such as 1,234")
    }
}

@Suite("Dates")
struct DateTests {
    @Test(
        "reads a day as ISO or as UK spreadsheets write it",
        arguments: [
            ("2024-03-31", day(2024, 3, 31)), ("31/03/2024", day(2024, 3, 31)), ("2024-02-29", day(2024, 2, 29)),
            ("29/02/2000", day(2000, 2, 29)), (" 2023-04-01 ", day(2023, 4, 1)), ("01/04/2023", day(2023, 4, 1)),
        ])
    func reads(text: String, date: CalendarDate) {
        #expect(DateReader.date(text) == .success(date))
    }

    @Test(
        "refuses days that do not exist and text that is not a day",
        arguments: [
            "2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "31/03/24",
            "2024/03/31", "2024-03", "", "yesterday", "2024-03-31T00:00", "31-03-2024", "2024-03-+1",
        ])
    func refuses(text: String) {
        #expect(refusal(DateReader.date(text)) == "a date such as 2024-03-31 or 31/03/2024")
    }
}

@Suite("Periods")
struct PeriodTests {
    @Test(
        "reads a financial year, a month, a day or two days",
        arguments: [
            ("2022/23", period(day(2022, 4, 1), day(2023, 3, 31))),
            ("1999/00", period(day(1999, 4, 1), day(2000, 3, 31))),
            ("2024-03", period(day(2024, 3, 1), day(2024, 3, 31))),
            ("2024-02", period(day(2024, 2, 1), day(2024, 2, 29))),
            ("2023-02", period(day(2023, 2, 1), day(2023, 2, 28))),
            ("2024-03-31", period(day(2024, 3, 31), day(2024, 3, 31))),
            ("2023-04-01/2024-03-31", period(day(2023, 4, 1), day(2024, 3, 31))),
            ("01/04/2023", period(day(2023, 4, 1), day(2023, 4, 1))),
        ])
    func reads(text: String, expected: Period) {
        #expect(DateReader.period(text) == .success(expected))
    }

    @Test(
        "refuses what is not a period",
        arguments: [
            "2023/25", "2023/2024", "23/24", "2024-13", "2024-3", "2024-03-31/2023-04-01", "2023-04-01/",
            "", "last year", "2023-04-01/2024-02-30", "2023/24 Q5", "2023/24 Q0", "2024-Q", "2024 Q1",
            "2023/25 Q1", "Q3", "202", "+2024",
        ])
    func refuses(text: String) {
        #expect(
            refusal(DateReader.period(text))
                == "a period such as 2023/24, 2023/24 Q3, 2024-Q1, 2024-03, 2024, 2024-03-31 or 2023-04-01/2024-03-31")
    }
}

@Suite("Quarters and calendar years")
struct QuarterSpellingTests {
    @Test(
        "reads a quarter of a financial year, a calendar quarter and a calendar year",
        arguments: [
            ("2023/24 Q1", period(day(2023, 4, 1), day(2023, 6, 30))),
            ("2023/24 Q3", period(day(2023, 10, 1), day(2023, 12, 31))),
            ("2023/24 q4", period(day(2024, 1, 1), day(2024, 3, 31))),
            ("2024-Q1", period(day(2024, 1, 1), day(2024, 3, 31))),
            ("2024-Q4", period(day(2024, 10, 1), day(2024, 12, 31))),
            ("2024", period(day(2024, 1, 1), day(2024, 12, 31))),
        ])
    func reads(text: String, expected: Period) {
        #expect(DateReader.period(text) == .success(expected))
    }

    @Test(
        "spells a period so that it reads back the same",
        arguments: [
            ("2023/24 Q3", "2023/24 Q3"), ("2024-Q1", "2023/24 Q4"), ("2024-03", "2024-03"), ("2022/23", "2022/23"),
            ("2024", "2024"), ("2024-03-31", "2024-03-31"), ("2023-05-01/2023-06-30", "2023-05-01/2023-06-30"),
        ])
    func spells(text: String, spelling: String) throws {
        let period = try #require(PeriodSpelling.period(text))
        #expect(PeriodSpelling.spelling(of: period) == spelling)
        #expect(PeriodSpelling.period(spelling) == period)
    }

    @Test(
        "finds the period of the same shape just before",
        arguments: [
            ("2023/24 Q1", "2023-01-01/2023-03-31"), ("2024-01", "2023-12-01/2023-12-31"),
            ("2023/24", "2022-04-01/2023-03-31"), ("2024-Q1", "2023-10-01/2023-12-31"),
        ])
    func precedes(text: String, before: String) throws {
        let period = try #require(PeriodSpelling.period(text))
        #expect(period.preceding == PeriodSpelling.period(before))
    }

    @Test("a single day has no period of the same shape before it")
    func dayHasNoPreceding() throws {
        #expect(try #require(PeriodSpelling.period("2024-03-31")).preceding == nil)
    }
}

@Suite("Periods typed with a plus sign")
struct SignedPeriodTests {
    /// `Int(_:)` accepts a leading "+", so every part of a period must be checked to be digits.
    @Test("refuses a period whose parts carry a sign", arguments: ["2002/+3", "+202/03", "2024-+3"])
    func refusesSigns(text: String) {
        #expect(refusal(DateReader.period(text)) != nil, "read as \(DateReader.period(text))")
    }
}

@Suite("Spreadsheet habits")
struct SpreadsheetHabitTests {
    @Test(
        "a value a spreadsheet changed is refused with what it did and what to write",
        arguments: [
            (
                MeasureUnit.count, "2874.00",
                "has decimal places because the spreadsheet column is formatted as a number"
            ),
            (.count, "(1,200)", "accounting format shows it, and a count cannot be negative"),
            (.money, "(£18,000)", "-£18,000 with a minus sign"),
            (.percent, "0.447", "looks like 44.7% kept as a fraction"),
        ])
    func refused(unit: MeasureUnit, text: String, says: String) {
        let problem = refusal(ValueReader.quantity(text, unit: unit))
        #expect(problem?.contains(says) == true, "\(problem ?? "read")")
    }

    @Test(
        "what a careful analyst typed still reads",
        arguments: [
            (MeasureUnit.count, "2,874"), (.money, "-£18,000"), (.percent, "0.447%"), (.percent, "44.7"),
            (.percent, "0.5"), (.money, "£1,234.00"),
        ])
    func reads(unit: MeasureUnit, text: String) {
        #expect(refusal(ValueReader.quantity(text, unit: unit)) == nil)
    }
}
