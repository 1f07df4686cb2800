import ReportModel

/// The disclosure stage, between validation and rendering: the checked edition as every
/// renderer and writer sees it, with each hidden figure's value replaced by `withheld` (shown
/// as `c`), so no output can print a true value it does not hold.
public struct ProtectedEdition: Sendable {
    /// The edition to render and publish: hidden values are `withheld`, and so are stated
    /// percentages of a hidden count or of a hidden denominator.
    public var edition: Edition
    /// The cells hidden, and why; nil when the edition has no policy.
    public var pattern: SuppressionPattern?

    /// How many published figures the policy hid, primary and secondary together: the
    /// data-quality statement says this number and never which cells were small.
    public var hiddenCount: Int { pattern?.hidden.count ?? 0 }

    /// Protects `edition` under its manifest's policy; without one, the edition is returned
    /// untouched and nothing is computed.
    public init(_ edition: Edition) {
        guard let policy = edition.manifest.disclosure else {
            self.edition = edition
            pattern = nil
            return
        }
        let pattern = SecondarySuppression.pattern(for: edition, policy: policy)
        self.pattern = pattern
        self.edition = ProtectedEdition.applying(pattern, to: edition)
    }

    /// The edition with every hidden cell withheld.
    static func applying(_ pattern: SuppressionPattern, to edition: Edition) -> Edition {
        let current = pattern.hiddenPositions(.current)
        let previous = pattern.hiddenPositions(.previous)
        var protected = edition
        var figures = edition.figures
        // A stated percentage of a hidden denominator tells it too (and a hidden share of a
        // published whole tells the share): withheld with it.
        let hiddenKeys = Set(current.map { edition.figures[$0].key })
        for position in figures.indices {
            let figure = figures[position]
            let hidesValue = current.contains(position)
            let hidesDenominator =
                figure.percentOf.map { hiddenKeys.contains("\(figure.areaKey)/\($0.value)") } ?? false
            if hidesValue {
                var value = figure.value
                value.value = .withheld(value.value.unit)
                figures[position].value = value
            }
            if hidesValue || hidesDenominator, figure.statedPercentage != nil {
                figures[position].statedPercentage = nil
            }
            if previous.contains(position), var last = figure.previous {
                last.value = .withheld(last.value.unit)
                figures[position].previous = last
            }
        }
        protected.figures = figures
        return protected
    }
}
