import ChildProcess
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Prints the report's HTML as a tagged PDF/UA-1 with WeasyPrint, the CSS Paged Media engine
/// from PyPI: page numbers and the running head from `@page` margin boxes, the contents list's
/// page numbers from `target-counter()`, bookmarks from the headings, and a structure tree
/// (headings, tables with header cells, figures with their text alternatives) in the HTML's
/// reading order. The same HTML gives the same bytes: the PDF's dates come from the report's
/// `dcterms` metadata (the manifest's publication date), never the clock.
///
/// Table header cells carry the `/Scope` their HTML `scope` gives (`PDFPrinter.script`), so a
/// screen reader knows which header each figure belongs to.
///
/// WeasyPrint runs as an `IsolatedProcess`: Python in isolated mode (`python3 -I`: neither the
/// working folder, `PYTHONPATH` and the other `PYTHON*` variables, nor the user's site-packages
/// reach it), from a temporary folder of its own with a minimal environment, in a process group
/// the tool ends on every exit path, under a time limit that grows with the report. What it
/// writes is published only if it passes `PDFStructure`'s check.
public struct PDFPrinter: Sendable {
    /// Why no PDF could be made: the tool cannot do its job (exit status 2, or 128 + the signal
    /// when interrupted).
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// WeasyPrint is not installed for the Python the tool runs.
        case missing(String)
        /// WeasyPrint ran and failed, ran past its time, or wrote something that is not a PDF.
        case failed(String)
        /// The tool received this signal while WeasyPrint ran; WeasyPrint was ended and its
        /// files removed.
        case interrupted(Int32)

        public var description: String {
            switch self {
            case .missing(let detail):
                "error: report.pdf needs WeasyPrint, which is not installed (\(detail)): install it with `python3 -m pip install weasyprint` (or run `make report`), or build without the PDF"
            case .failed(let detail): "error: WeasyPrint could not print report.pdf: \(detail)"
            case .interrupted(let signal):
                "error: interrupted by \([SIGINT: "SIGINT", SIGTERM: "SIGTERM", SIGHUP: "SIGHUP"][signal] ?? "signal \(signal)") while printing report.pdf; WeasyPrint was stopped and nothing was written"
            }
        }

