import Foundation
import ReportModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Puts a Word document's sections into an edition (`annual-report import`): one Markdown file
/// per section in its `narrative/` folder and a section entry for each at the end of the
/// manifest's `sections:`, every other line of the manifest kept as written. An existing
/// narrative file or section id is never replaced unless asked (`replace`).
public struct NarrativeImport: Sendable {
    /// A section of the document as it will be written.
    public struct PlannedSection: Sendable, Equatable {
        /// The section's id in the manifest.
        public var id: String
        public var title: String
        /// The file, relative to the edition folder: `narrative/<id>.md`.
        public var file: String
        /// The file's text, which `FigureBinder` may rewrite before it is written.
        public var markdown: String
        /// Whether a section with this id is in the manifest already (then it keeps its entry).
        public var inManifest: Bool
        /// Whether the file exists and will be replaced.
        public var replacesFile: Bool
    }

    /// An import worked out, not yet written.
    public struct Plan: Sendable {
        /// The edition folder, as the user named it.
        public var folder: String
        public var sections: [PlannedSection]
        /// The manifest's path and its text with the new section entries.
        public var manifestPath: String
        public var manifestText: String
        /// Each change to the manifest, by line.
        public var changes: [UpgradeChange]
    }

    public var files: any FileSource

    public init(files: any FileSource = DiskFileSource()) {
        self.files = files
    }

    /// Works out where each section of `document` goes in the edition in `folder`, writing
    /// nothing.
    /// - Throws: `WordImportError` when a section's file or id is there already and `replace`
    ///   is false (naming each, and `--replace`), the document has no text, or the manifest
    ///   cannot be read or edited.
    public func plan(_ document: WordDocument, folder: String, replace: Bool) throws(WordImportError) -> Plan {
        let folder = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        let manifestPath = "\(folder)/\(EditionReader.manifestName)"
        guard !document.sections.isEmpty else {
            throw WordImportError(file: manifestPath, "the Word document has no text to import: nothing was written")
        }
        let ingest: IngestResult
        do {
            ingest = try EditionReader(files: files).read(folder: folder)
        } catch {
            throw WordImportError(file: folder, "\(error)")
        }
        let existing = ingest.edition?.manifest.sections ?? []
        var sections: [PlannedSection] = []
        var used: Set<String> = []
        for (index, section) in document.sections.enumerated() {
            var id = Self.identifier(section.title, index: index)
            // Two sections of the document with one title: the second gets a number.
            var suffix = 2
            while used.contains(id) {
                id = "\(Self.identifier(section.title, index: index))-\(suffix)"
                suffix += 1
            }
            used.insert(id)
            let listed = existing.first { $0.id == id }
            let file = listed?.file ?? "narrative/\(id).md"
            sections.append(
                PlannedSection(
                    id: id, title: section.title, file: file, markdown: section.markdown, inManifest: listed != nil,
                    replacesFile: FileManager.default.fileExists(atPath: "\(folder)/\(file)")))
        }
        let clashes = sections.filter { $0.inManifest || $0.replacesFile }
        if !clashes.isEmpty, !replace {
            let named = clashes.map { "\($0.file)\($0.inManifest ? " (section \($0.id) of the manifest)" : "")" }
            throw WordImportError(
                file: "\(folder)/\(clashes[0].file)",
                "\(ListFormat.and(named)) \(clashes.count == 1 ? "is" : "are") there already, and an import never overwrites the narrative: import into a new edition (annual-report init or new), move \(clashes.count == 1 ? "it" : "them") away, or pass --replace to overwrite \(clashes.count == 1 ? "it" : "them") with the document's text; nothing was written"
            )
        }
        let bytes: [UInt8]
        do {
            bytes = try files.contents(of: manifestPath, inside: folder)
        } catch {
            throw WordImportError(file: manifestPath, "cannot be read: \(error)")
        }
        do {
            var manifest = try ManifestText(file: manifestPath, text: String(decoding: bytes, as: UTF8.self))
            let added = sections.filter { !$0.inManifest }.map {
                ManifestText.NewSection(id: $0.id, title: $0.title, file: $0.file)
            }
            if !added.isEmpty {
                try manifest.appendSections(added, why: "imported from the Word document")
            }
            return Plan(
                folder: folder, sections: sections, manifestPath: manifestPath, manifestText: manifest.text,
                changes: manifest.changes)
        } catch {
            throw WordImportError(file: manifestPath, error.description)
        }
    }

