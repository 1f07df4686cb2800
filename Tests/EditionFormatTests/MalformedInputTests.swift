import EditionFormat
import ReportModel
import Testing

/// The finding a malformed edition must produce: the rule, the place and the exact sentence.
struct ExpectedFinding: Sendable, CustomStringConvertible {
    var rule: String
    var file: String
    var line: Int?
    var column: Int?
    var message: String

    init(_ rule: IngestRule, _ file: String, line: Int?, column: Int?, _ message: String) {
        self.rule = rule.id
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    func matches(_ finding: Finding) -> Bool {
        finding.rule == rule && finding.message == message
            && finding.location == SourceLocation(file: file, line: line, column: column)
    }

    var description: String {
        "\(rule) at \(SourceLocation(file: file, line: line, column: column)): \(message)"
    }
}

/// How a case changes the synthetic edition: one file's new content, or the file taken away.
enum Change: Sendable {
    case text(String)
    case bytes([UInt8])
    case removed
}

/// One way of getting an edition wrong, and what ingest must say about it.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    var name: String
    var path: String
    var change: Change
    var expected: [ExpectedFinding]
    /// True when the expected findings are all the findings there may be.
    var isExhaustive = false

    var testDescription: String { name }

    /// The synthetic edition's files with this case's change made.
    var files: [String: [UInt8]] {
        var files = SyntheticEdition.files
        switch change {
        case .text(let text): files[path] = Array(text.utf8)
        case .bytes(let bytes): files[path] = bytes
        case .removed: files[path] = nil
        }
        return files
    }
}

// The header of budget.csv is 40 bytes, offsets 0 to 39, so its second line starts at byte 40.
private let budgetHeader = "agency,parent,amount,stated_percent,row\n"
private let coursesHeader = "course,mode,completions,row\n"
private let figuresHeader = "area,measure,value,stated_percent,percent_of,period,source\n"
private let correctionsHeader = "dataset,key,column,published_value,reason,date\n"

private let budget = SyntheticEdition.budgetPath
private let courses = SyntheticEdition.coursesPath
private let figures = SyntheticEdition.figuresPath
private let corrections = SyntheticEdition.correctionsPath
private let measures = SyntheticEdition.measuresPath
private let manifest = SyntheticEdition.manifestPath
private let intro = SyntheticEdition.introPath

private func manifestChange(_ original: String, _ replacement: String) -> Change {
    .text(SyntheticEdition.manifest(replacing: original, with: replacement))
}

private let notACount = "expected a whole number such as 1,234"

extension MalformedCase {
    static let all: [MalformedCase] = csvStructure + headers + cells + references + manifestCases + files + [collectAll]

    // MARK: CSV structure

