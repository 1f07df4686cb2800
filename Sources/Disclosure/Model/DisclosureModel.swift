import ReportModel

/// Everything the build publishes from the protected datasets, as cells and the equations
/// between them: the one model primary and secondary suppression work on, so linked tables
/// (a headline broken down two ways, areas within areas, quarters within a year, last year's
/// column, declared relations) are protected together, never one after another.
///
/// Built from the protected cells outwards: each equation a protected cell is in is found,
/// and any figure of another dataset in it joins as a published constant.
public struct DisclosureModel: Sendable {
    public private(set) var cells: [PublishedCell] = []
    /// The other positions of a cell's figure stated again for the same period, by the
    /// cell's position: they are published too, and hidden with it.
    public private(set) var copies: [Int: [Int]] = [:]
    public private(set) var equations: [PublishedEquation] = []
    /// The equations each cell is in, by cell index.
    public private(set) var equationsOfCell: [[Int]] = []
    /// Each cell's coefficient in each of its equations, in the order of `equationsOfCell`.
    public private(set) var coefficientsOfCell: [[Int]] = []
    /// The cell two equations share, by the pair (smaller equation index first): the cell
    /// that closes a rectangle.
    private(set) var sharedCell: [EquationPair: Int] = [:]

    struct EquationPair: Hashable {
        var first: Int
        var second: Int
        init(_ a: Int, _ b: Int) { (first, second) = a < b ? (a, b) : (b, a) }
    }

    private var cellIndex: [CellID: Int] = [:]
    private var equationSignatures: Set<[PublishedEquation.Term]> = []

    private struct CellID: Hashable {
        var position: Int
        var layer: CellLayer
    }

    /// Builds the model of `edition`'s protected datasets under `policy`.
    public init(edition: Edition, policy: DisclosurePolicy) {
        defer { index() }
        let builder = Builder(edition: edition, policy: policy)
        copies = builder.copies
        for dataset in policy.datasets.map(\.value).sorted() {
            for position in edition.figurePositions(of: dataset) {
                guard builder.isCount(position) else { continue }
                for layer in [CellLayer.current, .previous] {
                    guard builder.value(position, layer) != nil else { continue }
                    _ = cell(builder.canonical(position), layer, builder)
                }
            }
        }
        // Each protected cell brings the equations it is in; cells of other datasets are
        // constants and bring none.
        var next = 0
        var done: Set<String> = []
        while next < cells.count {
            let cell = cells[next]
            next += 1
            guard cell.isProtected else { continue }
            for equation in builder.equations(of: cell.position, cell.layer, done: &done) {
                add(equation, builder)
            }
        }
    }

    /// Each cell's equations and coefficients, and the cell each pair of equations shares.
    private mutating func index() {
        equationsOfCell = Array(repeating: [], count: cells.count)
        coefficientsOfCell = Array(repeating: [], count: cells.count)
        for (index, equation) in equations.enumerated() {
            for term in equation.terms {
                equationsOfCell[term.cell].append(index)
                coefficientsOfCell[term.cell].append(term.coefficient)
            }
        }
        for (cell, own) in equationsOfCell.enumerated() where own.count > 1 {
            for (index, first) in own.enumerated() {
                for second in own[(index + 1)...] where sharedCell[EquationPair(first, second)] == nil {
                    sharedCell[EquationPair(first, second)] = cell
                }
            }
        }
    }

    /// The index of the cell for a figure's layer, adding it when new.
    private mutating func cell(_ position: Int, _ layer: CellLayer, _ builder: Builder) -> Int {
        let id = CellID(position: position, layer: layer)
        if let known = cellIndex[id] { return known }
        let quantity = builder.value(position, layer) ?? .withheld(.count)
        var count: Int?
        if case .count(let value) = quantity { count = value }
        cells.append(
            PublishedCell(
                position: position, layer: layer, count: count, range: quantity.range,
                isProtected: builder.isProtected(position), sortKey: builder.sortKey(position, layer)))
        cellIndex[id] = cells.count - 1
        return cells.count - 1
    }

    private mutating func add(_ found: Builder.Found, _ builder: Builder) {
        var terms = found.terms.map {
            PublishedEquation.Term(cell: cell($0.position, found.layer, builder), coefficient: $0.coefficient)
        }
        terms.sort { ($0.cell, $0.coefficient) < ($1.cell, $1.coefficient) }
        guard equationSignatures.insert(terms + [.init(cell: -1, coefficient: found.isEquality ? 1 : 0)]).inserted
        else { return }
        equations.append(PublishedEquation(kind: found.kind, terms: terms, isEquality: found.isEquality))
    }
}
