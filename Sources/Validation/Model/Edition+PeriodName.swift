import ReportModel

extension Edition {
    /// The period a message names for a figure, spelled as the data spells it (`2023/24 Q2`,
    /// `2024-03`): when the figure states a period of its own or is one of a series, a message
    /// that left it out could mean any of its periods. A figure of its dataset's period alone
    /// is named without one, as before series existed.
    func periodName(of figure: Figure) -> String? {
        guard figure.period != nil || isInSeries(figure) else { return nil }
        return PeriodSpelling.spelling(of: period(of: figure))
    }

    /// The same period as readers say it ("July to September 2023"), for the data-quality
    /// statement.
    func periodForReaders(of figure: Figure) -> String? {
        guard figure.period != nil || isInSeries(figure) else { return nil }
        return GovUKFormat.period(period(of: figure))
    }
}

extension String? {
    /// " in 2023/24 Q2" for a named period, nothing for none: what a message puts after the
    /// figure's label.
    var inPeriod: String { map { " in \($0)" } ?? "" }
}
