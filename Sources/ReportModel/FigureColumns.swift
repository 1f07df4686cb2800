/// The edition's figures as columns of small integers: each figure's area, measure and period
/// by an id, so that the index, and rules that join a million figures with each other, compare
/// and hash integers instead of strings. Kept by `Edition` in step with its figures.
public struct FigureColumns: Sendable {
    /// The distinct area keys, measure keys and periods (each figure's own, or its dataset's,
    /// or the edition's), in the order first met; a key's id is its position here.
    public private(set) var areaKeys: [String] = []
    public private(set) var measureKeys: [String] = []
    public private(set) var periods: [Period] = []
    /// For each figure, in `Edition.figures` order, the ids of its area, measure and period.
    public private(set) var areas: [UInt32] = []
    public private(set) var measures: [UInt32] = []
    public private(set) var periodIds: [UInt32] = []

    private var areaIds: [String: UInt32] = [:]
    private var measureIds: [String: UInt32] = [:]
    private var periodsById: [Period: UInt32] = [:]
    /// For each measure id, the measure id that followed it last: a file lists each area's
    /// measures in the same order, so the next measure is nearly always the one foretold and
    /// is taken on one comparison, without hashing.
    private var nextMeasure: [UInt32] = []

    public init() {}

    init(capacity: Int) {
        areas.reserveCapacity(capacity)
        measures.reserveCapacity(capacity)
        periodIds.reserveCapacity(capacity)
    }

    /// The id of an area key, or nil when no figure has it.
    public func areaId(_ key: String) -> UInt32? { areaIds[key] }

    /// The id of a measure key, or nil when no figure has it.
    public func measureId(_ key: String) -> UInt32? { measureIds[key] }

    /// The period of a figure, by its position.
    public func period(at position: Int) -> Period { periods[Int(periodIds[position])] }

    /// A hash of an area and a measure id (and a period, for a key of one period) for a
    /// `PositionIndex`: Swift's seeded hash, so that no edition can be made to crowd its keys
    /// together.
    public static func hash(area: UInt32, measure: UInt32, period: Period? = nil) -> Int {
        var hasher = Hasher()
        hasher.combine(area)
        hasher.combine(measure)
        hasher.combine(period)
        return hasher.finalize()
    }

    /// Adds the next figure's keys. Figures come grouped (a file's rows by area, a dataset's
    /// by period), so a key equal to the previous figure's is taken without a lookup.
    mutating func append(area: String, measure: String, period: Period) {
        areas.append(FigureColumns.id(of: area, foretold: areas.last, in: &areaIds, keys: &areaKeys))
        let previous = measures.last
        let foretold = previous.map { nextMeasure[Int($0)] }
        let measure = FigureColumns.id(of: measure, foretold: foretold, in: &measureIds, keys: &measureKeys)
        if nextMeasure.count < measureKeys.count { nextMeasure.append(measure) }
        if let previous { nextMeasure[Int(previous)] = measure }
        measures.append(measure)
        periodIds.append(FigureColumns.id(of: period, foretold: periodIds.last, in: &periodsById, keys: &periods))
    }

    /// The id of `key`: `foretold` when that is its id (the previous figure's, say), else
    /// looked up, or a new id.
    private static func id<Key: Hashable>(
        of key: Key, foretold: UInt32?, in ids: inout [Key: UInt32], keys: inout [Key]
    ) -> UInt32 {
        if let foretold, keys[Int(foretold)] == key { return foretold }
        if let id = ids[key] { return id }
        let id = UInt32(keys.count)
        ids[key] = id
        keys.append(key)
        return id
    }
}
