/// How the edition's files write days and periods, read here so that the model can read a
/// period named in a narrative key (`north/contacts@2023/24 Q3`) as the ingest reads a cell.
public enum PeriodSpelling {
    /// What a period cell may hold, for messages.
    public static let expected =
        "a period such as 2023/24, 2023/24 Q3, 2024-Q1, 2024-03, 2024, 2024-03-31 or 2023-04-01/2024-03-31"

    /// A day: ISO `2024-03-31`, or `31/03/2024` as UK spreadsheets export it.
    public static func date(_ text: String) -> CalendarDate? {
        let trimmed = Trim.spaces(text)
        let iso = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let uk = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        let parts: [Substring]
        if iso.count == 3, iso[0].count == 4 {
            parts = iso
        } else if uk.count == 3, uk[2].count == 4 {
            parts = [uk[2], uk[1], uk[0]]
        } else {
            return nil
        }
        guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && allDigits($0) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// A period: a financial year `2022/23` (1 April to 31 March), a quarter of one
    /// `2023/24 Q3` (October to December 2023), a calendar quarter `2024-Q1` (January to
    /// March 2024), a month `2024-03`, a calendar year `2024`, a day `2024-03-31`, or two days
    /// `2023-04-01/2024-03-31`.
    public static func period(_ text: String) -> Period? {
        let trimmed = Trim.spaces(text)
        if let quarter = financialQuarter(trimmed) ?? calendarQuarter(trimmed) { return quarter }
        if let year = financialYear(trimmed) { return year }
        if let month = month(trimmed) { return month }
        if trimmed.count == 4, allDigits(Substring(trimmed)), let year = Int(trimmed) {
            return months(year: year, month: 1, count: 12)
        }
        let ends = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if ends.count == 2, let start = date(String(ends[0])), let end = date(String(ends[1])) {
            return Period(start: start, end: end)
        }
        if let day = date(trimmed) { return Period(start: day, end: day) }
        return nil
    }

    /// The shortest spelling `period(_:)` reads back as the same period: `2023/24 Q3`,
    /// `2024-03`, `2023/24`; a quarter is named within its financial year, as partnerships
    /// report them.
    public static func spelling(of period: Period) -> String {
        let (start, end) = (period.start, period.end)
        guard let length = period.wholeMonths else { return period.description }
        switch length {
        case 1: return "\(start.year)-\(pad(start.month))"
        case 3 where [1, 4, 7, 10].contains(start.month):
            let first = start.month >= 4 ? start.year : start.year - 1
            let quarter = start.month >= 4 ? (start.month - 4) / 3 + 1 : 4
            return "\(financialYearName(first)) Q\(quarter)"
        case 12 where start.month == 4: return financialYearName(start.year)
        case 12 where start.month == 1: return String(start.year)
        default: return "\(start)/\(end)"
        }
    }

    private static func financialYearName(_ first: Int) -> String {
        "\(first)/\(pad((first + 1) % 100))"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    private static func financialYear(_ text: String) -> Period? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, parts.allSatisfy(allDigits),
            let first = Int(parts[0]), let second = Int(parts[1]), (first + 1) % 100 == second
        else { return nil }
        return months(year: first, month: 4, count: 12)
    }

    /// `2023/24 Q3`: the quarters of a financial year start in April, July, October, January.
    private static func financialQuarter(_ text: String) -> Period? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let year = financialYear(String(parts[0])), let quarter = quarterNumber(parts[1])
        else { return nil }
        return months(year: year.start.year, month: 4 + (quarter - 1) * 3, count: 3)
    }

    /// `2024-Q1`: the quarters of a calendar year start in January, April, July, October.
    private static func calendarQuarter(_ text: String) -> Period? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, allDigits(parts[0]), let year = Int(parts[0]),
            let quarter = quarterNumber(parts[1])
        else { return nil }
        return months(year: year, month: 1 + (quarter - 1) * 3, count: 3)
    }

    private static func quarterNumber(_ text: Substring) -> Int? {
        guard text.count == 2, text.first == "Q" || text.first == "q", let digit = text.last?.wholeNumberValue,
            (1...4).contains(digit)
        else { return nil }
        return digit
    }

    private static func month(_ text: String) -> Period? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, parts.allSatisfy(allDigits),
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        return months(year: year, month: month, count: 1)
    }

    /// `count` whole months from the first of a month (which may run past December).
    static func months(year: Int, month: Int, count: Int) -> Period? {
        let startYear = year + (month - 1) / 12
        let startMonth = (month - 1) % 12 + 1
        let last = startMonth - 1 + count - 1
        let endYear = startYear + last / 12
        let endMonth = last % 12 + 1
        guard let start = CalendarDate(year: startYear, month: startMonth, day: 1),
            let end = CalendarDate(
                year: endYear, month: endMonth, day: CalendarDate.daysIn(month: endMonth, year: endYear))
        else { return nil }
        return Period(start: start, end: end)
    }

    /// True when every character is an ASCII digit: `Int("+3")` would otherwise accept a sign.
    private static func allDigits(_ text: Substring) -> Bool {
        text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
