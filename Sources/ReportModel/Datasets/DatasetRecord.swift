/// A row of a dataset, named the way corrections, diffs and the published data name it.
public protocol DatasetRecord {
    /// The id of the dataset the row was read from.
    var dataset: String { get }
    /// The row's key, unique within its dataset: `cumberland/contacts`, `Health`.
    var rowKey: String { get }
    /// Where the row was read from.
    var location: SourceLocation { get }
    /// The row's words, as typed (names, notes, sources), for checks that read them.
    var texts: [String] { get }
}

extension Figure: DatasetRecord {
    public var rowKey: String { key }
    public var texts: [String] { [source].compactMap { $0 } }
}

extension RankedItem: DatasetRecord {
    public var rowKey: String { key }
    public var texts: [String] { [item.value] }
}

extension BudgetContribution: DatasetRecord {
    public var rowKey: String { agency.value }
    public var texts: [String] { [agency.value] }
}

extension TrainingCourse: DatasetRecord {
    public var rowKey: String { course.value }
    public var texts: [String] { [course.value, mode].compactMap { $0 } }
}

extension PracticeReview: DatasetRecord {
    public var rowKey: String { name.value }
    public var texts: [String] { [name.value, publishedIn, note].compactMap { $0 } }
}

extension BoardMember: DatasetRecord {
    public var rowKey: String { "\(agency.value)/\(role.value)" }
    public var texts: [String] { [agency.value, role.value] }
}

extension GlossaryEntry: DatasetRecord {
    public var rowKey: String { abbreviation.value }
    public var texts: [String] { [abbreviation.value, expansion] }
}

extension Correction: DatasetRecord {
    public var rowKey: String { "\(target.value)/\(key.value)/\(column.value)" }
    public var texts: [String] { [publishedValue, reason] }
}

extension Measure {
    /// The measure's words, as typed, for checks that read them.
    public var texts: [String] { [label, description].compactMap { $0 } }
}

extension Edition {
    /// Every row of every dataset but the measures catalogue, in kind order.
    public var records: [any DatasetRecord] {
        figures + budget + trainingCourses + rankings + reviews + board + glossary + corrections
    }

    /// The key of every row of a dataset, in reading order.
    public func rowKeys(of dataset: String) -> [String] {
        if self.dataset(dataset)?.schema == "measures" { return measures.map(\.key) }
        func keys(_ records: [some DatasetRecord]) -> [String] {
            records.filter { $0.dataset == dataset }.map(\.rowKey)
        }
        return keys(figures) + keys(budget) + keys(trainingCourses) + keys(rankings) + keys(reviews) + keys(board)
            + keys(glossary) + keys(corrections)
    }
}
