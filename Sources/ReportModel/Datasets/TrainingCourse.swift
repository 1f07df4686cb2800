/// One course of the multi-agency training programme with its completions, or the stated
/// grand total of completions.
public struct TrainingCourse: Hashable, Sendable {
    public var dataset: String
    public var course: Located<String>
    /// How it was delivered, as the edition names it: "e-learning", "blended", "face to face".
    public var mode: String?
    public var completions: Located<Int>
    public var kind: RowKind
    public var location: SourceLocation

    public init(
        dataset: String, course: Located<String>, mode: String?, completions: Located<Int>,
        kind: RowKind, location: SourceLocation
    ) {
        self.dataset = dataset
        self.course = course
        self.mode = mode
        self.completions = completions
        self.kind = kind
        self.location = location
    }
}
