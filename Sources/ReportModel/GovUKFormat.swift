import Foundation

/// Figures written GOV.UK style, for messages and the report alike: "6,927", "£109,228",
/// "43.6%". One place, so a finding and the report never show a value differently.
public enum GovUKFormat {
    /// A value in its unit: counts grouped in thousands, money with a pound sign and pence
    /// only when there are some, percentages to one decimal place.
    public static func value(_ value: Decimal, unit: MeasureUnit) -> String {
        switch unit {
        case .count: grouped(value.formatted(decimals: 0))
        case .money:
            (value < 0 ? "-£" : "£")
                + grouped((value < 0 ? -value : value).formatted(decimals: value == value.rounded(decimals: 0) ? 0 : 2))
        case .percent: value.formatted(decimals: 1) + "%"
        }
    }

    /// A stated percentage with the decimals it was stated with: "23.5%", "45%".
    public static func percentage(_ percentage: StatedPercentage) -> String {
        percentage.description + "%"
    }

    /// A quantity in its own unit.
    public static func quantity(_ quantity: Quantity) -> String {
        switch quantity {
        case .percent(let percentage): self.percentage(percentage)
        case .bound(let bound): bound.before + self.quantity(bound.limit) + bound.after
        case .symbol(let symbol): symbol.symbol.rawValue
        default: value(quantity.exact, unit: quantity.unit)
        }
    }

    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    /// A date as GOV.UK writes it: "31 March 2024".
    public static func date(_ date: CalendarDate) -> String {
        "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// A count in running text, GOV.UK style: one to nine in words, 10 and over in figures
    /// ("all six measures", "12 areas"). For the tool's own sentences only: a figure readers
    /// compare with a table's, and any count in a table, stays in figures.
    public static func count(_ count: Int) -> String {
        (1...9).contains(count) ? countWords[count - 1] : grouped(String(count))
    }

    private static let countWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

    /// Digits with commas between thousands: `1234567.5` as `1,234,567.5`.
    public static func grouped(_ digits: String) -> String {
        let negative = digits.hasPrefix("-")
        let body = negative ? String(digits.dropFirst()) : digits
        let whole = body.split(separator: ".", maxSplits: 1).first.map(String.init) ?? body
        let rest = body.dropFirst(whole.count)
        var groups: [String] = []
        var remaining = Substring(whole)
        while remaining.count > 3 {
            groups.insert(String(remaining.suffix(3)), at: 0)
            remaining = remaining.dropLast(3)
        }
        groups.insert(String(remaining), at: 0)
        return (negative ? "-" : "") + groups.joined(separator: ",") + rest
    }

    /// A period as readers say it: "31 March 2024" for a day, "March 2024" for a month,
    /// "2022/23" for a financial year, "October to December 2023" for a quarter, "2024" for a
    /// calendar year, otherwise "1 May 2023 to 30 June 2023".
    public static func period(_ period: Period) -> String {
        let (start, end) = (period.start, period.end)
        if start == end { return date(start) }
        if start.year == end.year, start.month == end.month, start.day == 1,
            end.day == CalendarDate.daysIn(month: end.month, year: end.year)
        {
            return "\(months[start.month - 1]) \(start.year)"
        }
        if start.month == 4, start.day == 1, end.month == 3, end.day == 31, end.year == start.year + 1 {
            let next = String(end.year % 100)
            return "\(start.year)/\(next.count == 1 ? "0" + next : next)"
        }
        switch period.wholeMonths {
        case 3 where start.year == end.year: return "\(months[start.month - 1]) to \(months[end.month - 1]) \(end.year)"
        case 3: return "\(months[start.month - 1]) \(start.year) to \(months[end.month - 1]) \(end.year)"
        case 12 where start.month == 1: return String(start.year)
        default: return "\(date(start)) to \(date(end))"
        }
    }
}
