import ReportModel

/// Reads CSV as RFC 4180 describes it, as spreadsheets export it: UTF-8 with or without a
/// byte-order mark, LF or CRLF line ends, fields in double quotes holding commas, quotes and
/// line breaks.
///
/// It never stops at the first problem: a stray quote, an unterminated quote or bytes that are
/// not UTF-8 each become a finding located at the field, and reading goes on.
public struct CSVReader: Sendable {
    /// The file's path as findings should name it.
    public var file: String

    /// Creates a reader whose findings name `file`.
    public init(file: String) {
        self.file = file
    }

    /// Reads every record of `bytes`, skipping blank rows.
    /// - Parameter bytes: the file's contents.
    /// - Returns: the records and the findings met on the way.
    public func read(_ bytes: [UInt8]) -> CSVDocument {
        var records: [CSVRecord] = []
        let findings = forEachRecord(bytes) { records.append($0) }
        return CSVDocument(records: records, findings: findings)
    }

    /// Hands each record of `bytes` to `body` as it is read, skipping blank rows, so a large
    /// file is never held as records all at once.
    /// - Returns: the findings met on the way.
    public func forEachRecord(_ bytes: [UInt8], _ body: (CSVRecord) -> Void) -> [Finding] {
        if let encoding = UTF8Check.utf16Encoding(of: bytes) { return [savedAsUTF16(encoding)] }
        var scanner = Scanner(bytes: bytes, file: file)
        if scanner.isEffectivelyEmpty { return [emptyFile(actual: "nothing")] }
        var any = false
        while let record = scanner.nextRecord() {
            guard !record.isBlank else { continue }
            any = true
            body(record)
        }
        if !any { scanner.findings.append(emptyFile(actual: "only blank rows")) }
        return scanner.findings
    }
}

extension CSVReader {
    /// The most characters a field may hold: what a spreadsheet cell holds (in UTF-16 units, as
    /// spreadsheets count them). No real report comes near it; a field beyond it is refused
    /// before it can slow a build down or reach the published data.
    public static let largestField = 32_767

    private func savedAsUTF16(_ encoding: String) -> Finding {
        Finding(
            rule: IngestRule.invalidUTF8.id, severity: .error,
            message:
                "the file is saved as \(encoding), not UTF-8: expected it saved as CSV UTF-8 (a spreadsheet's Save As offers it)",
            location: SourceLocation(file: file, line: 1), expected: "UTF-8", actual: encoding)
    }

    private func emptyFile(actual: String) -> Finding {
        Finding(
            rule: IngestRule.emptyFile.id, severity: .error,
            message: "the file is empty: expected a header row and at least one data row",
            location: SourceLocation(file: file, line: 1), expected: "a header row", actual: actual)
    }
}

private let quote = UInt8(ascii: "\"")
private let comma = UInt8(ascii: ",")
private let lineFeed = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")

