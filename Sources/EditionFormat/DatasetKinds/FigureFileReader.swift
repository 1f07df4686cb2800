import ReportModel

/// Reads a figures CSV file straight from its bytes: one scan finds the fields, digits become
/// integers without a string between, and area and measure keys are made once and shared.
///
/// It is the fast road for the regular file a large edition nearly always is, and it takes
/// that road only when it can prove the general reader (`CSVReader`, `TableReader`,
/// `FiguresDataset`) would find nothing to report: no quotes, no control characters, no
/// spaces round a value, no formula-like text, no empty required cell, no unknown measure,
/// no repeated key, every value readable. At the first thing it is not sure of it gives up and
/// returns nil, and the general reader reads the whole file and reports what it finds, so
/// findings never depend on which road was taken and the figures are the same either way.
struct FigureFileReader {
    /// The file's path as locations name it.
    let file: String
    /// The dataset id every figure carries.
    let dataset: String
    /// The measures catalogue, by key.
    let measures: [String: Measure]

    /// What the file holds, when it is regular.
    struct Result {
        var figures: [Figure]
        /// Each schema column's position in the file (1 is column A).
        var columnPositions: [String: Int]
    }

    /// The figures of `bytes`, or nil when the general reader must read the file.
    func read(_ bytes: [UInt8]) -> Result? {
        guard UTF8Check.utf16Encoding(of: bytes) == nil else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var scan = FieldScan(bytes: buffer)
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { scan.index = 3 }
            guard let header = scan.nextRecord(), let layout = Layout(header: header, scan: scan) else { return nil }
            var rows = Rows(reader: self, layout: layout)
            let lines = buffer.count { $0 == UInt8(ascii: "\n") }
            rows.figures.reserveCapacity(lines)
            rows.reserveKeys(lines)
            while let record = scan.nextRecord() {
                guard rows.add(record, scan: scan) else { return nil }
            }
            // A refused byte ends the scan early: the general reader reads the file.
            guard !scan.refused, !rows.figures.isEmpty else { return nil }
            return Result(figures: rows.figures, columnPositions: layout.positions)
        }
    }
}

/// The fields of one line: their byte ranges, and the line.
private struct RawRecord {
    var line: Int
    var fields: [Range<Int>]
}

