import Foundation
import ReportModel
import ZIPFoundation

/// Writes a minimal SpreadsheetML workbook (`.xlsx`): a sheet per table, numbers as numbers
/// and everything else as text, the first row in bold. The output is deterministic: parts in
/// a fixed order, every zip entry dated 1 January 2000.
public enum WorkbookWriter {
    /// One sheet: its name and its rows of cell texts.
    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[String]]

        public init(name: String, rows: [[String]]) {
            self.name = name
            self.rows = rows
        }
    }

    /// Why a workbook could not be made.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The longest sheet name Excel accepts.
    public static let longestSheetName = 31

    /// The bytes of a workbook holding `sheets`, in order.
    /// - Throws: `Problem` when the zip container cannot be made.
    public static func workbook(_ sheets: [Sheet]) throws(Problem) -> [UInt8] {
        var parts: [(path: String, text: String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbookXML(sheets.map(\.name))),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheetXML(sheet.rows)))
        }
        return try archive(parts.map { ($0.path, Array($0.text.utf8)) })
    }

    /// A zip of `parts`, in order, deflated, every entry with the same fixed date.
    /// - Throws: `Problem` when the zip container cannot be made.
    public static func archive(_ parts: [(path: String, bytes: [UInt8])]) throws(Problem) -> [UInt8] {
        // Noon, so the date is the same day in every time zone the zip's local time is read in.
        let fixedDate = Date(timeIntervalSince1970: 946_728_000)
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                let data = Data(part.bytes)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                    compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            return Array(archive.data ?? Data())
        } catch {
            throw Problem(description: "cannot make the workbook's zip container: \(error)")
        }
    }

    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static func contentTypes(sheetCount: Int) -> String {
        let sheets = (0..<sheetCount).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return header
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + sheets.joined() + "</Types>"
    }

    private static let rootRelationships =
        header
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private static func workbookXML(_ names: [String]) -> String {
        let sheets = names.enumerated().map { index, name in
            "<sheet name=\"\(XMLEscaping.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return header + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
            + "<sheets>\(sheets.joined())</sheets></workbook>"
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        let sheets = (0..<sheetCount).map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }
        let styles =
            "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        return header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + sheets.joined() + styles + "</Relationships>"
    }

    /// Two cell styles: 0 plain, 1 bold (the header row).
    private static let styles =
        header + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        + "</styleSheet>"

    private static func sheetXML(_ rows: [[String]]) -> String {
        var xml = header + "<worksheet xmlns=\"\(mainNamespace)\"><sheetData>"
        for (rowIndex, row) in rows.enumerated() {
            xml += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, text) in row.enumerated() where !text.isEmpty {
                let reference = CellReference(row: rowIndex + 1, column: columnIndex + 1)
                let style = rowIndex == 0 ? " s=\"1\"" : ""
                if rowIndex > 0, let number = DecimalText(text), number.plain() == text {
                    xml += "<c r=\"\(reference)\"\(style)><v>\(number.plain())</v></c>"
                } else {
                    xml +=
                        "<c r=\"\(reference)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XMLEscaping.escape(text))</t></is></c>"
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }
}
