/// A published figure the edition corrects: the data holds the corrected value, and this
/// record keeps what was published and why it changed, so the report can say so.
public struct Correction: Hashable, Sendable {
    public var dataset: String
    /// The dataset holding the corrected value.
    public var target: Located<String>
    /// The row key in that dataset, as `DatasetRow.key` gives it.
    public var key: Located<String>
    /// The column of that row that was corrected.
    public var column: Located<String>
    /// The value as first published, as it was printed.
    public var publishedValue: String
    public var reason: String
    /// The day the correction was made, when recorded.
    public var date: CalendarDate?
    public var location: SourceLocation

    public init(
        dataset: String, target: Located<String>, key: Located<String>, column: Located<String>,
        publishedValue: String, reason: String, date: CalendarDate?, location: SourceLocation
    ) {
        self.dataset = dataset
        self.target = target
        self.key = key
        self.column = column
        self.publishedValue = publishedValue
        self.reason = reason
        self.date = date
        self.location = location
    }
}

extension Edition {
    /// The corrections of every dataset of them.
    public var corrections: [Correction] { records(Correction.self) }
}
