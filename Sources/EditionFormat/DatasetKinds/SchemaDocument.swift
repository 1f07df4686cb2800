import ReportModel

/// The schema reference of `docs/edition-format.md`, written from the kinds' own declarations:
/// each kind's summary, row key and columns, between markers the docs keep, so the
/// documentation cannot drift from what the reader accepts. `annual-report schema` prints it;
/// `make docs` puts it into the file, and a test fails when the file is stale.
public enum SchemaDocument {
    /// Each kind's block, in the kinds' order, with its markers.
    public static func blocks(for kinds: DatasetKinds = .standard) -> [(name: String, text: String)] {
        kinds.all.map { kind in (kind.schema.name, block(kind.schema)) }
    }

    /// Every block, one after another, as `annual-report schema` prints them.
    public static func markdown(for kinds: DatasetKinds = .standard) -> String {
        blocks(for: kinds).map(\.text).joined(separator: "\n")
    }

    static func begin(_ name: String) -> String { "<!-- schema \(name): written by `annual-report schema` -->" }
    static func end(_ name: String) -> String { "<!-- end of schema \(name) -->" }

    private static func block(_ schema: DatasetSchema) -> String {
        var lines = [begin(schema.name), "", schema.summary + " Row key: " + key(schema) + ".", ""]
        lines.append("| Column | Type | Required | Meaning |")
        lines.append("|---|---|---|---|")
        for column in schema.columns {
            lines.append("| `\(column.name)` | \(type(column.type)) | \(required(column)) | \(column.summary) |")
        }
        lines += ["", end(schema.name), ""]
        return lines.joined(separator: "\n")
    }

    private static func key(_ schema: DatasetSchema) -> String {
        schema.key.map { "`\($0)`" }.joined(separator: " + ")
    }

    private static func required(_ column: ColumnSchema) -> String {
        if column.isRequired { return "yes" }
        return column.mustBePresent ? "the column yes; a cell may be empty" : "no"
    }

    private static func type(_ type: ColumnType) -> String {
        switch type {
        case .text: "text"
        case .count: "count"
        case .money: "money"
        case .percent: "percentage"
        case .date: "date"
        case .period: "period"
        case .choice(let words): "choice: " + words.map { "`\($0)`" }.joined(separator: ", ")
        case .measured: "number in the measure's (or table's) unit"
        }
    }

    /// The docs' text with every kind's block replaced by the one the kinds declare now, and
    /// the names of kinds the text has no block for.
    public static func refreshed(_ text: String, kinds: DatasetKinds = .standard) -> (text: String, missing: [String]) {
        var text = text
        var missing: [String] = []
        for (name, block) in blocks(for: kinds) {
            guard let start = text.range(of: begin(name)),
                let stop = text.range(of: end(name), range: start.upperBound..<text.endIndex)
            else {
                missing.append(name)
                continue
            }
            // The block's own trailing newline follows the end marker.
            var upper = stop.upperBound
            if upper < text.endIndex, text[upper] == "\n" { upper = text.index(after: upper) }
            text.replaceSubrange(start.lowerBound..<upper, with: block)
        }
        return (text, missing)
    }
}
