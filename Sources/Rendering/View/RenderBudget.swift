import Mustache

/// How often an edition's own templates may repeat the report's data. A section over a list
/// renders once per item, and a template may put a section over a list inside a section over
/// the same list (or another the report holds at its top), five deep: a hundred findings become
/// 10^10 paragraphs, and the build never ends. The view an edition's templates read is wrapped
/// (`BudgetedView`) to count every item a section is about to render; past the budget every
/// name reads as absent, so the render ends at once, and the render is refused.
///
/// The built-in templates render each item where it belongs, so their view is not wrapped and
/// costs nothing.
final class RenderBudget: @unchecked Sendable {
    /// Items a section may render for each item the report holds, and a floor for small reports.
    static let timesOver = 20
    static let floor = 100_000

    private(set) var remaining: Int
    /// The section name whose list went over the budget, once it has.
    private(set) var exhaustedBy: String?

    /// A budget for `view`: `timesOver` times the items it holds, and at least `floor`.
    init(for view: any MustacheView) {
        remaining = max(Self.floor, Self.timesOver * Self.items(in: view))
    }

    /// `value` as a template will see it, wrapped to keep counting, or nil once spent.
    func wrap(_ value: Any, named name: String) -> Any? {
        guard exhaustedBy == nil else { return nil }
        switch value {
        case let view as any MustacheView:
            return spend(1, name) ? BudgetedView(inner: view, budget: self) : nil
        case let views as [any MustacheView]:
            return spend(views.count, name) ? views.map { BudgetedView(inner: $0, budget: self) } : nil
        case let texts as [String]:
            return spend(texts.count, name) ? texts : nil
        default:
            return value
        }
    }

    private func spend(_ count: Int, _ name: String) -> Bool {
        remaining -= count
        if remaining < 0 { exhaustedBy = name }
        return remaining >= 0
    }

    /// Every item of every list under `view`, and every view.
    static func items(in view: any MustacheView) -> Int {
        view.fieldValues().reduce(1) { total, value in
            switch value {
            case let child as any MustacheView: total + items(in: child)
            case let children as [any MustacheView]: total + children.reduce(0) { $0 + items(in: $1) }
            case let texts as [String]: total + texts.count
            default: total
            }
        }
    }
}

/// A view an edition's templates read through a `RenderBudget`.
struct BudgetedView: MustacheParent {
    let inner: any MustacheView
    let budget: RenderBudget

    func child(named name: String) -> Any? {
        guard let value = inner.child(named: name) else { return nil }
        return budget.wrap(value, named: name)
    }
}

extension MustacheView {
    /// The value of every field, optionals unwrapped and absent ones left out.
    func fieldValues() -> [Any] {
        Self.fields.values.compactMap { path in
            let value = self[keyPath: path]
            if let optional = value as? any OptionalValue { return optional.unwrapped }
            return value
        }
    }
}
