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

    /// Appends the figures of `bytes` to `figures` and returns each schema column's position in
    /// the file (1 is column A); or returns nil, leaving `figures` as it was, when the general
    /// reader must read the file. Figures are written straight into the array they end in, so
    /// a million of them are never copied.
    func read(_ bytes: [UInt8], appendingTo figures: inout [Figure]) -> [String: Int]? {
        guard UTF8Check.utf16Encoding(of: bytes) == nil else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var scan = FieldScan(bytes: buffer)
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { scan.index = 3 }
            guard let header = scan.nextRecord(), let layout = Layout(header: header, scan: scan) else { return nil }
            var rows = Rows(reader: self, layout: layout, start: figures.count)
            let lines = LineCount.lineFeeds(in: buffer)
            swap(&rows.figures, &figures)
            defer { swap(&rows.figures, &figures) }
            rows.figures.reserveCapacity(rows.start + lines)
            rows.reserveKeys(lines)
            var regular = true
            while regular, let record = scan.nextRecord() { regular = rows.add(record, scan: scan) }
            // A refused byte ends the scan early: the general reader reads the file.
            guard regular, !scan.refused, rows.figures.count > rows.start else {
                rows.figures.removeSubrange(rows.start...)
                return nil
            }
            return layout.positions
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
        let end = bytes.count
        while true {
            // Bytes of values (digits, letters, most punctuation) are passed over in a tight
            // loop; only the few that end or refuse a field are looked at further.
            while index < end, FieldScan.isPlain(bytes[index]) { index += 1 }
            guard index < end else { break }
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
                    guard index + 1 < end, bytes[index + 1] == UInt8(ascii: "\n") else { return refuse() }
                    index += 1
                }
                index += 1
                return RawRecord(line: line, fields: fields)
            }
            // Quotes and control characters (DEL included) are left to the general reader.
            return refuse()
        }
        fields.append(start..<index)
        return RawRecord(line: line, fields: fields)
    }

    /// True for a byte that neither ends a field or line nor needs the general reader: not a
    /// comma, quote, control character or DEL. Bytes of UTF-8 beyond ASCII are plain here
    /// and judged with their field's text.
    @inline(__always)
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte > UInt8(ascii: "\"")
            ? byte != UInt8(ascii: ",") && byte != 0x7F : byte >= 0x20 && byte != UInt8(ascii: "\"")
    }

    private mutating func refuse() -> RawRecord? {
        refused = true
        return nil
    }

    /// The text of a field, or nil when the general reader must judge it: bytes that are not
    /// UTF-8, a control character, an invisible or look-alike character, spaces round it, more
    /// than a cell holds.
    func text(_ range: Range<Int>) -> String? {
        guard range.count <= CSVReader.largestField else { return nil }
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard !slice.isEmpty else { return "" }
        if let first = slice.first, let last = slice.last, first == 0x20 || last == 0x20 { return nil }
        guard slice.contains(where: { $0 >= 0x80 }) else { return String(decoding: slice, as: UTF8.self) }
        guard let text = String(validating: slice, as: UTF8.self), ControlCharacters.first(in: text) == nil,
            LookalikeText.first(in: text) == nil, Trim.spaces(text) == text
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
/// would accept without a finding. Plain integers, so a row copies it for nothing.
private struct Layout {
    var area = -1, measure = -1, value = -1, statedPercent = -1, percentOf = -1, period = -1, source = -1
    var previous = -1
    var fieldCount: Int

    /// Each schema column's position in the file (1 is column A).
    var positions: [String: Int] {
        let columns = [
            "area": area, "measure": measure, "value": value, "stated_percent": statedPercent,
            "percent_of": percentOf, "period": period, "source": source, "previous": previous,
        ]
        return columns.filter { $0.value >= 0 }.mapValues { $0 + 1 }
    }

    init?(header: RawRecord, scan: FieldScan) {
        fieldCount = header.fields.count
        let schema = FiguresDataset.schema
        var seen: Set<String> = []
        for (index, range) in header.fields.enumerated() {
            guard let text = scan.text(range) else { return nil }
            let name = TableReader.normalise(text)
            guard schema.column(name) != nil, seen.insert(name).inserted else { return nil }
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
        guard needed.allSatisfy({ seen.contains($0.name) }) else { return nil }
    }
}

/// The figures read so far, and what proves their keys unique.
private struct Rows {
    let layout: Layout
    /// The reader's file, dataset and measures catalogue.
    private let file: String
    private let dataset: String
    private let measures: [String: Measure]
    /// The figures before this file's (other datasets'), then this file's from `start`.
    var figures: [Figure] = []
    let start: Int
    /// This file's figures' positions (from `start`) by key: eight bytes a figure, where a set of keys takes forty.
    private var keys = PositionIndex()
    /// The area and measure fields met so far, each judged and made a string once.
    private var areas = KeyTable()
    private var measureKeys = KeyTable()
    /// The unit of each measure key's measure, by its id in `measureKeys`; nil for a key the
    /// catalogue does not have.
    private var units: [MeasureUnit?] = []

    init(reader: FigureFileReader, layout: Layout, start: Int) {
        self.start = start
        self.layout = layout
        (file, dataset, measures) = (reader.file, reader.dataset, reader.measures)
    }

    mutating func reserveKeys(_ count: Int) {
        keys = PositionIndex(capacity: count)
    }

    /// Adds a record's figure; false when the general reader must read the file instead.
    mutating func add(_ record: RawRecord, scan: FieldScan) -> Bool {
        // A row of empty fields is skipped, as spreadsheets leave them at the end of an export.
        if record.fields.allSatisfy({ $0.isEmpty }) { return true }
        guard record.fields.count == layout.fieldCount else { return false }
        // Locals, so the functions below capture them and not the whole of `self`.
        let (file, line) = (self.file, record.line)
        func cell(_ column: Int) -> SourceLocation {
            SourceLocation(file: file, line: line, column: column + 1)
        }
        func text(_ column: Int) -> Located<String>?? {
            guard column >= 0 else { return .some(nil) }
            guard let text = scan.text(record.fields[column]) else { return nil }
            guard !text.isEmpty else { return .some(nil) }
            return CSVText.startsLikeFormula(text) ? nil : Located(text, at: cell(column))
        }
        // Area and measure are required: an empty one is for the general reader to report.
        let area = areas.id(of: record.fields[layout.area], in: scan)
        let measureKey = measureKeys.id(of: record.fields[layout.measure], in: scan)
        if measureKey == units.count {
            var unit: MeasureUnit?
            if let text = measureKeys.text(measureKey) { unit = measures[text]?.unit }
            units.append(unit)
        }
        guard let areaText = areas.text(area), let measureText = measureKeys.text(measureKey),
            let unit = units[measureKey]
        else { return false }
        let row = SourceLocation(file: file, line: line)
        // Most rows hold an area, a measure and a value, every other cell empty: such a row is
        // made with nothing more read.
        let fields = record.fields
        func empty(_ column: Int) -> Bool { column < 0 || fields[column].isEmpty }
        let plain =
            empty(layout.period) && empty(layout.statedPercent) && empty(layout.percentOf) && empty(layout.source)
            && empty(layout.previous)
        // A required value is never empty here: `quantity` gives up on an empty one.
        guard let period = plain ? .some(nil) : typed(layout.period, DateReader.period, record: record, scan: scan),
            isNew(
                area: area, measure: measureKey,
                key: FigureKey(area: areaText, measure: measureText, period: period?.value)),
            let read = quantity(layout.value, unit: unit, record: record, scan: scan, required: true),
            let value = read
        else { return false }
        if plain {
            figures.append(
                Figure(
                    dataset: dataset, area: areaText, measure: measureText, value: value.value, row: row,
                    columns: (layout.area + 1, layout.measure + 1, layout.value + 1)))
            return true
        }
        guard let previous = quantity(layout.previous, unit: unit, record: record, scan: scan, required: false),
            let percentOf = text(layout.percentOf), let source = text(layout.source),
            let stated = typed(layout.statedPercent, ValueReader.percent, record: record, scan: scan)
        else { return false }
        figures.append(
            Figure(
                dataset: dataset, area: Located(areaText, at: cell(layout.area)),
                measure: Located(measureText, at: cell(layout.measure)), value: value,
                statedPercentage: stated, percentOf: percentOf, period: period, source: source?.value,
                previous: previous, location: row))
        return true
    }

    /// True when no figure read so far has this key (its period included: a series has a row
    /// per period); it is then kept as the next figure's.
    /// The key is hashed by its ids in the key tables (the first id of its text) and compared,
    /// on the rare hash that matches, by the figures' own keys.
    private mutating func isNew(area: Int, measure: Int, key: FigureKey) -> Bool {
        let hash = FigureColumns.hash(
            area: UInt32(areas.canonical(area)), measure: UInt32(measureKeys.canonical(measure)), period: key.period)
        let (figures, start) = (self.figures, self.start)
        return keys.insert(figures.count - start, hash: hash) {
            let figure = figures[start + $0]
            return FigureKey(area: figure.area.value, measure: figure.measure.value, period: figure.period?.value)
                == key
        } == nil
    }

    /// A value in its measure's unit: `.some(nil)` for an empty optional cell, nil when the
    /// general reader must judge it.
    private func quantity(
        _ column: Int, unit: MeasureUnit, record: RawRecord, scan: FieldScan, required: Bool
    ) -> Located<Quantity>?? {
        guard column >= 0 else { return required ? nil : .some(nil) }
        let range = record.fields[column]
        let location = SourceLocation(file: file, line: record.line, column: column + 1)
        if unit == .count, let count = scan.digits(range) { return Located(.count(count), at: location) }
        guard let text = scan.text(range) else { return nil }
        if text.isEmpty { return required ? nil : .some(nil) }
        guard !CSVText.startsLikeFormula(text),
            case .success(let value) = ValueReader.quantity(text, unit: unit)
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
        return Located(value, at: SourceLocation(file: file, line: record.line, column: column + 1))
    }
}

/// Keys met in a file (areas, or measures), by their bytes: each distinct key is judged and
/// made a string once, however many rows repeat it, and is known after by a small integer.
private struct KeyTable {
    /// Each key's bytes where first met, and its text; nil text when the general reader must
    /// judge it (empty, not plain text, formula-like).
    private var ranges: [Range<Int>] = []
    private var texts: [String?] = []
    /// For each key, the id of the first key whose text is the same string: bytes that differ
    /// can still be one key to Swift ("é" as one scalar or as "e" and an accent), and keys are
    /// compared as strings everywhere else.
    private var canonicalIds: [Int] = []
    private var idsByText: [String: Int] = [:]
    /// For each key, the key that followed it last: a file lists the same keys in the same
    /// order, row after row, so the next key is nearly always the one foretold, and is found
    /// by one comparison of bytes, without hashing.
    private var next: [Int] = []
    private var last: Int?
    /// Open addressing: a key's id + 1, or 0 for an empty slot. Slots are chosen by Swift's
    /// seeded hash, so no file can be made to pile its keys into one run of slots.
    private var slots = [UInt32](repeating: 0, count: 256)

    /// The text of the key with this id, or nil when the general reader must judge it.
    func text(_ id: Int) -> String? { texts[id] }

    /// The id of the first key with the same text as this one.
    func canonical(_ id: Int) -> Int { canonicalIds[id] }

    /// The id of the key in `range`, the key of the next row; a key not met before gets the
    /// next id (`count` before).
    mutating func id(of range: Range<Int>, in scan: FieldScan) -> Int {
        let id: Int
        if let last, KeyTable.same(scan.bytes, ranges[next[last]], range) {
            id = next[last]
        } else {
            id = lookUp(range, in: scan)
            if let last { next[last] = id }
        }
        last = id
        return id
    }

    private mutating func lookUp(_ range: Range<Int>, in scan: FieldScan) -> Int {
        let bytes = scan.bytes
        let mask = slots.count - 1
        var slot = KeyTable.hash(bytes, range) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot]) - 1
            if KeyTable.same(bytes, ranges[id], range) { return id }
            slot = (slot + 1) & mask
        }
        let id = ranges.count
        let text = scan.text(range).flatMap { $0.isEmpty || CSVText.startsLikeFormula($0) ? nil : $0 }
        ranges.append(range)
        texts.append(text)
        next.append(id)
        if let text {
            canonicalIds.append(idsByText[text, default: id])
            idsByText[text] = idsByText[text] ?? id
        } else {
            canonicalIds.append(id)
        }
        slots[slot] = UInt32(id + 1)
        if ranges.count * 4 > slots.count * 3 { grow(bytes) }
        return id
    }

    private mutating func grow(_ bytes: UnsafeBufferPointer<UInt8>) {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, range) in ranges.enumerated() {
            var slot = KeyTable.hash(bytes, range) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(id + 1)
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[range])))
        return hasher.finalize()
    }

    private static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ left: Range<Int>, _ right: Range<Int>) -> Bool {
        guard left.count == right.count else { return false }
        for offset in 0..<left.count where bytes[left.lowerBound + offset] != bytes[right.lowerBound + offset] {
            return false
        }
        return true
    }
}
