import EditionFormat
import Foundation
import ReportModel
import Testing

/// `annual-report upgrade`'s work, on editions held in memory: what a format 1 manifest becomes,
/// byte for byte, however it is laid out, and what the upgrade refuses.
@Suite("Upgrading an edition to the current format")
struct UpgradeTests {
    /// The lines format 2 adds at the end of a manifest without appendices, as a user reads them.
    static let appendixLines = [
        "# The report's appendices, in order (annual-report upgrade wrote out format 1's default).",
        "appendices:",
        "  - { kind: board, title: Board membership }",
        "  - { kind: finance, title: Financial arrangements }",
        "  - { kind: training, title: Training data }",
        "  - { kind: coverage, title: What the report covers }",
        "  - { kind: data-quality, title: Data-quality statement }",
        "  - { kind: glossary, title: Glossary of abbreviations }",
    ]
    static let appendices = appendixLines.joined(separator: "\n") + "\n"

    /// The synthetic manifest without its first line, the comment: it starts at `partnership:`.
    static let body = String(SyntheticEdition.manifest.drop { $0 != "\n" }.dropFirst())
    static let header = "# A synthetic edition for the ingest tests. Every name and number in it is made up.\n"

    /// A manifest as a partnership may have written it, and what upgrade must make of it.
    struct Layout: CustomTestStringConvertible, Sendable {
        var name: String
        var before: String
        var after: String
        /// The lines the changes are reported at.
        var lines: [Int]
        var testDescription: String { name }
    }

    static let layouts: [Layout] = [
        Layout(
            name: "a header comment stays first; the format key follows it, the appendices go last",
            before: SyntheticEdition.manifest,
            after: header + "format: 2\n" + body + "\n" + appendices, lines: [2, 44]),
        Layout(
            name: "no header: the format key is the first line",
            before: body, after: "format: 2\n" + body + "\n" + appendices, lines: [1, 43]),
        Layout(
            name: "a comment set apart by a blank line stays with the key below it",
            before: "# The record of 2030/31.\n\n# Who we are:\n" + body,
            after: "# The record of 2030/31.\nformat: 2\n\n# Who we are:\n" + body + "\n" + appendices,
            lines: [2, 46]),
        Layout(
            name: "a document start marker and its comment stay first",
            before: "--- # the manifest\n" + body,
            after: "--- # the manifest\nformat: 2\n" + body + "\n" + appendices, lines: [2, 44]),
        Layout(
            name: "CRLF line endings are kept, and the new lines have them too",
            before: SyntheticEdition.manifest.replacingOccurrences(of: "\n", with: "\r\n"),
            after: (header + "format: 2\n" + body + "\n" + appendices).replacingOccurrences(of: "\n", with: "\r\n"),
            lines: [2, 44]),
        Layout(
            name: "a file without a final newline still has none",
            before: String(SyntheticEdition.manifest.dropLast()),
            after: header + "format: 2\n" + body + "\n" + String(appendices.dropLast()), lines: [2, 44]),
        Layout(
            name: "the appendices go before a document end marker, and the comment after it stays",
            before: SyntheticEdition.manifest + "...\n# Kept by the business unit.\n",
            after: header + "format: 2\n" + body + "\n" + appendices + "...\n# Kept by the business unit.\n",
            lines: [2, 44]),
        Layout(
            name: "a byte order mark stays at the very start",
            before: "\u{FEFF}" + SyntheticEdition.manifest,
            after: "\u{FEFF}" + header + "format: 2\n" + body + "\n" + appendices, lines: [2, 44]),
        Layout(
            name: "a manifest indented as a whole keeps its indentation",
            before: indented(SyntheticEdition.manifest),
            after: indented(header + "format: 2\n" + body + "\n" + appendices), lines: [2, 44]),
        Layout(
            name: "an explicit format 1 is changed in place, its comment kept",
            before: header + "format: 1   # the first format\n" + body,
            after: header + "format: 2   # the first format\n" + body + "\n" + appendices, lines: [2, 44]),
        Layout(
            name: "an empty appendices list gives way to the default one, its comment kept",
            before: SyntheticEdition.manifest + "appendices: []  # none chosen yet\n",
            after: header + "format: 2\n" + body + "appendices: # none chosen yet\n"
                + appendixLines.dropFirst(2).joined(separator: "\n") + "\n",
            lines: [2, 42, 43]),
        Layout(
            name: "an empty appendices list with nothing after it leaves the key alone on its line",
            before: SyntheticEdition.manifest + "appendices: [ ]\n",
            after: header + "format: 2\n" + body + "appendices:\n" + appendixLines.dropFirst(2).joined(separator: "\n")
                + "\n",
            lines: [2, 42, 43]),
        Layout(
            name: "an edition that lists its own appendices keeps them as they are",
            before: SyntheticEdition.manifest + "appendices:\n  - kind: glossary   # only this\n",
            after: header + "format: 2\n" + body + "appendices:\n  - kind: glossary   # only this\n", lines: [2]),
    ]

