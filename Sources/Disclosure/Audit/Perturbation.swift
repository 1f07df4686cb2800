/// A proof that a hidden cell can move by `min_range` without breaking anything published: a
/// change of +1 or -1 on a few cells (the cell itself +1) that keeps every equation they are
/// in, where each cell that goes down is at least `min_range`. Adding `t` times the change for
/// any `t` from 0 to `min_range` gives another table that publishes the same figures, so the
/// cell's interval is at least `min_range` wide.
///
/// The search tries one partner in the cell's first equation (a breakdown with no other
/// total), then the rectangle of a two-way table (a partner in each of its two equations and
/// the cell that closes them), cheapest first: cells already hidden cost nothing, others cost
/// their value, so small cells that are not small counts are preferred to totals.
struct Perturbation {
    let model: DisclosureModel
    let minRange: Int

    /// The cells to hide (beyond those hidden already) for the cheapest change found, or nil
    /// when no pair or rectangle protects the cell.
    func cheapest(for cell: Int, hidden: Set<Int>) -> [Int]? {
        let equations = model.equationsOfCell[cell]
        guard let first = equations.first else { return [] }
        var best: (cost: Int, cells: [Int])?
        func consider(_ change: [Int: Int]) {
            guard isBalanced(change), change.allSatisfy({ isMovable($0.key, by: $0.value, hidden: hidden) }) else {
                return
            }
            let added = change.keys.filter { !hidden.contains($0) }.sorted()
            let cost = added.reduce(0) { $0 + (model.cells[$1].count ?? 0) }
            if best.map({ cost < $0.cost || (cost == $0.cost && added.lexicographicallyPrecedes($0.cells)) }) ?? true {
                best = (cost, added)
            }
        }
        let partners = candidates(in: first, besides: cell, hidden: hidden)
        for partner in partners {
            consider([cell: 1, partner: step(for: cell, partner, in: first)])
        }
        if best?.cost == 0 { return best?.cells }
        guard equations.count >= 2 else { return best?.cells }
        let second = equations[1]
        let others = candidates(in: second, besides: cell, hidden: hidden)
        for q in partners {
            let costQ = cost(q, hidden)
            if let best, costQ >= best.cost { break }
            let stepQ = step(for: cell, q, in: first)
            for r in others where r != q {
                let costR = cost(r, hidden)
                if let best, costQ + costR >= best.cost { break }
                let stepR = step(for: cell, r, in: second)
                // The cell that closes the rectangle: in an equation of q's other than the
                // first, and one of r's other than the second.
                for closing in model.equationsOfCell[q] where closing != first {
                    for meeting in model.equationsOfCell[r] where meeting != second && meeting != closing {
                        guard let s = model.sharedCell[.init(closing, meeting)], s != cell, s != q, s != r else {
                            continue
                        }
                        consider([cell: 1, q: stepQ, r: stepR, s: step(for: q, s, in: closing, moving: stepQ)])
                    }
                }
            }
        }
        return best?.cells
    }

    /// The cells of an equation that could move with `cell`, cheapest first.
    private func candidates(in equation: Int, besides cell: Int, hidden: Set<Int>) -> [Int] {
        // Each cost worked out once, not once a comparison: an equation may have a thousand terms.
        model.equations[equation].terms.compactMap { term -> (cost: Int, cell: Int)? in
            let candidate = term.cell
            guard candidate != cell, let count = model.cells[candidate].count else { return nil }
            if hidden.contains(candidate) { return (0, candidate) }
            return model.cells[candidate].isProtected ? (count, candidate) : nil
        }
        .sorted { ($0.cost, $0.cell) < ($1.cost, $1.cell) }.map(\.cell)
    }

    private func cost(_ cell: Int, _ hidden: Set<Int>) -> Int {
        hidden.contains(cell) ? 0 : model.cells[cell].count ?? 0
    }

    /// How `partner` must move to keep `equation` when `cell` moves by `moving`.
    private func step(for cell: Int, _ partner: Int, in equation: Int, moving: Int = 1) -> Int {
        // Coefficients are +1 or -1: dividing by one is multiplying by it.
        -coefficient(of: cell, in: equation) * moving * coefficient(of: partner, in: equation)
    }

    private func coefficient(of cell: Int, in equation: Int) -> Int {
        let own = model.equationsOfCell[cell]
        guard let index = own.firstIndex(of: equation) else { return 0 }
        return model.coefficientsOfCell[cell][index]
    }

    /// True when a cell can take the change: hidden or hideable, and able to go down by
    /// `min_range` when it goes down.
    private func isMovable(_ cell: Int, by step: Int, hidden: Set<Int>) -> Bool {
        guard let count = model.cells[cell].count, hidden.contains(cell) || model.cells[cell].isProtected else {
            return false
        }
        return step > 0 || count >= minRange
    }

    /// True when every equation the changed cells are in still holds: each equation's sum is
    /// gathered from the few changed cells, never from the equation's (perhaps thousand) terms.
    private func isBalanced(_ change: [Int: Int]) -> Bool {
        var sums: [(equation: Int, sum: Int)] = []
        for (cell, step) in change {
            for (index, equation) in model.equationsOfCell[cell].enumerated() {
                let amount = model.coefficientsOfCell[cell][index] * step
                if let at = sums.firstIndex(where: { $0.equation == equation }) {
                    sums[at].sum += amount
                } else {
                    sums.append((equation, amount))
                }
            }
        }
        return sums.allSatisfy { $0.sum == 0 }
    }
}
