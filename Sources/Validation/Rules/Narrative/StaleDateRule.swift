import Foundation
import ReportModel

/// A date typed in the narrative that falls in the year before the edition's period is likely
/// left from last year's report ("At 31 March 2026" in the 2026/27 report), and is warned of.
///
/// The rule is cautious, since most dates in a report are right where they are. It reads only
/// days and months written in full ("31 March 2026", "1st April 2026", "March 2026"), never a
/// year alone ("since 2019", "the Children Act 1989", "Working Together 2023"). It looks only at
/// the year before the period starts: an older date names history ("first launched in
/// November 2021"), a later one plans or publication. Within that year a date is left alone
/// when the sentence places it as a start or an end ("since", "from", "until", "after",
/// "before", "between"), cites a publication ("(September 2025)", "published in"), also names
/// a date inside the period (a comparison: "from 500 at 31 March 2026 to 600 at 31 March
/// 2027"), or when the edition's own figures cover it (a dataset of last year's child deaths).
struct StaleDateRule: Rule {
    let id = "narrative.stale-date"
    let summary =
        "A date typed in the narrative (\"31 March 2026\", \"March 2026\"; never a year alone) that falls in the year before the edition's period is flagged as likely left from last year's report, unless its sentence says since, from, until, after, before or between, cites a publication, also names a date in the period, or the edition's figures cover that date."
    let rationale =
        "Narrative is copied from last year's edition; a date in it that is not moved on states last year's position as this year's."
    let defaultSeverity = Severity.warning
    let example =
        "the date 31 March 2026 is before this edition's period, 1 April 2026 to 31 March 2027 (2026/27), and may be left from last year's report: write this year's date (31 March 2027), or, if the earlier date is meant, say how it relates to this year (since 31 March 2026)"

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    /// A day (optional, with an optional ordinal ending), a month by name and a four-digit year.
    private static let date = try! NSRegularExpression(
        pattern: #"(?<![\p{L}\d])(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?("# + monthNames.joined(separator: "|")
            + #"),?\s+(\d{4})(?![\p{L}\d])"#)
    /// Words that, just before a date, make it a start or an end rather than a position.
    private static let boundaryWords: Set<String> = ["since", "from", "until", "till", "after", "before"]
    /// Words that, just before a date, make it a publication's.
    private static let citationWords: Set<String> = ["published", "updated", "issued", "dated"]

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        let reporting = edition.manifest.reportingPeriod
        let period = reporting.period
        let yearBefore = period.start.shifted(years: -1)
        let covered = edition.figureColumns.periods
        for section in edition.narrative {
            let text = NarrativeText(section)
            let dates = text.matches(Self.date).compactMap { match in Self.typedDate(match) }
            for date in dates {
                let stale =
                    date.span.end < period.start && yearBefore <= date.span.start
                    && !isPlaced(date, in: text.masked)
                    && !covered.contains { $0.contains(date.span) }
                    && !sentence(around: date.range, in: text.masked).contains { other in
                        period.start <= other.span.start && other.span.end <= period.end
                    }
                let location = text.location(of: date.range.lowerBound)
                let later = date.span.shifted(years: 1)
                let suggestion = date.hasDay ? GovUKFormat.date(later.start) : GovUKFormat.period(later)
                log.expect(
                    !stale, "\(section.spec.id): \(date.text) at line \(location.line ?? 0)",
                    "the date \(date.text) is before this edition's period, \(GovUKFormat.date(period.start)) to \(GovUKFormat.date(period.end)) (\(reporting.label)), and may be left from last year's report: write this year's date (\(suggestion)), or, if the earlier date is meant, say how it relates to this year (since \(date.text))",
                    at: location, expected: "a date in \(reporting.label), such as \(suggestion)", actual: date.text)
            }
        }
    }

    /// A date as typed: its text, where it is, the days it names, and whether it gives a day.
    struct TypedDate {
        var text: String
        var range: Range<String.Index>
        var span: Period
        var hasDay: Bool
    }

    private static func typedDate(_ match: (text: String, range: Range<String.Index>, groups: [String?]))
        -> TypedDate?
    {
        guard let name = match.groups[2], let month = monthNames.firstIndex(of: name).map({ $0 + 1 }),
            let year = match.groups[3].flatMap({ Int($0) })
        else { return nil }
        let text = match.text.replacingOccurrences(of: "\n", with: " ")
        if let day = match.groups[1].flatMap({ Int($0) }) {
            guard let date = CalendarDate(year: year, month: month, day: day), let span = Period(start: date, end: date)
            else { return nil }
            return TypedDate(text: text, range: match.range, span: span, hasDay: true)
        }
        guard let first = CalendarDate(year: year, month: month, day: 1),
            let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)),
            let span = Period(start: first, end: last)
        else { return nil }
        return TypedDate(text: text, range: match.range, span: span, hasDay: false)
    }

    /// Whether the words before a date make it a start, an end or a publication's: "since",
    /// "until", "published in", "(September 2025)", or "between" earlier in its sentence.
    private func isPlaced(_ date: TypedDate, in text: String) -> Bool {
        let before = text[sentenceStart(before: date.range.lowerBound, in: text)..<date.range.lowerBound]
        let words = before.lowercased().split { !$0.isLetter }.map(String.init)
        let last = words.suffix(2)
        if let word = last.last, Self.boundaryWords.contains(word) || Self.citationWords.contains(word) {
            return true
        }
        // "published in September 2025", "from the 1st of April": one small word between.
        if last.count == 2, let word = last.first,
            Self.boundaryWords.contains(word) || Self.citationWords.contains(word),
            ["in", "on", "at", "the"].contains(last.last ?? "")
        {
            return true
        }
        if words.contains("between") { return true }
        let opening = before.reversed().first { !$0.isWhitespace }
        let closing = text[date.range.upperBound...].first { !$0.isWhitespace }
        return opening == "(" && closing == ")"
    }

    /// Where the sentence holding `index` starts: after the last full stop, question or
    /// exclamation mark followed by a space, or the last blank line, before it.
    private func sentenceStart(before index: String.Index, in text: String) -> String.Index {
        var position = index
        var previous: Character?
        while position > text.startIndex {
            let before = text.index(before: position)
            let character = text[before]
            if ".!?".contains(character), let previous, previous.isWhitespace { return position }
            if character == "\n", previous == "\n" { return position }
            previous = character
            position = before
        }
        return position
    }

    /// The other dates in the sentence holding `range`.
    private func sentence(around range: Range<String.Index>, in text: String) -> [TypedDate] {
        let start = sentenceStart(before: range.lowerBound, in: text)
        var end = range.upperBound
        var previous: Character?
        while end < text.endIndex {
            let character = text[end]
            if let previous, ".!?".contains(previous), character.isWhitespace { break }
            if character == "\n", previous == "\n" { break }
            previous = character
            end = text.index(after: end)
        }
        let sentence = String(text[start..<end])
        let whole = NSRange(sentence.startIndex..., in: sentence)
        return Self.date.matches(in: sentence, range: whole).compactMap { match in
            guard let matched = Range(match.range, in: sentence) else { return nil }
            let groups = (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: sentence).map { String(sentence[$0]) }
            }
            return Self.typedDate((String(sentence[matched]), matched, groups))
        }
    }
}

extension CalendarDate {
    /// The same day a number of years later (28 February for 29 February in a common year).
    func shifted(years: Int) -> CalendarDate {
        let day = min(day, CalendarDate.daysIn(month: month, year: year + years))
        return CalendarDate(year: year + years, month: month, day: day) ?? self
    }
}