    static let csvStructure: [MalformedCase] = [
        MalformedCase(
            name: "an empty file", path: budget, change: .text(""),
            expected: [
                ExpectedFinding(
                    .emptyFile, budget, line: 1, column: nil,
                    "the file is empty: expected a header row and at least one data row")
            ]),
        MalformedCase(
            name: "a file holding only a byte-order mark and blank lines", path: budget,
            change: .bytes([0xEF, 0xBB, 0xBF] + Array("\r\n\n  \n".utf8)),
            expected: [
                ExpectedFinding(
                    .emptyFile, budget, line: 1, column: nil,
                    "the file is empty: expected a header row and at least one data row")
            ]),
        MalformedCase(
            name: "a header but no data rows", path: budget, change: .text(budgetHeader + "\n,,,,\n"),
            expected: [
                ExpectedFinding(
                    .emptyFile, budget, line: 1, column: nil,
                    "the file has a header but no data rows: expected at least one row of data")
            ]),
        MalformedCase(
            name: "a Windows-1252 CSV (Excel's plain CSV) with £ reads with one warning", path: budget,
            change: .bytes(
                Array((budgetHeader + "Council,,\"").utf8) + [0xA3] + Array("60,000\",60%,part\nPolice,,\"".utf8)
                    + [0xA3] + Array("40,000\",40%,part\n".utf8)),
            expected: [
                ExpectedFinding(
                    .invalidUTF8, budget, line: 2, column: nil,
                    "the file is saved as Windows-1252 (Excel's plain \"CSV (Comma delimited)\"), not UTF-8: it was read as Windows-1252, where byte 0xA3 on this line is '£'; expected UTF-8 (in Excel, Save As \"CSV UTF-8 (Comma delimited)\"; in LibreOffice, Save As Text CSV with character set Unicode (UTF-8))"
                )
            ], isExhaustive: true),
        MalformedCase(
            name: "a corrections file with only its header means no corrections", path: corrections,
            change: .text(correctionsHeader), expected: [], isExhaustive: true),
        MalformedCase(
            name: "a title above a CSV's header is one error saying where the header must be", path: budget,
            change: .text("Budget contributions 2023/24,,,,\n" + budgetHeader + "Council,,\"£60,000\",60%,part\n"),
            expected: [
                ExpectedFinding(
                    .missingColumn, budget, line: 1, column: nil,
                    "the header has none of the columns 'agency', 'amount' and 'row', which a budget dataset requires: expected the header (the row naming them) as the first row, or its row given as header_row: in the dataset's entry when a title is above it"
                )
            ], isExhaustive: true),
        MalformedCase(
            name: "a quoted field whose closing quote never comes", path: budget,
            change: .text(budgetHeader + "Council,,\"£60,000,60%,part\nPolice,,£40,40%,part\n"),
            expected: [
                ExpectedFinding(
                    .unterminatedQuote, budget, line: 2, column: 3,
                    "a quoted field opens here but its closing quote never comes: expected a closing \" before the end of the file"
                )
            ]),
        MalformedCase(
            name: "a quote inside an unquoted field", path: budget,
            change: .text(budgetHeader + "Coun\"cil,,£60,60%,part\n"),
            expected: [
                ExpectedFinding(
                    .strayQuote, budget, line: 2, column: 1,
                    "a quote appears inside the unquoted field \"Coun\"cil\": expected the whole field in quotes with inner quotes doubled"
                )
            ]),
        MalformedCase(
            name: "text after a closing quote", path: budget,
            change: .text(budgetHeader + "\"Council\" Ltd,,£60,60%,part\n"),
            expected: [
                ExpectedFinding(
                    .strayQuote, budget, line: 2, column: 1,
                    "text \" Ltd\" follows the closing quote: expected a comma or the end of the line after a quoted field"
                )
            ]),
        // Line 2 starts at byte 40: 'C' is 40, 'o' 41, so the 0xFF is byte 42.
        MalformedCase(
            name: "a byte that is not UTF-8 in an unquoted field", path: budget,
            change: .bytes(Array((budgetHeader + "Co").utf8) + [0xFF] + Array("uncil,,£60,60%,part\n".utf8)),
            expected: [
                ExpectedFinding(
                    .invalidUTF8, budget, line: 2, column: 1,
                    "the bytes at offset 42 are not valid UTF-8: expected the file saved as UTF-8 (CSV UTF-8 in a spreadsheet's Save As)"
                )
            ]),
        // Line 2 starts at byte 40 with the opening quote; 'C' is 41, 'o' 42, so the 0xC3 (a
        // lead byte followed by '(' instead of a continuation byte) is byte 43.
        MalformedCase(
            name: "a byte that is not UTF-8 inside a quoted field", path: budget,
            change: .bytes(Array((budgetHeader + "\"Co").utf8) + [0xC3, 0x28] + Array("uncil\",,£60,60%,part\n".utf8)),
            expected: [
                ExpectedFinding(
                    .invalidUTF8, budget, line: 2, column: 1,
                    "the bytes at offset 43 are not valid UTF-8: expected the file saved as UTF-8 (CSV UTF-8 in a spreadsheet's Save As)"
                )
            ]),
        MalformedCase(
            name: "a row with too few fields", path: budget,
            change: .text(budgetHeader + "Council,,£60,part\n"),
            expected: [
                ExpectedFinding(
                    .raggedRow, budget, line: 2, column: nil,
                    "this row has 4 fields: expected 5, one per header column")
            ]),
        MalformedCase(
            name: "a row with too many fields", path: budget,
            change: .text(budgetHeader + "Council,,£60,60%,part\nPolice,,£40,40%,part,extra\n"),
            expected: [
                ExpectedFinding(
                    .raggedRow, budget, line: 3, column: nil,
                    "this row has 6 fields: expected 5, one per header column")
            ]),
    ]

    // MARK: Headers

