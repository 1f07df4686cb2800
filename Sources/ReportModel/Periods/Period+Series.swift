extension Period {
    /// The number of whole calendar months the period spans, when it starts on the first of a
    /// month and ends on the last day of one; nil otherwise.
    public var wholeMonths: Int? {
        guard start.day == 1, end.day == CalendarDate.daysIn(month: end.month, year: end.year) else { return nil }
        return (end.year - start.year) * 12 + end.month - start.month + 1
    }

    /// The period of the same shape just before this one: the previous month of a month, the
    /// previous quarter of a quarter, the previous year of a year. Nil for a period that is not
    /// whole months (a day, say), whose predecessor in a series is simply the latest earlier one.
    public var preceding: Period? {
        guard let length = wholeMonths else { return nil }
        // Months counted from year 0, so that stepping back crosses a January without a case.
        let first = start.year * 12 + (start.month - 1) - length
        return PeriodSpelling.months(year: first / 12, month: first % 12 + 1, count: length)
    }

    /// True when the two periods share at least one day.
    public func overlaps(_ other: Period) -> Bool {
        start <= other.end && other.start <= end
    }

    /// Orders periods by when they end, then the shorter first: a series reads left to right,
    /// and a year's total comes after its last month.
    public static func chronological(_ lhs: Period, _ rhs: Period) -> Bool {
        lhs.end != rhs.end ? lhs.end < rhs.end : lhs.start > rhs.start
    }
}
