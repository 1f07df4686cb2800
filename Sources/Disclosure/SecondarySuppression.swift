import ReportModel

/// Chooses the cells to hide: every small count, then, for each in a fixed order, more cells
/// until the interval audit finds it protected.
///
/// Each step hides the one cell that best unpins the small count: the one joining the most
/// equations in which a hidden cell is alone (such an equation gives that cell away), then
/// one whose value can absorb a shift of `min_range` (at least `min_range`), then the smallest
/// (least informative), then the first in key order. Hiding more never narrows an interval,
/// so a cell found protected stays protected: one pass is enough, and the same inputs give
/// the same pattern.
public enum SecondarySuppression {
    /// The pattern for `edition` under `policy`.
    public static func pattern(for edition: Edition, policy: DisclosurePolicy) -> SuppressionPattern {
        pattern(for: DisclosureModel(edition: edition, policy: policy), policy: policy)
    }

    /// The pattern for a model already built.
    public static func pattern(for model: DisclosureModel, policy: DisclosurePolicy) -> SuppressionPattern {
        let cells = model.cells
        var primary: Set<Int> = []
        for (index, cell) in cells.enumerated() where cell.isProtected {
            // A bound ("<5") is shown as `c` too: one symbol for every hidden figure.
            if let count = cell.count {
                if policy.isSmall(count) { primary.insert(index) }
            } else {
                primary.insert(index)
            }
        }
        var hidden = primary
        var unprotectable: [Int] = []
        let audit = IntervalAudit(model: model)
        let order = primary.filter { cells[$0].count != nil }.sorted { cells[$0].sortKey < cells[$1].sortKey }
        let perturbation = Perturbation(model: model, minRange: policy.minRange)
        for cell in order {
            // A pair or rectangle that moves the cell proves it protected without a programme.
            if let cells = perturbation.cheapest(for: cell, hidden: hidden) {
                hidden.formUnion(cells)
                continue
            }
            while !audit.isProtected(cell, hidden: hidden, width: policy.minRange) {
                guard let next = bestCandidate(for: cell, hidden: hidden, model: model, policy: policy) else {
                    unprotectable.append(cell)
                    break
                }
                hidden.insert(next)
            }
        }
        return SuppressionPattern(
            model: model, primary: primary, secondary: hidden.subtracting(primary), unprotectable: unprotectable)
    }

    /// The published cell whose hiding best helps protect `cell`; nil when none is left.
    static func bestCandidate(
        for cell: Int, hidden: Set<Int>, model: DisclosureModel, policy: DisclosurePolicy
    ) -> Int? {
        let audit = IntervalAudit(model: model)
        let near = audit.unknowns(around: cell, hidden: hidden)
        // Equations in which one hidden cell of the neighbourhood is alone: each pins it.
        var pinning: Set<Int> = []
        var touched: [Int] = []
        var seenEquations: Set<Int> = []
        for member in near {
            for equation in model.equationsOfCell[member] where seenEquations.insert(equation).inserted {
                touched.append(equation)
                let unknown = model.equations[equation].terms.filter {
                    hidden.contains($0.cell) || model.cells[$0.cell].count == nil
                }
                if unknown.count == 1 { pinning.insert(equation) }
            }
        }
        var best: (score: (Int, Int, Int, String), cell: Int)?
        var considered: Set<Int> = []
        for equation in touched {
            for term in model.equations[equation].terms {
                let candidate = term.cell
                let published = model.cells[candidate]
                guard published.isProtected, let value = published.count, !hidden.contains(candidate),
                    considered.insert(candidate).inserted
                else { continue }
                let unpins = model.equationsOfCell[candidate].filter { pinning.contains($0) }.count
                // Lower is better in every place: more equations unpinned, able to absorb the
                // shift, smaller, then key order.
                let score = (-unpins, value >= policy.minRange ? 0 : 1, value, published.sortKey)
                if best.map({ score < $0.score }) ?? true { best = (score, candidate) }
            }
        }
        return best?.cell
    }
}
