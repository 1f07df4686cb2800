import Foundation

/// Prints the report's HTML as a tagged PDF/UA-1 with WeasyPrint, the CSS Paged Media engine
/// from PyPI: page numbers and the running head from `@page` margin boxes, the contents list's
/// page numbers from `target-counter()`, bookmarks from the headings, and a structure tree
/// (headings, tables with header cells, figures with their text alternatives) in the HTML's
/// reading order. The same HTML gives the same bytes: the PDF's dates come from the report's
/// `dcterms` metadata (the manifest's publication date), never the clock.
public struct PDFPrinter: Sendable {
    /// Why no PDF could be made: the tool cannot do its job (exit status 2).
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// WeasyPrint is not installed for the Python the tool runs.
        case missing(String)
        /// WeasyPrint ran and failed, or ran past its time.
        case failed(String)

        public var description: String {
            switch self {
            case .missing(let detail):
                "error: report.pdf needs WeasyPrint, which is not installed (\(detail)): install it with `python3 -m pip install weasyprint` (or run `make report`), or build without the PDF"
            case .failed(let detail): "error: WeasyPrint could not print report.pdf: \(detail)"
            }
        }
    }

    /// The Python that runs WeasyPrint.
    public var python: String
    /// How long printing may take before it is stopped.
    public var timeLimit: TimeInterval

    public init(python: String = "python3", timeLimit: TimeInterval = 600) {
        self.python = python
        self.timeLimit = timeLimit
    }

    /// Nil when WeasyPrint can run; otherwise why not.
    public func unavailable() -> Failure? {
        let result = run(["-m", "weasyprint", "--version"])
        guard let result else { return .missing("\(python) cannot be started") }
        return result.status == 0 ? nil : .missing(Self.lastLine(result.errors) ?? "no weasyprint module")
    }

    /// The PDF of `html`, printed with WeasyPrint's PDF/UA-1 variant. Nothing is fetched from
    /// anywhere: the report is self-contained, and only `data:` addresses are allowed.
    public func print(html: String) throws(Failure) -> [UInt8] {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("annual-report-pdf-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: folder) }
        let input = folder.appendingPathComponent("report.html")
        let output = folder.appendingPathComponent("report.pdf")
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: input)
        } catch {
            throw .failed("cannot write its input in \(folder.path): \(error.localizedDescription)")
        }
        let arguments = [
            "-m", "weasyprint", "--pdf-variant", "pdf/ua-1", "--allowed-protocols", "data", "--quiet",
            input.path, output.path,
        ]
        guard let result = run(arguments) else { throw .missing("\(python) cannot be started") }
        if result.timedOut { throw .failed("it ran for more than \(Int(timeLimit)) seconds and was stopped") }
        guard result.status == 0 else {
            if result.errors.contains("No module named weasyprint") { throw .missing("no weasyprint module") }
            throw .failed(Self.lastLine(result.errors) ?? "it exited with status \(result.status)")
        }
        guard let bytes = manager.contents(atPath: output.path), !bytes.isEmpty else {
            throw .failed("it wrote no PDF")
        }
        return Array(bytes)
    }

    private struct Outcome {
        var status: Int32
        var errors: String
        var timedOut: Bool
    }

    /// Runs the Python with `arguments`, its messages going to a file (so a chatty run never
    /// blocks on a full pipe); nil when it cannot be started.
    private func run(_ arguments: [String]) -> Outcome? {
        let manager = FileManager.default
        let log = manager.temporaryDirectory.appendingPathComponent("annual-report-pdf-\(UUID().uuidString).log")
        guard manager.createFile(atPath: log.path, contents: nil), let handle = try? FileHandle(forWritingTo: log)
        else { return nil }
        defer { try? manager.removeItem(at: log) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        process.standardError = handle
        process.standardOutput = handle
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch { return nil }
        let timedOut = finished.wait(timeout: .now() + timeLimit) == .timedOut
        if timedOut {
            process.terminate()
            process.waitUntilExit()
        }
        try? handle.close()
        let text = (manager.contents(atPath: log.path)?.prefix(65_536)).map { String(decoding: $0, as: UTF8.self) }
        return Outcome(status: process.terminationStatus, errors: text ?? "", timedOut: timedOut)
    }

    private static func lastLine(_ text: String) -> String? {
        text.split(whereSeparator: \.isNewline).last.map(String.init)
    }
}
