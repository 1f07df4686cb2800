/// A day in the calendar, without time or time zone: reports speak of days, and a time zone
/// would make "31 March 2024" depend on the machine that reads it.
public struct CalendarDate: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Creates a date if the day exists in the Gregorian calendar, or nil.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1,
            day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The number of days in a month of a year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO 8601: `2024-03-31`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// A span of days, both ends included: a reporting year, a month, or a single day.
public struct Period: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: CalendarDate
    public var end: CalendarDate

    /// Creates a period; `start` must not be after `end`.
    public init?(start: CalendarDate, end: CalendarDate) {
        guard start <= end else { return nil }
        self.start = start
        self.end = end
    }

    /// True when every day of `other` lies within this period.
    public func contains(_ other: Period) -> Bool {
        start <= other.start && other.end <= end
    }

    /// `2023-04-01/2024-03-31`, or a single date when the period is one day.
    public var description: String {
        start == end ? start.description : "\(start)/\(end)"
    }
}

extension Period {
    /// The same span a number of years later.
    public func shifted(years: Int) -> Period {
        func move(_ date: CalendarDate) -> CalendarDate {
            let day = min(date.day, CalendarDate.daysIn(month: date.month, year: date.year + years))
            return CalendarDate(year: date.year + years, month: date.month, day: day) ?? date
        }
        return Period(start: move(start), end: move(end)) ?? self
    }
}
