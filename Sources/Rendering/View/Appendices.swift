import Foundation
import ReportModel
import Validation

/// The appendices, lettered in order: board membership, financial arrangements, training
/// data, the data-quality statement and the glossary. An appendix with no dataset behind it
/// is left out (the data-quality statement is always there).
struct Appendices {
    let edition: Edition
    let validation: ValidationReport
    let tables: DatasetTables
    let corrections: CorrectionIndex
    /// The abbreviations the report uses; the glossary lists only these.
    var usedAbbreviations: Set<String> = []

    init(edition: Edition, validation: ValidationReport, tables: DatasetTables, corrections: CorrectionIndex) {
        self.edition = edition
        self.validation = validation
        self.tables = tables
        self.corrections = corrections
    }

    /// The blocks of the appendices before the glossary, whose text may use abbreviations.
    func blocksBeforeGlossary() -> [BlockView] {
        parts().dropLast().flatMap(\.2)
    }

    func all() -> [SectionView] {
        let parts = self.parts()
        let letters = "ABCDEFGHIJ".map(String.init)
        return parts.filter { !$0.2.isEmpty }.enumerated().map { index, part in
            SectionView(
                anchor: "appendix-\(part.0)", number: "Appendix \(letters[index])", heading: part.1,
                periodNotes: [], narrativeHTML: "", blocks: part.2, isAppendix: true)
        }
    }

    private func parts() -> [(String, String, [BlockView])] {
        [
            ("board", "Board membership", datasets("board").map(boardBlock)),
            ("finance", "Financial arrangements", datasets("budget").map(tables.budgetBlock)),
            ("training", "Training data", datasets("training-courses").map(tables.trainingBlock)),
            ("data-quality", "Data-quality statement", dataQualityBlocks()),
            ("glossary", "Glossary of abbreviations", datasets("glossary").map(glossaryBlock)),
        ]
    }

    private func datasets(_ schema: String) -> [DatasetSpec] {
        edition.manifest.datasets.filter { $0.schema == schema }
    }

    private func plainTable(_ anchor: String, _ caption: String, _ columns: [String], _ rows: [[String]]) -> TableView {
        TableView(
            anchor: anchor, caption: caption, note: nil,
            columns: columns.map { ColumnView(label: $0, numeric: false) },
            rows: rows.map { row in
                RowView(
                    header: row.first ?? "", isMember: false,
                    cells: row.dropFirst().map { CellView(text: $0, numeric: false, correctionHref: nil) })
            }, footRows: [])
    }

    private func boardBlock(_ spec: DatasetSpec) -> BlockView {
        let seats = edition.board.filter { $0.dataset == spec.id }
        let rows = seats.map { [$0.agency.value, $0.role.value, $0.group == "support" ? "Board support" : "Member"] }
        return BlockView(
            chart: nil, table: plainTable("table-\(spec.id)", spec.title, ["Agency", "Role", "Seat"], rows),
            paragraphs: [])
    }

    private func glossaryBlock(_ spec: DatasetSpec) -> BlockView {
        let entries = edition.glossary.filter {
            $0.dataset == spec.id && usedAbbreviations.contains($0.abbreviation.value)
        }
        .sorted { $0.abbreviation.value < $1.abbreviation.value }
        let rows = entries.map { [$0.abbreviation.value, $0.expansion] }
        return BlockView(
            chart: nil, table: plainTable("table-\(spec.id)", spec.title, ["Abbreviation", "Meaning"], rows),
            paragraphs: [])
    }

