import ReportModel

/// Rewrites an edition written in an older format into the current one (`annual-report
/// upgrade`): each step from the edition's format on edits the manifest's text, then the
/// `format:` key is written. The result is checked by reading it back before anything is
/// written, so an upgrade never leaves an edition that does not read.
public struct EditionUpgrade: Sendable {
    /// What an upgrade of one edition comes to.
    public enum Outcome: Sendable {
        /// The edition is in the current format already: nothing to change.
        case current(format: Int)
        /// The edition is in an older format and has errors at ingest (or cannot be read as an
        /// edition): nothing changes until they are fixed, since a step may need what they hide.
        case refused(errors: [Finding])
        /// The changes to make, and the files to write.
        case upgrade(UpgradePlan)
    }

    public var files: any FileSource
    public var steps: [any UpgradeStep]

    public init(files: any FileSource = DiskFileSource(), steps: [any UpgradeStep] = UpgradeSteps.all) {
        self.files = files
        self.steps = steps
    }

    /// Works out the upgrade of the edition in `folder`, writing nothing.
    /// - Throws: `EditionReadError` when the folder or its manifest cannot be read, or the
    ///   manifest is in a newer format than this release knows; `UpgradeRefusal` when the
    ///   manifest is written in a way the edits cannot handle safely.
    public func plan(folder: String) throws -> Outcome {
        let folder = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        let ingest = try EditionReader(files: files).read(folder: folder)
        let errors = ingest.findings.filter { $0.severity == .error }
        // An edition already current needs nothing, whatever its data still lacks (a new
        // edition's empty figures).
        if let format = ingest.edition?.manifest.format, format == FormatVersion.current {
            return .current(format: format)
        }
        guard let edition = ingest.edition, errors.isEmpty else { return .refused(errors: errors) }
        let format = edition.manifest.format
        let path = "\(folder)/\(EditionReader.manifestName)"
        let bytes: [UInt8]
        do {
            bytes = try files.contents(of: path, inside: folder)
        } catch {
            throw EditionReadError.unreadable(path, reason: "it changed while being read (\(error))")
        }
        var manifest = try ManifestText(file: path, text: String(decoding: bytes, as: UTF8.self))
        for step in steps.sorted(by: { $0.from < $1.from }) where step.from >= format {
            try step.apply(to: &manifest, edition: edition)
        }
        try FormatKey.write(FormatVersion.current, over: format, in: &manifest)
        let plan = UpgradePlan(
            folder: folder, from: format, to: FormatVersion.current,
            changes: manifest.changes.sorted { ($0.file, $0.line) < ($1.file, $1.line) },
            files: [(path, manifest.text)])
        try verify(plan)
        return .upgrade(plan)
    }

    /// Reads the upgraded edition back, as it would be on disk: it must read in the current
    /// format with no error, or the upgrade is a bug and writes nothing.
    private func verify(_ plan: UpgradePlan) throws(UpgradeRefusal) {
        var overlay = OverlayFileSource(base: files)
        for file in plan.files { overlay.files[file.path] = Array(file.text.utf8) }
        let reread: IngestResult
        do {
            reread = try EditionReader(files: overlay).read(folder: plan.folder)
        } catch {
            throw UpgradeRefusal("the upgraded edition cannot be read (\(error)); nothing was written")
        }
        let errors = reread.findings.filter { $0.severity == .error }
        guard reread.edition?.manifest.format == plan.to, errors.isEmpty else {
            let first = errors.first.map { ": \($0.location.map { "\($0): " } ?? "")\($0.message)" } ?? ""
            throw UpgradeRefusal("the upgraded edition does not read cleanly\(first); nothing was written")
        }
    }
}

/// Files in memory laid over another source: the upgraded files before they are written.
struct OverlayFileSource: FileSource {
    let base: any FileSource
    var files: [String: [UInt8]] = [:]

    func contents(of path: String, inside folder: String) throws(FileSourceError) -> [UInt8] {
        if let bytes = files[path] { return bytes }
        return try base.contents(of: path, inside: folder)
    }

    func isFolder(_ path: String) -> Bool { base.isFolder(path) }

    func identity(of path: String) -> String { base.identity(of: path) }
}
