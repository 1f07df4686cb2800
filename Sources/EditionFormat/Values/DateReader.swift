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

    /// Reads a period in any spelling `PeriodSpelling.period` knows: `2023/24`, `2023/24 Q3`,
    /// `2024-Q1`, `2024-03`, `2024`, `2024-03-31` or `2023-04-01/2024-03-31`.
    public static func period(_ text: String) -> Result<Period, ValueProblem> {
        PeriodSpelling.period(text).map(Result.success) ?? .failure(ValueProblem(expected: PeriodSpelling.expected))
    }
}