    /// Every check run, every finding, and every correction to a published figure.
    private func dataQualityBlocks() -> [BlockView] {
        let findings = validation.findings
        var paragraphs = [
            "Before publication every figure in this report was checked against the data it comes from: \(GovUKFormat.grouped(String(validation.checkCount))) checks were run, \(GovUKFormat.grouped(String(validation.passedCount))) passed, with \(validation.errorCount) errors and \(validation.warningCount) warnings.",
            "Warnings mark figures that are published as the partnership stated them but that a careful reader may question, such as a percentage cut off rather than rounded.",
        ]
        for (rule, reason) in validation.disabledRules.sorted(by: { $0.key < $1.key }) {
            paragraphs.append("The check \(rule) was switched off for this edition: \(reason)")
        }
        var blocks = [BlockView(chart: nil, table: nil, paragraphs: paragraphs)]
        if !edition.corrections.isEmpty {
            let rows = edition.corrections.enumerated().map { index, correction in
                RowView(
                    header:
                        "\(correction.target.value): \(correction.key.value), \(correction.column.value.replacingOccurrences(of: "_", with: " "))",
                    isMember: false,
                    cells: [
                        correction.publishedValue, currentValue(of: correction) ?? "", correction.reason,
                        correction.date.map(GovUKFormat.date) ?? "not recorded",
                    ].map { CellView(text: $0, numeric: false, correctionHref: nil) },
                    rowAnchor: CorrectionIndex.anchor(index))
            }
            blocks.append(
                BlockView(
                    chart: nil,
                    table: TableView(
                        anchor: "table-corrections", caption: "Corrections to published figures", note: nil,
                        columns: ["Figure", "As published", "Corrected", "Reason", "Corrected on"].map {
                            ColumnView(label: $0, numeric: false)
                        },
                        rows: rows, footRows: []),
                    paragraphs: []))
        }
        let findingRows = findings.map { finding in
            [
                finding.location?.description ?? validation.edition, finding.severity.rawValue, finding.message,
                finding.rule,
            ]
        }
        if !findingRows.isEmpty {
            blocks.append(
                BlockView(
                    chart: nil,
                    table: plainTable(
                        "table-findings", "Findings", ["Where", "Severity", "Finding", "Check"], findingRows),
                    paragraphs: []))
        }
        blocks.append(checksBlock())
        return blocks
    }

    /// Every check run, one row each; for very large editions a count per rule instead, since a
    /// report of a million rows helps nobody (checks.csv beside the report lists them all).
    private func checksBlock() -> BlockView {
        guard validation.checkCount > Appendices.checksListedInFull || !validation.passesRecorded else {
            let rows = validation.checks.map { check in
                [
                    check.subject, check.rule,
                    check.passed ? "passed" : check.findings.map(\.severity.rawValue).uniqued().joined(separator: ", "),
                ]
            }
            return BlockView(
                chart: nil, table: plainTable("table-checks", "Every check run", ["Check", "Rule", "Result"], rows),
                paragraphs: [])
        }
        let failed = Dictionary(grouping: validation.checks.filter { !$0.passed }, by: \.rule).mapValues(\.count)
        let rows = validation.checksByRule.keys.sorted().map { rule -> [String] in
            let run = validation.checksByRule[rule] ?? 0
            return [rule, GovUKFormat.grouped(String(run)), GovUKFormat.grouped(String(run - (failed[rule] ?? 0)))]
        }
        return BlockView(
            chart: nil,
            table: plainTable("table-checks", "Checks run, by rule", ["Rule", "Checks run", "Passed"], rows),
            paragraphs: [
                "Every one of the \(GovUKFormat.grouped(String(validation.checkCount))) checks is listed in checks.csv, published with this report."
            ])
    }

    /// Up to this many checks, the appendix lists each one.
    static let checksListedInFull = 2_000

    /// The value now in the data for a corrected cell, formatted as the report shows it.
    private func currentValue(of correction: Correction) -> String? {
        let dataset = correction.target.value
        let key = correction.key.value
        let column = correction.column.value
        if let line = edition.budget.first(where: { $0.dataset == dataset && $0.agency.value == key }) {
            return column == "amount"
                ? GovUKFormat.value(line.amount.value, unit: .money)
                : line.statedPercentage.map { GovUKFormat.percentage($0.value) }
        }
        if let figure = edition.figures.first(where: { $0.dataset == dataset && $0.key == key }) {
            return column == "value"
                ? GovUKFormat.quantity(figure.value.value)
                : figure.statedPercentage.map { GovUKFormat.percentage($0.value) }
        }
        if let course = edition.trainingCourses.first(where: { $0.dataset == dataset && $0.course.value == key }) {
            return GovUKFormat.value(Decimal(course.completions.value), unit: .count)
        }
        return nil
    }
}
