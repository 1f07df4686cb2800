import EditionFormat
import Foundation
import ReportModel
import Testing
import Validation

/// The example edition's `again` dataset restating North's people, from another source.
@Suite("A figure several datasets give")
struct FigureCopiesTests {
    static func report(value: String = "1001", narrative: String = "An example.") throws -> ValidationReport {
        try ExampleEdition.report([
            ExampleEdition.Edit(
                file: "again.csv", replace: "area,measure,value\nnorth,people,1000",
                with: "area,measure,value,source\nnorth,people,\(value),Census 2021"),
            ExampleEdition.Edit(file: "intro.md", replace: "An example.", with: narrative),
        ])
    }

    @Test("copies that disagree are reported once, naming each copy's dataset and source and which one the checks use")
    func message() throws {
        let found = try Self.report().findings
        #expect(
            found.map(\.message) == [
                "North's People is 1,000 in figures but 1,001 in again (source: Census 2021): the checks and {{= north/people }} use figures's copy, and {{= again:north/people }} names this one"
            ], "\(found)")
    }

    @Test(
        "the narrative names one dataset's copy as dataset:area/measure",
        arguments: [
            ("again:north/people", "1,001"), ("figures:north/people", "1,000"), ("north/people", "1,000"),
            ("figures:north/referrals@2031-03", "189"),
        ])
    func chooses(_ key: String, _ shown: String) throws {
        let ingest = try ExampleEdition.ingested([
            ExampleEdition.Edit(
                file: "again.csv", replace: "area,measure,value\nnorth,people,1000",
                with: "area,measure,value\nnorth,people,1001")
        ])
        let edition = try #require(ingest.edition)
        let value = try edition.evaluate(.value(key)).get()
        #expect(GovUKFormat.reference(value, format: nil) == shown)
    }

    @Test("a dataset that does not give the figure is an unknown figure")
    func notInDataset() throws {
        let found = try Self.report(value: "1000", narrative: "{{= again:north/contacts }}").findings
        #expect(found.map(\.rule) == ["narrative.reference"], "\(found)")
    }

    /// Two sets of minutes: the first quarter's, and the half year's restating that quarter.
    static func minutes(firstListed: String) throws -> [Finding] {
        let q1 =
            "  - { id: q1, schema: figures, file: q1.csv, title: Q1 minutes, section: intro, period: 2030/31 Q1 }\n"
        let h1 =
            "  - { id: h1, schema: figures, file: h1.csv, title: H1 minutes, section: intro, period: 2030-04-01/2030-09-30 }\n"
        return try SeriesEdition.read(
            more: [
                "q1.csv": "area,measure,value\nnorth,deaths,2\n",
                "h1.csv": "area,measure,value,period\nnorth,deaths,3,2030/31 Q1\n",
            ],
            datasets: firstListed == "q1" ? q1 + h1 : h1 + q1
        ).findings
    }

    @Test(
        "a later source's other value for a figure is a restatement, reported once as a warning; an earlier one's is a conflict"
    )
    func restatement() throws {
        let later = try Self.minutes(firstListed: "q1")
        #expect(later.map(\.rule) == ["consistency.restated"], "\(later)")
        #expect(later.first?.severity == .warning)
        #expect(
            later.first?.message
                == "North's Deaths for 2030/31 Q1 is 2 in q1 and restated as 3 in h1, a later source: the checks and {{= north/deaths@2030/31 Q1 }} use q1's copy, and {{= h1:north/deaths@2030/31 Q1 }} names the restated one"
        )
        #expect(later.first?.period == "2030/31 Q1")
        let earlier = try Self.minutes(firstListed: "h1")
        #expect(earlier.map(\.rule) == ["consistency.repeated-figure"], "\(earlier)")
    }
}