    static let headers: [MalformedCase] = [
        MalformedCase(
            name: "a file saved as UTF-16, named as such", path: courses,
            change: .bytes([0xFF, 0xFE] + Array(coursesHeader.utf8).flatMap { [$0, 0] }),
            expected: [
                ExpectedFinding(
                    .invalidUTF8, courses, line: 1, column: nil,
                    "the file is saved as UTF-16 (little-endian), not UTF-8: expected it saved as CSV UTF-8 (a spreadsheet's Save As offers it)"
                )
            ], isExhaustive: true),
        MalformedCase(
            name: "a semicolon-delimited file, named as such", path: courses,
            change: .text("course;mode;completions;row\nBasics;e-learning;12;part\n"),
            expected: [
                ExpectedFinding(
                    .delimiter, courses, line: 1, column: 1,
                    "the header is one column holding semicolons: the file separates its fields with semicolons, expected commas (a spreadsheet's Save As CSV UTF-8 writes them)"
                )
            ], isExhaustive: true),
        MalformedCase(
            name: "a BEL in a header name, named and never echoed", path: courses,
            change: .text("course,mode,completions,row,no\u{7}te\nBasics,e-learning,12,part,\n"),
            expected: [
                ExpectedFinding(
                    .unreadableValue, courses, line: 1, column: 5,
                    "the header's column 5 holds the control character U+0007, which a report cannot show: expected a column name"
                )
            ], isExhaustive: true),
        MalformedCase(
            name: "a field larger than a spreadsheet cell", path: courses,
            change: .text(coursesHeader + "Basics,e-learning,12,\(String(repeating: "x", count: 40_000))\n"),
            expected: [
                ExpectedFinding(
                    .oversizedField, courses, line: 2, column: 4,
                    "the field holds 40,000 characters: expected at most 32,767, as many as a spreadsheet cell holds")
            ]),
        MalformedCase(
            name: "a required column missing from the header", path: budget,
            change: .text("agency,parent,stated_percent,row\nCouncil,,60%,part\n"),
            expected: [
                ExpectedFinding(
                    .missingColumn, budget, line: 1, column: nil,
                    "the header has no 'amount' column, which a budget dataset requires (the contribution in pounds)")
            ]),
        MalformedCase(
            name: "a mistyped column, with a did-you-mean", path: budget,
            change: .text("agency,parent,ammount,stated_percent,row\nCouncil,,£60,60%,part\n"),
            expected: [
                ExpectedFinding(
                    .unknownColumn, budget, line: 1, column: 3,
                    "unknown column 'ammount' in a budget dataset (did you mean 'amount'?): expected one of agency, parent, amount, stated_percent, row, previous (if the report should not read it, list it under ignore_columns: in the dataset's entry)"
                ),
                ExpectedFinding(
                    .missingColumn, budget, line: 1, column: nil,
                    "the header has no 'amount' column, which a budget dataset requires (the contribution in pounds)"),
            ]),
        MalformedCase(
            name: "an unnamed empty column a spreadsheet left at the end", path: budget,
            change: .text("agency,parent,amount,stated_percent,row,\nCouncil,,£60,60%,part,\n"),
            expected: [
                ExpectedFinding(
                    .emptyColumn, budget, line: 1, column: 6,
                    "column 6 of the header has no name, so its cells are not read: if it holds figures, give it the name of the column it holds (one of agency, parent, amount, stated_percent, row, previous), or name it Notes to keep it for yourself; a spreadsheet also saves an empty column like this when a cell beyond the table was once used"
                )
            ]),
        MalformedCase(
            name: "a column named twice", path: budget,
            change: .text("agency,parent,amount,stated_percent,row,Amount\nCouncil,,£60,60%,part,£1\n"),
            expected: [
                ExpectedFinding(
                    .duplicateColumn, budget, line: 1, column: 6,
                    "the column 'amount' appears twice in the header: expected each column once")
            ]),
    ]

    // MARK: Cells

    static let cells: [MalformedCase] = [
        MalformedCase(
            name: "a count of -0", path: courses,
            change: .text(coursesHeader + "Basics,e-learning,-0,part\n"),
            expected: [
                ExpectedFinding(
                    .unreadableValue, courses, line: 2, column: 3,
                    "cannot read '-0' in column 'completions': expected 0 without a minus sign (-0 is a typing slip, or a small negative value rounded away)"
                )
            ], isExhaustive: true),
        MalformedCase(
            name: "an empty required cell", path: courses,
            change: .text(coursesHeader + "Basics,e-learning, ,part\n"),
            expected: [
                ExpectedFinding(
                    .missingValue, courses, line: 2, column: 3,
                    "the 'completions' cell of Basics is empty: expected a whole number")
            ]),
        MalformedCase(
            name: "a count with a fraction, 12.5", path: courses,
            change: .text(coursesHeader + "Basics,e-learning,12.5,part\n"),
            expected: [
                ExpectedFinding(
                    .unreadableValue, courses, line: 2, column: 3,
                    "cannot read '12.5' in column 'completions': \(notACount)")
            ]),
        MalformedCase(
            name: "a count grouped wrongly, 1,23", path: courses,
            change: .text(coursesHeader + "Basics,e-learning,\"1,23\",part\n"),
            expected: [
                ExpectedFinding(
                    .unreadableValue, courses, line: 2, column: 3,
                    "cannot read '1,23' in column 'completions': \(notACount)")
            ]),
        MalformedCase(
            name: "a count in pounds, £5", path: courses,
            change: .text(coursesHeader + "Basics,e-learning,£5,part\n"),
            expected: [
                ExpectedFinding(
                    .unreadableValue, courses, line: 2, column: 3,
                    "cannot read '£5' in column 'completions': \(notACount)")
            ]),
        MalformedCase(
            name: "a count with a group of four digits, 12,3456", path: courses,
            change: .text(coursesHeader + "Basics,e-learning,\"12,3456\",part\n"),
            expected: [
                ExpectedFinding(
                    .unreadableValue, courses, line: 2, column: 3,
                    "cannot read '12,3456' in column 'completions': \(notACount)")
            ]),
        MalformedCase(
            name: "money with a stray letter, £12x", path: budget,
            change: .text(budgetHeader + "Council,,£12x,60%,part\n"),
            expected: [
                ExpectedFinding(
                    .unreadableValue, budget, line: 2, column: 3,
                    "cannot read '£12x' in column 'amount': expected an amount in pounds such as £109,228 or 1234.50")
            ]),
        MalformedCase(
            name: "a percentage that is not a number, abc%", path: budget,
            change: .text(budgetHeader + "Council,,£60,abc%,part\n"),
            expected: [
                ExpectedFinding(
                    .unreadableValue, budget, line: 2, column: 4,
                    "cannot read 'abc%' in column 'stated_percent': expected a percentage such as 23.5%")
            ]),
        MalformedCase(
            name: "a row kind that is not part or total", path: budget,
            change: .text(budgetHeader + "Council,,£60,60%,sum\n"),
            expected: [
                ExpectedFinding(
                    .unreadableValue, budget, line: 2, column: 5,
                    "cannot read 'sum' in column 'row': expected one of part, total")
            ]),
        MalformedCase(
            name: "a measure unit that is not count, money or percent", path: measures,
            change: .text("measure,label,unit,additive\ncontacts,Contacts,pounds,yes\n"),
            expected: [
                ExpectedFinding(
                    .unreadableValue, measures, line: 2, column: 3,
                    "cannot read 'pounds' in column 'unit': expected one of count, money, percent")
            ]),
        MalformedCase(
            name: "a correction dated 30 February", path: corrections,
            change: .text(correctionsHeader + "budget,Police,amount,£41,Typed wrongly.,2031-02-30\n"),
            expected: [
                ExpectedFinding(
                    .unreadableValue, corrections, line: 2, column: 6,
                    "cannot read '2031-02-30' in column 'date': expected a date such as 2024-03-31 or 31/03/2024")
            ]),
        MalformedCase(
            name: "a figure period that is not a period", path: figures,
            change: .text(figuresHeader + "north,contacts,12,,,2031-13,\n"),
            expected: [
                ExpectedFinding(
                    .unreadableValue, figures, line: 2, column: 6,
                    "cannot read '2031-13' in column 'period': expected a period such as 2023/24, 2023/24 Q3, 2024-Q1, 2024-03, 2024, 2024-03-31 or 2023-04-01/2024-03-31"
                )
            ]),
        MalformedCase(
            name: "a key used by two rows", path: budget,
            change: .text(budgetHeader + "Council,,£1,,part\nPolice,,£1,,part\nCouncil,,£2,,part\n"),
            expected: [
                ExpectedFinding(
                    .duplicateKey, budget, line: 4, column: nil,
                    "the key 'Council' is used again: expected each row's agency to be unique, but line 2 has the same")
            ]),
    ]

    // MARK: References between datasets

    static let references: [MalformedCase] = [
        MalformedCase(
            name: "an unknown measure, with a did-you-mean", path: figures,
            change: .text(figuresHeader + "north,contact,12,,,,\n"),
            expected: [
                ExpectedFinding(
                    .unknownReference, figures, line: 2, column: 2,
                    "unknown measure 'contact' (did you mean 'contacts'?): expected a measure from the measures catalogue"
                )
            ]),
        MalformedCase(
            name: "a count measure valued 3.5 in figures", path: figures,
            change: .text(figuresHeader + "north,contacts,3.5,,,,\n"),
            expected: [
                ExpectedFinding(
                    .unreadableValue, figures, line: 2, column: 3,
                    "cannot read '3.5' as the value of contacts: \(notACount)")
            ]),
    ]

    // MARK: The manifest

    static let manifestCases: [MalformedCase] = [
        // A colon inside an unquoted title: column 43 is the second colon on line 10.
        MalformedCase(
            name: "manifest: a YAML syntax error", path: manifest,
            change: manifestChange(
                "  title: Example Partnership Annual Report 2030/31",
                "  title: Example Partnership Annual Report: 2030/31"),
            expected: [
                ExpectedFinding(
                    .manifestSyntax, manifest, line: 10, column: 43,
                    "the manifest is not well-formed YAML: mapping values are not allowed in this context")
            ]),
        // Aliases used as keys, nested: each level multiplies the nodes by ten. Refused where the
        // alias that crosses the budget stands, before any node is built.
        MalformedCase(
            name: "manifest: aliases that would expand past the budget", path: manifest,
            change: manifestChange(
                "publication:",
                """
                x1: &a [x, x, x, x, x, x, x, x, x, x]
                x2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
                x3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
                x4: {[*c, *c, *c, *c]: 1, [*c, *c, *c, *c, *c]: 2}
                publication:
                """),
            expected: [
                ExpectedFinding(
                    .manifestInvalid, manifest, line: 12, column: 40,
                    "the manifest's aliases expand to more than 10000 nodes: expected a manifest without aliases (*name) nested inside each other"
                )
            ], isExhaustive: true),
        MalformedCase(
            name: "manifest: a key given twice, located at its second use", path: manifest,
            change: manifestChange("publication:", "period: {}\npublication:"),
            expected: [
                ExpectedFinding(
                    .duplicateKey, manifest, line: 9, column: 1,
                    "the key 'period' is given twice in one mapping (first at line 5): expected it once")
            ], isExhaustive: true),
        MalformedCase(
            name: "manifest: a NUL byte, named and located rather than echoed", path: manifest,
            change: manifestChange("name: Example Partnership", "name: Example\u{0}Partnership"),
            expected: [
                ExpectedFinding(
                    .unreadableValue, manifest, line: 3, column: 16,
                    "the text holds the control character U+0000, which a report cannot show: expected printable text")
            ], isExhaustive: true),
        MalformedCase(
            name: "manifest: the noncharacter U+FFFF, which XML cannot carry, found where it was typed", path: manifest,
            change: manifestChange("name: Example Partnership", "name: Example\u{FFFF}Partnership"),
            expected: [
                ExpectedFinding(
                    .unreadableValue, manifest, line: 3, column: 16,
                    "the text holds the noncharacter U+FFFF, which a report cannot show: expected printable text")
            ], isExhaustive: true),
        MalformedCase(
            name: "manifest: an escape typed with YAML's \\e in a value", path: manifest,
            change: manifestChange(
                "title: Example Partnership Annual Report 2030/31", #"title: "Example \e[31m Report""#),
            expected: [
                ExpectedFinding(
                    .unreadableValue, manifest, line: 10, column: 10,
                    "'publication.title' holds the control character U+001B, which a report cannot show: expected printable text"
                )
            ]),
        // Without its label line, the period mapping starts at `start:` on line 6.
        MalformedCase(
            name: "manifest: a required key missing", path: manifest,
            change: manifestChange("  label: 2030/31\n", ""),
            expected: [
                ExpectedFinding(
                    .manifestMissingKey, manifest, line: 6, column: 3,
                    "'period' has no 'label': the format requires it")
            ]),
        MalformedCase(
            name: "manifest: an output format it cannot write", path: manifest,
            change: manifestChange(
                "  title: Example Partnership Annual Report 2030/31",
                "  title: Example Partnership Annual Report 2030/31\n  outputs: [pfd]"),
            expected: [
                ExpectedFinding(
                    .manifestInvalid, manifest, line: 11, column: 13,
                    "unknown output 'pfd' (did you mean 'pdf'?) in 'publication.outputs': expected html, xhtml and pdf")
            ]),
        MalformedCase(
            name: "manifest: a paper size it does not know", path: manifest,
            change: manifestChange(
                "  title: Example Partnership Annual Report 2030/31",
                "  title: Example Partnership Annual Report 2030/31\n  page_size: A5"),
            expected: [
                ExpectedFinding(
                    .manifestInvalid, manifest, line: 11, column: 14,
                    "cannot read 'A5' as 'publication.page_size': expected A4 and Letter")
            ]),
        MalformedCase(
            name: "manifest: a mistyped key, with a did-you-mean", path: manifest,
            change: manifestChange("  title: Example", "  tittle: Example"),
            expected: [
                ExpectedFinding(
                    .manifestUnknownKey, manifest, line: 10, column: 3,
                    "unknown key 'tittle' in 'publication' (did you mean 'title'?): expected one of title, date, publisher, outputs, page_size, licence"
                ),
                ExpectedFinding(
                    .manifestMissingKey, manifest, line: 10, column: 3,
                    "'publication' has no 'title': the format requires it"),
            ]),
        MalformedCase(
            name: "manifest: a mistyped top-level key, with a did-you-mean", path: manifest,
            change: manifestChange("sections:", "section:"),
            expected: [
                ExpectedFinding(
                    .manifestUnknownKey, manifest, line: 39, column: 1,
                    "unknown key 'section' (did you mean 'sections'?): expected one of format, partnership, period, publication, areas, datasets, sections, policy, disclosure, templates, relations, appendices"
                )
            ]),
        MalformedCase(
            name: "manifest: a date with month 13", path: manifest,
            change: manifestChange("  start: 2030-04-01", "  start: 2030-13-01"),
            expected: [
                ExpectedFinding(
                    .manifestInvalid, manifest, line: 7, column: 10,
                    "cannot read '2030-13-01' as 'period.start': expected a date such as 2024-03-31 or 31/03/2024")
            ]),
        MalformedCase(
            name: "manifest: a period that ends before it starts", path: manifest,
            change: manifestChange("  end: 2031-03-31", "  end: 2030-03-31"),
            expected: [
                ExpectedFinding(
                    .manifestInvalid, manifest, line: 8, column: 8,
                    "the period ends (2030-03-31) before it starts (2030-04-01)")
            ]),
        MalformedCase(
            name: "manifest: a dataset period that is not a period", path: manifest,
            change: manifestChange(
                "    title: Budget contributions\n", "    title: Budget contributions\n    period: 2030/32\n"),
            expected: [
                ExpectedFinding(
                    .manifestInvalid, manifest, line: 31, column: 13,
                    "cannot read '2030/32' as 'datasets[2].period': expected a period such as 2023/24, 2023/24 Q3, 2024-Q1, 2024-03, 2024, 2024-03-31 or 2023-04-01/2024-03-31"
                )
            ]),
        MalformedCase(
            name: "manifest: a dataset path that climbs out with ../", path: manifest,
            change: manifestChange("file: data/budget.csv", "file: ../budget.csv"),
            expected: [
                ExpectedFinding(
                    .manifestInvalid, manifest, line: 29, column: 11,
                    "the path '../budget.csv' leaves the edition folder: expected a path inside it, such as data/budget.csv"
                )
            ]),
        MalformedCase(
            name: "manifest: an unknown schema, with a did-you-mean", path: manifest,
            change: manifestChange("schema: budget", "schema: budgets"),
            expected: [
                ExpectedFinding(
                    .manifestInvalid, manifest, line: 28, column: 13,
                    "unknown schema 'budgets' (did you mean 'budget'?): expected one of measures, figures, budget, training-courses, parts, rankings, reviews, board, glossary, corrections"
                )
            ]),
        MalformedCase(
            name: "manifest: a dataset shown in a section and an appendix at once", path: manifest,
            change: manifestChange(
                "    title: Budget contributions\n",
                "    title: Budget contributions\n    section: intro\n    appendix: finance\n"),
            expected: [
                ExpectedFinding(
                    .manifestInvalid, manifest, line: 32, column: 15,
                    "the dataset budget names both a section (intro) and an appendix (finance): expected one place to show it"
                )
            ]),
        MalformedCase(
            name: "manifest: a dataset placed in an appendix that shows no datasets", path: manifest,
            change: manifestChange(
                "    title: Budget contributions\n", "    title: Budget contributions\n    appendix: coverage\n"),
            expected: [
                ExpectedFinding(
                    .manifestInvalid, manifest, line: 31, column: 15,
                    "cannot read 'coverage' as 'datasets[2].appendix': expected an appendix kind: board, finance or training"
                )
            ]),
        MalformedCase(
            name: "manifest: an area key used twice", path: manifest,
            change: manifestChange("key: south", "key: north"),
            expected: [
                ExpectedFinding(
                    .duplicateKey, manifest, line: 17, column: 16,
                    "the area key 'north' is used twice: expected unique area keys (first at line 16)")
            ]),
        MalformedCase(
            name: "manifest: a dataset id used twice", path: manifest,
            change: manifestChange("id: courses", "id: budget"),
            expected: [
                ExpectedFinding(
                    .duplicateKey, manifest, line: 31, column: 9,
                    "the dataset id 'budget' is used twice: expected each dataset id once")
            ]),
        MalformedCase(
            name: "manifest: not UTF-8", path: manifest,
            change: .bytes(Array("partnership:\n  name: Ex".utf8) + [0xE9] + Array("mple\n".utf8)),
            expected: [
                ExpectedFinding(
                    .invalidUTF8, manifest, line: 2, column: nil,
                    "the bytes at offset 23 are not valid UTF-8: expected the file saved as UTF-8")
            ]),
    ]

    // MARK: Files the manifest names

    static let files: [MalformedCase] = [
        // The dataset entry's id is on line 27, after "  - id: ".
        MalformedCase(
            name: "a dataset file the manifest names is missing", path: budget, change: .removed,
            expected: [
                ExpectedFinding(
                    .missingFile, manifest, line: 27, column: 9,
                    "the manifest names ed/data/budget.csv, which does not exist: expected the file, or the entry removed"
                )
            ]),
        // The section's id is on line 40, after "  - { id: ".
        MalformedCase(
            name: "a section's Markdown file is missing", path: intro, change: .removed,
            expected: [
                ExpectedFinding(
                    .missingFile, manifest, line: 40, column: 11,
                    "the manifest names ed/narrative/intro.md, which does not exist: expected the file, or the entry removed"
                )
            ]),
        MalformedCase(
            name: "a section's Markdown is not UTF-8", path: intro,
            change: .bytes(Array("# Introduct".utf8) + [0xEE] + Array("on\n\nText.\n".utf8)),
            expected: [
                ExpectedFinding(
                    .invalidUTF8, intro, line: 1, column: nil,
                    "the bytes at offset 11 are not valid UTF-8: expected the file saved as UTF-8")
            ]),
    ]

    // MARK: Many problems at once

    /// One file with seven problems: all of them are reported in one run, and nothing else.
    static let collectAll = MalformedCase(
        name: "several problems in one file are all reported in one run", path: budget,
        change: .text(
            budgetHeader  // line 1
                + "Council,,£6O,60%,part\n"  // line 2: a letter O in the amount
                + "Police,,\"£40,000\",40%,part\n"  // line 3: fine
                + "Fire,,£1,1%\n"  // line 4: no row kind
                + "Police,,£2,2%,part\n"  // line 5: Police again
                + "Health,,£4,4%%,subtotal\n"  // line 6: two percent signs and an unknown kind
                + "Fi\"re and Rescue,,£1,1%,part\n"  // line 7: a stray quote
                + "Trust,,£1,\"1%,part\n"),  // line 8: a quote never closed
        expected: [
            ExpectedFinding(
                .unreadableValue, budget, line: 2, column: 3,
                "cannot read '£6O' in column 'amount': expected an amount in pounds such as £109,228 or 1234.50"),
            ExpectedFinding(
                .raggedRow, budget, line: 4, column: nil,
                "this row has 4 fields: expected 5, one per header column"),
            ExpectedFinding(
                .duplicateKey, budget, line: 5, column: nil,
                "the key 'Police' is used again: expected each row's agency to be unique, but line 3 has the same"),
            ExpectedFinding(
                .unreadableValue, budget, line: 6, column: 4,
                "cannot read '4%%' in column 'stated_percent': expected a percentage such as 23.5%"),
            ExpectedFinding(
                .unreadableValue, budget, line: 6, column: 5,
                "cannot read 'subtotal' in column 'row': expected one of part, total"),
            ExpectedFinding(
                .strayQuote, budget, line: 7, column: 1,
                "a quote appears inside the unquoted field \"Fi\"re and Rescue\": expected the whole field in quotes with inner quotes doubled"
            ),
            ExpectedFinding(
                .unterminatedQuote, budget, line: 8, column: 4,
                "a quoted field opens here but its closing quote never comes: expected a closing \" before the end of the file"
            ),
            ExpectedFinding(
                .raggedRow, budget, line: 8, column: nil,
                "this row has 4 fields: expected 5, one per header column"),
        ],
        isExhaustive: true)
}

private func describe(_ findings: [Finding]) -> String {
    findings.map { "  \($0.rule) at \($0.location.map(String.init(describing:)) ?? "-"): \($0.message)" }
        .joined(separator: "\n")
}

@Suite("Malformed input")
struct MalformedInputTests {
    @Test("the table holds at least 30 distinct cases")
    func tableIsLargeEnough() {
        #expect(MalformedCase.all.count >= 30)
        #expect(Set(MalformedCase.all.map(\.name)).count == MalformedCase.all.count)
    }

