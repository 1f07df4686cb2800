import Foundation
import ReportModel

/// Why an edition cannot be read at all: the cases where the tool cannot run (exit status 2),
/// as opposed to problems in the data, which are findings.
public enum EditionReadError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAFolder(String)
    case noManifest(String)
    case unreadable(String, reason: String)
    /// The manifest is written in a newer edition format than this release reads.
    case newerFormat(SourceLocation, found: Int)

    public var description: String {
        switch self {
        case .notAFolder(let path):
            "\(path): no such edition folder (expected a folder such as inputs/cumbria-2023-24)"
        case .noManifest(let path):
            "\(path): the edition has no manifest (expected an edition.yaml in the folder)"
        case .unreadable(let path, let reason):
            "\(path): cannot be read: \(reason)"
        case .newerFormat(let location, let found):
            "\(location): the edition is written in format \(found), which this annual-report "
                + "(\(ToolVersion.current)) cannot read: it reads formats \(FormatVersion.known.lowerBound) "
                + "to \(FormatVersion.current). Install a newer annual-report to check or build it."
        }
    }
}

/// What ingest made of an edition: the typed edition (nil when the manifest is unusable)
/// and every problem found on the way.
public struct IngestResult: Sendable {
    public var edition: Edition?
    public var findings: [Finding]
}

/// The workbooks one read has opened, by file identity, and how many more times each sheet is
/// named, so that a sheet's content is kept exactly as long as a dataset still to come names it.
private struct OpenWorkbooks {
    struct SheetKey: Hashable {
        var file: String
        var sheet: String?
    }

    var opened: [String: Workbook?] = [:]
    private var namings: [SheetKey: Int]

    init(namings keys: [SheetKey]) {
        namings = Dictionary(keys.map { ($0, 1) }, uniquingKeysWith: +)
    }

    /// Counts one naming of `key` as read; true when a later dataset names it again.
    mutating func namedAgain(_ key: SheetKey) -> Bool {
        let remaining = (namings[key] ?? 1) - 1
        namings[key] = remaining
        return remaining > 0
    }
}

/// Where a dataset's records come from: a CSV file or a sheet of a workbook.
private struct RecordSource {
    /// The sheet, for a workbook; findings then name cells.
    var sheet: String?
    /// About how many records there are, to reserve room once.
    var rows: Int
    /// Hands each record to its argument and returns the findings met reading them.
    var stream: ((CSVRecord) -> Void) -> [Finding]
}

/// Reads an edition folder into the model: the manifest first, then the measures catalogue,
/// then every other dataset and the narrative. It collects every problem instead of stopping
/// at the first.
public struct EditionReader: Sendable {
    /// The manifest's file name inside an edition folder.
    public static let manifestName = "edition.yaml"

    public var files: any FileSource
    /// The kinds of dataset the manifest's `schema:` may name.
    public var kinds: DatasetKinds
    /// Whether regular figures files take `FigureFileReader`'s fast road; tests turn it off to
    /// prove both roads read the same edition.
    var readsRegularFiguresDirectly = true

    public init(files: any FileSource = DiskFileSource(), kinds: DatasetKinds = .standard) {
        self.files = files
        self.kinds = kinds
    }