        /// The exit status the tool ends with: 128 + the signal when interrupted, else 2.
        public var exitStatus: Int32 {
            if case .interrupted(let signal) = self { return 128 + signal }
            return 2
        }
    }

    /// The Python that runs WeasyPrint: a name looked up in the folders of `PATH` that are
    /// absolute paths (never the working folder), or a path.
    public var python: String
    /// How long printing may take before it is stopped; nil for `timeLimit(htmlBytes:)`.
    public var timeLimit: Duration?
    /// The folder in which each run makes its private temporary folder; nil for the system's
    /// (`TMPDIR`, else `/tmp`).
    public var temporaryFolder: String?

    public init(python: String = "python3", timeLimit: Duration? = nil, temporaryFolder: String? = nil) {
        self.python = python
        self.timeLimit = timeLimit
        self.temporaryFolder = temporaryFolder
    }

    /// The time a report of `htmlBytes` bytes may take to print: two minutes, and a minute more
    /// for each 100 KB of HTML. WeasyPrint prints the reference report (106 KB of HTML) in 4 to
    /// 5 seconds of CPU (17 to 19 s on a machine loaded eight times over), so the limit leaves
    /// room for a loaded machine while a hung printer is still stopped.
    public static func timeLimit(htmlBytes: Int) -> Duration {
        .seconds(120 + 60 * (htmlBytes / 100_000))
    }

    /// Nil when WeasyPrint can run; otherwise why not.
    public func unavailable() -> Failure? {
        do {
            let outcome = try inTemporaryFolder { folder throws(Failure) in
                try run(["-m", "weasyprint", "--version"], in: folder, timeLimit: .seconds(120))
            }
            if case .timedOut = outcome.ending {
                return .missing("\(python) -I -m weasyprint --version did not answer within 120 seconds")
            }
            guard case .exited(let status) = outcome.ending, status == 0 else {
                if Self.lacksWeasyPrint(outcome.messages) { return .missing(noModule) }
                return .missing(Self.lastLine(outcome.messages) ?? noModule)
            }
            return nil
        } catch {
            return error
        }
    }

    /// Why Python found no WeasyPrint: isolated, it never looks in the user's site-packages.
    private var noModule: String {
        "\(python) -I finds no weasyprint module; the printer runs isolated, so an install with pip install --user is not used: install it for the interpreter, or in a virtual environment whose python3 is on PATH"
    }

    /// The PDF of `html`, printed with WeasyPrint's PDF/UA-1 variant. Nothing is fetched from
    /// anywhere: the report is self-contained, and only `data:` addresses are allowed.
    public func print(html: String) throws(Failure) -> [UInt8] {
        let limit = timeLimit ?? Self.timeLimit(htmlBytes: html.utf8.count)
        return try inTemporaryFolder { folder throws(Failure) in
            let input = "\(folder)/report.html"
            let output = "\(folder)/report.pdf"
            let script = "\(folder)/\(Self.scriptName)"
            guard FileManager.default.createFile(atPath: input, contents: Data(html.utf8)),
                FileManager.default.createFile(atPath: script, contents: Data(Self.script.utf8))
            else {
                throw .failed("cannot write its input in \(folder)")
            }
            let arguments = [
                script, "--pdf-variant", "pdf/ua-1", "--allowed-protocols", "data", "--quiet", input, output,
            ]
            let outcome = try run(arguments, in: folder, timeLimit: limit)
            switch outcome.ending {
            case .interrupted(let signal): throw .interrupted(signal)
            case .timedOut:
                throw .failed("it ran for more than \(limit.components.seconds) seconds and was stopped")
            case .exited(let status) where status != 0:
                if Self.lacksWeasyPrint(outcome.messages) { throw .missing(noModule) }
                throw .failed(Self.lastLine(outcome.messages) ?? "it exited with status \(status)")
            case .exited: break
            }
            guard let data = FileManager.default.contents(atPath: output), !data.isEmpty else {
                throw .failed("it wrote no PDF")
            }
            let bytes = Array(data)
            if let problem = PDFStructure.problem(in: bytes) {
                throw .failed("what it wrote is not a PDF (\(problem)), so it was not published")
            }
            return bytes
        }
    }

    /// Runs `body` with a new private temporary folder (mode 700), removed afterwards, with the
    /// signal handlers installed throughout so that an interruption removes it too.
    private func inTemporaryFolder<Result>(_ body: (String) throws(Failure) -> Result) throws(Failure) -> Result {
        try PrivateFolder.run(in: temporaryFolder, prefix: "annual-report-pdf", problem: Self.failure, body)
    }

    private static func failure(_ problem: PrivateFolder.Problem) -> Failure {
        switch problem {
        case .cannotMake(let base, let reason): .failed("cannot make a temporary folder in \(base): \(reason)")
        case .interrupted(let signal): .interrupted(signal)
        }
    }

    /// Whether Python's messages say it found no WeasyPrint: `-m weasyprint` and the script's
    /// `import` word it differently.
    private static func lacksWeasyPrint(_ messages: String) -> Bool {
        messages.contains("No module named weasyprint") || messages.contains("No module named 'weasyprint'")
    }

    /// Runs `python -I arguments` in `folder`: `-m weasyprint --version`, or the printing script.
    private func run(_ arguments: [String], in folder: String, timeLimit: Duration) throws(Failure)
        -> IsolatedProcess.Outcome
    {
        guard let executable = resolvedPython() else {
            throw .missing("\(python) is not in any folder of PATH")
        }
        let process = IsolatedProcess(executable: executable, folder: folder, timeLimit: timeLimit)
        guard let outcome = process.run(["-I"] + arguments) else {
            throw .missing("\(executable) cannot be started")
        }
        if case .interrupted(let signal) = outcome.ending { throw .interrupted(signal) }
        return outcome
    }

    /// `python` as an absolute path (`ExecutableSearch`: never the working folder).
    func resolvedPython() -> String? {
        ExecutableSearch.absolutePath(of: python)
    }

    private static func lastLine(_ text: String) -> String? {
        text.split(whereSeparator: \.isNewline).last.map(String.init)
    }
}
