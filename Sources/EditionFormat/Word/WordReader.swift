import ChildProcess
import Foundation

/// Reads a Word document (.docx) into the narrative's Markdown with pandoc, Debian's document
/// converter, split into one section per top-level heading.
///
/// The file is first looked through (`WordPackage`): not a Word document, macros, a zip bomb or
/// a file beyond `WordLimits` is refused before pandoc sees it. pandoc then runs as an
/// `IsolatedProcess`, as WeasyPrint does: by absolute path, from a private temporary folder
/// holding a copy of the document (never the edition or the user's folder), with a minimal
/// environment, in a process group of its own ended on every exit path, under a time limit, with
/// its memory bounded (`+RTS -M`) and `--sandbox` (its readers and writers open no file but
/// those named, and fetch nothing).
public struct WordReader: Sendable {
    /// The pandoc to run: a name looked up in the absolute folders of `PATH`, or a path.
    public var pandoc: String
    public var limits: WordLimits
    /// The folder in which each run makes its private folder; nil for the system's.
    public var temporaryFolder: String?

    public init(pandoc: String = "pandoc", limits: WordLimits = .standard, temporaryFolder: String? = nil) {
        self.pandoc = pandoc
        self.limits = limits
        self.temporaryFolder = temporaryFolder
    }

    /// Reads the Word document at `path`.
    /// - Throws: `WordImportError` when it cannot be read (located at `path`, saying how to save
    ///   it so that it can), or pandoc is missing, fails, or runs past its time.
    public func read(path: String) throws(WordImportError) -> WordDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WordImportError(file: path, "cannot be read: expected a Word document (.docx) at this path")
        }
        let package = try WordPackage(bytes: Array(data), path: path, limits: limits)
        let seconds = limits.pandocSeconds * (1 + data.count / (10 << 20))
        let problem = { (failure: PrivateFolder.Problem) in Self.failure(failure, path) }
        var document = try PrivateFolder.run(in: temporaryFolder, prefix: "annual-report-word", problem: problem) {
            folder throws(WordImportError) -> WordDocument in
            try convert(data, in: folder, path: path, seconds: seconds)
        }
        document.notes += package.linkedPictures.map { WordImportNote(kind: .linkedPicture, detail: $0) }
        return document
    }

    private static func failure(_ problem: PrivateFolder.Problem, _ path: String) -> WordImportError {
        switch problem {
        case .cannotMake(let base, let reason):
            WordImportError(file: path, "cannot make a temporary folder in \(base) to read it: \(reason)")
        case .interrupted(let signal):
            WordImportError(
                file: path,
                "interrupted by signal \(signal) while reading it; pandoc was stopped and nothing was written",
                exitStatus: 128 + signal)
        }
    }

    private func convert(_ data: Data, in folder: String, path: String, seconds: Int) throws(WordImportError)
        -> WordDocument
    {
        guard let executable = ExecutableSearch.absolutePath(of: pandoc) else {
            throw WordImportError(
                file: path,
                "reading a Word document needs pandoc, which is not installed: install Debian's package (apt-get install pandoc, or make system-packages)"
            )
        }
        let marker = "annual-report-section-" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
        guard FileManager.default.createFile(atPath: "\(folder)/input.docx", contents: data),
            FileManager.default.createFile(atPath: "\(folder)/import.lua", contents: Data(WordImportFilter.lua.utf8))
        else {
            throw WordImportError(file: path, "cannot copy it into the temporary folder \(folder)")
        }
        let process = IsolatedProcess(executable: executable, folder: folder, timeLimit: .seconds(seconds))
        let arguments = [
            "+RTS", "-M\(limits.pandocMemory)", "-RTS", "--sandbox", "--from=docx", "--to=gfm", "--wrap=none",
            "--metadata=annual-report-section-marker:\(marker)", "--lua-filter=import.lua", "--output=out.md",
            "input.docx",
        ]
        guard let outcome = process.run(arguments) else {
            throw WordImportError(file: path, "pandoc (\(executable)) cannot be started")
        }
        switch outcome.ending {
        case .interrupted(let signal):
            throw WordImportError(
                file: path,
                "interrupted by signal \(signal) while reading it; pandoc was stopped and nothing was written",
                exitStatus: 128 + signal)
        case .timedOut:
            throw WordImportError(
                file: path,
                "pandoc read it for more than \(seconds) seconds and was stopped: expected a Word document of a report's length"
            )
        case .exited(let status) where status != 0:
            let reason = outcome.messages.split(whereSeparator: \.isNewline).last { !$0.contains("[WARNING]") }
            let memory = outcome.messages.contains("heap overflow") || outcome.messages.contains("Heap exhausted")
            throw WordImportError(
                file: path,
                memory
                    ? "pandoc needed more than \(limits.pandocMemory)B of memory to read it and was stopped: expected a Word document of a report's length"
                    : "pandoc could not read it (\(reason.map(String.init) ?? "exit status \(status)")): expected a .docx that Word can open"
            )
        case .exited: break
        }
        func text(_ name: String) -> String {
            FileManager.default.contents(atPath: "\(folder)/\(name)").map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        return Self.document(
            markdown: text("out.md"), titles: text("sections.txt"), notes: text("notes.txt"), marker: marker,
            fileName: ((path as NSString).lastPathComponent as NSString).deletingPathExtension)
    }

    /// The document from what pandoc wrote: the Markdown cut at each marker line, the titles a
    /// line each, the notes a line each.
    static func document(markdown: String, titles: String, notes: String, marker: String, fileName: String)
        -> WordDocument
    {
        let titleLines = titles.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var pieces: [[Substring]] = [[]]
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == marker { pieces.append([]) } else { pieces[pieces.count - 1].append(line) }
        }
        func body(_ lines: [Substring]) -> String {
            let text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? "" : text + "\n"
        }
        var sections: [WordSection] = []
        let opening = body(pieces[0])
        if !opening.isEmpty {
            // Text before the first heading: the document's introduction, or the whole of it.
            sections.append(WordSection(title: pieces.count == 1 ? fileName : "Introduction", markdown: opening))
        }
        for (index, piece) in pieces.dropFirst().enumerated() {
            let title = index < titleLines.count ? titleLines[index].trimmingCharacters(in: .whitespaces) : ""
            sections.append(WordSection(title: title.isEmpty ? "Section \(index + 1)" : title, markdown: body(piece)))
        }
        let kinds: [String: WordImportNote.Kind] = [
            "image": .picture, "link": .link, "raw": .markup, "merged": .mergedCells,
        ]
        let parsed = notes.split(separator: "\n").compactMap { line -> WordImportNote? in
            let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard let kind = kinds[String(fields[0])] else { return nil }
            let detail = fields.count > 1 ? fields[1].replacingOccurrences(of: "\t", with: ", alt text: ") : ""
            return WordImportNote(kind: kind, detail: kind == .mergedCells ? "number \(detail)" : detail)
        }
        return WordDocument(sections: sections, notes: parsed)
    }
}
