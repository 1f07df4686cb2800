import EditionFormat

/// A workbook built part by part for a test: sheets as raw SpreadsheetML, so each test can
/// hold exactly the cells, styles and tricks it is about.
struct TestWorkbook: Sendable {
    struct Sheet: Sendable {
        var name: String
        /// What goes inside `<worksheet>`; a whole document when it starts with `<?xml`.
        var xml: String
        var state: String?
    }

    var sheets: [Sheet]
    var date1904 = false
    var sharedStrings: [String] = []
    /// Custom number formats by id, and the number format of each cell style (`s` = index).
    var numberFormats: [Int: String] = [164: "0.0%", 165: "mmm-yy", 166: "\"£\"#,##0"]
    var cellFormats = TestWorkbook.styles.map(\.format)

    /// The cell styles every test workbook has, by the `s` a cell gives.
    static let styles: [(name: String, format: Int)] = [
        ("general", 0), ("0.00%", 10), ("0.0%", 164), ("date", 14), ("mmm-yy", 165), ("money", 166), ("0%", 9),
    ]

    /// The style index of a named style: `TestWorkbook.style("0.0%")` is 2.
    static func style(_ name: String) -> Int {
        styles.firstIndex { $0.name == name } ?? 0
    }

    /// A one-sheet workbook named Budget whose first row is the header `value`.
    static func oneSheet(rows: String, name: String = "Budget") -> TestWorkbook {
        TestWorkbook(sheets: [
            Sheet(
                name: name,
                xml:
                    "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>value</t></is></c></row>\(rows)</sheetData>"
            )
        ])
    }

    func bytes() throws -> [UInt8] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
        var parts: [(path: String, bytes: [UInt8])] = []
        func add(_ path: String, _ text: String) { parts.append((path, Array(text.utf8))) }
        add(
            "_rels/.rels",
            "<Relationships xmlns=\"\(packageRelationships)\"><Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
        )
        let sheetList = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"\(sheet.state.map { " state=\"\($0)\"" } ?? "")/>"
        }
        add(
            "xl/workbook.xml",
            "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>\(sheetList.joined())</sheets></workbook>"
        )
        let sheetRelationships = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }
        add(
            "xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"\(packageRelationships)\">\(sheetRelationships.joined())</Relationships>")
        let formats = numberFormats.sorted { $0.key < $1.key }.map {
            "<numFmt numFmtId=\"\($0.key)\" formatCode=\"\($0.value.replacingOccurrences(of: "\"", with: "&quot;"))\"/>"
        }
        let cellStyles = cellFormats.map { "<xf numFmtId=\"\($0)\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>" }
        add(
            "xl/styles.xml",
            "<styleSheet xmlns=\"\(main)\"><numFmts>\(formats.joined())</numFmts><cellStyleXfs><xf numFmtId=\"0\"/></cellStyleXfs><cellXfs>\(cellStyles.joined())</cellXfs></styleSheet>"
        )
        if !sharedStrings.isEmpty {
            add(
                "xl/sharedStrings.xml",
                "<sst xmlns=\"\(main)\">\(sharedStrings.map { "<si><t>\($0)</t></si>" }.joined())</sst>")
        }
        for (index, sheet) in sheets.enumerated() {
            add(
                "xl/worksheets/sheet\(index + 1).xml",
                sheet.xml.hasPrefix("<?xml") ? sheet.xml : "<worksheet xmlns=\"\(main)\">\(sheet.xml)</worksheet>")
        }
        return try WorkbookWriter.archive(parts)
    }
}
