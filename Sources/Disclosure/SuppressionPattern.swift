import ReportModel

/// Which published cells the policy hides: the small counts themselves (primary) and the
/// cells hidden so that none of those can be worked back (secondary). One pattern, applied to
/// every output.
public struct SuppressionPattern: Sendable {
    /// The model the pattern was chosen on.
    public var model: DisclosureModel
    /// Cells hidden because they are small (or a bound, which is shown as `c` too).
    public var primary: Set<Int>
    /// Cells hidden so that the primary ones cannot be worked back.
    public var secondary: Set<Int>
    /// Primary cells the audit could not protect even with every linked cell hidden (a
    /// protected count whose only published equation names a figure of an unprotected
    /// dataset): each is a finding.
    public var unprotectable: [Int]

    /// Every hidden cell.
    public var hidden: Set<Int> { primary.union(secondary) }

    /// The positions in `Edition.figures` whose value in `layer` is hidden.
    public func hiddenPositions(_ layer: CellLayer) -> Set<Int> {
        Set(
            hidden.map { model.cells[$0] }.filter { $0.layer == layer }
                .flatMap { model.copies[$0.position] ?? [$0.position] })
    }
}
