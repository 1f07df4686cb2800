import NarrativeMarkdown

/// The checks ingest makes while reading an edition. Each has a stable id that findings carry,
/// so CI jobs and analysts can filter on it.
public enum IngestRule: String, CaseIterable, Sendable {
    case emptyFile = "csv.empty-file"
    case invalidUTF8 = "csv.invalid-utf8"
    case unterminatedQuote = "csv.unterminated-quote"
    case strayQuote = "csv.stray-quote"
    case raggedRow = "csv.ragged-row"
    case oversizedField = "csv.oversized-field"
    case delimiter = "csv.delimiter"
    case missingColumn = "schema.missing-column"
    case unknownColumn = "schema.unknown-column"
    case duplicateColumn = "schema.duplicate-column"
    case emptyColumn = "schema.empty-column"
    case missingValue = "value.missing"
    case unreadableValue = "value.unreadable"
    case formulaLike = "value.formula"
    case lookalike = "text.lookalike"
    case duplicateKey = "key.duplicate"
    case unknownReference = "reference.unknown"
    case missingFile = "edition.missing-file"
    case outsideEdition = "edition.outside-path"
    case manifestSyntax = "manifest.syntax"
    case manifestMissingKey = "manifest.missing-key"
    case manifestUnknownKey = "manifest.unknown-key"
    case manifestInvalid = "manifest.invalid-value"
    case referenceSyntax = "narrative.reference-syntax"
    case narrativeImage = "narrative.image"
    case narrativeLink = "narrative.link"
    case narrativeNesting = "narrative.nesting"
    case workbookUnreadable = "workbook.unreadable"
    case templatesInvalid = "templates.invalid"
    case workbookTooLarge = "workbook.too-large"
    case workbookMissingSheet = "workbook.missing-sheet"
    case workbookMergedCells = "workbook.merged-cells"
    case workbookNoCachedValue = "workbook.no-cached-value"
    case workbookErrorValue = "workbook.error-value"
    case workbookStaleValue = "workbook.stale-value"
    case workbookHidden = "workbook.hidden"
    case totalMismatch = "table.total"

    /// The id findings carry.
    public var id: String { rawValue }

    /// Every ingest check's id and summary, for the catalogues the validation module writes.
    public static var catalogue: [(id: String, summary: String)] { allCases.map { ($0.id, $0.summary) } }

    /// What the check makes sure of, in one sentence.
    public var summary: String {
        switch self {
        case .emptyFile: "A dataset file has a header row and data."
        case .invalidUTF8: "Every file is UTF-8 (UTF-16 is named as such); the first bad byte is named by its offset."
        case .unterminatedQuote: "Every quoted CSV field has its closing quote."
        case .strayQuote: "Quotes appear only around whole fields, with inner quotes doubled."
        case .raggedRow: "Every row has as many fields as the header."
        case .oversizedField: "No field holds more than 32,767 characters, as many as a spreadsheet cell holds."
        case .delimiter: "Fields are separated by commas, not semicolons or tabs."
        case .missingColumn: "Every column the dataset's schema requires is in the header."
        case .unknownColumn: "The header names no column the schema does not know."
        case .duplicateColumn: "No column is named twice in a header."
        case .emptyColumn:
            "Warning: every header column has a name (a spreadsheet saves an unnamed empty column when a cell beyond the table was once used); an unnamed column is ignored."
        case .missingValue: "Every required cell has a value."
        case .unreadableValue: "Every number, date, period and choice reads as its column's type."
        case .formulaLike:
            "No text cell starts like a spreadsheet formula (=, +, -, @); one that does is published with a leading apostrophe."
        case .lookalike:
            "Warning: no key or name (in the manifest, a header, a key or reference cell) holds an invisible character (zero-width, soft hyphen, bidirectional control) or mixes look-alike letters of two scripts in one word (a Cyrillic 'а' among Latin letters)."
        case .duplicateKey: "No two rows of a dataset share a key."
        case .unknownReference: "A key that refers to another row (measure, area, agency) exists."
        case .missingFile:
            "Every file the manifest names exists and is a file, by a path the system can follow (no loop of symbolic links, no name over 255 bytes, no path over 4,096); one that exists but cannot be read stops the run, exit 2."
        case .outsideEdition:
            "Every file the manifest names lies inside the edition folder, symbolic links followed."
        case .manifestSyntax: "edition.yaml is well-formed YAML."
        case .manifestMissingKey: "edition.yaml has every key the format requires."
        case .manifestUnknownKey: "edition.yaml has no key the format does not know."
        case .manifestInvalid: "Every value in edition.yaml reads as its type."
        case .narrativeImage:
            "The narrative holds no image, from anywhere: the report is self-contained and loads nothing."
        case .narrativeLink:
            "Links in the narrative are https:, mailto:, relative or within the report; http: is a warning, other schemes and //host are errors."
        case .narrativeNesting:
            "Markdown is nested at most \(MarkdownPolicy.deepestNesting) levels deep, so the report's XHTML stays within libxml2's limits."
        case .referenceSyntax:
            "Every {{= ... }} figure reference in the narrative reads as a key or a function, with a known format."
        case .workbookUnreadable:
            "A workbook dataset is an .xlsx file (not a legacy .xls, not encrypted) whose parts are well-formed XML without a DTD."
        case .templatesInvalid:
            "The edition's own templates stay inside it, within their limits, and render its report with nothing that runs or loads (found by check, refused by build)."
        case .workbookTooLarge:
            "A workbook unpacks within limits no real workbook meets (zip bombs, cells beyond XFD1048576 and a table header wider than 256 columns are refused)."
        case .workbookMissingSheet: "The sheet a workbook dataset names exists."
        case .workbookMergedCells: "No cells of a dataset's sheet are merged."
        case .workbookNoCachedValue: "Every formula has its calculated value saved with it."
        case .workbookStaleValue: "A formula's saved result agrees with the formula computed again."
        case .workbookErrorValue: "No cell shows an error value such as #DIV/0! or #REF!."
        case .workbookHidden: "Warning: no sheet, row or column of published figures is hidden."
        case .totalMismatch: "A totals row or column of a table equals the sum of the rows it totals."
        }
    }
}