    @Test("the byte offsets in the UTF-8 cases are counted from a 40-byte header")
    func headerLength() {
        #expect(budgetHeader.utf8.count == 40)
    }

    @Test("is reported with its rule, location and message", arguments: MalformedCase.all)
    func reportsExactFinding(_ malformed: MalformedCase) {
        let result: IngestResult
        do {
            result = try SyntheticEdition.read(malformed.files)
        } catch {
            Issue.record("reading threw \(error) instead of reporting findings")
            return
        }
        let found = result.findings
        for expected in malformed.expected {
            #expect(
                found.contains(where: expected.matches),
                "expected \(expected)\nfound:\n\(describe(found))")
        }
        if malformed.isExhaustive {
            #expect(found.count == malformed.expected.count, "found:\n\(describe(found))")
        }
    }

    @Test("refuses a count of 20 digits instead of wrapping or rounding it")
    func refusesHugeCount() throws {
        let files = SyntheticEdition.files(
            replacing: courses, with: coursesHeader + "Basics,e-learning,12345678901234567890,part\n")
        let result = try SyntheticEdition.read(files)
        let finding = try #require(result.findings.first { $0.rule == IngestRule.unreadableValue.id })
        #expect(finding.expected == "a whole number of at most 18 digits")
        #expect(finding.location == SourceLocation(file: courses, line: 2, column: 3))
        #expect(finding.actual == "12345678901234567890")
        #expect(result.edition?.parts.filter { $0.dataset == "courses" }.isEmpty == true)
    }

