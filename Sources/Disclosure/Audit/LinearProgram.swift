/// A small linear programme over non-negative variables, solved by the two-phase simplex
/// method with Bland's rule (which cannot cycle): the audit asks how far a hidden cell can move
/// while every published equation still holds.
///
/// Binary floating point is used here and only here: the data are small whole numbers, the
/// answers are compared with a whole-number width, and a tolerance of 10^-7 decides. No figure
/// is computed or published from it.
struct LinearProgram {
    /// One constraint: the sum of `coefficients[j] * x[j]` is equal to, or at most, `bound`.
    struct Constraint {
        var coefficients: [Int: Double]
        var isEquality: Bool
        var bound: Double
    }

    /// What maximising an objective found.
    enum Outcome: Equatable {
        case optimum(Double)
        case unbounded
        case infeasible
    }

    let variables: Int
    var constraints: [Constraint] = []

    static let tolerance = 1e-9

    /// The greatest value of `sum(objective[j] * x[j])` subject to the constraints and x >= 0.
    func maximise(_ objective: [Int: Double]) -> Outcome {
        // Columns: the variables, a slack for each inequality, an artificial for each row.
        let rows = constraints.count
        let slackCount = constraints.filter { !$0.isEquality }.count
        let columns = variables + slackCount + rows
        let width = columns + 1  // the right-hand side last
        var table = [Double](repeating: 0, count: (rows + 1) * width)
        var basis = [Int](repeating: 0, count: rows)
        var slack = variables
        for (row, constraint) in constraints.enumerated() {
            let sign: Double = constraint.bound < 0 ? -1 : 1
            for (column, value) in constraint.coefficients { table[row * width + column] = sign * value }
            if !constraint.isEquality {
                table[row * width + slack] = sign
                slack += 1
            }
            table[row * width + variables + slackCount + row] = 1
            table[row * width + columns] = sign * constraint.bound
            basis[row] = variables + slackCount + row
        }
        // Phase one: minimise the artificials' sum, that is maximise its negative. The
        // objective row holds reduced costs (negative: entering improves).
        let objectiveRow = rows * width
        for row in 0..<rows {
            for column in 0...columns where column < variables + slackCount || column == columns {
                table[objectiveRow + column] -= table[row * width + column]
            }
        }
        let phaseOneColumns = columns
        guard pivotToOptimum(&table, &basis, rows: rows, width: width, allowed: phaseOneColumns) else {
            return .infeasible
        }
        if -table[objectiveRow + columns] > 1e-7 { return .infeasible }
        // Drive any artificial still basic (at zero) out of the basis where it can be.
        let firstArtificial = variables + slackCount
        for row in 0..<rows where basis[row] >= firstArtificial {
            if let column = (0..<firstArtificial).first(where: { abs(table[row * width + $0]) > 1e-9 }) {
                pivot(&table, &basis, row: row, column: column, rows: rows, width: width)
            }
        }
        // Phase two: the real objective over the original and slack columns only.
        for column in 0...columns { table[objectiveRow + column] = 0 }
        for (column, value) in objective { table[objectiveRow + column] = -value }
        for row in 0..<rows {
            let cost = -table[objectiveRow + basis[row]]
            guard cost != 0 else { continue }
            for column in 0...columns { table[objectiveRow + column] += cost * table[row * width + column] }
        }
        guard pivotToOptimum(&table, &basis, rows: rows, width: width, allowed: firstArtificial) else {
            return .unbounded
        }
        return .optimum(table[objectiveRow + columns])
    }

    /// Pivots until no column below `allowed` improves the objective; false when one improves
    /// without limit.
    private func pivotToOptimum(
        _ table: inout [Double], _ basis: inout [Int], rows: Int, width: Int, allowed: Int
    ) -> Bool {
        let objectiveRow = rows * width
        let rhs = width - 1
        // Bland's rule: the first improving column, then the first row of least ratio.
        for _ in 0..<100_000 {
            guard let entering = (0..<allowed).first(where: { table[objectiveRow + $0] < -LinearProgram.tolerance })
            else { return true }
            var leaving: Int?
            var best = Double.infinity
            for row in 0..<rows {
                let coefficient = table[row * width + entering]
                guard coefficient > LinearProgram.tolerance else { continue }
                let ratio = table[row * width + rhs] / coefficient
                if ratio < best - LinearProgram.tolerance
                    || (abs(ratio - best) <= LinearProgram.tolerance && basis[row] < basis[leaving ?? row])
                {
                    best = ratio
                    leaving = row
                }
            }
            guard let leaving else { return false }
            pivot(&table, &basis, row: leaving, column: entering, rows: rows, width: width)
        }
        return true
    }

    private func pivot(_ table: inout [Double], _ basis: inout [Int], row: Int, column: Int, rows: Int, width: Int) {
        let scale = table[row * width + column]
        for index in 0..<width { table[row * width + index] /= scale }
        for other in 0...rows where other != row {
            let factor = table[other * width + column]
            guard factor != 0 else { continue }
            for index in 0..<width { table[other * width + index] -= factor * table[row * width + index] }
        }
        basis[row] = column
    }
}
