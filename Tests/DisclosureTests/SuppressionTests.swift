import EditionFormat
import Foundation
import ReportModel
import Testing

@testable import Disclosure

/// The five-by-five table of the disclosure notes: eleven counts from 1 to 5 among larger ones,
/// with row, column and grand totals published.
let fiveByFive = [
    [3, 12, 2, 20, 9],
    [14, 4, 30, 1, 16],
    [8, 25, 5, 11, 2],
    [40, 2, 13, 3, 22],
    [1, 18, 4, 26, 5],
]

/// The interval of every hidden small count, with every hidden cell an unknown at once: the
/// whole attack, not the neighbourhood the chooser looks at.
func narrowest(_ pattern: SuppressionPattern, hidden: Set<Int>, policy: DisclosurePolicy) -> [Int: Bool] {
    var audit = IntervalAudit(model: pattern.model)
    audit.neighbourhood = pattern.model.cells.count
    var result: [Int: Bool] = [:]
    for cell in pattern.primary where pattern.model.cells[cell].count != nil {
        result[cell] = audit.isProtected(cell, hidden: hidden, width: policy.minRange)
    }
    return result
}

@Suite("Choosing the cells to hide")
struct SuppressionTests {
    func pattern(_ files: [String: String]) throws -> (SuppressionPattern, DisclosurePolicy, Edition) {
        let ingest = try TableEdition.read(files)
        #expect(ingest.findings.filter { $0.severity == .error }.isEmpty, "\(ingest.findings)")
        let edition = try #require(ingest.edition)
        let policy = try #require(edition.manifest.disclosure)
        return (SecondarySuppression.pattern(for: edition, policy: policy), policy, edition)
    }

    @Test("hiding only the small counts of a table with totals lets some be worked back")
    func primaryAloneLeaks() throws {
        let (pattern, policy, _) = try pattern(TableEdition.make(fiveByFive))
        #expect(pattern.primary.count == 11)
        let widths = narrowest(pattern, hidden: pattern.primary, policy: policy)
        #expect(widths.values.contains(false))
    }

    @Test("with secondary suppression every small count keeps an interval of at least min_range")
    func secondaryProtects() throws {
        let (pattern, policy, _) = try pattern(TableEdition.make(fiveByFive))
        #expect(!pattern.secondary.isEmpty)
        #expect(pattern.unprotectable.isEmpty)
        let widths = narrowest(pattern, hidden: pattern.hidden, policy: policy)
        #expect(widths.count == 11)
        #expect(widths.values.allSatisfy { $0 })
        // No total is hidden when cells inside the table can do it.
        let hiddenTotals = pattern.secondary.filter {
            let cell = pattern.model.cells[$0]
            return cell.sortKey.contains("\u{0}all\u{0}") || cell.sortKey.contains("\u{0}total\u{0}")
        }
        #expect(hiddenTotals.isEmpty)
    }
}