    /// A section id from its title: lower-case letters, digits and hyphens, at most 40
    /// characters, cut at a hyphen; `section-N` when the title has no letter or digit.
    static func identifier(_ title: String, index: Int) -> String {
        var id = ""
        for scalar in title.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                id.unicodeScalars.append(scalar)
            } else if !id.isEmpty, !id.hasSuffix("-"), scalar != "'", scalar != "\u{2019}" {
                id += "-"
            }
        }
        while id.hasSuffix("-") { id.removeLast() }
        if id.count > 40 {
            let cut = id.prefix(41)
            id = String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? id.prefix(40))
        }
        return id.isEmpty ? "section-\(index + 1)" : id
    }
}

extension NarrativeImport.Plan {
    /// Reads the edition back as it will be once written: the import must add no error at
    /// ingest (a manifest entry that does not read, a file that cannot be found).
    /// - Throws: `WordImportError` when it would; nothing has been written.
    public func verify(files: any FileSource = DiskFileSource()) throws(WordImportError) {
        let before: IngestResult
        let after: IngestResult
        var overlay = OverlayFileSource(base: files)
        overlay.files[manifestPath] = Array(manifestText.utf8)
        for section in sections { overlay.files["\(folder)/\(section.file)"] = Array(section.markdown.utf8) }
        do {
            before = try EditionReader(files: files).read(folder: folder)
            after = try EditionReader(files: overlay).read(folder: folder)
        } catch {
            throw WordImportError(
                file: manifestPath, "the edition cannot be read after the import (\(error)); nothing was written")
        }
        let known = Set(before.findings.filter { $0.severity == .error }.map(\.message))
        if let new = after.findings.first(where: { $0.severity == .error && !known.contains($0.message) }) {
            throw WordImportError(
                file: new.location?.file ?? manifestPath,
                "the imported edition would not read cleanly (\(new.message)); nothing was written")
        }
    }

    /// Writes each section's file, then the manifest (whole, through a temporary file renamed
    /// over it), so that the manifest never names a file not yet written.
    /// - Throws: `WordImportError` when a file cannot be written or the narrative folder leads
    ///   out of the edition.
    public func write() throws(WordImportError) {
        let narrativeFolders = Set(sections.map { ("\(folder)/\($0.file)" as NSString).deletingLastPathComponent })
        for narrative in narrativeFolders {
            do {
                try FileManager.default.createDirectory(atPath: narrative, withIntermediateDirectories: true)
            } catch {
                throw WordImportError(file: narrative, "cannot be made: \(error.localizedDescription)")
            }
            guard let root = realpath(folder, nil), let inner = realpath(narrative, nil) else {
                throw WordImportError(file: narrative, "cannot be found")
            }
            defer {
                free(root)
                free(inner)
            }
            let (rootPath, innerPath) = (String(cString: root), String(cString: inner))
            guard innerPath.hasPrefix(rootPath + "/") else {
                throw WordImportError(
                    file: narrative,
                    "leads out of the edition (to \(innerPath)): an import writes only inside the edition; make it a folder of the edition"
                )
            }
        }
        for section in sections {
            try Self.writeWhole("\(folder)/\(section.file)", section.markdown, replacing: section.replacesFile)
        }
        do {
            try UpgradePlan(folder: folder, from: 0, to: 0, changes: changes, files: [(manifestPath, manifestText)])
                .write()
        } catch {
            throw WordImportError(file: manifestPath, error.description)
        }
    }

    /// Writes `text` to a temporary file beside `path` and renames it into place: a new file is
    /// linked only if nothing is there (never replacing what appeared meanwhile), a replaced one
    /// is swapped whole. A symbolic link at `path` is replaced, never written through.
    private static func writeWhole(_ path: String, _ text: String, replacing: Bool) throws(WordImportError) {
        let temporary = "\(path).import-\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw WordImportError(file: path, "cannot be written: \(String(cString: strerror(errno)))")
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                // Inside the loop the buffer holds at least one byte, so it has an address.
                systemWrite(descriptor, buffer.baseAddress! + written, bytes.count - written)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            written += count
        }
        close(descriptor)
        defer { unlink(temporary) }
        guard written == bytes.count else {
            throw WordImportError(file: path, "cannot be written: \(String(cString: strerror(errno)))")
        }
        if replacing {
            guard rename(temporary, path) == 0 else {
                throw WordImportError(file: path, "cannot be replaced: \(String(cString: strerror(errno)))")
            }
        } else {
            guard link(temporary, path) == 0 else {
                throw WordImportError(
                    file: path,
                    errno == EEXIST
                        ? "appeared while importing, and an import never overwrites the narrative: nothing more was written"
                        : "cannot be written: \(String(cString: strerror(errno)))")
            }
        }
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif
