import Foundation

/// A sheet as the workbook lists it.
struct SheetEntry: Equatable {
    var name: String
    /// The part holding its cells: `xl/worksheets/sheet1.xml`.
    var part: String
    /// True when the sheet is hidden (or "very hidden").
    var hidden: Bool
}

/// The parts of a workbook every sheet needs: its sheets, its date system, the number formats
/// of its cell styles and its shared strings.
struct WorkbookParts {
    var sheets: [SheetEntry] = []
    var uses1904 = false
    /// The number format of each cell style, by the style index cells carry in `s`.
    var styleFormats: [NumberFormat] = []
    var sharedStrings: [String] = []

    init(archive: WorkbookArchive) throws(WorkbookProblem) {
        let main = try WorkbookParts.mainPart(archive)
        guard let workbook = try archive.part(main) else {
            throw WorkbookProblem(
                rule: .workbookUnreadable,
                message: "the file is a zip but not a workbook (it has no \(main)): expected an .xlsx file",
                expected: "an .xlsx workbook", actual: "a zip without a workbook")
        }
        let folder = main.split(separator: "/").dropLast().joined(separator: "/")
        let relationships = try WorkbookParts.relationships(
            archive, part: "\(folder)/_rels/\(main.split(separator: "/").last ?? "workbook.xml").rels", folder: folder)
        try XMLStream.scan(workbook, part: main) { event throws(WorkbookProblem) in
            guard case .start(let name, let attributes) = event else { return }
            switch name {
            case "workbookPr":
                uses1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
            case "sheet":
                guard let sheetName = attributes["name"], let id = attributes["id"], let part = relationships[id]
                else { return }
                let state = attributes["state"] ?? "visible"
                sheets.append(SheetEntry(name: sheetName, part: part, hidden: state != "visible"))
            default:
                return
            }
        }
        styleFormats = try WorkbookParts.styleFormats(archive, folder: folder)
        sharedStrings = try WorkbookParts.sharedStrings(archive, folder: folder)
    }

    /// The workbook part the package's root relationships name (`xl/workbook.xml` as a rule).
    private static func mainPart(_ archive: WorkbookArchive) throws(WorkbookProblem) -> String {
        let root = try relationships(archive, part: "_rels/.rels", folder: "")
        return root.values.first { $0.hasSuffix("workbook.xml") } ?? "xl/workbook.xml"
    }

    /// Relationship targets by id, as paths inside the archive.
    private static func relationships(_ archive: WorkbookArchive, part: String, folder: String)
        throws(WorkbookProblem) -> [String: String]
    {
        guard let data = try archive.part(part) else { return [:] }
        var targets: [String: String] = [:]
        try XMLStream.scan(data, part: part) { event throws(WorkbookProblem) in
            guard case .start("Relationship", let attributes) = event, let id = attributes["Id"],
                let target = attributes["Target"]
            else { return }
            targets[id] =
                target.hasPrefix("/") ? String(target.dropFirst()) : (folder.isEmpty ? "" : folder + "/") + target
        }
        return targets
    }

    private static func styleFormats(_ archive: WorkbookArchive, folder: String) throws(WorkbookProblem)
        -> [NumberFormat]
    {
        guard let data = try archive.part("\(folder)/styles.xml") else { return [] }
        var custom: [Int: NumberFormat] = [:]
        var formats: [NumberFormat] = []
        var inCellFormats = false
        try XMLStream.scan(data, part: "\(folder)/styles.xml") { event throws(WorkbookProblem) in
            switch event {
            case .start("numFmt", let attributes):
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                    custom[id] = NumberFormat(code: code)
                }
            case .start("cellXfs", _): inCellFormats = true
            case .end("cellXfs"): inCellFormats = false
            case .start("xf", let attributes) where inCellFormats:
                let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
                formats.append(custom[id] ?? NumberFormat.builtIn(id) ?? .plain)
            default: return
            }
        }
        return formats
    }

    private static func sharedStrings(_ archive: WorkbookArchive, folder: String) throws(WorkbookProblem)
        -> [String]
    {
        guard let data = try archive.part("\(folder)/sharedStrings.xml") else { return [] }
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        try XMLStream.scan(data, part: "\(folder)/sharedStrings.xml") { event throws(WorkbookProblem) in
            switch event {
            case .start("si", _): current = ""
            case .end("si"): strings.append(current)
            case .start("rPh", _): inPhonetic = true
            case .end("rPh"): inPhonetic = false
            case .start("t", _): inText = !inPhonetic
            case .end("t"): inText = false
            case .text(let text) where inText: current += text
            default: return
            }
        }
        return strings
    }
}
