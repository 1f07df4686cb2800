import EditionFormat
import Foundation
import Rendering
import ReportModel
import Testing
import Validation

/// A worked example of a new dataset kind: board meetings and how many members attended. This
/// file is everything the kind takes. It declares its columns, how a row becomes a record, how a
/// record is written back and how it is shown; no switch anywhere in the tool is edited, and the
/// kind is read, checked, shown in a section, published and carried into next year like the
/// built-in ones.
struct BoardMeeting: DatasetRecord, Hashable {
    var dataset: String
    var date: Located<CalendarDate>
    var attended: Located<Int>
    var location: ReportModel.SourceLocation

    var rowKey: String { date.value.description }
    var texts: [String] { [] }
}

struct BoardMeetingsKind: DatasetKind {
    let schema = DatasetSchema(
        name: "board-meetings", summary: "Board meetings and how many members attended.",
        columns: [
            .required("meeting", .date, "the day the board met"),
            .required("attended", .count, "how many members attended"),
        ],
        key: ["meeting"])

    func record(from row: TypedRow, dataset: String, context: DatasetContext, findings: inout [Finding])
        -> BoardMeeting?
    {
        guard let date = row.date("meeting"), let attended = row.count("attended") else { return nil }
        return BoardMeeting(dataset: dataset, date: date, attended: attended, location: row.location)
    }

    func cell(_ column: String, of meeting: BoardMeeting) -> String {
        column == "meeting" ? meeting.date.value.description : String(meeting.attended.value)
    }

    func display(_ spec: DatasetSpec) -> DatasetDisplay { .table(headings: ["Meeting", "Members attending"]) }
}

@Suite("A new dataset kind needs one declaration and no other change")
struct WorkedExampleKindTests {
    static let folder = "inputs/cumbria-2023-24"
    static let kinds = DatasetKinds.standard.adding(BoardMeetingsKind())

    /// The reference edition with a board-meetings dataset placed in its "themes" section.
    static func files(meetings: String) throws -> [String: [UInt8]] {
        var files = try RenderFixture.files()
        let manifestPath = "\(folder)/edition.yaml"
        let manifest = String(decoding: files[manifestPath] ?? [], as: UTF8.self)
            .replacingOccurrences(
                of: "datasets:\n",
                with: """
                    datasets:
                      - id: meetings
                        schema: board-meetings
                        file: data/meetings.csv
                        title: Board meetings in 2023/24
                        section: themes

                    """)
        files[manifestPath] = Array(manifest.utf8)
        files["\(folder)/data/meetings.csv"] = Array(meetings.utf8)
        return files
    }

    static func read(_ files: [String: [UInt8]]) throws -> (IngestResult, ValidationReport) {
        let ingest = try EditionReader(files: MemoryFileSource(files), kinds: kinds).read(folder: folder)
        return (ingest, Validator().validate(edition: ingest.edition, ingestFindings: ingest.findings, name: folder))
    }

    @Test("read, checked, shown in its section and published as the kind declares")
    func wholeRoad() throws {
        let csv = "meeting,attended\n2023-06-14,17\n2023-12-06,15\n"
        let (ingest, validation) = try Self.read(try Self.files(meetings: csv))
        let edition = try #require(ingest.edition)
        #expect(validation.errorCount == 0, "\(validation.findings.filter { $0.severity == .error })")
        #expect(!validation.findings.contains { $0.rule == "coverage.dataset-shown" })
        #expect(edition.records(BoardMeeting.self, in: "meetings").map(\.attended.value) == [17, 15])

        let html = try ReportRenderer(templates: try RenderFixture.templates())
            .render(edition, validation: validation, draft: true).html
        let table = try #require(html.range(of: "id=\"table-meetings\""))
        let after = String(html[table.lowerBound...].prefix(2000))
        #expect(after.contains("Board meetings in 2023/24"))
        #expect(after.contains("Members attending"))
        #expect(after.contains("2023-06-14") && after.contains(">17<"))

        let published = try #require(DatasetTable.tables(of: edition).first { $0.spec.id == "meetings" })
        #expect(published.csv == csv.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test(
        "a bad row of the new kind gets the same located finding as any kind's",
        arguments: [
            ("meeting,attended\n2023-06-14,seventeen\n", "2:2", "a whole number"),
            ("meeting,attended\nthe fourteenth of June,17\n", "2:1", "date"),
            ("meeting,attended\n2023-06-14,17\n2023-06-14,16\n", "3:0", "used again"),
            ("meeting\n2023-06-14\n", "1:0", "attended"),
        ])
    func badRows(csv: String, at position: String, expecting words: String) throws {
        let (ingest, _) = try Self.read(try Self.files(meetings: csv))
        let finding = try #require(ingest.findings.first { $0.location?.file.hasSuffix("meetings.csv") ?? false })
        #expect(finding.severity == .error)
        #expect(finding.location.map { "\($0.line ?? 0):\($0.column ?? 0)" } == position, "\(finding)")
        #expect(finding.message.contains(words), "\(finding.message)")
    }

    @Test("without the kind, the manifest's schema is refused with the known names")
    func unknownWithoutTheKind() throws {
        let files = try Self.files(meetings: "meeting,attended\n2023-06-14,17\n")
        let ingest = try EditionReader(files: MemoryFileSource(files)).read(folder: Self.folder)
        let finding = try #require(ingest.findings.first { $0.actual == "board-meetings" })
        #expect(finding.message.contains("unknown schema 'board-meetings'"))
    }
}
