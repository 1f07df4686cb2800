import EditionFormat
import Foundation
import ReportModel
import Testing

/// The symbols official tables print instead of a number (Explore Education Statistics and
/// StatsWales), read from a figures dataset as a partnership copies the table.
@Suite("Symbols of official tables in value cells")
struct SymbolReaderTests {
    /// A cell as typed and the symbol it is read as.
    static let spellings: [(String, QuantitySymbol.Symbol)] = [
        ("c", .c), ("C", .c), (" c ", .c), ("\u{00A0}c\t", .c), ("[c]", .c), ("[ C ]", .c),
        ("low", .low), ("LOW", .low), ("Low", .low), (" [low] ", .low),
        ("k", .k), ("K", .k), ("x", .x), ("X", .x), ("[x]", .x), ("z", .z), ("Z", .z), ("u", .u), ("U", .u),
    ]

    /// The synthetic edition with North's referrals typed as `cell`.
    static func csvEdition(_ cell: String) -> [String: [UInt8]] {
        let figures = SyntheticEdition.figures.replacingOccurrences(
            of: "north,referrals,300,25.0%,contacts,,", with: "north,referrals,\(cell),,,,")
        return SyntheticEdition.files(replacing: SyntheticEdition.figuresPath, with: figures)
    }

    /// The synthetic edition with its figures as a sheet of a workbook, North's referrals an
    /// inline string `cell`.
    static func workbookEdition(_ cell: String) throws -> [String: [UInt8]] {
        let header = ["area", "measure", "value"]
        let rows = [
            ["north", "contacts", "1200"], ["north", "referrals", cell], ["south", "contacts", "800"],
            ["whole", "contacts", "2000"],
        ]
        func row(_ number: Int, _ cells: [String]) -> String {
            let columns = ["A", "B", "C"]
            return "<row r=\"\(number)\">"
                + cells.enumerated().map { index, text in
                    "<c r=\"\(columns[index])\(number)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(text)</t></is></c>"
                }.joined() + "</row>"
        }
        let sheet = ([header] + rows).enumerated().map { row($0.offset + 1, $0.element) }.joined()
        let workbook = TestWorkbook(sheets: [
            TestWorkbook.Sheet(name: "Figures", xml: "<sheetData>\(sheet)</sheetData>")
        ])
        var files = SyntheticEdition.files
        files[SyntheticEdition.figuresPath] = nil
        files["ed/data/figures.xlsx"] = try workbook.bytes()
        files[SyntheticEdition.manifestPath] = Array(
            SyntheticEdition.manifest(
                replacing: "file: data/figures.csv", with: "file: data/figures.xlsx\n    sheet: Figures"
            )
            .utf8)
        return files
    }

    @Test("a symbol in a CSV cell is read as what it means, in any case, spaces or brackets", arguments: spellings)
    func csv(_ cell: String, _ symbol: QuantitySymbol.Symbol) throws {
        let result = try SyntheticEdition.read(Self.csvEdition(cell))
        #expect(result.findings == [], "\(result.findings)")
        let figure = try #require(result.edition?.figure("north/referrals"))
        #expect(figure.value.value == .symbol(QuantitySymbol(symbol, unit: .count)))
        #expect(GovUKFormat.quantity(figure.value.value) == symbol.rawValue)
    }

    @Test("a symbol in a workbook cell is read as in CSV", arguments: spellings)
    func workbook(_ cell: String, _ symbol: QuantitySymbol.Symbol) throws {
        let result = try SyntheticEdition.read(try Self.workbookEdition(cell))
        #expect(result.findings == [], "\(result.findings)")
        let figure = try #require(result.edition?.figure("north/referrals"))
        #expect(figure.value.value == .symbol(QuantitySymbol(symbol, unit: .count)))
    }

    @Test(
        "a word that is no symbol is a located error naming the symbols read",
        arguments: [
            ("n/a", nil), ("supp", nil), ("*", nil), ("-", nil), ("NA", nil), ("cc", nil), ("[c", nil),
            (":", "older symbol that x (not available) replaced"),
            ("..", "older symbol that x (not available) replaced"),
            ("~", "older symbol that low (a figure that rounds to 0 but is not 0) replaced"),
        ] as [(String, String?)])
    func unknownWord(_ cell: String, _ more: String?) throws {
        let quoted = "\"\(cell)\""
        let result = try SyntheticEdition.read(Self.csvEdition(quoted))
        // "-" also starts like a formula, which is a warning of its own.
        let errors = result.findings.filter { $0.severity == .error }
        let finding = try #require(errors.first, "\(cell) was read")
        #expect(errors.count == 1, "\(result.findings)")
        #expect(finding.rule == "value.unreadable")
        #expect(finding.location == SourceLocation(file: SyntheticEdition.figuresPath, line: 3, column: 3))
        #expect(finding.actual == cell)
        for symbol in [
            "c (confidential", "low (a figure that rounds to 0", "k (", "x (not available)", "z (not applicable)",
            "u (",
        ] {
            #expect(finding.message.contains(symbol), "\(finding.message)")
        }
        if let more { #expect(finding.message.contains(more), "\(finding.message)") }
    }

    @Test("an unknown word in a workbook is located at its cell")
    func unknownWordInWorkbook() throws {
        let result = try SyntheticEdition.read(try Self.workbookEdition("n/a"))
        let finding = try #require(result.findings.first)
        #expect(
            finding.location?.description.contains("figures.xlsx[Figures]!C3") == true,
            "\(String(describing: finding.location))")
        #expect(finding.message.contains("x (not available)"), "\(finding.message)")
    }

