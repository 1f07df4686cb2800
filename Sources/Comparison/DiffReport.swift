import Foundation
import ReportModel

/// Changes as analysts read them, and as the contract's JSON:
/// `{"changes": [{"dataset", "key", "old", "new", "file", "line", "column", "sheet", "cell"}]}`,
/// where the place is the new side's, or the old side's for a removal; a changed cell is
/// located at its column (in a workbook, its cell: `C7`).
public enum DiffReport {
    public static func text(_ changes: [FigureChange]) -> String {
        var lines = changes.map { change -> String in
            let place = change.location.map { "\($0): " } ?? ""
            let cell =
                change.column.map { "\(change.dataset): \(change.key) \($0)" } ?? "\(change.dataset): \(change.key)"
            switch change.kind {
            case .added: return "\(place)added \(cell) (\(change.new ?? ""))"
            case .removed: return "\(place)removed \(cell) (\(change.old ?? ""))"
            case .changed:
                let was = change.oldLocation.map { ", was at \($0)" } ?? ""
                return "\(place)changed \(cell): \(change.old ?? "(empty)") -> \(change.new ?? "(empty)")\(was)"
            }
        }
        lines.append(changes.isEmpty ? "no differences" : "\(changes.count) difference\(changes.count == 1 ? "" : "s")")
        // A key or a value may hold anything: each line is shown as a terminal may show it.
        return lines.map(TerminalText.visible).joined(separator: "\n") + "\n"
    }

    struct Document: Encodable {
        var changes: [Entry]
    }

    struct Entry: Encodable {
        var change: FigureChange

        enum Key: String, CodingKey {
            case kind, dataset, key, column, old, new, file, line, sheet, cell
            case fileColumn = "file_column"
            case oldFile = "old_file"
            case oldLine = "old_line"
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(change.kind.rawValue, forKey: .kind)
            try container.encode(change.dataset, forKey: .dataset)
            try container.encode(change.key, forKey: .key)
            try container.encode(change.column, forKey: .column)
            try container.encode(change.old, forKey: .old)
            try container.encode(change.new, forKey: .new)
            try container.encode(change.location?.file, forKey: .file)
            try container.encode(change.location?.line, forKey: .line)
            try container.encode(change.location?.column, forKey: .fileColumn)
            try container.encode(change.location?.sheet, forKey: .sheet)
            try container.encode(change.location?.cell, forKey: .cell)
            try container.encode(change.oldLocation?.file, forKey: .oldFile)
            try container.encode(change.oldLocation?.line, forKey: .oldLine)
        }
    }

    public static func json(_ changes: [FigureChange]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try? encoder.encode(Document(changes: changes.map(Entry.init)))
        let json = data.map { String(decoding: $0, as: UTF8.self) } ?? "{\"changes\": []}"
        return TerminalText.escapingJSON(json) + "\n"
    }
}