    @Test("a figure of 20 digits for a count measure is refused, not wrapped")
    func refusesHugeFigure() throws {
        let files = SyntheticEdition.files(
            replacing: figures, with: figuresHeader + "north,contacts,12345678901234567890,,,,\n")
        let result = try SyntheticEdition.read(files)
        #expect(
            result.findings.map(\.rule) == [IngestRule.unreadableValue.id],
            "found:\n\(describe(result.findings))")
        #expect(result.findings.first?.location == SourceLocation(file: figures, line: 2, column: 3))
        #expect(result.edition?.figures.isEmpty == true)
    }

    @Test("a row with a problem is left out, the other rows are kept")
    func badRowsAreLeftOut() throws {
        let files = SyntheticEdition.files(
            replacing: budget, with: budgetHeader + "Council,,£6O,60%,part\nPolice,,£40,40%,part\n")
        let edition = try #require(try SyntheticEdition.read(files).edition)
        #expect(edition.records(PartRow.self, in: "budget").map(\.part.value) == ["Police"])
    }

    @Test("a manifest too broken to read yields findings and no edition")
    func brokenManifestGivesNoEdition() throws {
        var files = SyntheticEdition.files
        files[manifest] = Array("partnership: [\n".utf8)
        let result = try SyntheticEdition.read(files)
        #expect(result.edition == nil)
        #expect(result.findings.map(\.rule) == [IngestRule.manifestSyntax.id])
    }

    // MARK: Bugs found while writing these tests, now fixed.

    @Test("a file of nothing but ,,, rows is reported as empty")
    func onlyBlankRowsIsEmpty() throws {
        let found = try findings(replacing: budget, with: ",,,,\n,,,,\n")
        #expect(
            found.contains {
                $0.rule == IngestRule.emptyFile.id && $0.location?.file == budget && $0.location?.line == 1
            },
            "found:\n\(describe(found))")
    }

    @Test("a YAML null title (~) is reported like an empty one")
    func nullTitleIsEmpty() throws {
        let found = try findings(
            replacing: manifest,
            with: SyntheticEdition.manifest(
                replacing: "  title: Example Partnership Annual Report 2030/31", with: "  title: ~"))
        #expect(
            found.contains {
                $0.rule == IngestRule.manifestInvalid.id
                    && $0.location == SourceLocation(file: manifest, line: 10, column: 10)
                    && $0.message == "'publication.title' is empty: expected a value"
            },
            "found:\n\(describe(found))")
    }
}

@Suite("Editions that cannot be read at all")
struct UnreadableEditionTests {
    @Test("a folder that does not exist is an error, not a finding")
    func noFolder() {
        #expect(throws: EditionReadError.notAFolder("elsewhere")) {
            try EditionReader(files: MemoryFileSource(SyntheticEdition.files)).read(folder: "elsewhere")
        }
    }

    @Test("a folder without edition.yaml is an error, not a finding")
    func noManifest() {
        var files = SyntheticEdition.files
        files[manifest] = nil
        #expect(throws: EditionReadError.noManifest(manifest)) {
            try EditionReader(files: MemoryFileSource(files)).read(folder: "ed")
        }
    }

    @Test("a trailing slash on the folder makes no difference")
    func trailingSlash() throws {
        let result = try EditionReader(files: MemoryFileSource(SyntheticEdition.files)).read(folder: "ed/")
        #expect(result.findings == [])
        #expect(result.edition?.id == "ed")
        #expect(result.edition?.figures.first?.location.file == SyntheticEdition.figuresPath)
    }
}
