import Foundation
import ReportModel

/// Turns a table as an analyst lays it out into the plain table the schemas read: title and
/// note rows above the header skipped, a two-row header (a group heading over sub-headings)
/// read as one, a wide table (one column per area or per period) turned into a row per area
/// and measure, and totals rows and columns checked against what they total, not read as an
/// area. Every cell keeps its own row and column, so findings still name it.
struct TableShaper {
    let schema: DatasetSchema
    let layout: TableLayout
    /// The edition's areas, which a wide table's columns may name by key or by name.
    let areas: [Area]
    var file: String
    var sheet: String?
    /// True for a sheet, whose records stop at their last filled cell: they are padded to the
    /// header's width. A CSV row with too few fields stays as it is, and is reported.
    var pads: Bool

    /// The table as the schema reads it, and where its header ends.
    struct Shaped {
        var records: [CSVRecord]
        var findings: [Finding] = []
        /// The header's last line, or 0 when the header is the first record as always.
        var headerEnd = 0
        /// The columns whose cells the report reads; nil when every column is.
        var readColumns: Set<Int>?
    }

    /// Headings of a totals row or column: it is checked, never read as an area.
    static func isTotal(_ text: String) -> Bool {
        let name = TableReader.normalise(text)
        return ["total", "totals", "grand_total", "all_areas", "overall"].contains(name) || name.hasPrefix("total_")
    }

    /// One column of the header as read: its text, and the group heading above it in a
    /// two-row header.
    private struct Heading {
        var field: CSVField
        var group: String?
        var name: String { field.text }
    }

    private var required: [String] {
        let moved: Set<String> = layout.wide ? ["area", "value", "period"] : []
        return schema.columns.filter { ($0.isRequired || $0.mustBePresent) && !moved.contains($0.name) }.map(\.name)
    }

    func shape(_ records: [CSVRecord]) -> Shaped {
        guard let (start, headings) = header(in: records) else {
            var shaped = Shaped(records: records)
            shaped.readColumns = records.first { !$0.isBlank }.map { readColumns(single($0)) }
            checkTotals(&shaped)
            return shaped
        }
        let headerEnd = headings.map(\.field.line).max() ?? records[start].line
        let data = records[start...].filter { $0.line > headerEnd }
        var shaped =
            layout.wide
            ? wide(headings, data: data)
            : Shaped(
                records: [CSVRecord(line: headerEnd, fields: headings.map(\.field))]
                    + data.map { padded($0, to: headings.count) })
        shaped.headerEnd = headerEnd
        if !layout.wide { shaped.readColumns = readColumns(headings) }
        checkTotals(&shaped)
        return shaped
    }

    /// The header: the declared row, or the first row (or pair of rows) that holds every
    /// column the schema requires. Nil when the table is plain and its header is its first
    /// record, so it is read exactly as ever.
    private func header(in records: [CSVRecord]) -> (Int, [Heading])? {
        let filled = records.indices.filter { !records[$0].isBlank }
        if let row = layout.headerRow {
            guard let index = records.firstIndex(where: { $0.line >= row }) else { return nil }
            let next = records.index(after: index)
            if let pair = next < records.endIndex ? combined(records[index], records[next]) : nil,
                !isComplete(single(records[index])), isComplete(pair)
            {
                return (index, pair)
            }
            return (index, single(records[index]))
        }
        for (position, index) in filled.prefix(20).enumerated() {
            // Areas over sub-headings (Value, Stated percent) make a two-row header.
            if layout.wide, position + 1 < filled.count {
                let pair = combined(records[index], records[filled[position + 1]])
                if isComplete(pair), hasSubHeadings(pair) { return (index, pair) }
            }
            if isComplete(single(records[index])) {
                return position == 0 && !layout.wide ? nil : (index, single(records[index]))
            }
            if position + 1 < filled.count {
                // A title over the header is no two-row header: the header is read on its own
                // at the next turn.
                let next = filled[position + 1]
                let pair = combined(records[index], records[next])
                if isComplete(pair), !isComplete(single(records[next])) { return (index, pair) }
            }
        }
        guard layout.wide, let first = filled.first else { return nil }
        return (first, single(records[first]))
    }

    /// The columns of a plain table the report reads: those its schema names.
    private func readColumns(_ headings: [Heading]) -> Set<Int> {
        let names = Set(schema.columns.map(\.name))
        return Set(headings.filter { names.contains(TableReader.normalise($0.name)) }.map(\.field.column))
    }

    /// True when some heading is a column of the schema under an area's or period's group.
    private func hasSubHeadings(_ headings: [Heading]) -> Bool {
        let names = Set(schema.columns.map(\.name))
        return headings.contains { heading in
            heading.group.flatMap(across) != nil && names.contains(TableReader.normalise(heading.name))
        }
    }

