import Foundation
import ReportModel
import Testing

@testable import EditionFormat

/// The fast road for regular figures files (`FigureFileReader`) against the general reader
/// (`CSVReader`, `TableReader`, `FiguresDataset`): on any file, the edition and the findings
/// must be the same whichever road reads it.
@Suite("The direct figures reader")
struct FigureFileReaderTests {
    /// The synthetic edition with `figures` as its figures file, read by both roads.
    private func bothRoads(_ figures: [UInt8]) throws -> (direct: IngestResult, general: IngestResult) {
        var files = SyntheticEdition.files
        files[SyntheticEdition.figuresPath] = figures
        var general = EditionReader(files: MemoryFileSource(files))
        general.readsRegularFiguresDirectly = false
        return (
            try EditionReader(files: MemoryFileSource(files)).read(folder: SyntheticEdition.folder),
            try general.read(folder: SyntheticEdition.folder)
        )
    }

    @Test(
        "reads a file as the general reader does",
        arguments: [
            // Regular files the direct reader takes.
            "area,measure,value\nnorth,contacts,12\n",
            "area,measure,value,stated_percent,percent_of,period,source,previous\nnorth,referrals,3,25.0%,contacts,2031-03,ONS,4\nnorth,contacts,12,,,,,10\n",
            "\u{FEFF}Area,Measure,Value\r\nnorth,contacts,12\r\n,,\r\n",
            "measure,value,area\ncontacts,1200,north\nspend,£12.50,whole\nsatisfaction,87.5%,whole\n",
            "area,measure,value\nnorth,contacts,12",
            // Files it leaves to the general reader, which reports them.
            // The same key to Swift in other bytes ("é" as one scalar, then as "e" and an accent).
            "area,measure,value\ncaf\u{E9},contacts,12\ncafe\u{301},contacts,13\n",
            "area,measure,value\nnorth,contacts,\"1,200\"\n",
            "area,measure,value\nnorth,contacts,12\nnorth,contacts,13\n",
            "area,measure,value\nnorth,contacts, 12\n",
            "area,measure,value\nnorth,contacts,\n",
            "area,measure,value\nnorth,nothing,12\n",
            "area,measure,value\nnorth,contacts,twelve\n",
            "area,measure,value\n=cmd,contacts,12\n",
            "area,measure,value\nnorth,contacts,12,3\n",
            "area,measure,value,colour\nnorth,contacts,12,red\n",
            "area,measure\nnorth,contacts\n",
            "area,measure,value\n",
            "",
            "area,measure,value\rnorth,contacts,12\r",
            "area,measure,value\nnörth,contacts,12\n",
            "area,measure,value\nnorth,contacts,-0\n",
            "area,measure,value\nnorth\u{7}x,contacts,12\n",
        ])
    func sameAsGeneral(_ text: String) throws {
        let (direct, general) = try bothRoads(Array(text.utf8))
        #expect(direct.findings == general.findings)
        #expect(direct.edition == general.edition)
    }

    @Test("reads random files as the general reader does")
    func randomFiles() throws {
        var random = SeededRandom(seed: 2031)
        var directlyRead = 0
        for _ in 0..<300 {
            let bytes = RandomFiguresFile.make(using: &random)
            let (direct, general) = try bothRoads(bytes)
            #expect(direct.findings == general.findings, "\(String(decoding: bytes, as: UTF8.self))")
            #expect(direct.edition == general.edition, "\(String(decoding: bytes, as: UTF8.self))")
            var figures: [Figure] = []
            let regular = reader(measures: direct.edition?.measures ?? []).read(bytes, appendingTo: &figures)
            if regular != nil { directlyRead += 1 }
        }
        // Both roads are exercised: most files are regular, many are not.
        #expect(directlyRead > 50)
        #expect(directlyRead < 290)
    }

