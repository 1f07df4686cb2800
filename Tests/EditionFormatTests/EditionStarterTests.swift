import EditionFormat
import Foundation
import ReportModel
import Testing

@Suite("init labels the whole partnership's area with its place")
struct EditionStarterTests {
    @Test(
        "the place is the partnership's name without what kind of body it is",
        arguments: [
            ("Tamar and Moor Safeguarding Children Partnership", "Tamar and Moor"),
            ("Cumbria Safeguarding Children Partnership", "Cumbria"),
            ("The Tamar and Moor Safeguarding Children Partnership", "Tamar and Moor"),
            ("Halton Children's Safeguarding Partnership", "Halton"),
            ("Wigan Safeguarding Children's Partnership", "Wigan"),
            ("North Yorkshire Safeguarding Children Partnership", "North Yorkshire"),
            ("Eden Local Safeguarding Children Partnership", "Eden"),
            ("Fenland Safeguarding Partnership", "Fenland"),
            ("Brent Safeguarding Children Board", "Brent"),
            ("Tamar and Moor safeguarding children partnership", "Tamar and Moor"),
            ("Tamar and Moor, Safeguarding Children Partnership", "Tamar and Moor"),
            // Nothing shorter is the place: the name is kept whole.
            ("Safeguarding Children Partnership", "Safeguarding Children Partnership"),
            ("Tamar and Moor", "Tamar and Moor"),
            ("Children First", "Children First"),
        ])
    func place(name: String, place: String) {
        #expect(EditionStarter.place(of: name) == place)
    }

    /// The manifest's areas, as `init` writes them.
    func areas(_ starter: EditionStarter) throws -> [Area] {
        let files = MemoryFileSource(
            texts: Dictionary(uniqueKeysWithValues: starter.files().map { ("new/\($0.path)", $0.text) }))
        return try #require(try EditionReader(files: files).read(folder: "new").edition?.manifest.areas)
    }

    @Test(
        "the top area is the place, so tables read \"Tamar and Moor 2026/27\", not the partnership's full name",
        arguments: [
            ([], nil, [("partnership", "Tamar and Moor")]),
            (["Tamar", "Moor"], nil, [("partnership", "Tamar and Moor"), ("tamar", "Tamar"), ("moor", "Moor")]),
            (
                ["Tamar", "Moor"], "Tamar and the Moor",
                [("partnership", "Tamar and the Moor"), ("tamar", "Tamar"), ("moor", "Moor")]
            ),
            (["Tamar"], nil, [("tamar", "Tamar")]),
        ] as [([String], String?, [(String, String)])])
    func topArea(areaNames: [String], place: String?, expected: [(String, String)]) throws {
        guard case .success(let span) = DateReader.period("2026/27") else {
            Issue.record("2026/27 should read as a period")
            return
        }
        let starter = EditionStarter(
            partnership: Partnership(name: "Tamar and Moor Safeguarding Children Partnership", shortName: "TMSCP"),
            period: ReportingPeriod(period: span, label: "2026/27"), areaNames: areaNames, place: place)
        let areas = try areas(starter)
        #expect(areas.map(\.key) == expected.map(\.0))
        #expect(areas.map(\.name) == expected.map(\.1))
    }
}
