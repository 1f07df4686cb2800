import Foundation
import ReportModel

/// The edition's figures looked up by area and measure, and the area tree, for rules that
/// compare figures with each other.
struct FigureIndex {
    let edition: Edition
    /// Child area keys by parent key, in manifest order.
    let children: [String: [String]]

    init(_ edition: Edition) {
        self.edition = edition
        children = Dictionary(grouping: edition.manifest.areas.filter { $0.parent != nil }) { $0.parent ?? "" }
            .mapValues { $0.map(\.key) }
    }

    /// The figure for an area and a measure in the period of `like`: rules compare like
    /// periods, and a figure of a series only with figures of its own period.
    func figure(area: String, measure: String, like figure: Figure) -> Figure? {
        edition.figure(
            area: area, measure: measure, period: edition.period(of: figure), exactly: edition.isInSeries(figure))
    }

    /// `value(area:measure:period:exactly:)` in the period of `like`.
    func value(area: String, measure: String, like figure: Figure) -> (value: Decimal, derived: Bool)? {
        value(area: area, measure: measure, period: edition.period(of: figure), exactly: edition.isInSeries(figure))
    }

    /// The figure for an area in a period, or, for an additive measure the area does not
    /// state, the sum of its child areas' figures for the period when every child states one
    /// (recursively). Returns the value and how it was found, for messages.
    func value(area: String, measure: String, period: Period, exactly: Bool) -> (value: Decimal, derived: Bool)? {
        if let quantity = edition.quantity(area: area, measure: measure, period: period, exactly: exactly) {
            return (quantity.exact, false)
        }
        guard edition.measure(measure)?.additive == true, let kids = children[area], !kids.isEmpty
        else { return nil }
        var total = Decimal(0)
        for kid in kids {
            guard let part = value(area: kid, measure: measure, period: period, exactly: exactly) else { return nil }
            total += part.value
        }
        return (total, true)
    }

    /// The values the figure for an area may have, as `value` finds it: a range when it, or a
    /// child area's figure it is summed from, is given as a bound ("40+").
    func range(area: String, measure: String, period: Period, exactly: Bool) -> ValueRange? {
        if let quantity = edition.quantity(area: area, measure: measure, period: period, exactly: exactly) {
            return quantity.range
        }
        guard edition.measure(measure)?.additive == true, let kids = children[area], !kids.isEmpty
        else { return nil }
        var total = ValueRange.exactly(0)
        for kid in kids {
            guard let part = range(area: kid, measure: measure, period: period, exactly: exactly) else { return nil }
            total = total + part
        }
        return total
    }

    /// `range(area:measure:period:exactly:)` in the period of `like`.
    func range(area: String, measure: String, like figure: Figure) -> ValueRange? {
        range(area: area, measure: measure, period: edition.period(of: figure), exactly: edition.isInSeries(figure))
    }

    /// The name readers know an area by.
    func name(of area: String) -> String {
        edition.area(area)?.name ?? area
    }
}