    private func single(_ record: CSVRecord) -> [Heading] {
        record.fields.map { Heading(field: $0) }
    }

    /// A two-row header read as one: the lower row's heading where it has one, the upper
    /// row's (a heading merged down over both) where it has not; a group heading over several
    /// sub-headings (merged across them) is kept as each one's group.
    private func combined(_ top: CSVRecord, _ bottom: CSVRecord) -> [Heading] {
        let width = max(top.fields.count, bottom.fields.count)
        var group: String?
        var headings: [Heading] = []
        for column in 1...max(width, 1) {
            let above = top.fields.first { $0.column == column }
            let below = bottom.fields.first { $0.column == column }
            let upper = Trim.spaces(above?.text ?? "")
            let lower = Trim.spaces(below?.text ?? "")
            if !upper.isEmpty { group = upper } else if lower.isEmpty { group = nil }
            if lower.isEmpty {
                let field = above ?? CSVField(text: "", line: top.line, column: column, quoted: false)
                headings.append(Heading(field: field, group: nil))
            } else if let below {
                headings.append(Heading(field: below, group: group))
            }
        }
        return headings
    }

    /// True when the headings hold every column the schema requires (and, for a wide table,
    /// at least one area or period).
    private func isComplete(_ headings: [Heading]) -> Bool {
        let names = Set(headings.map { TableReader.normalise($0.name) })
        guard required.allSatisfy(names.contains) else { return false }
        return !layout.wide || headings.contains { across($0.group ?? $0.name) != nil }
    }

    private func padded(_ record: CSVRecord, to width: Int) -> CSVRecord {
        guard pads, record.fields.count < width else { return record }
        var record = record
        for column in record.fields.count + 1...width {
            record.fields.append(CSVField(text: "", line: record.line, column: column, quoted: false))
        }
        return record
    }

    // MARK: Wide tables

    /// What a wide table's column heading names: an area (by key or name), a period, or a total.
    private enum Across: Equatable {
        case area(String)
        case period(String)
        case total(String)
    }

    private func across(_ text: String) -> Across? {
        let trimmed = Trim.spaces(text)
        guard !trimmed.isEmpty else { return nil }
        if TableShaper.isTotal(trimmed) { return .total(trimmed) }
        let lower = trimmed.lowercased()
        if let area = areas.first(where: { $0.key == lower || $0.name.lowercased() == lower }) {
            return .area(area.key)
        }
        if case .success = DateReader.period(trimmed) { return .period(trimmed) }
        return nil
    }

    /// A wide table turned into a record per area (or period) and row, each field located at
    /// its own cell.
    private func wide(_ headings: [Heading], data: [CSVRecord]) -> Shaped {
        let names = Set(schema.columns.map(\.name))
        let ignored = TableReader.ignored(layout: layout, schema: schema)
        var findings: [Finding] = []
        var rowColumns: [Heading] = []
        // Each area or period and its columns: `value`, or the sub-headings under it.
        var groups: [(label: String, column: Int, cells: [(name: String, column: Int)])] = []
        var acrossName = "area"
        func add(_ across: Across, name: String, column: Int) {
            let label: String
            switch across {
            case .area(let key): label = key
            case .period(let text):
                label = text
                if !rowColumns.contains(where: { TableReader.normalise($0.name) == "area" }) { break }
                acrossName = "period"
            case .total(let text): label = text
            }
            if let index = groups.firstIndex(where: { $0.label == label }) {
                groups[index].cells.append((name, column))
            } else {
                groups.append((label, column, [(name, column)]))
            }
        }
        for heading in headings {
            let name = TableReader.normalise(heading.name)
            if let group = heading.group, let across = across(group), names.contains(name) {
                add(across, name: name, column: heading.field.column)
            } else if names.contains(name), name != "value" {
                rowColumns.append(heading)
            } else if ignored.contains(name) || name.isEmpty {
                continue
            } else if let across = across(heading.name) {
                add(across, name: "value", column: heading.field.column)
            } else {
                let known = areas.map(\.name)
                findings.append(
                    Finding(
                        rule: IngestRule.unknownColumn.id, severity: .error,
                        message:
                            "the column '\(heading.name)' of this wide table names no area or period\(Suggestion.hint(for: heading.name, among: known)) and no column of a \(schema.name) dataset: expected an area (\(ListFormat.and(known))), a period, Total, or one of \(schema.columns.map(\.name).joined(separator: ", ")) (if the report should not read it, list it under ignore_columns: in the dataset's entry)",
                        location: SourceLocation(
                            file: file, line: heading.field.line, column: heading.field.column, sheet: sheet),
                        expected: "an area, a period or a column name", actual: heading.name))
            }
        }
        let headerLine = headings.map(\.field.line).max() ?? 1
        let subNames = groups.flatMap { $0.cells.map(\.name) }.reduce(into: [String]()) { names, name in
            if !names.contains(name) { names.append(name) }
        }
        var header = rowColumns.map(\.field)
        header.append(CSVField(text: acrossName, line: headerLine, column: groups.first?.column ?? 1, quoted: false))
        header += subNames.map {
            CSVField(text: $0, line: headerLine, column: groups.first?.column ?? 1, quoted: false)
        }
        var records = [CSVRecord(line: headerLine, fields: header)]
        // Down each area's (or period's) column in turn, as the same table in long form lists
        // an area's rows together.
        for group in groups {
            for record in data {
                let cells = Dictionary(record.fields.map { ($0.column, $0) }, uniquingKeysWith: { first, _ in first })
                func cell(_ column: Int) -> CSVField {
                    cells[column] ?? CSVField(text: "", line: record.line, column: column, quoted: false)
                }
                let values = subNames.map { name in
                    group.cells.first { $0.name == name }.map { cell($0.column) }
                        ?? CSVField(text: "", line: record.line, column: group.column, quoted: false)
                }
                guard values.contains(where: { !Trim.spaces($0.text).isEmpty }) else { continue }
                var fields = rowColumns.map { cell($0.field.column) }
                fields.append(CSVField(text: group.label, line: record.line, column: group.column, quoted: false))
                records.append(CSVRecord(line: record.line, fields: fields + values))
            }
        }
        let read = Set(rowColumns.map(\.field.column) + groups.flatMap { $0.cells.map(\.column) })
        return Shaped(records: records, findings: findings, readColumns: read)
    }

