import Foundation
import ReportModel

/// Reads dates and periods as the edition's files write them.
public enum DateReader {
    /// Reads a day: ISO `2024-03-31`, or `31/03/2024` as UK spreadsheets export it.
    public static func date(_ text: String) -> Result<CalendarDate, ValueProblem> {
        let problem = ValueProblem(expected: "a date such as 2024-03-31 or 31/03/2024")
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let iso = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let uk = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        let parts: [Substring]
        if iso.count == 3, iso[0].count == 4 {
            parts = iso
        } else if uk.count == 3, uk[2].count == 4 {
            parts = [uk[2], uk[1], uk[0]]
        } else {
            return .failure(problem)
        }
        guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            let date = CalendarDate(year: year, month: month, day: day)
        else { return .failure(problem) }
        return .success(date)
    }

    /// Reads a period: a financial year `2022/23` (1 April to 31 March), a month `2024-03`, a
    /// day `2024-03-31`, or two days `2023-04-01/2024-03-31`.
    public static func period(_ text: String) -> Result<Period, ValueProblem> {
        let problem = ValueProblem(
            expected: "a period such as 2023/24, 2024-03, 2024-03-31 or 2023-04-01/2024-03-31")
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let year = financialYear(trimmed) {
            return .success(year)
        }
        if let month = month(trimmed) {
            return .success(month)
        }
        let ends = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if ends.count == 2, case .success(let start) = date(String(ends[0])),
            case .success(let end) = date(String(ends[1]))
        {
            return Period(start: start, end: end).map(Result.success) ?? .failure(problem)
        }
        if case .success(let day) = date(trimmed), let period = Period(start: day, end: day) {
            return .success(period)
        }
        return .failure(problem)
    }

    private static func financialYear(_ text: String) -> Period? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, allDigits(parts),
            let first = Int(parts[0]), let second = Int(parts[1]), (first + 1) % 100 == second,
            let start = CalendarDate(year: first, month: 4, day: 1),
            let end = CalendarDate(year: first + 1, month: 3, day: 31)
        else { return nil }
        return Period(start: start, end: end)
    }

    private static func month(_ text: String) -> Period? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, allDigits(parts),
            let year = Int(parts[0]), let month = Int(parts[1]),
            let start = CalendarDate(year: year, month: month, day: 1),
            let end = CalendarDate(
                year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
        else { return nil }
        return Period(start: start, end: end)
    }

    /// True when every part is ASCII digits only: `Int("+3")` would otherwise accept a sign.
    private static func allDigits(_ parts: [Substring]) -> Bool {
        parts.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
    }
}
