import EditionFormat
import Foundation
import ReportModel
import Testing

/// The Cumbria 2023/24 reference edition, read from disk as the tool reads it.
@Suite("The reference edition")
struct ReferenceEditionTests {
    /// `inputs/cumbria-2023-24`, found from this file: Tests/EditionFormatTests/ is two folders down.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("inputs/cumbria-2023-24").path

    static let result = Result { try EditionReader().read(folder: folder) }

    private func edition() throws -> Edition {
        try #require(try Self.result.get().edition)
    }

    private func figure(_ dataset: String, _ area: String, _ measure: String) throws -> Figure {
        try #require(
            try edition().figures.first {
                $0.dataset == dataset && $0.area.value == area && $0.measure.value == measure
            })
    }

    @Test("reads without ingest findings")
    func noFindings() throws {
        let findings = try Self.result.get().findings
        #expect(findings == [], "\(findings.map { "\($0.location?.description ?? "-"): \($0.message)" })")
    }

    @Test("every dataset in the manifest produced records")
    func everyDatasetHasRecords() throws {
        let edition = try edition()
        var files: Set<String> = []
        files.formUnion(edition.measures.map(\.location.file))
        files.formUnion(edition.figures.map(\.location.file))
        files.formUnion(edition.parts.map(\.location.file))
        files.formUnion(edition.rankings.map(\.location.file))
        files.formUnion(edition.reviews.map(\.location.file))
        files.formUnion(edition.board.map(\.location.file))
        files.formUnion(edition.glossary.map(\.location.file))
        files.formUnion(edition.corrections.map(\.location.file))
        #expect(edition.manifest.datasets.count == 15)
        for spec in edition.manifest.datasets {
            #expect(files.contains("\(Self.folder)/\(spec.file)"), "no records from \(spec.id)")
        }
        #expect(edition.narrative.count == edition.manifest.sections.count)
    }

    @Test("budget: Health gave £101,103, stated as 43.6%")
    func budgetHealth() throws {
        let health = try #require(try edition().records(PartRow.self, in: "budget").first { $0.part.value == "Health" })
        #expect(health.value.value == Decimal(string: "101103"))
        #expect(health.statedPercentage?.value == StatedPercentage(value: Decimal(string: "43.6")!, decimals: 1))
        #expect(health.kind == .part)
    }

    @Test("budget: the stated total is £231,675")
    func budgetTotal() throws {
        let totals = try edition().records(PartRow.self, in: "budget").filter { $0.kind == .total }
        #expect(totals.map(\.part.value) == ["Total"])
        #expect(totals.first?.value.value == Decimal(string: "231675"))
    }

    @Test("training: 13 courses and a grand total of 6,927")
    func training() throws {
        let courses = try edition().records(PartRow.self, in: "training-courses")
        #expect(courses.filter { $0.kind == .part }.count == 13)
        let total = try #require(courses.first { $0.kind == .total })
        #expect(total.part.value == "Grand total")
        #expect(total.value.value == 6927)
    }

    @Test("performance: 802 contacts in Cumberland, at data/performance.csv line 2 column 3")
    func cumberlandContacts() throws {
        let contacts = try figure("performance", "cumberland", "contacts")
        #expect(contacts.value.value == .count(802))
        #expect(
            contacts.value.location
                == ReportModel.SourceLocation(file: "\(Self.folder)/data/performance.csv", line: 2, column: 3))
    }

    @Test("performance: 115 referrals in Westmorland and Furness, stated as 22.7% of contacts")
    func westmorlandReferrals() throws {
        let referrals = try figure("performance", "westmorland-furness", "referrals")
        #expect(referrals.value.value == .count(115))
        #expect(referrals.statedPercentage?.value == StatedPercentage(value: Decimal(string: "22.7")!, decimals: 1))
        #expect(referrals.percentOf?.value == "contacts")
    }

    @Test("child deaths: 18, in a dataset covering 2022/23")
    func childDeaths() throws {
        #expect(try figure("cdop", "cumbria", "child_deaths").value.value == .count(18))
        let spec = try #require(try edition().dataset("cdop"))
        #expect(
            spec.period
                == Period(
                    start: CalendarDate(year: 2022, month: 4, day: 1)!,
                    end: CalendarDate(year: 2023, month: 3, day: 31)!))
        #expect(spec.periodNote?.isEmpty == false)
    }

    @Test("board: 18 seats")
    func board() throws {
        #expect(try edition().board.count == 18)
    }

    @Test("corrections: Health's budget share was published as 45%")
    func correction() throws {
        let correction = try #require(
            try edition().corrections.first { $0.target.value == "budget" && $0.key.value == "Health" })
        #expect(correction.column.value == "stated_percent")
        #expect(correction.publishedValue == "45%")
        #expect(correction.date == CalendarDate(year: 2026, month: 11, day: 24))
    }
}