    // MARK: Totals

    /// Takes out the rows whose key reads Total and checks each against the sum of the rows it
    /// totals (those sharing its other key cells): a total is the analyst's check, not an area.
    private func checkTotals(_ shaped: inout Shaped) {
        guard let header = shaped.records.first, schema.column("value") != nil else { return }
        let names = header.fields.map { TableReader.normalise($0.text) }
        let keyIndexes = schema.key.compactMap { names.firstIndex(of: $0) }
        guard let valueIndex = names.firstIndex(of: "value"), !keyIndexes.isEmpty else { return }
        func text(_ record: CSVRecord, _ index: Int) -> String {
            index < record.fields.count ? Trim.spaces(record.fields[index].text) : ""
        }
        var totals: [(record: CSVRecord, label: Int)] = []
        var kept = [header]
        for record in shaped.records.dropFirst() {
            if let label = keyIndexes.first(where: { TableShaper.isTotal(text(record, $0)) }) {
                totals.append((record, label))
            } else {
                kept.append(record)
            }
        }
        guard !totals.isEmpty else { return }
        shaped.records = kept
        for (total, label) in totals {
            let others = keyIndexes.filter { $0 != label }
            let parts = kept.dropFirst().filter { record in others.allSatisfy { text(record, $0) == text(total, $0) } }
            let amounts = parts.map { TableShaper.amount(text($0, valueIndex)) }
            guard let stated = TableShaper.amount(text(total, valueIndex)), !parts.isEmpty,
                amounts.allSatisfy({ $0 != nil })
            else { continue }
            let sum = amounts.compactMap { $0 }.reduce(Decimal(0), +)
            guard sum != stated else { continue }
            let what = others.map { text(total, $0) }.filter { !$0.isEmpty }.joined(separator: "/")
            let field = total.fields[valueIndex]
            shaped.findings.append(
                Finding(
                    rule: IngestRule.totalMismatch.id, severity: .error,
                    message:
                        "the total\(what.isEmpty ? "" : " of \(what)") is \(text(total, valueIndex)), but the \(parts.count) \(parts.count == 1 ? "row" : "rows") it totals add up to \(sum): expected the total to equal their sum (correct the total, or the figure that is wrong); a total is checked, never read as an area",
                    location: SourceLocation(file: file, line: field.line, column: field.column, sheet: sheet),
                    expected: "\(sum)", actual: text(total, valueIndex)))
        }
    }

    /// A plain figure as an exact decimal ("1,234", "£5.50", "12%"); nil for anything else.
    static func amount(_ text: String) -> Decimal? {
        let plain = text.filter { !",£%".contains($0) && !$0.isWhitespace }
        guard !plain.isEmpty, plain.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else {
            return nil
        }
        return Decimal(string: plain, locale: Locale(identifier: "en_US_POSIX"))
    }
}