    private func reader(measures: [Measure]) -> FigureFileReader {
        FigureFileReader(
            file: SyntheticEdition.figuresPath, dataset: "figures",
            measures: Dictionary(measures.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    @Test(
        "a figure made from its row and columns equals the one made from located values",
        arguments: [[1, 2, 3], [3, 1, 2], [1, 2, 40_000], [40_000, 40_001, 40_002]])
    func plainFigure(columns: [Int]) {
        let row = ReportModel.SourceLocation(file: "ed/data/figures.csv", line: 7)
        func cell(_ column: Int) -> ReportModel.SourceLocation {
            ReportModel.SourceLocation(file: "ed/data/figures.csv", line: 7, column: column)
        }
        let plain = Figure(
            dataset: "figures", area: "north", measure: "contacts", value: .count(12), row: row,
            columns: (columns[0], columns[1], columns[2]))
        let located = Figure(
            dataset: "figures", area: Located("north", at: cell(columns[0])),
            measure: Located("contacts", at: cell(columns[1])), value: Located(.count(12), at: cell(columns[2])),
            statedPercentage: nil, percentOf: nil, period: nil, source: nil, location: row)
        #expect(plain == located)
        #expect(plain.value.location == cell(columns[2]))
    }

    @Test(
        "appends to the figures of files read before, and leaves them as they were when it gives up",
        arguments: [
            ("area,measure,value\nsouth,contacts,7\nsouth,referrals,2\n", true),
            // A key the earlier file has is another dataset's: not a repeat within this file.
            ("area,measure,value\nnorth,contacts,12\n", true),
            // Given up after rows already appended: a quoted field, a repeated key, a bad value.
            ("area,measure,value\nsouth,contacts,7\nsouth,referrals,\"2\"\n", false),
            ("area,measure,value\nsouth,contacts,7\nsouth,contacts,8\n", false),
            ("area,measure,value\nsouth,contacts,7\nsouth,referrals,two\n", false),
        ])
    func appends(text: String, regular: Bool) throws {
        let measures = try #require(try bothRoads(Array("area,measure,value\n".utf8)).general.edition?.measures)
        var figures: [Figure] = []
        _ = try #require(
            reader(measures: measures).read(
                Array("area,measure,value\nnorth,contacts,12\n".utf8), appendingTo: &figures))
        let before = figures
        let columns = reader(measures: measures).read(Array(text.utf8), appendingTo: &figures)
        #expect((columns != nil) == regular)
        if regular {
            #expect(Array(figures.prefix(before.count)) == before)
            #expect(figures.count == before.count + text.split(separator: "\n").count - 1)
        } else {
            #expect(figures == before)
        }
    }
}

/// Figures files of random shape: columns in any order, optional ones left out, and now and
/// then something irregular (quotes, spaces, an empty or unreadable value, a repeated key, an
/// unknown measure, CRLF, a byte-order mark, text outside ASCII, a formula).
private enum RandomFiguresFile {
    static let areas = ["north", "south", "whole", "a-very-long-area-name-beyond-fifteen"]
    static let measures = ["contacts", "referrals", "spend", "satisfaction"]

    static func make(using random: inout SeededRandom) -> [UInt8] {
        var columns = ["area", "measure", "value", "stated_percent", "percent_of", "period", "source", "previous"]
        columns = columns.filter { ["area", "measure", "value"].contains($0) || random.below(2) == 0 }
        columns.shuffle(using: &random)
        let lineEnd = random.below(4) == 0 ? "\r\n" : "\n"
        var lines = [columns.map { random.below(8) == 0 ? $0.capitalized : $0 }.joined(separator: ",")]
        for _ in 0..<(1 + random.below(6)) {
            let area = areas[random.below(areas.count)]
            let measure = measures[random.below(measures.count)]
            let fields = columns.map { cell($0, area: area, measure: measure, using: &random) }
            lines.append(fields.joined(separator: ","))
        }
        var text = lines.joined(separator: lineEnd) + (random.below(5) == 0 ? "" : lineEnd)
        if random.below(10) == 0 { text = "\u{FEFF}" + text }
        return Array(text.utf8)
    }

    private static func cell(_ column: String, area: String, measure: String, using random: inout SeededRandom)
        -> String
    {
        if random.below(40) == 0 {
            return ["\"1,2\"", " 7", "", "x", "=1", "£", "-0", "é", "ab\"c", "\u{00A0}3"][random.below(10)]
        }
        switch column {
        case "area": return area
        case "measure": return random.below(30) == 0 ? "unknown" : measure
        case "value", "previous":
            if column == "previous", random.below(2) == 0 { return "" }
            switch measure {
            case "spend": return ["£12.50", "1200", "£1,234"][random.below(3)]
            case "satisfaction": return ["87.5%", "40", "12.25%"][random.below(3)]
            default: return String(random.below(100_000))
            }
        case "stated_percent": return random.below(3) == 0 ? "\(random.below(100)).\(random.below(10))%" : ""
        case "percent_of": return random.below(3) == 0 ? "contacts" : ""
        case "period": return random.below(4) == 0 ? "2031-03" : ""
        default: return random.below(3) == 0 ? "Office for Statistics" : ""
        }
    }
}

/// SplitMix64 with a fixed seed, so every run tests the same files.
private struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// Writing figures out: the cells a published table is made of, whichever way they are asked for.
@Suite("Figures written out")
struct FiguresWrittenTests {
    /// The editions the tests build, read from disk.
    static let editions: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let tests = root.appendingPathComponent("Tests/Editions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: tests.path)) ?? []
        return [root.appendingPathComponent("inputs/cumbria-2023-24").path]
            + names.sorted().map { tests.appendingPathComponent($0).path }
    }()

    @Test(
        "a plain figure's cells, written without naming each column, are the cells named one by one",
        arguments: editions)
    func cellWriter(folder: String) throws {
        let edition = try #require(try EditionReader().read(folder: folder).edition)
        let kind = FiguresDataset()
        // Every column of the schema, in an order of its own, and one no schema has.
        let columns = kind.schema.columns.map(\.name).reversed() + ["colour"]
        let write = kind.cellWriter(columns: columns)
        #expect(!edition.figures.isEmpty)
        // The reference has both plain figures and figures with more (some editions have only the latter).
        if folder.hasSuffix("cumbria-2023-24") {
            #expect(edition.figures.contains { $0.isPlain } && edition.figures.contains { !$0.isPlain })
        }
        for figure in edition.figures {
            #expect(write(figure) == columns.map { kind.cell($0, of: figure) }, "\(figure.key)")
        }
    }

    @Test("a dataset's published CSV is its written rows as a CSV document", arguments: editions)
    func publishedCSV(folder: String) throws {
        let edition = try #require(try EditionReader().read(folder: folder).edition)
        for spec in edition.manifest.datasets {
            let written = try #require(edition.written(spec.id))
            let published = try #require(edition.writtenCSV(spec.id))
            #expect(published.columns == written.columns)
            #expect(published.csv == CSVText.document([written.columns] + written.rows.map(\.values)), "\(spec.id)")
        }
    }
}

/// The data package's primary key for a figures dataset.
@Suite("The published primary key")
struct PrimaryKeyTests {
    /// The primary key `datapackage.json` gives the figures dataset of the synthetic edition
    /// with these extra measures and these figures rows.
    private func primaryKey(measures: String, figures: String) throws -> [String]? {
        var files = SyntheticEdition.files
        files[SyntheticEdition.measuresPath] = (files[SyntheticEdition.measuresPath] ?? []) + Array(measures.utf8)
        files[SyntheticEdition.figuresPath] = Array(figures.utf8)
        let edition = try #require(try EditionReader(files: MemoryFileSource(files)).read(folder: "ed").edition)
        let tables = edition.manifest.datasets.compactMap { spec in edition.written(spec.id).map { (spec, $0.columns) }
        }
        let json = DataPackage.json(for: edition, tables: tables)
        let package = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let resources = try #require(package["resources"] as? [[String: Any]])
        let figures = try #require(resources.first { $0["name"] as? String == "figures" })
        return (figures["schema"] as? [String: Any])?["primaryKey"] as? [String]
    }

    @Test(
        "area and measure are the key when no two rows share both, even where their keys read alike joined by a slash",
        arguments: [
            ("", "area,measure,value\nnorth,contacts,12\nsouth,contacts,7\n", ["area", "measure"]),
            // 'barrow' and 'x/y', 'barrow/x' and 'y': both read barrow/x/y, but are different rows.
            (
                "x/y,X,count,yes,,\ny,Y,count,yes,,\n", "area,measure,value\nbarrow,x/y,5\nbarrow/x,y,6\n",
                ["area", "measure"]
            ),
            // A series: the period joins the key.
            (
                "", "area,measure,value,period\nnorth,contacts,12,2031-01\nnorth,contacts,7,2031-02\n",
                ["area", "measure", "period"]
            ),
        ])
    func primaryKey(measures: String, figures: String, expected: [String]) throws {
        #expect(try primaryKey(measures: measures, figures: figures) == expected)
    }
}