    /// Reads the edition in `folder`.
    /// - Parameter folder: the edition folder, as the user named it.
    /// - Throws: `EditionReadError` when the folder or its manifest is missing or unreadable.
    public func read(folder: String) throws(EditionReadError) -> IngestResult {
        let folder = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        guard files.isFolder(folder) else { throw .notAFolder(folder) }
        let manifestPath = "\(folder)/\(EditionReader.manifestName)"
        var findings: [Finding] = []
        let manifestBytes: [UInt8]
        do {
            manifestBytes = try files.contents(of: manifestPath, inside: folder)
        } catch {
            switch error {
            case .notFound: throw .noManifest(manifestPath)
            case .notAFile(let path, let kind): throw .unreadable(path, reason: "it is \(kind), not a file")
            case .outside(let path):
                throw .unreadable(path, reason: "it is a link that leads outside the edition folder")
            case .unreadable(let path, let reason), .unreachable(let path, let reason):
                throw .unreadable(path, reason: reason)
            }
        }
        guard
            let manifest = try ManifestReader(file: manifestPath, kinds: kinds).read(manifestBytes, findings: &findings)
        else { return IngestResult(edition: nil, findings: findings) }

        // The id comes from the folder's real name, so `.` or `..` name the edition they mean.
        let resolved = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        let id = resolved.isEmpty || resolved == "/" ? "edition" : resolved
        var edition = Edition(id: id, folder: folder, manifest: manifest)
        reportDuplicateIds(manifest, findings: &findings)
        for spec in manifest.datasets {
            guard let kind = kinds.kind(named: spec.schema) else { continue }
            edition.kinds[spec.id] = kind
            for problem in kind.manifestProblems(spec) {
                findings.append(
                    Finding(
                        rule: IngestRule.manifestInvalid.id, severity: .error,
                        message: "the dataset \(spec.id): \(problem.message)", location: spec.location,
                        expected: problem.expected, actual: problem.actual))
            }
        }
        // Figures are read in their measure's unit, so the catalogue comes first.
        func isCatalogue(_ spec: DatasetSpec) -> Bool { edition.kinds[spec.id] is any MeasureCatalogueKind }
        let ordered = manifest.datasets.filter(isCatalogue) + manifest.datasets.filter { !isCatalogue($0) }
        // Room for every line of every figures file, made once, so that figures read after a
        // large file's do not copy its million to grow.
        edition.reserveStagedFigures(linesOfFigureFiles(ordered, of: edition))
        // A workbook holding several datasets is opened once, and each sheet unpacked once
        // however many datasets name it (by however many spellings of its path).
        var workbooks = OpenWorkbooks(
            namings: ordered.filter(\.isWorkbook).map { sheetKey($0, in: folder) })
        for spec in ordered {
            guard let kind = edition.kinds[spec.id] else { continue }  // The manifest reader refused it.
            try readDataset(spec, of: kind, into: &edition, workbooks: &workbooks, findings: &findings)
        }
        // Every figures dataset's figures join the edition at once, indexed once.
        edition.indexStagedFigures()
        for section in manifest.sections {
            let path = "\(folder)/\(section.file)"
            if let text = try readText(section.file, in: folder, for: section.location, findings: &findings) {
                let (references, problems) = ReferenceParser.references(in: text, file: path)
                findings += problems + NarrativeChecks.findings(in: text, file: path)
                edition.narrative.append(
                    NarrativeSection(spec: section, markdown: text, path: path, references: references))
            }
        }
        return IngestResult(edition: edition, findings: findings)
    }