    @Test(
        "what each symbol may stand for, by unit",
        arguments: [
            ("c", MeasureUnit.count, ValueRange(lower: 0, upper: nil)),
            ("x", .count, ValueRange(lower: 0, upper: nil)),
            ("z", .percent, ValueRange(lower: 0, upper: nil)),
            ("u", .money, ValueRange(lower: nil, upper: nil)),
            ("low", .count, ValueRange(lower: 1, upper: nil)),
            ("k", .count, ValueRange(lower: 1, upper: nil)),
            ("low", .percent, ValueRange(lower: 0, upper: Decimal(string: "0.5")!, lowerOpen: true, upperOpen: true)),
            ("low", .money, ValueRange(lower: 0, upper: nil, lowerOpen: true)),
        ])
    func range(_ text: String, _ unit: MeasureUnit, _ expected: ValueRange) throws {
        let quantity = try ValueReader.quantity(text, unit: unit).get()
        #expect(quantity.range == expected)
        #expect(!quantity.isExact)
        #expect(quantity.unit == unit)
    }

    @Test(
        "a number with shorthand beside it says to type the number alone",
        arguments: [
            ("12 [u]", MeasureUnit.count, "12"), ("1,234 [p]", .count, "1,234"), ("23.5% [e]", .percent, "23.5%"),
        ])
    func flagged(_ text: String, _ unit: MeasureUnit, _ number: String) {
        guard case .failure(let problem) = ValueReader.quantity(text, unit: unit) else {
            Issue.record("\(text) was read")
            return
        }
        #expect(
            problem.expected.hasPrefix("a number alone, or a symbol alone: '\(text)' is \(number) with the shorthand"))
        #expect(problem.expected.contains("type \(number),"), "\(problem.expected)")
    }

    @Test("a bound on a symbol is not read as one", arguments: ["<c", "c+", "at least x"])
    func noBoundOfSymbol(_ text: String) {
        guard case .failure = ValueReader.quantity(text, unit: .count) else {
            Issue.record("\(text) was read")
            return
        }
    }

    @Test("a parts table's row needs a number: a symbol there is a located error")
    func partsTable() throws {
        let budget = SyntheticEdition.budget.replacingOccurrences(of: "Police,,\"£40,000\"", with: "Police,,c")
        let findings = try findings(replacing: SyntheticEdition.budgetPath, with: budget)
        let finding = try #require(findings.first { $0.rule == "value.unreadable" }, "\(findings)")
        #expect(finding.location == SourceLocation(file: SyntheticEdition.budgetPath, line: 3, column: 3))
        #expect(finding.message.contains("expected an amount in pounds"), "\(finding.message)")
        #expect(
            finding.message.contains(
                "'c' (confidential, withheld to protect individuals) is read only as a figure's value"))
    }

    @Test("a general parts table's value given as a symbol is an error at the cell, not read as 0")
    func generalParts() throws {
        var files = SyntheticEdition.files
        files["ed/data/spending.csv"] = Array(
            "part,parent,value,row\nTraining,,c,part\nAudit,,500,part\nTotal,,900,total\n".utf8)
        files[SyntheticEdition.manifestPath] = Array(
            SyntheticEdition.manifest(
                replacing: "sections:\n",
                with:
                    "  - { id: spending, schema: parts, file: data/spending.csv, title: Spending, unit: money }\nsections:\n"
            ).utf8)
        let result = try SyntheticEdition.read(files)
        let finding = try #require(result.findings.first { $0.rule == "value.unreadable" }, "\(result.findings)")
        #expect(finding.location == SourceLocation(file: "ed/data/spending.csv", line: 2, column: 3))
        #expect(finding.message.contains("a parts table adds its rows up"), "\(finding.message)")
    }

    @Test("a stated percentage given as a symbol says where symbols are read and to leave it empty")
    func statedPercent() throws {
        let figures = SyntheticEdition.figures.replacingOccurrences(
            of: "north,referrals,300,25.0%,contacts,,", with: "north,referrals,c,C,contacts,,")
        let findings = try findings(replacing: SyntheticEdition.figuresPath, with: figures)
        #expect(findings.count == 1, "\(findings)")
        let finding = try #require(findings.first)
        #expect(finding.location == SourceLocation(file: SyntheticEdition.figuresPath, line: 3, column: 4))
        #expect(
            finding.message.contains("expected a percentage such as 23.5%: 'c' (confidential"), "\(finding.message)")
        #expect(finding.message.contains("leave an optional cell empty"), "\(finding.message)")
    }
}

@Suite("A withheld figure and a typed c")
struct WithheldSymbolTests {
    @Test(
        "the disclosure stage's withheld figure is the c an official table prints, in every unit",
        arguments: MeasureUnit.allCases)
    func same(_ unit: MeasureUnit) throws {
        #expect(try ValueReader.quantity("c", unit: unit).get() == .withheld(unit))
        #expect(Quantity.withheld(unit).isWithheld)
        #expect(GovUKFormat.quantity(.withheld(unit)) == Quantity.withheldSymbol)
        #expect(!(try ValueReader.quantity("x", unit: unit).get()).isWithheld)
    }
}
