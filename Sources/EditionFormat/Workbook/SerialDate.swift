import ReportModel

/// Excel's dates: a count of days from an epoch, in the 1900 system (Windows Excel's default,
/// which counts a 29 February 1900 that never was) or the 1904 system (older Mac workbooks).
enum SerialDate {
    /// The day serial number `serial` stands for; nil before the epoch or past 9999.
    static func date(serial: Int, uses1904: Bool) -> CalendarDate? {
        guard serial >= (uses1904 ? 0 : 1) else { return nil }
        let days: Int
        if uses1904 {
            days = daysFromCivil(1904, 1, 1) + serial
        } else {
            // Serial 60 is Excel's 29 February 1900; from 61 on, the count is one day ahead.
            guard serial != 60 else { return nil }
            days = daysFromCivil(1899, 12, serial < 60 ? 31 : 30) + serial
        }
        let (year, month, day) = civil(fromDays: days)
        guard year <= 9999 else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 of a Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The Gregorian date of a count of days since 1970-01-01.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth + (shiftedMonth < 10 ? 3 : -9)
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
