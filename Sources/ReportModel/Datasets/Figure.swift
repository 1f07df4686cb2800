/// One figure for one area: "802 contacts in Cumberland in March 2024".
public struct Figure: Hashable, Sendable {
    /// The id of the dataset it was read from.
    public var dataset: String
    public var area: Located<String>
    public var measure: Located<String>
    public var value: Located<Quantity>
    /// The percentage the report prints beside the value, as printed.
    public var statedPercentage: Located<StatedPercentage>?
    /// The measure, in the same area, that the stated percentage is a share of; nil when the
    /// report does not publish the denominator.
    public var percentOf: Located<String>?
    /// The period this figure covers, when narrower than its dataset's.
    public var period: Located<Period>?
    /// Where the figure was published first (a national statistic, say).
    public var source: String?
    /// The same figure a year earlier, carried from last year's edition for comparison.
    public var previous: Located<Quantity>?
    /// The location of the whole row.
    public var location: SourceLocation

    public init(
        dataset: String, area: Located<String>, measure: Located<String>, value: Located<Quantity>,
        statedPercentage: Located<StatedPercentage>?, percentOf: Located<String>?,
        period: Located<Period>?, source: String?, previous: Located<Quantity>? = nil,
        location: SourceLocation
    ) {
        self.dataset = dataset
        self.area = area
        self.measure = measure
        self.value = value
        self.statedPercentage = statedPercentage
        self.percentOf = percentOf
        self.period = period
        self.source = source
        self.previous = previous
        self.location = location
    }

    /// The row key, `area/measure`, unique within a dataset.
    public var key: String { "\(area.value)/\(measure.value)" }
}
