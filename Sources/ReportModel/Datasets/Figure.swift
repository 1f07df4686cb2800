/// One figure for one area: "802 contacts in Cumberland in March 2024".
///
/// An edition may hold millions of figures, so a figure is stored compactly: its row's file
/// and line once, the columns of its area, measure and value as integers, and what most
/// figures lack (a stated percentage, a denominator, a period, a source, last year's value)
/// in one shared box that is absent when all of them are. The properties read and write as
/// the located values they stand for.
public struct Figure: Hashable, Sendable {
    /// The id of the dataset it was read from.
    public var dataset: String
    // Stored for the inlined accessors below, which rules over a million figures read in
    // place, without copying the figure to call a getter.
    @usableFromInline var storedArea: String
    @usableFromInline var storedMeasure: String
    @usableFromInline var storedValue: Quantity
    // The columns of the cells in the row (16 bits: a sheet has at most 16,384), laid out
    // beside the value so that a figure takes 112 bytes.
    private var areaColumn: Int16
    private var measureColumn: Int16
    private var valueColumn: Int16
    /// The row's place: its file (and sheet) and line; the columns above are in this row.
    private var row: SourceLocation
    @usableFromInline var details: Details?

    public init(
        dataset: String, area: Located<String>, measure: Located<String>, value: Located<Quantity>,
        statedPercentage: Located<StatedPercentage>?, percentOf: Located<String>?,
        period: Located<Period>?, source: String?, previous: Located<Quantity>? = nil,
        statedRate: Located<StatedRate>? = nil, rateOf: Located<String>? = nil, location: SourceLocation
    ) {
        self.dataset = dataset
        storedArea = area.value
        storedMeasure = measure.value
        storedValue = value.value
        row = location
        areaColumn = Figure.compactColumn(of: area.location, in: location)
        measureColumn = Figure.compactColumn(of: measure.location, in: location)
        valueColumn = Figure.compactColumn(of: value.location, in: location)
        // Most figures have nothing more, and a reader may make millions: no box to weigh.
        guard
            statedPercentage != nil || percentOf != nil || period != nil || source != nil || previous != nil
                || statedRate != nil || rateOf != nil || areaColumn < 0 || measureColumn < 0 || valueColumn < 0
        else {
            details = nil
            return
        }
        var fields = Details.Fields(
            statedPercentage: statedPercentage, percentOf: percentOf, period: period, source: source,
            previous: previous, statedRate: statedRate, rateOf: rateOf)
        if areaColumn < 0 { fields.areaLocation = area.location }
        if measureColumn < 0 { fields.measureLocation = measure.location }
        if valueColumn < 0 { fields.valueLocation = value.location }
        details = fields == Details.Fields() ? nil : Details(fields)
    }

    /// A figure with nothing but its area, measure and value, each in a column of its row (1
    /// is column A): what most rows of a large file hold, made without a located value
    /// between. `row` is the row's file (and sheet) and line.
    public init(
        dataset: String, area: String, measure: String, value: Quantity, row: SourceLocation,
        columns: (area: Int, measure: Int, value: Int)
    ) {
        self.dataset = dataset
        storedArea = area
        storedMeasure = measure
        storedValue = value
        self.row = row
        // A column too far right for 16 bits (past 32,767) is kept in the box, as the general
        // initialiser keeps it.
        func compact(_ column: Int) -> Int16 { Int16(exactly: column) ?? -1 }
        (areaColumn, measureColumn, valueColumn) = (
            compact(columns.area), compact(columns.measure), compact(columns.value)
        )
        guard areaColumn < 0 || measureColumn < 0 || valueColumn < 0 else {
            details = nil
            return
        }
        func cell(_ column: Int, _ compact: Int16) -> SourceLocation? {
            guard compact < 0 else { return nil }
            var location = row
            location.column = column
            return location
        }
        details = Details(
            Details.Fields(
                areaLocation: cell(columns.area, areaColumn), measureLocation: cell(columns.measure, measureColumn),
                valueLocation: cell(columns.value, valueColumn)))
    }

    public var area: Located<String> {
        get { Located(storedArea, at: details?.areaLocation ?? cell(areaColumn)) }
        set {
            storedArea = newValue.value
            areaColumn = compactColumn(of: newValue.location)
            let elsewhere = areaColumn < 0 ? newValue.location : nil
            setDetails { $0.areaLocation = elsewhere }
        }
    }

    public var measure: Located<String> {
        get { Located(storedMeasure, at: details?.measureLocation ?? cell(measureColumn)) }
        set {
            storedMeasure = newValue.value
            measureColumn = compactColumn(of: newValue.location)
            let elsewhere = measureColumn < 0 ? newValue.location : nil
            setDetails { $0.measureLocation = elsewhere }
        }
    }

    public var value: Located<Quantity> {
        get { Located(storedValue, at: details?.valueLocation ?? cell(valueColumn)) }
        set {
            storedValue = newValue.value
            valueColumn = compactColumn(of: newValue.location)
            let elsewhere = valueColumn < 0 ? newValue.location : nil
            setDetails { $0.valueLocation = elsewhere }
        }
    }