    private func readDataset<Kind: DatasetKind>(
        _ spec: DatasetSpec, of kind: Kind, into edition: inout Edition, workbooks: inout OpenWorkbooks,
        findings: inout [Finding]
    ) throws(EditionReadError) {
        let path = "\(edition.folder)/\(spec.file)"
        let context = DatasetContext(spec: spec, measures: measuresByKey(edition))
        let shaper = TableShaper(
            schema: kind.schema, layout: spec.layout, areas: edition.manifest.areas, file: path, sheet: spec.sheet,
            pads: false)
        // A sheet of a workbook reads as the same records a CSV file streams.
        let records: RecordSource
        var refusedBefore = 0
        if spec.isWorkbook {
            let key = sheetKey(spec, in: edition.folder)
            guard
                var workbook = try workbook(
                    spec.file, in: edition.folder, for: spec.location, cache: &workbooks, findings: &findings)
            else { return }
            let document = workbook.records(
                ofSheet: spec.sheet, namedAt: spec.location, keep: workbooks.namedAgain(key), shaper: shaper)
            workbooks.opened[key.file] = .some(workbook)
            refusedBefore = document.refusedRows
            records = RecordSource(sheet: spec.sheet ?? workbook.sheetNames.first, rows: document.records.count) {
                body in
                for record in document.records { body(record) }
                return document.findings
            }
        } else {
            guard var bytes = try bytes(spec.file, in: edition.folder, for: spec.location, findings: &findings)
            else { return }
            if let windows = Windows1252.transcoded(bytes, file: path) {
                bytes = windows.bytes
                findings.append(windows.warning)
            }
            if let direct = directReader(of: spec, kind: kind),
                readDirectly(bytes, file: path, by: direct, context: context, into: &edition)
            {
                return
            }
            if spec.layout.isPlain {
                // One record per line at most: reserving that once saves regrowing large tables.
                records = RecordSource(sheet: nil, rows: LineCount.lineFeeds(in: bytes)) {
                    CSVReader(file: path).forEachRecord(bytes, $0)
                }
            } else {
                // A table laid out by hand (a title above, areas across) is small: it is read
                // whole, then shaped into the plain table.
                var document = CSVDocument(records: [], findings: [])
                document.findings = CSVReader(file: path).forEachRecord(bytes) { document.records.append($0) }
                let shaped = shaper.shape(document.records)
                records = RecordSource(sheet: nil, rows: shaped.records.count) { body in
                    for record in shaped.records { body(record) }
                    return document.findings + shaped.findings
                }
            }
        }
        // Records stream from the CSV reader through the table reader straight into one array,
        // so a large file is never held as fields, rows and records at once.
        var list: [Kind.Record] = []
        var table = TableReader(schema: kind.schema, file: path, sheet: records.sheet, layout: spec.layout).consumer()
        var rowFindings: [Finding] = []
        list.reserveCapacity(records.rows)
        table.reserve(rows: records.rows)
        table.refusedBefore = refusedBefore
        let readFindings = records.stream { record in
            guard let row = table.consume(record),
                let made = kind.record(from: row, dataset: spec.id, context: context, findings: &rowFindings)
            else { return }
            list.append(made)
        }
        let found = readFindings + table.finish() + rowFindings
        if found.contains(where: { $0.severity == .error }) { edition.incompleteDatasets.insert(spec.id) }
        findings += found
        edition.sourceColumns[spec.id] = table.columnPositions
        kind.store(list, dataset: spec.id, in: &edition)
    }

    /// How many lines the CSV files of the datasets read directly hold, counted without
    /// keeping them (each is read again in its turn, and any problem reported then).
    private func linesOfFigureFiles(_ specs: [DatasetSpec], of edition: Edition) -> Int {
        specs.lazy.filter { directReader(of: $0, kind: edition.kinds[$0.id]) != nil }.reduce(0) { lines, spec in
            let bytes = try? files.contents(of: "\(edition.folder)/\(spec.file)", inside: edition.folder)
            return lines + (bytes.map(LineCount.lineFeeds) ?? 0)
        }
    }

    /// The kind's fast road, when the dataset is a CSV file of a kind that has one (and the
    /// reader takes it).
    private func directReader(of spec: DatasetSpec, kind: (any DatasetKind)?) -> (any DirectlyReadKind)? {
        guard readsRegularFiguresDirectly, !spec.isWorkbook, spec.layout.isPlain else { return nil }
        return kind as? any DirectlyReadKind
    }

    /// Reads a regular file by its kind's fast road; false when the general reader must read it.
    private func readDirectly<Kind: DirectlyReadKind>(
        _ bytes: [UInt8], file: String, by kind: Kind, context: DatasetContext, into edition: inout Edition
    ) -> Bool {
        guard let columns = kind.readDirectly(bytes, file: file, context: context, into: &edition) else { return false }
        edition.sourceColumns[context.spec.id] = columns
        return true
    }

