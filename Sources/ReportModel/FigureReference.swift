/// A figure the narrative refers to by key instead of typing it, written `{{= key }}` in the
/// Markdown, with an optional format after a bar: `{{= cumberland/contacts | words }}`.
/// See docs/narrative.md.
public struct FigureReference: Hashable, Sendable {
    /// What to show: one figure, or one of the few values derived from figures.
    public enum Expression: Hashable, Sendable {
        /// A figure or table row: `cumberland/contacts`, `budget:Health`, `budget:Health.percent`.
        case value(String)
        /// The sum of figures in one unit.
        case sum([String])
        /// The first figure less the second.
        case difference(String, String)
        /// The first figure per `per` of the second (10,000 unless given), to one decimal place.
        case rate(String, String, per: Int)
        /// The first figure as a percentage of the second, to one decimal place.
        case share(String, String)
        /// A figure's value for the previous period (its `previous` column).
        case previous(String)
        /// How a figure changed since the previous period, in words: "up 12", "down 3%".
        case change(String)
        /// The period a figure covers, as readers say it: "March 2024", "2022/23".
        case period(String)
        /// A figure's value in a named period: another period of its series, or the year
        /// before its own from its `previous` column: `previous(a, 2021/22)`.
        case previousIn(String, Period)
        /// How a figure changed since a named period, in words: `change(a, 2021/22 Q2)`.
        case changeSince(String, Period)

        /// The keys the expression reads.
        public var keys: [String] {
            switch self {
            case .value(let key), .previous(let key), .change(let key), .period(let key), .previousIn(let key, _),
                .changeSince(let key, _):
                [key]
            case .sum(let keys): keys
            case .difference(let first, let second), .rate(let first, let second, _), .share(let first, let second):
                [first, second]
            }
        }
    }

    /// How to write the value; nil means as its unit says.
    public enum Format: String, Hashable, Sendable, CaseIterable {
        case count, money, percent, words
    }

    public var expression: Expression
    public var format: Format?
    /// The reference as typed, braces included.
    public var text: String
    /// Where it starts in its Markdown file.
    public var location: SourceLocation
    /// Its position in the Markdown, as UTF-8 offsets, for replacing it with its value.
    public var range: Range<Int>

    public init(expression: Expression, format: Format?, text: String, location: SourceLocation, range: Range<Int>) {
        self.expression = expression
        self.format = format
        self.text = text
        self.location = location
        self.range = range
    }
}

extension FigureReference.Expression {
    /// The period `previous(a, 2021/22)` and `change(a, 2021/22)` compare with; nil for the others.
    public var namedPeriod: Period? {
        switch self {
        case .previousIn(_, let period), .changeSince(_, let period): period
        default: nil
        }
    }

    /// True for `previous(a)` and `previous(a, period)`: the earlier value itself, not a change.
    public var isPrevious: Bool {
        switch self {
        case .previous, .previousIn: true
        default: false
        }
    }
}