    /// The percentage the report prints beside the value, as printed.
    public var statedPercentage: Located<StatedPercentage>? {
        get { details?.statedPercentage }
        set { setDetails { $0.statedPercentage = newValue } }
    }

    /// The measure, in the same area, that the stated percentage is a share of; nil when the
    /// report does not publish the denominator.
    public var percentOf: Located<String>? {
        get { details?.percentOf }
        set { setDetails { $0.percentOf = newValue } }
    }

    /// The period this figure covers, when narrower than its dataset's.
    public var period: Located<Period>? {
        get { details?.period }
        set { setDetails { $0.period = newValue } }
    }

    /// Where the figure was published first (a national statistic, say).
    public var source: String? {
        get { details?.source }
        set { setDetails { $0.source = newValue } }
    }

    /// The same figure a year earlier, carried from last year's edition for comparison.
    public var previous: Located<Quantity>? {
        get { details?.previous }
        set { setDetails { $0.previous = newValue } }
    }

    /// The rate the report prints beside the value ("211.4 per 10,000"), as printed.
    public var statedRate: Located<StatedRate>? {
        get { details?.fields.statedRate }
        set { setDetails { $0.statedRate = newValue } }
    }

    /// The measure, in the same area, that the stated rate is per so many of (a population);
    /// when the area has no figure for it, rates of the same population imply it.
    public var rateOf: Located<String>? {
        get { details?.fields.rateOf }
        set { setDetails { $0.rateOf = newValue } }
    }

    /// The location of the whole row.
    public var location: SourceLocation {
        get { row }
        set {
            // The cells keep where they were: read them before the row moves.
            let (area, measure, value) = (self.area, self.measure, self.value)
            row = newValue
            self.area = area
            self.measure = measure
            self.value = value
        }
    }

    /// The row key, `area/measure`, unique within a dataset.
    public var key: String {
        var key = ""
        appendKey(to: &key)
        return key
    }

    /// Appends the row key to `text`, for subjects of checks written by the million.
    @inlinable public func appendKey(to text: inout String) {
        text += storedArea
        text += "/"
        text += storedMeasure
    }

    /// The area and measure keys and the value, without their locations: for indexes and
    /// rules that look at millions.
    @inlinable public var areaKey: String { storedArea }
    @inlinable public var measureKey: String { storedMeasure }
    @inlinable public var quantity: Quantity { storedValue }

    /// True when the figure has nothing but its area, measure and value, each in a cell of its
    /// row: no stated percentage, denominator, period, source or previous value. Most of a
    /// large file's figures are plain, and rules looking for those parts pass them by.
    @inlinable public var isPlain: Bool { details == nil }

    /// A cell of the row, by its column (0 when unknown).
    private func cell(_ column: Int16) -> SourceLocation {
        var location = row
        location.column = column > 0 ? Int(column) : nil
        return location
    }

    /// The column of a cell in this figure's row, 0 for none, or -1 for a cell elsewhere (a
    /// field that started on an earlier line of a quoted record) or past column 32,767, which
    /// `details` keeps.
    private func compactColumn(of location: SourceLocation) -> Int16 {
        Figure.compactColumn(of: location, in: row)
    }

    private static func compactColumn(of location: SourceLocation, in row: SourceLocation) -> Int16 {
        var place = location
        place.column = row.column
        guard place == row, let column = Int16(exactly: location.column ?? 0) else { return -1 }
        return column
    }

    /// Changes the details, copying the shared box first, and drops it when it holds nothing,
    /// so two equal figures are stored alike.
    private mutating func setDetails(_ change: (inout Details.Fields) -> Void) {
        var fields = details?.fields ?? Details.Fields()
        change(&fields)
        details = fields == Details.Fields() ? nil : Details(fields)
    }
}

extension Figure {
    /// What most figures lack, kept out of line: a box shared by copies of a figure.
    @usableFromInline final class Details: Hashable, Sendable {
        struct Fields: Hashable, Sendable {
            var statedPercentage: Located<StatedPercentage>?
            var percentOf: Located<String>?
            var period: Located<Period>?
            var source: String?
            var previous: Located<Quantity>?
            var statedRate: Located<StatedRate>?
            var rateOf: Located<String>?
            var areaLocation: SourceLocation?
            var measureLocation: SourceLocation?
            var valueLocation: SourceLocation?
        }

        let fields: Fields

        init(_ fields: Fields) { self.fields = fields }

        var statedPercentage: Located<StatedPercentage>? { fields.statedPercentage }
        var percentOf: Located<String>? { fields.percentOf }
        var period: Located<Period>? { fields.period }
        var source: String? { fields.source }
        var previous: Located<Quantity>? { fields.previous }
        var areaLocation: SourceLocation? { fields.areaLocation }
        var measureLocation: SourceLocation? { fields.measureLocation }
        var valueLocation: SourceLocation? { fields.valueLocation }

        @usableFromInline static func == (lhs: Details, rhs: Details) -> Bool {
            lhs === rhs || lhs.fields == rhs.fields
        }
        @usableFromInline func hash(into hasher: inout Hasher) { hasher.combine(fields) }
    }
}