    /// The measures catalogue by key, the first of a repeated key winning.
    private func measuresByKey(_ edition: Edition) -> [String: Measure] {
        Dictionary(edition.measures.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The workbook `name` names, opened once however many datasets it holds; nil after reporting
    /// (once) why it cannot be read.
    private func workbook(
        _ name: String, in folder: String, for reference: SourceLocation, cache: inout OpenWorkbooks,
        findings: inout [Finding]
    ) throws(EditionReadError) -> Workbook? {
        let path = "\(folder)/\(name)"
        let identity = files.identity(of: path)
        if let opened = cache.opened[identity] { return opened }
        guard let bytes = try bytes(name, in: folder, for: reference, findings: &findings) else {
            cache.opened[identity] = .some(nil)
            return nil
        }
        let opened = Workbook.open(bytes, file: path, findings: &findings)
        cache.opened[identity] = .some(opened)
        return opened
    }

    /// The workbook and sheet a dataset names, the same for every spelling of either: the
    /// file's identity, and the sheet's name in lower case (a sheet is found regardless of case).
    private func sheetKey(_ spec: DatasetSpec, in folder: String) -> OpenWorkbooks.SheetKey {
        OpenWorkbooks.SheetKey(file: files.identity(of: "\(folder)/\(spec.file)"), sheet: spec.sheet?.lowercased())
    }

    /// The bytes of a file the manifest names, or nil after reporting why it cannot be used
    /// (missing, a folder, or a link out of the edition). A file that exists but cannot be read
    /// stops the run.
    /// - Parameters:
    ///   - name: the path as the manifest gives it.
    ///   - folder: the edition folder, which the file must not leave.
    private func bytes(
        _ name: String, in folder: String, for reference: SourceLocation, findings: inout [Finding]
    ) throws(EditionReadError) -> [UInt8]? {
        let path = "\(folder)/\(name)"
        func refuse(_ rule: IngestRule, _ message: String, expected: String, actual: String) -> [UInt8]? {
            findings.append(
                Finding(
                    rule: rule.id, severity: .error, message: message, location: reference, expected: expected,
                    actual: actual))
            return nil
        }
        do {
            return try files.contents(of: path, inside: folder)
        } catch {
            switch error {
            case .unreadable(let path, let reason): throw .unreadable(path, reason: reason)
            case .unreachable(_, let reason):
                return refuse(
                    .missingFile,
                    "the manifest names \(FileSourceError.shortened(path)), which cannot be followed to a file: \(reason): expected the path of a file inside the edition",
                    expected: "a file", actual: reason)
            case .notFound:
                return refuse(
                    .missingFile,
                    "the manifest names \(path), which does not exist: expected the file, or the entry removed",
                    expected: path, actual: "no such file")
            case .notAFile(_, let kind):
                return refuse(
                    .missingFile, "the manifest names \(path), which is \(kind): expected a file",
                    expected: "a file", actual: kind)
            case .outside:
                return refuse(
                    .outsideEdition,
                    "the path '\(name)' leads outside the edition folder through a symbolic link: expected a file inside it",
                    expected: "a file inside the edition", actual: "a link out of the edition")
            }
        }
    }

    private func readText(_ name: String, in folder: String, for reference: SourceLocation, findings: inout [Finding])
        throws(EditionReadError) -> String?
    {
        let path = "\(folder)/\(name)"
        guard let bytes = try bytes(name, in: folder, for: reference, findings: &findings) else { return nil }
        // Line ends are made LF, so rules that read lines see Windows-saved files the same way.
        if let text = String(validating: bytes, as: UTF8.self) {
            let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
            if let control = ControlCharacters.finding(in: normalised, file: path) {
                findings.append(control)
                return nil
            }
            return normalised
        }
        findings.append(UTF8Check.finding(bytes, file: path))
        return nil
    }

    private func reportDuplicateIds(_ manifest: Manifest, findings: inout [Finding]) {
        let ids =
            manifest.sections.map { ("section", $0.id, $0.location) }
            + manifest.datasets.map { ("dataset", $0.id, $0.location) }
        var seen: Set<String> = []
        for (kind, id, location) in ids where !seen.insert("\(kind) \(id)").inserted {
            findings.append(
                Finding(
                    rule: IngestRule.duplicateKey.id, severity: .error,
                    message: "the \(kind) id '\(id)' is used twice: expected each \(kind) id once",
                    location: location, expected: "a unique id", actual: id))
        }
    }
}