/// The reading state: a position in the bytes and the line it is on.
private struct Scanner {
    let bytes: [UInt8]
    let file: String
    var index: Int
    var line = 1
    var findings: [Finding] = []

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        index = bytes.starts(with: bom) ? bom.count : 0
    }

    /// True when there is nothing but white space after the byte-order mark.
    var isEffectivelyEmpty: Bool {
        bytes[index...].allSatisfy { $0 == lineFeed || $0 == carriageReturn || $0 == 0x20 || $0 == 0x09 }
    }

    mutating func nextRecord() -> CSVRecord? {
        guard index < bytes.count else { return nil }
        let recordLine = line
        var fields: [CSVField] = []
        while true {
            fields.append(nextField(column: fields.count + 1))
            if index < bytes.count, bytes[index] == comma {
                index += 1
                continue
            }
            consumeLineEnd()
            return CSVRecord(line: recordLine, fields: fields)
        }
    }

    private mutating func consumeLineEnd() {
        guard index < bytes.count else { return }
        if bytes[index] == carriageReturn { index += 1 }
        if index < bytes.count, bytes[index] == lineFeed { index += 1 }
        line += 1
    }

    private mutating func nextField(column: Int) -> CSVField {
        let startLine = line
        let startOffset = index
        let isQuoted = index < bytes.count && bytes[index] == quote
        var text: String
        if isQuoted {
            text = decode(quotedBytes(column: column)[...], from: startOffset, line: startLine, column: column)
        } else {
            // A plain field is its bytes in the file: decoded where they lie, with no copy.
            text = decode(plainBytes(column: column), from: startOffset, line: startLine, column: column)
        }
        if text.utf8.count > CSVReader.largestField, text.utf16.count > CSVReader.largestField {
            report(
                .oversizedField, line: startLine, column: column,
                "the field holds \(GovUKFormat.grouped(String(text.utf16.count))) characters: expected at most \(GovUKFormat.grouped(String(CSVReader.largestField))), as many as a spreadsheet cell holds",
                expected: "at most \(GovUKFormat.grouped(String(CSVReader.largestField))) characters",
                actual: "\(GovUKFormat.grouped(String(text.utf16.count))) characters")
            text = ""
        }
        return CSVField(text: text, line: startLine, column: column, quoted: isQuoted)
    }

    /// A field in quotes. Doubled quotes stand for one; line breaks inside are kept (as LF).
    private mutating func quotedBytes(column: Int) -> [UInt8] {
        let openingLine = line
        index += 1
        var field: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                if index + 1 < bytes.count, bytes[index + 1] == quote {
                    field.append(quote)
                    index += 2
                    continue
                }
                index += 1
                field += trailingAfterClosingQuote(column: column)
                return field
            }
            if byte == carriageReturn, index + 1 < bytes.count, bytes[index + 1] == lineFeed {
                index += 1
                continue
            }
            if byte == lineFeed || byte == carriageReturn { line += 1 }
            field.append(byte == carriageReturn ? lineFeed : byte)
            index += 1
        }
        report(
            .unterminatedQuote, line: openingLine, column: column,
            "a quoted field opens here but its closing quote never comes: expected a closing \" before the end of the file",
            expected: "a closing quote", actual: "end of file")
        return field
    }

    /// Text after a closing quote and before the next comma or line end, which RFC 4180 does
    /// not allow: it is reported and kept, so nothing the analyst typed is lost.
    private mutating func trailingAfterClosingQuote(column: Int) -> [UInt8] {
        let start = index
        while index < bytes.count, !isFieldEnd(bytes[index]) { index += 1 }
        guard index > start else { return [] }
        let extra = String(decoding: bytes[start..<index], as: UTF8.self)
        report(
            .strayQuote, line: line, column: column,
            "text \"\(extra)\" follows the closing quote: expected a comma or the end of the line after a quoted field",
            expected: "a comma or line end", actual: extra)
        return Array(bytes[start..<index])
    }

    private mutating func plainBytes(column: Int) -> ArraySlice<UInt8> {
        let start = index
        var sawQuote = false
        while index < bytes.count, !isFieldEnd(bytes[index]) {
            sawQuote = sawQuote || bytes[index] == quote
            index += 1
        }
        let field = bytes[start..<index]
        if sawQuote {
            let text = String(decoding: field, as: UTF8.self)
            report(
                .strayQuote, line: line, column: column,
                "a quote appears inside the unquoted field \"\(text)\": expected the whole field in quotes with inner quotes doubled",
                expected: "\"...\"\"...\"", actual: text)
        }
        return field
    }

    private func isFieldEnd(_ byte: UInt8) -> Bool {
        byte == comma || byte == lineFeed || byte == carriageReturn
    }

    /// Decodes a field as UTF-8, reporting the file offset of the first byte that is not.
    /// The field's raw bytes in the file (quotes and line ends included) are all ASCII apart
    /// from its content, so the first bad byte of that range is the field's first bad byte.
    private mutating func decode(_ raw: ArraySlice<UInt8>, from start: Int, line: Int, column: Int) -> String {
        if let text = String(validating: raw, as: UTF8.self) { return text }
        if let position = UTF8Check.firstInvalid(in: bytes, range: start..<index, countingLines: false) {
            report(
                .invalidUTF8, line: line, column: column,
                "the bytes at offset \(position.offset) are not valid UTF-8: expected the file saved as UTF-8 (CSV UTF-8 in a spreadsheet's Save As)",
                expected: "UTF-8", actual: UTF8Check.describe(position))
        }
        return String(decoding: raw, as: UTF8.self)
    }

    private mutating func report(
        _ rule: IngestRule, line: Int, column: Int, _ message: String, expected: String, actual: String
    ) {
        findings.append(
            Finding(
                rule: rule.id, severity: .error, message: message,
                location: SourceLocation(file: file, line: line, column: column),
                expected: expected, actual: actual))
    }
}
