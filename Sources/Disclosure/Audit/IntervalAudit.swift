import Foundation

/// How far a hidden cell can be narrowed from everything published: the interval attack, run
/// on a neighbourhood of the cell.
///
/// The hidden cells near the cell (linked to it through equations, nearest first, at most
/// `neighbourhood`) are the unknowns; every other cell is fixed at its value, published or
/// not. Fixing more cells only narrows the interval, so a width found here is a width the
/// real attacker, who knows less, cannot beat: the audit may ask for more suppression than
/// needed, never less.
struct IntervalAudit {
    let model: DisclosureModel
    /// The most unknowns one programme has: enough for the rectangles and chains of nested
    /// totals that protect a cell, and for a table of three ways (areas by age band by
    /// quarter, the year linking the quarters), where 48 fixed too many cells and so hid far
    /// more than needed; few enough to solve in a few milliseconds.
    var neighbourhood = 128

    /// The hidden cells nearest `cell` through the equations, `cell` first: at each step the
    /// hidden cell sharing the most equations with those already chosen (so the cells that
    /// close a rectangle or a chain of totals come in as soon as they can), ties to the
    /// earlier cell.
    func unknowns(around cell: Int, hidden: Set<Int>) -> [Int] {
        var chosen = [cell]
        var inChosen: Set<Int> = [cell]
        var links: [Int: Int] = [:]
        func reach(from member: Int) {
            for equation in model.equationsOfCell[member] {
                for term in model.equations[equation].terms
                where term.cell != member && hidden.contains(term.cell) && !inChosen.contains(term.cell) {
                    links[term.cell, default: 0] += 1
                }
            }
        }
        reach(from: cell)
        while chosen.count < neighbourhood, !links.isEmpty {
            var best = -1
            var bestLinks = 0
            for (candidate, count) in links where count > bestLinks || (count == bestLinks && candidate < best) {
                best = candidate
                bestLinks = count
            }
            links[best] = nil
            chosen.append(best)
            inChosen.insert(best)
            reach(from: best)
        }
        return chosen
    }

    /// True when `cell`, hidden with the others in `hidden`, keeps an interval at least
    /// `width` wide.
    func isProtected(_ cell: Int, hidden: Set<Int>, width: Int) -> Bool {
        // Alone among the unknowns of an equation, it is known exactly: no programme needed.
        for equation in model.equationsOfCell[cell] where model.equations[equation].isEquality {
            let others = model.equations[equation].terms.filter { $0.cell != cell }
            if !others.contains(where: { hidden.contains($0.cell) || model.cells[$0.cell].count == nil }) {
                return false
            }
        }
        let unknowns = unknowns(around: cell, hidden: hidden)
        let program = program(over: unknowns)
        let value = Double(model.cells[cell].count ?? 0)
        let needed = Double(width) - 1e-7
        // The interval holds the true value: a maximum far enough above it is enough.
        switch program.maximise([0: 1]) {
        case .unbounded: return true
        case .infeasible: return false
        case .optimum(let highest):
            if highest - value >= needed { return true }
            guard case .optimum(let negativeLowest) = program.maximise([0: -1]) else { return false }
            return highest + negativeLowest >= needed
        }
    }

    /// The programme over `unknowns` (variable j is `unknowns[j]`): each equation touching
    /// them, with every other cell at its value. A figure published only as a bound ("<5")
    /// is an unknown wherever it appears, within its range.
    func program(over unknowns: [Int]) -> LinearProgram {
        var variable: [Int: Int] = [:]
        var order = unknowns
        for (index, cell) in unknowns.enumerated() { variable[cell] = index }
        var constraints: [LinearProgram.Constraint] = []
        var used: Set<Int> = []
        var next = 0
        while next < order.count {
            let cell = order[next]
            next += 1
            let range = model.cells[cell].range
            if model.cells[cell].count == nil {
                if let upper = range.upper {
                    constraints.append(.init(coefficients: [next - 1: 1], isEquality: false, bound: double(upper)))
                }
                if let lower = range.lower, lower > 0 {
                    constraints.append(.init(coefficients: [next - 1: -1], isEquality: false, bound: -double(lower)))
                }
            }
            // Only the first unknowns bring their equations; a bound met on the way is an
            // unknown in the equations already taken.
            guard next <= unknowns.count else { continue }
            for equation in model.equationsOfCell[cell] where used.insert(equation).inserted {
                var coefficients: [Int: Double] = [:]
                var constant = 0.0
                for term in model.equations[equation].terms {
                    if variable[term.cell] == nil, model.cells[term.cell].count == nil {
                        variable[term.cell] = order.count
                        order.append(term.cell)
                    }
                    if let index = variable[term.cell] {
                        coefficients[index, default: 0] += Double(term.coefficient)
                    } else {
                        constant += Double(term.coefficient) * model.cells[term.cell].constant
                    }
                }
                constraints.append(
                    .init(
                        coefficients: coefficients, isEquality: model.equations[equation].isEquality, bound: -constant))
            }
        }
        var program = LinearProgram(variables: order.count)
        program.constraints = constraints
        return program
    }

    private func double(_ value: Decimal) -> Double {
        Double(truncating: NSDecimalNumber(decimal: value))
    }
}