/// A scan over lines of unquoted fields. It refuses (returns nil, and `refused` stays set)
/// anything the general reader would treat specially: quotes, control characters, a lone
/// carriage return, an oversized field.
private struct FieldScan {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var line = 0
    var refused = false
    private var fields: [Range<Int>] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func nextRecord() -> RawRecord? {
        guard !refused, index < bytes.count else { return nil }
        line += 1
        fields.removeAll(keepingCapacity: true)
        var start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ",") {
                fields.append(start..<index)
                index += 1
                start = index
                continue
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                fields.append(start..<index)
                if byte == UInt8(ascii: "\r") {
                    guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") else { return refuse() }
                    index += 1
                }
                index += 1
                return RawRecord(line: line, fields: fields)
            }
            // Quotes and control characters (DEL included) are left to the general reader.
            guard byte >= 0x20, byte != UInt8(ascii: "\""), byte != 0x7F else { return refuse() }
            index += 1
        }
        fields.append(start..<index)
        return RawRecord(line: line, fields: fields)
    }

    private mutating func refuse() -> RawRecord? {
        refused = true
        return nil
    }

    /// The text of a field, or nil when the general reader must judge it: bytes that are not
    /// UTF-8, a control character, spaces round it, more than a cell holds.
    func text(_ range: Range<Int>) -> String? {
        guard range.count <= CSVReader.largestField else { return nil }
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard !slice.isEmpty else { return "" }
        if let first = slice.first, let last = slice.last, first == 0x20 || last == 0x20 { return nil }
        guard slice.contains(where: { $0 >= 0x80 }) else { return String(decoding: slice, as: UTF8.self) }
        guard let text = String(validating: slice, as: UTF8.self), ControlCharacters.first(in: text) == nil,
            Trim.spaces(text) == text
        else { return nil }
        return text
    }

    /// A field of plain digits as an integer (at most 18 digits, as `ValueReader.count` reads
    /// them), or nil.
    func digits(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var value = 0
        for position in range {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}

/// Which field holds which column of the figures schema, from a header the general reader
/// would accept without a finding.
private struct Layout {
    var area = -1, measure = -1, value = -1, statedPercent = -1, percentOf = -1, period = -1, source = -1
    var previous = -1
    var fieldCount: Int
    var positions: [String: Int] = [:]

    init?(header: RawRecord, scan: FieldScan) {
        fieldCount = header.fields.count
        let schema = FiguresDataset.schema
        for (index, range) in header.fields.enumerated() {
            guard let text = scan.text(range) else { return nil }
            let name = TableReader.normalise(text)
            guard schema.column(name) != nil, positions[name] == nil else { return nil }
            positions[name] = index + 1
            switch name {
            case "area": area = index
            case "measure": measure = index
            case "value": value = index
            case "stated_percent": statedPercent = index
            case "percent_of": percentOf = index
            case "period": period = index
            case "source": source = index
            case "previous": previous = index
            default: return nil  // A column this reader does not know yet: the general reader reads it.
            }
        }
        let needed = schema.columns.filter { $0.isRequired || $0.mustBePresent }
        guard needed.allSatisfy({ positions[$0.name] != nil }) else { return nil }
    }
}

/// The figures read so far, and what proves their keys unique.
private struct Rows {
    let reader: FigureFileReader
    let layout: Layout
    var figures: [Figure] = []
    /// The figures' positions by key: eight bytes a figure, where a set of keys takes forty.
    private var keys = PositionIndex()
    /// Long keys made once and shared by every row that names them.
    private var interned: [String: String] = [:]

    init(reader: FigureFileReader, layout: Layout) {
        self.reader = reader
        self.layout = layout
    }

    mutating func reserveKeys(_ count: Int) { keys = PositionIndex(capacity: count) }

    /// Adds a record's figure; false when the general reader must read the file instead.
    mutating func add(_ record: RawRecord, scan: FieldScan) -> Bool {
        // A row of empty fields is skipped, as spreadsheets leave them at the end of an export.
        if record.fields.allSatisfy(\.isEmpty) { return true }
        guard record.fields.count == layout.fieldCount else { return false }
        func cell(_ column: Int) -> SourceLocation {
            SourceLocation(file: reader.file, line: record.line, column: column + 1)
        }
        func text(_ column: Int) -> Located<String>?? {
            guard column >= 0 else { return .some(nil) }
            guard let text = scan.text(record.fields[column]) else { return nil }
            guard !text.isEmpty else { return .some(nil) }
            return CSVText.startsLikeFormula(text) ? nil : Located(text, at: cell(column))
        }
        // Area and measure are required: an empty one is for the general reader to report.
        guard let areaCell = text(layout.area), let areaText = areaCell, let measureCell = text(layout.measure),
            let measureText = measureCell
        else { return false }
        let area = intern(areaText)
        let measureKey = intern(measureText)
        guard let measure = reader.measures[measureKey.value],
            let period = typed(layout.period, DateReader.period, record: record, scan: scan),
            isNew(FigureKey(area: area.value, measure: measureKey.value, period: period?.value)),
            let value = quantity(layout.value, of: measure, record: record, scan: scan, required: true),
            let previous = quantity(layout.previous, of: measure, record: record, scan: scan, required: false),
            let percentOf = text(layout.percentOf), let source = text(layout.source),
            let stated = typed(layout.statedPercent, ValueReader.percent, record: record, scan: scan)
        else { return false }
        // A required value is never empty here: `quantity` gave up on an empty one.
        guard let value else { return false }
        figures.append(
            Figure(
                dataset: reader.dataset, area: area, measure: measureKey, value: value,
                statedPercentage: stated, percentOf: percentOf, period: period, source: source?.value,
                previous: previous, location: SourceLocation(file: reader.file, line: record.line)))
        return true
    }

    /// True when no figure read so far has this key (its period included: a series has a row
    /// per period); it is then kept as the next figure's.
    private mutating func isNew(_ key: FigureKey) -> Bool {
        let figures = self.figures
        return keys.insert(figures.count, hash: key.hashValue) {
            FigureKey(
                area: figures[$0].area.value, measure: figures[$0].measure.value, period: figures[$0].period?.value)
                == key
        } == nil
    }

    private mutating func intern(_ key: Located<String>) -> Located<String> {
        // Keys of up to 15 bytes live inside the string itself: nothing to share.
        guard key.value.utf8.count > 15 else { return key }
        if let shared = interned[key.value] { return Located(shared, at: key.location) }
        interned[key.value] = key.value
        return key
    }

    /// A value in its measure's unit: `.some(nil)` for an empty optional cell, nil when the
    /// general reader must judge it.
    private func quantity(
        _ column: Int, of measure: Measure, record: RawRecord, scan: FieldScan, required: Bool
    ) -> Located<Quantity>?? {
        guard column >= 0 else { return required ? nil : .some(nil) }
        let range = record.fields[column]
        let location = SourceLocation(file: reader.file, line: record.line, column: column + 1)
        if measure.unit == .count, let count = scan.digits(range) { return Located(.count(count), at: location) }
        guard let text = scan.text(range) else { return nil }
        if text.isEmpty { return required ? nil : .some(nil) }
        guard !CSVText.startsLikeFormula(text),
            case .success(let value) = ValueReader.quantity(text, unit: measure.unit)
        else { return nil }
        return Located(value, at: location)
    }

    /// An optional typed cell: `.some(nil)` when empty, nil when the general reader must judge it.
    private func typed<Value>(
        _ column: Int, _ read: (String) -> Swift.Result<Value, ValueProblem>, record: RawRecord, scan: FieldScan
    ) -> Located<Value>?? {
        guard column >= 0 else { return .some(nil) }
        guard let text = scan.text(record.fields[column]) else { return nil }
        if text.isEmpty { return .some(nil) }
        guard case .success(let value) = read(text) else { return nil }
        return Located(value, at: SourceLocation(file: reader.file, line: record.line, column: column + 1))
    }
}
