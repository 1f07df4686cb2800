import EditionFormat
import ReportModel
import Testing

/// A record as the reader should return it: the line it starts on and its fields' text. Each
/// field's column is its position from 1; its line is the record's unless `fieldLines` says.
struct ExpectedRecord: Sendable {
    var line: Int
    var fields: [String]
    var fieldLines: [Int]? = nil
}

/// A CSV text and the records RFC 4180 (as spreadsheets write it) makes of it.
struct CSVCase: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var records: [ExpectedRecord]
    var quoted: [Bool]? = nil

    init(_ name: String, _ text: String, _ records: [ExpectedRecord]) {
        self.name = name
        self.bytes = Array(text.utf8)
        self.records = records
    }

    init(_ name: String, bytes: [UInt8], _ records: [ExpectedRecord]) {
        self.name = name
        self.bytes = bytes
        self.records = records
    }

    var testDescription: String { name }

    static let all: [CSVCase] = [
        CSVCase(
            "reads a quoted field that holds a comma",
            "course,completions\n\"Advanced Practice, Level 2\",200\n",
            [
                ExpectedRecord(line: 1, fields: ["course", "completions"]),
                ExpectedRecord(line: 2, fields: ["Advanced Practice, Level 2", "200"]),
            ]),
        CSVCase(
            "reads doubled quotes inside a quoted field as one quote",
            "a,b\n\"She said \"\"hello\"\"\",\"\"\"\"\n",
            [
                ExpectedRecord(line: 1, fields: ["a", "b"]),
                ExpectedRecord(line: 2, fields: ["She said \"hello\"", "\""]),
            ]),
        CSVCase(
            "reads a quoted field that holds a newline and keeps later line numbers right",
            "a,b,c\n1,\"two\nlines\",x\n2,\"three\r\nlines\r\nhere\",y\n3,z,w\n",
            [
                ExpectedRecord(line: 1, fields: ["a", "b", "c"]),
                ExpectedRecord(line: 2, fields: ["1", "two\nlines", "x"], fieldLines: [2, 2, 3]),
                ExpectedRecord(line: 4, fields: ["2", "three\nlines\nhere", "y"], fieldLines: [4, 4, 6]),
                ExpectedRecord(line: 7, fields: ["3", "z", "w"]),
            ]),
        CSVCase(
            "reads CRLF line ends",
            "a,b\r\n1,2\r\n3,4\r\n",
            [
                ExpectedRecord(line: 1, fields: ["a", "b"]),
                ExpectedRecord(line: 2, fields: ["1", "2"]),
                ExpectedRecord(line: 3, fields: ["3", "4"]),
            ]),
        CSVCase(
            "reads lone LF line ends",
            "a,b\n1,2\n3,4\n",
            [
                ExpectedRecord(line: 1, fields: ["a", "b"]),
                ExpectedRecord(line: 2, fields: ["1", "2"]),
                ExpectedRecord(line: 3, fields: ["3", "4"]),
            ]),
        CSVCase(
            "reads lone CR line ends",
            "a,b\r1,2\r",
            [
                ExpectedRecord(line: 1, fields: ["a", "b"]),
                ExpectedRecord(line: 2, fields: ["1", "2"]),
            ]),
        CSVCase(
            "reads mixed line ends in one file",
            "a,b\r\n1,2\n3,4\r\n",
            [
                ExpectedRecord(line: 1, fields: ["a", "b"]),
                ExpectedRecord(line: 2, fields: ["1", "2"]),
                ExpectedRecord(line: 3, fields: ["3", "4"]),
            ]),
        CSVCase(
            "skips a byte-order mark so the first header is clean",
            bytes: [0xEF, 0xBB, 0xBF] + Array("agency,amount\nPolice,£1\n".utf8),
            [
                ExpectedRecord(line: 1, fields: ["agency", "amount"]),
                ExpectedRecord(line: 2, fields: ["Police", "£1"]),
            ]),
        CSVCase(
            "skips trailing blank lines and the ,,, rows spreadsheets leave",
            "a,b,c\n1,2,3\n,,\n\n,,\r\n\n",
            [
                ExpectedRecord(line: 1, fields: ["a", "b", "c"]),
                ExpectedRecord(line: 2, fields: ["1", "2", "3"]),
            ]),
        CSVCase(
            "skips a blank line between records and counts it",
            "a,b\n\n1,2\n,\n3,4\n",
            [
                ExpectedRecord(line: 1, fields: ["a", "b"]),
                ExpectedRecord(line: 3, fields: ["1", "2"]),
                ExpectedRecord(line: 5, fields: ["3", "4"]),
            ]),
        CSVCase(
            "keeps an empty last field",
            "a,b,c\n1,2,\n",
            [
                ExpectedRecord(line: 1, fields: ["a", "b", "c"]),
                ExpectedRecord(line: 2, fields: ["1", "2", ""]),
            ]),
        CSVCase(
            "keeps empty fields in the middle",
            "a,b,c\n1,,3\n",
            [
                ExpectedRecord(line: 1, fields: ["a", "b", "c"]),
                ExpectedRecord(line: 2, fields: ["1", "", "3"]),
            ]),
        CSVCase(
            "keeps a row of one empty quoted field, which is not blank",
            "a\n\"\"\n",
            [
                ExpectedRecord(line: 1, fields: ["a"]),
                ExpectedRecord(line: 2, fields: [""]),
            ]),
        CSVCase(
            "numbers fields from column 1",
            "first,second,third,fourth\n",
            [ExpectedRecord(line: 1, fields: ["first", "second", "third", "fourth"])]),
        CSVCase(
            "reads a last line without a line end",
            "a,b\n1,2",
            [
                ExpectedRecord(line: 1, fields: ["a", "b"]),
                ExpectedRecord(line: 2, fields: ["1", "2"]),
            ]),
        CSVCase(
            "reads a quoted last field on a last line without a line end",
            "a,b\n1,\"2\"",
            [
                ExpectedRecord(line: 1, fields: ["a", "b"]),
                ExpectedRecord(line: 2, fields: ["1", "2"]),
            ]),
        CSVCase(
            "keeps spaces inside fields as typed",
            "a,b\n  x , y\n",
            [
                ExpectedRecord(line: 1, fields: ["a", "b"]),
                ExpectedRecord(line: 2, fields: ["  x ", " y"]),
            ]),
        CSVCase(
            "reads UTF-8 text such as £ and en dashes",
            "agency,role\nPublic Health – North,£ holder\n",
            [
                ExpectedRecord(line: 1, fields: ["agency", "role"]),
                ExpectedRecord(line: 2, fields: ["Public Health – North", "£ holder"]),
            ]),
    ]
}

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("reads RFC 4180 CSV", arguments: CSVCase.all)
    func reads(_ csv: CSVCase) {
        let document = CSVReader(file: "t.csv").read(csv.bytes)
        #expect(document.findings == [])
        #expect(document.records.map(\.line) == csv.records.map(\.line))
        #expect(document.records.map { $0.fields.map(\.text) } == csv.records.map(\.fields))
        for (record, expected) in zip(document.records, csv.records) {
            #expect(record.fields.map(\.column) == Array(1...max(1, expected.fields.count)))
            #expect(record.fields.map(\.line) == (expected.fieldLines ?? expected.fields.map { _ in expected.line }))
        }
    }

    @Test("tells quoted fields from plain ones")
    func quotedFlag() {
        let document = CSVReader(file: "t.csv").read(Array("\"a\",b,\"\"\n".utf8))
        #expect(document.records.first?.fields.map(\.quoted) == [true, false, true])
    }

    @Test("names the file it was given in its findings")
    func namesItsFile() {
        let document = CSVReader(file: "somewhere/x.csv").read(Array("a\n\"b\n".utf8))
        #expect(document.findings.map(\.location?.file) == ["somewhere/x.csv"])
    }

    @Test("keeps reading after an unterminated quote and reports it at its opening")
    func unterminatedQuote() {
        let document = CSVReader(file: "t.csv").read(Array("a,b\n1,2\n3,\"four\n5,6\n".utf8))
        #expect(document.records.map(\.line) == [1, 2, 3])
        #expect(document.records.last?.fields.map(\.text) == ["3", "four\n5,6\n"])
        #expect(document.findings.map(\.rule) == [IngestRule.unterminatedQuote.id])
        #expect(document.findings.first?.location == SourceLocation(file: "t.csv", line: 3, column: 2))
    }

    @Test("keeps what follows a closing quote, and reports it")
    func textAfterClosingQuote() {
        let document = CSVReader(file: "t.csv").read(Array("\"12\"5,x\n".utf8))
        #expect(document.records.first?.fields.map(\.text) == ["125", "x"])
        #expect(document.findings.map(\.rule) == [IngestRule.strayQuote.id])
    }

    /// Bytes that are not UTF-8, where the first bad byte is, counted by hand.
    @Test(
        "names the offset of the first byte that is not UTF-8",
        arguments: [
            // "ab,c" is bytes 0 to 3; the 0xFF is byte 4.
            (Array("ab,c".utf8) + [0xFF] + Array("d\n".utf8), 4, 0xFF as UInt8, 1, 2),
            // A two-byte "é" (0xC3 0xA9) at 4 and 5 is fine; the lone 0xE9 after it is byte 6.
            (Array("ab,c".utf8) + [0xC3, 0xA9, 0xE9] + Array("\n".utf8), 6, 0xE9, 1, 2),
            // "a\nb,\"x" is bytes 0 to 5, the quote at 4; the 0x80 is byte 6, line 2.
            (Array("a\nb,\"x".utf8) + [0x80] + Array("\"\n".utf8), 6, 0x80, 2, 2),
            // A lead byte 0xC3 at the very end of the file, byte 3.
            (Array("a,b".utf8) + [0xC3], 3, 0xC3, 1, 2),
        ] as [([UInt8], Int, UInt8, Int, Int)])
    func invalidUTF8Offset(bytes: [UInt8], offset: Int, byte: UInt8, line: Int, column: Int) {
        let document = CSVReader(file: "t.csv").read(bytes)
        #expect(document.findings.count == 1)
        let finding = document.findings.first
        #expect(finding?.rule == IngestRule.invalidUTF8.id)
        #expect(finding?.location == SourceLocation(file: "t.csv", line: line, column: column))
        #expect(finding?.message.contains("the bytes at offset \(offset) are not valid UTF-8") == true)
        #expect(
            finding?.actual == "invalid byte 0x\(String(byte, radix: 16, uppercase: true)) at byte offset \(offset)")
        #expect(bytes[offset] == byte)
    }

    /// The reader maps a position inside a quoted field's decoded bytes back to the file by
    /// adding one for the opening quote. That is wrong when the field holds a doubled quote or
    /// a CRLF (each one byte shorter decoded than in the file) or text after its closing quote.
    @Test(
        "names the right offset when a quoted field holds doubled quotes or CRLF before the bad byte",
        arguments: [
            // '"' 0, 'a' 1, '"' 2, '"' 3, 0xFF 4.
            (Array("\"a\"\"".utf8) + [0xFF] + Array("\"\n".utf8), 4),
            // '"' 0, 'x' 1, CR 2, LF 3, 0xFF 4.
            (Array("\"x\r\n".utf8) + [0xFF] + Array("\"\n".utf8), 4),
            // '"' 0, 'x' 1, '"' 2, 0xFF 3 after the closing quote.
            (Array("\"x\"".utf8) + [0xFF] + Array(",b\n".utf8), 3),
        ] as [([UInt8], Int)])
    func invalidUTF8OffsetInQuotedField(bytes: [UInt8], offset: Int) {
        let finding = CSVReader(file: "t.csv").read(bytes).findings.first { $0.rule == IngestRule.invalidUTF8.id }
        #expect(
            finding?.actual
                == "invalid byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at byte offset \(offset)")
    }
}
