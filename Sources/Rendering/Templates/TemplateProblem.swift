/// A problem in one of the partnership's templates, located in the template file (or naming
/// the templates folder, with no line, when the folder itself cannot be used).
public struct TemplateProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `templates/table.mustache:3:7: error: ...`, as a compiler prints it.
    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? "")\(column.map { ":\($0)" } ?? ""): error: \(message)"
    }
}
