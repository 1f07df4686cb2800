import Foundation
import Rendering
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The printer's isolation and the check on what it writes, with a fake printer (a shell script
/// given as the Python) so no test depends on WeasyPrint being installed.
@Suite("Printing the PDF")
struct PDFPrinterTests {
    /// A whole PDF with a cross-reference table, as a writer without object streams makes one.
    static let tablePDF: String = {
        let header = "%PDF-1.4\n"
        let object1 = "1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n"
        let object2 = "2 0 obj\n<</Type /Pages /Kids [] /Count 0>>\nendobj\n"
        let xref = header.utf8.count + object1.utf8.count + object2.utf8.count
        let offset1 = String(format: "%010d", header.utf8.count)
        let offset2 = String(format: "%010d", header.utf8.count + object1.utf8.count)
        return header + object1 + object2
            + "xref\n0 3\n0000000000 65535 f \n\(offset1) 00000 n \n\(offset2) 00000 n \n"
            + "trailer\n<</Size 3 /Root 1 0 R>>\nstartxref\n\(xref)\n%%EOF\n"
    }()

    /// A PDF whose cross-reference is a stream, as WeasyPrint writes it.
    static let streamPDF: String = {
        let header = "%PDF-1.7\n1 0 obj\n<</Type /Catalog>>\nendobj\n"
        return header + "2 0 obj\n<</Type /XRef/Size 3/Root 1 0 R/Length 0>>\nstream\n\nendstream\nendobj\n"
            + "startxref\n\(header.utf8.count)\n%%EOF"
    }()

    @Test(
        "publishes only what is a whole PDF",
        arguments: [
            (tablePDF, nil),
            (streamPDF, nil),
            ("<html><body>not a PDF</body></html>\n", "it does not start with %PDF-1.x"),
            (String(tablePDF.dropLast(7)), "it does not end with %%EOF (it is cut short)"),
            ("%PDF-1.7\nnothing else\n%%EOF\n", "it has no startxref before %%EOF"),
            ("%PDF-1.7\nstartxref\n999999\n%%EOF\n", "its startxref gives no offset inside the file"),
            (
                "%PDF-1.7\n1 0 obj\n<<>>\nendobj\nstartxref\n2\n%%EOF\n",
                "its startxref does not point at a cross-reference section"
            ),
            (
                "%PDF-1.7\n1 0 obj\n<</Type /XRef>>\nstream\nendstream\nendobj\nstartxref\n9\n%%EOF\n",
                "its cross-reference stream does not name the document's /Root"
            ),
        ] as [(String, String?)])
    func structure(text: String, problem: String?) {
        #expect(PDFStructure.problem(in: Array(text.utf8)) == problem)
    }

    /// A scratch folder holding a fake printer script, which sees what WeasyPrint would.
    struct FakePrinter: ~Copyable {
        let folder: URL
        var script: String { folder.appendingPathComponent("python3").path }
        var temporary: URL { folder.appendingPathComponent("tmp") }

        /// `body` runs for printing (not for `--version`), with `$out` the PDF to write.
        init(_ body: String) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("fake-printer-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("tmp"), withIntermediateDirectories: true)
            let text = """
                #!/bin/sh
                case "$*" in *--version*) echo "WeasyPrint version 0 (a fake)"; exit 0 ;; esac
                for out; do :; done
                here=\(folder.path)
                \(body)

                """
            try Data(text.utf8).write(to: URL(fileURLWithPath: script))
            chmod(script, 0o755)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        /// Prints with the fake, its private temporary folder made in `temporary`.
        func print(timeLimit: Duration? = nil) -> Result<[UInt8], PDFPrinter.Failure> {
            Result { () throws(PDFPrinter.Failure) in
                try PDFPrinter(python: script, timeLimit: timeLimit, temporaryFolder: temporary.path)
                    .print(html: "<p>Report</p>")
            }
        }

        func read(_ name: String) -> String {
            (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
        }
    }

    @Test("runs Python isolated, from a private temporary folder, with only a minimal environment")
    func isolated() throws {
        let printer = try FakePrinter(
            """
            echo "$*" > "$here/arguments"; pwd > "$here/folder"; env | sort > "$here/environment"
            cp "$2" "$here/script"
            printf '%s' '\(Self.streamPDF)' > "$out"
            """)
        // The tests' own environment (HOME, PATH and the rest) reaches the printer not at all.
        let printed = printer.print()
        #expect((try? printed.get()) == Array(Self.streamPDF.utf8))
        let folder = printer.read("folder").trimmingCharacters(in: .newlines)
        // Python runs the printing script (WeasyPrint's command line, adding header scopes),
        // written into its own folder, never one from anywhere else.
        #expect(
            printer.read("arguments").hasPrefix("-I \(folder)/\(PDFPrinter.scriptName) --pdf-variant pdf/ua-1"),
            "\(printer.read("arguments"))")
        #expect(printer.read("script") == PDFPrinter.script)
        #expect(folder.hasPrefix(printer.temporary.path + "/annual-report-pdf-"), "\(folder)")
        #expect(
            printer.read("environment").split(separator: "\n").filter {
                !["PWD", "OLDPWD", "SHLVL", "_"].contains($0.split(separator: "=").first ?? "")
            }
                == [
                    "HOME=\(folder)", "LANG=C.UTF-8", "LC_ALL=C.UTF-8",
                    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                ])
        // Its temporary folder is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: printer.temporary.path) == [])
    }

    @Test("refuses what the printer wrote when it is not a PDF, and removes its files")
    func notAPDF() throws {
        let printer = try FakePrinter(#"printf '<html>not a PDF</html>' > "$out""#)
        guard case .failure(let failure) = printer.print() else {
            Issue.record("a web page was published as report.pdf")
            return
        }
        #expect(failure.description.contains("is not a PDF (it does not start with %PDF-1.x)"))
        #expect(failure.exitStatus == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: printer.temporary.path) == [])
    }

    @Test("stops a printer that runs past its time, with every process it started")
    func timeLimit() throws {
        let printer = try FakePrinter(#"sleep 300 & echo $! > "$here/child"; sleep 300"#)
        let started = ContinuousClock.now
        guard case .failure(let failure) = printer.print(timeLimit: .seconds(1)) else {
            Issue.record("a printer that never ends was not stopped")
            return
        }
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(failure.description.contains("ran for more than 1 seconds and was stopped"))
        let child = pid_t(printer.read("child").trimmingCharacters(in: .newlines)) ?? 0
        #expect(child > 0)
        // Gone, or a zombie waiting for a parent that is no longer the printer. SIGKILL takes
        // effect when the process next runs, which on a loaded machine may take a moment.
        var state = ""
        for _ in 0..<100 {
            state = (try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8)) ?? ""
            if state.isEmpty || state.contains(") Z ") { break }
            usleep(100_000)
        }
        #expect(state.isEmpty || state.contains(") Z "), "\(state)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: printer.temporary.path) == [])
    }

    @Test("the time limit grows with the report: two minutes, and a minute per 100 KB of HTML")
    func scaledLimit() {
        #expect(PDFPrinter.timeLimit(htmlBytes: 0) == .seconds(120))
        #expect(PDFPrinter.timeLimit(htmlBytes: 106_211) == .seconds(180))
        #expect(PDFPrinter.timeLimit(htmlBytes: 2_000_000) == .seconds(1320))
    }
}