    /// Every line indented by two spaces, as a block mapping may be as a whole.
    static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
            .joined(separator: "\n")
    }

    static func files(manifest: String) -> MemoryFileSource {
        var files = SyntheticEdition.files
        files[SyntheticEdition.manifestPath] = Array(manifest.utf8)
        return MemoryFileSource(files)
    }

    static func plan(_ manifest: String) throws -> UpgradePlan {
        let outcome = try EditionUpgrade(files: files(manifest: manifest)).plan(folder: SyntheticEdition.folder)
        guard case .upgrade(let plan) = outcome else {
            Issue.record("expected an upgrade, got \(outcome)")
            throw UpgradeRefusal("no upgrade")
        }
        return plan
    }

    @Test("rewrites the manifest as text, keeping everything it does not change", arguments: layouts)
    func layout(_ layout: Layout) throws {
        let before = try #require(try EditionReader(files: Self.files(manifest: layout.before)).read(folder: "ed"))
        #expect(before.findings == [] && before.edition?.manifest.format == 1, "\(before.findings)")
        let plan = try Self.plan(layout.before)
        #expect((plan.from, plan.to) == (1, 2))
        let written = try #require(plan.files.first)
        #expect(written.path == SyntheticEdition.manifestPath)
        #expect(written.text == layout.after)
        #expect(plan.changes.map(\.line) == layout.lines, "\(plan.changes.map(\.description))")
        #expect(plan.changes.allSatisfy { $0.file == SyntheticEdition.manifestPath && !$0.why.isEmpty })
    }

    @Test(
        "the upgraded manifest reads in format 2 as the same edition, and a second upgrade has nothing to do",
        arguments: layouts)
    func idempotent(_ layout: Layout) throws {
        let plan = try Self.plan(layout.before)
        let files = Self.files(manifest: try #require(plan.files.first).text)
        let before = try #require(
            try EditionReader(files: Self.files(manifest: layout.before)).read(folder: "ed").edition)
        let after = try EditionReader(files: files).read(folder: "ed")
        let edition = try #require(after.edition)
        #expect(after.findings == [])
        #expect(edition.manifest.format == 2)
        #expect(edition.manifest.appendixList == before.manifest.appendixList)
        #expect(edition.manifest.datasets.map(\.id) == before.manifest.datasets.map(\.id))
        #expect(edition.figures.map(\.value) == before.figures.map(\.value))
        let again = try EditionUpgrade(files: files).plan(folder: "ed")
        guard case .current(let format) = again else {
            Issue.record("a second upgrade should have nothing to do, got \(again)")
            return
        }
        #expect(format == 2)
    }

    @Test("a manifest in a newer format than this release reads stops the run, located at the key")
    func newerFormat() throws {
        let files = Self.files(manifest: Self.header + "format: 3\n" + Self.body)
        #expect(
            throws: EditionReadError.newerFormat(SourceLocation(file: "ed/edition.yaml", line: 2, column: 9), found: 3)
        ) {
            try EditionUpgrade(files: files).plan(folder: "ed")
        }
        #expect(throws: EditionReadError.self) { try EditionReader(files: files).read(folder: "ed") }
        let message = EditionReadError.newerFormat(
            SourceLocation(file: "ed/edition.yaml", line: 2, column: 9), found: 3
        )
        .description
        #expect(message.hasPrefix("ed/edition.yaml:2:9: the edition is written in format 3"))
        #expect(message.contains("Install a newer annual-report"))
    }

    @Test("an edition with errors at ingest is refused, its errors named")
    func refusesBrokenEdition() throws {
        var files = SyntheticEdition.files
        files[SyntheticEdition.figuresPath] = Array(
            SyntheticEdition.figures.replacingOccurrences(
                of: "north,referrals,300", with: "north,referrals,three hundred"
            )
            .utf8)
        let outcome = try EditionUpgrade(files: MemoryFileSource(files)).plan(folder: "ed")
        guard case .refused(let errors) = outcome else {
            Issue.record("expected a refusal, got \(outcome)")
            return
        }
        #expect(errors.map(\.location?.file) == [SyntheticEdition.figuresPath])
        #expect(errors.map(\.location?.line) == [3])
    }

    @Test(
        "an edition already current has nothing to change, even while its data has errors (a new edition's empty figures)"
    )
    func currentDespiteErrors() throws {
        var files = SyntheticEdition.files
        files[SyntheticEdition.manifestPath] = Array((Self.header + "format: 2\n" + Self.body).utf8)
        files[SyntheticEdition.figuresPath] = Array(
            SyntheticEdition.figures.replacingOccurrences(of: "north,referrals,300", with: "north,referrals,").utf8)
        let outcome = try EditionUpgrade(files: MemoryFileSource(files)).plan(folder: "ed")
        guard case .current(2) = outcome else {
            Issue.record("expected nothing to change, got \(outcome)")
            return
        }
    }

    @Test("a manifest written as one flow mapping is refused: there is no line to add a key on")
    func refusesFlowManifest() throws {
        let flow = """
            {partnership: {name: Example Partnership}, period: {label: 2030/31, start: 2030-04-01, end: 2031-03-31},
             publication: {title: Example Partnership Annual Report 2030/31},
             areas: [{key: whole, name: Whole area, level: partnership, areas: [{key: north, name: North, level: council}, {key: south, name: South, level: council}]}],
             datasets: [{id: measures, schema: measures, file: data/measures.csv, title: Measures},
              {id: figures, schema: figures, file: data/figures.csv, title: Figures},
              {id: budget, schema: budget, file: data/budget.csv, title: Budget},
              {id: courses, schema: training-courses, file: data/courses.csv, title: Courses},
              {id: corrections, schema: corrections, file: data/corrections.csv, title: Corrections}],
             sections: [{id: intro, title: Introduction, file: narrative/intro.md}]}

            """
        let read = try EditionReader(files: Self.files(manifest: flow)).read(folder: "ed")
        #expect(read.findings == [], "the flow manifest must read, or the refusal would be for another reason")
        #expect {
            try EditionUpgrade(files: Self.files(manifest: flow)).plan(folder: "ed")
        } throws: { error in
            "\(error)".contains("flow mapping")
        }
    }

    @Test("each step is listed once, oldest first, and they reach the current format")
    func stepsReachCurrent() {
        let froms = UpgradeSteps.all.map(\.from)
        #expect(froms == Array(FormatVersion.unstated..<FormatVersion.current))
        #expect(UpgradeSteps.all.last?.to == FormatVersion.current)
    }

    @Test("init writes the current format, appendices listed: upgrade has nothing to do")
    func initWritesCurrentFormat() throws {
        guard case .success(let span) = DateReader.period("2030/31") else {
            Issue.record("2030/31 should read as a period")
            return
        }
        let starter = EditionStarter(
            partnership: Partnership(name: "Example Partnership", shortName: "EXP"),
            period: ReportingPeriod(period: span, label: "2030/31"), areaNames: ["North", "South"])
        let files = MemoryFileSource(
            texts: Dictionary(uniqueKeysWithValues: starter.files().map { ("new/\($0.path)", $0.text) }))
        let manifest = try #require(try EditionReader(files: files).read(folder: "new").edition?.manifest)
        #expect(manifest.format == FormatVersion.current)
        #expect(manifest.appendices == AppendixKind.defaults)
        guard case .current = try EditionUpgrade(files: files).plan(folder: "new") else {
            Issue.record("an edition init wrote should need no upgrade")
            return
        }
    }

    @Test("writing replaces the file whole, keeps its permissions and leaves no temporary file")
    func writesAtomically() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("edition.yaml").path
        try Data("partnership: old\n".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let plan = UpgradePlan(
            folder: folder.path, from: 1, to: 2, changes: [], files: [(path, "format: 2\npartnership: old\n")])
        try plan.write()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "format: 2\npartnership: old\n")
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["edition.yaml"])
    }
}
