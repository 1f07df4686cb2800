/// The type of a column's cells, which decides how they are read.
public enum ColumnType: Hashable, Sendable {
    /// Free text, trimmed.
    case text
    /// A whole number: "1,234".
    case count
    /// Pounds: "£109,228".
    case money
    /// A percentage as printed: "23.5%".
    case percent
    /// A day: "2024-03-31".
    case date
    /// A period: "2022/23", "2024-03".
    case period
    /// One of a fixed set of words.
    case choice([String])
    /// A number read in the unit of the row's measure; the dataset reads it itself.
    case measured

    /// What a cell of this type should hold, for "expected ..." in messages.
    public var expectation: String {
        switch self {
        case .text: "some text"
        case .count: "a whole number"
        case .money: "an amount in pounds"
        case .percent: "a percentage"
        case .date: "a date"
        case .period: "a period"
        case .choice(let words): "one of " + words.joined(separator: ", ")
        case .measured: "a number in the measure's unit"
        }
    }
}

/// What a column's values may name.
public enum ColumnTarget: Hashable, Sendable {
    /// An area key from the manifest.
    case area
    /// A measure key from the measures catalogue.
    case measure
}

/// One column of a dataset's schema.
public struct ColumnSchema: Hashable, Sendable {
    /// The header name, lower case with underscores.
    public var name: String
    public var type: ColumnType
    /// A required column must be in the header and have a value in every row.
    public var isRequired: Bool
    /// A column that must be in the header even though its cells may be empty.
    public var mustBePresent = false
    /// What the column holds, for the format's documentation.
    public var summary: String
    /// What the column's values name, when they are keys of something else: the published data
    /// package declares it as a foreign key.
    public var refersTo: ColumnTarget? = nil

    /// This column, declared as naming an area or a measure.
    public func naming(_ target: ColumnTarget) -> ColumnSchema {
        var column = self
        column.refersTo = target
        return column
    }

    /// A column every row must fill.
    public static func required(_ name: String, _ type: ColumnType, _ summary: String) -> ColumnSchema {
        ColumnSchema(name: name, type: type, isRequired: true, summary: summary)
    }

    /// A column the header must have, whose cells the dataset itself checks for emptiness
    /// (to say exactly which figure is missing).
    public static func present(_ name: String, _ type: ColumnType, _ summary: String) -> ColumnSchema {
        ColumnSchema(name: name, type: type, isRequired: false, mustBePresent: true, summary: summary)
    }

    /// A column that may be left out of the header or left empty in a row.
    public static func optional(_ name: String, _ type: ColumnType, _ summary: String) -> ColumnSchema {
        ColumnSchema(name: name, type: type, isRequired: false, summary: summary)
    }
}

/// The columns a kind of dataset has, and which of them make a row's key.
public struct DatasetSchema: Hashable, Sendable {
    /// The name a manifest uses for it: `budget`, `figures`.
    public var name: String
    /// What a dataset of this kind holds.
    public var summary: String
    public var columns: [ColumnSchema]
    /// The columns whose values, joined with `/`, identify a row.
    public var key: [String]

    public init(name: String, summary: String, columns: [ColumnSchema], key: [String]) {
        self.name = name
        self.summary = summary
        self.columns = columns
        self.key = key
    }

    /// The column with this name.
    public func column(_ name: String) -> ColumnSchema? {
        columns.first { $0.name == name }
    }
}
