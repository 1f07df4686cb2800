/// A row of a dataset, named the way corrections, diffs and the published data name it.
public protocol DatasetRecord {
    /// The id of the dataset the row was read from.
    var dataset: String { get }
    /// The row's key, unique within its dataset: `cumberland/contacts`, `Health`.
    var rowKey: String { get }
}

extension Figure: DatasetRecord {
    public var rowKey: String { key }
}

extension RankedItem: DatasetRecord {
    public var rowKey: String { key }
}

extension BudgetContribution: DatasetRecord {
    public var rowKey: String { agency.value }
}

extension TrainingCourse: DatasetRecord {
    public var rowKey: String { course.value }
}

extension PracticeReview: DatasetRecord {
    public var rowKey: String { name.value }
}

extension BoardMember: DatasetRecord {
    public var rowKey: String { "\(agency.value)/\(role.value)" }
}

extension GlossaryEntry: DatasetRecord {
    public var rowKey: String { abbreviation.value }
}

extension Correction: DatasetRecord {
    public var rowKey: String { "\(target.value)/\(key.value)/\(column.value)" }
}

extension Edition {
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
