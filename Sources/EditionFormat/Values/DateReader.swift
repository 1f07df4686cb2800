import Foundation
import ReportModel

/// Reads dates and periods as the edition's files write them.
public enum DateReader {
    /// Reads a day: ISO `2024-03-31`, or `31/03/2024` as UK spreadsheets export it.
    public static func date(_ text: String) -> Result<CalendarDate, ValueProblem> {
        PeriodSpelling.date(text).map(Result.success)
            ?? .failure(ValueProblem(expected: "a date such as 2024-03-31 or 31/03/2024"))
    }

    /// Reads a period in any spelling `PeriodSpelling.period` knows: `2023/24`, `2023/24 Q3`,
    /// `2024-Q1`, `2024-03`, `2024`, `2024-03-31` or `2023-04-01/2024-03-31`.
    public static func period(_ text: String) -> Result<Period, ValueProblem> {
        PeriodSpelling.period(text).map(Result.success) ?? .failure(ValueProblem(expected: PeriodSpelling.expected))
    }
}
