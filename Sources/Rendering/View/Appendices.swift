import Foundation
import ReportModel
import Validation

/// The appendices the manifest lists (by default board membership, financial arrangements,
/// training data, statutory coverage, the data-quality statement and the glossary), lettered in
/// order. An appendix with nothing to show is left out.
struct Appendices {
    let edition: Edition
    let validation: ValidationReport
    let tables: DatasetTables
    let corrections: CorrectionIndex

    /// The appendices the manifest lists (or the default set), lettered in order; one with
    /// nothing to show is left out. Each is built once: `abbreviationsUsed` is given the blocks of
    /// every appendix but the glossary, whose text may use abbreviations, and answers which
    /// abbreviations the whole report uses, the only ones the glossary lists.
    func all(abbreviationsUsed: ([BlockView]) -> Set<String>) -> [SectionView] {
        let list = edition.manifest.appendixList
        var blocks = list.map { $0.kind == .glossary ? [] : self.blocks(of: $0.kind, used: []) }
        let used = abbreviationsUsed(blocks.flatMap { $0 })
        for index in list.indices where list[index].kind == .glossary {
            blocks[index] = self.blocks(of: .glossary, used: used)
        }
        let letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".map(String.init)
        return zip(list, blocks).filter { !$0.1.isEmpty }.enumerated().map { index, part in
            SectionView(
                anchor: "appendix-\(part.0.kind.rawValue)", number: "Appendix \(letters[index % letters.count])",
                heading: part.0.title, periodNotes: [], narrativeHTML: "", blocks: part.1, isAppendix: true)
        }
    }

    private func blocks(of kind: AppendixKind, used: Set<String>) -> [BlockView] {
        switch kind {
        case .coverage: [coverageBlock()].compactMap { $0 }
        case .dataQuality: dataQualityBlocks()
        case .glossary: edition.datasets(shownIn: kind).compactMap { glossaryBlock($0, used: used) }
        case .board, .finance, .training: edition.datasets(shownIn: kind).flatMap(tables.blocks)
        }
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

    /// The glossary of the abbreviations the report uses; nil when it uses none, so the
    /// appendix is left out rather than printed empty.
    private func glossaryBlock(_ spec: DatasetSpec, used: Set<String>) -> BlockView? {
        let entries = edition.glossary.filter {
            $0.dataset == spec.id && used.contains($0.abbreviation.value)
        }
        .sorted { $0.abbreviation.value < $1.abbreviation.value }
        guard !entries.isEmpty else { return nil }
        let rows = entries.map { [$0.abbreviation.value, $0.expansion] }
        return BlockView(
            chart: nil, table: plainTable("table-\(spec.id)", spec.title, ["Abbreviation", "Meaning"], rows),
            paragraphs: [])
    }

    /// The data-quality statement, for the public: what was checked (by kind, with counts), what
    /// was found (each finding in one sentence naming figures by their labels), what was
    /// corrected and why, where each dataset comes from, and which statutory items the report
    /// covers. No file path, key or rule id appears in it: the full log is in checks.csv and
    /// findings.json beside the report.
    private func dataQualityBlocks() -> [BlockView] {
        [checkedBlock(), foundBlock(), correctionsBlock(), sourcesBlock()].compactMap { $0 }
    }

    private func checkedBlock() -> BlockView {
        var paragraphs = [
            FindingsStatement.checked(
                checks: validation.checkCount, passed: validation.passedCount, warnings: validation.warningCount,
                errors: validation.errorCount),
            edition.manifest.disclosure == nil
                ? "The full log of every check, with where each figure is kept, is published beside this report as checks.csv and findings.json."
                : "The full log of every check holds the figures the disclosure policy withholds, so it is kept by the partnership with its working files and is not published with this report.",
        ]
        paragraphs += disclosureParagraphs()
        for (rule, reason) in validation.disabledRules.sorted(by: { $0.key < $1.key }) {
            let what = RuleFamily.of(rule: rule)?.description.lowercasedFirst ?? "one kind of check"
            paragraphs.append("One check, that \(what), was not made for this report: \(reason)")
        }
        var runs: [RuleFamily: Int] = [:]
        var failures: [RuleFamily: Int] = [:]
        for (rule, run) in validation.checksByRule {
            guard let family = RuleFamily.of(rule: rule) else { continue }
            runs[family, default: 0] += run
        }
        for check in validation.checks where !check.passed {
            guard let family = RuleFamily.of(rule: check.rule) else { continue }
            failures[family, default: 0] += 1
        }
        let rows = RuleFamily.all.filter { (runs[$0] ?? 0) > 0 }.map { family in
            let run = runs[family] ?? 0
            return RowView(
                header: family.description, isMember: false,
                cells: [run, run - (failures[family] ?? 0)].map {
                    CellView(text: GovUKFormat.grouped(String($0)), numeric: true, correctionHref: nil)
                })
        }
        let table = TableView(
            anchor: "table-checks", caption: "Checks made, by kind", note: nil,
            columns: [
                ColumnView(label: "What the checks make sure of", numeric: false),
                ColumnView(label: "Checks", numeric: true), ColumnView(label: "Passed", numeric: true),
            ],
            rows: rows, footRows: [])
        return BlockView(chart: nil, table: table, paragraphs: paragraphs, blockHeading: "What was checked")
    }

    /// Each finding in one sentence; those the rule could not put in readers' words are counted
    /// by kind and left to findings.json.
    private func foundBlock() -> BlockView {
        let protectedFiles = protectedDatasetFiles()
        // A finding about a protected figure may quote its true value: it stays in the log.
        let findings = validation.findings.filter { finding in
            !protectedFiles.contains { finding.location?.file.hasSuffix($0) ?? false }
        }
        let kept = validation.findings.count - findings.count
        let heading = "What the checks found"
        let unworded = findings.filter { $0.readerSentence == nil }
        let statement = FindingsStatement(
            findings: findings.count, described: findings.compactMap(\.readerSentence).uniqued(),
            undescribed: RuleFamily.all.map { family in
                (family.description, unworded.count { RuleFamily.of(rule: $0.rule) == family })
            }, unclassified: unworded.count { RuleFamily.of(rule: $0.rule) == nil }, protected: kept)
        return BlockView(
            chart: nil, table: nil, paragraphs: [statement.lead], blockHeading: heading, items: statement.items)
    }

    /// The files of the datasets the disclosure policy protects, as the edition names them.
    private func protectedDatasetFiles() -> [String] {
        guard let policy = edition.manifest.disclosure else { return [] }
        return edition.manifest.datasets.filter { policy.protects($0.id) }.map(\.file)
    }

    /// What the disclosure policy is and how many figures it withheld; never which were small.
    private func disclosureParagraphs() -> [String] {
        guard let policy = edition.manifest.disclosure else { return [] }
        let titles = edition.manifest.datasets.filter { policy.protects($0.id) }.map(\.title)
        let withheld = edition.figures.reduce(0) {
            $0 + ($1.quantity.isWithheld ? 1 : 0) + ($1.previous?.value.isWithheld == true ? 1 : 0)
        }
        let zeros = policy.zeros == .protect ? "0 to \(policy.smallCounts)" : "1 to \(policy.smallCounts)"
        let count = "\(GovUKFormat.count(withheld).capitalisedFirst) \(withheld == 1 ? "figure was" : "figures were")"
        return [
            "So that no child can be identified, counts from \(zeros) in \(ListFormat.and(titles)) are not published, nor any figure from which one could be worked out (a total less its other parts, say). Each is shown as c. From the published figures, any such count can be narrowed to no less than a range of \(policy.minRange).",
            "\(count) withheld in this way, in the tables, charts, text and open data alike.",
        ]
    }

    private func correctionsBlock() -> BlockView? {
        guard !edition.corrections.isEmpty else { return nil }
        let rows = edition.corrections.enumerated().map { index, correction in
            RowView(
                header: label(of: correction), isMember: false,
                cells: [
                    correction.publishedValue, currentValue(of: correction) ?? "", correction.reason,
                    correction.date.map(GovUKFormat.date) ?? "",
                ].map { CellView(text: $0, numeric: false, correctionHref: nil) },
                rowAnchor: CorrectionIndex.anchor(index))
        }
        return BlockView(
            chart: nil,
            table: TableView(
                anchor: "table-corrections", caption: "Corrections to published figures", note: nil,
                columns: ["Figure", "As published", "Corrected", "Reason", "Corrected on"].map {
                    ColumnView(label: $0, numeric: false)
                },
                rows: rows, footRows: []),
            paragraphs: [], blockHeading: "What was corrected")
    }

    /// Where each dataset's figures come from and the period they cover.
    private func sourcesBlock() -> BlockView? {
        let shown = edition.manifest.datasets.filter { edition.kinds[$0.id]?.isSourced ?? false }
        guard !shown.isEmpty else { return nil }
        // Each dataset's figures' own sources, gathered in one pass over the figures.
        var figureSources: [String: [String]] = [:]
        for figure in edition.figures {
            guard let source = figure.source else { continue }
            figureSources[figure.dataset, default: []].append(source)
        }
        let rows = shown.map { spec in
            let stated = (figureSources[spec.id] ?? []).uniqued()
            let source = spec.source ?? (stated.isEmpty ? "Not stated" : stated.joined(separator: "; "))
            let period = GovUKFormat.period(spec.period ?? edition.manifest.reportingPeriod.period)
            return RowView(
                header: spec.title, isMember: false,
                cells: [source, period].map { CellView(text: $0, numeric: false, correctionHref: nil) })
        }
        return BlockView(
            chart: nil,
            table: TableView(
                anchor: "table-sources", caption: "Sources and periods of the figures", note: nil,
                columns: ["Figures", "Source", "Period"].map { ColumnView(label: $0, numeric: false) },
                rows: rows, footRows: []),
            paragraphs: [], blockHeading: "Where the figures come from")
    }

    /// Which sections give evidence for each item the statutory guidance asks for.
    /// Left out when no section says what it covers.
    private func coverageBlock() -> BlockView? {
        let sections = edition.manifest.sections
        guard sections.contains(where: { !$0.covers.isEmpty }) else { return nil }
        let rows = StatutoryItem.workingTogether2023.map { item in
            let covering = sections.indices.filter { sections[$0].covers.contains { $0.value == item.id } }
            let text =
                covering.isEmpty
                ? Appendices.notCovered
                : "\(covering.count == 1 ? "Section" : "Sections") \(ListFormat.and(covering.map { String($0 + 1) }))"
            return RowView(
                header: item.title, isMember: false, cells: [CellView(text: text, numeric: false, correctionHref: nil)])
        }
        let missing = rows.count { $0.cells.first?.text == Appendices.notCovered }
        let paragraph =
            missing == 0
            ? "\(StatutoryItem.guidance) says what a partnership's yearly report should set out. This table shows which sections give the evidence for each item."
            : "\(StatutoryItem.guidance) says what a partnership's yearly report should include. \(GovUKFormat.count(missing).capitalisedFirst) \(missing == 1 ? "item is" : "items are") not covered in this report."
        return BlockView(
            chart: nil,
            table: TableView(
                anchor: "table-coverage", caption: "Statutory items and the sections that cover them", note: nil,
                columns: ["The report should include", "Where"].map { ColumnView(label: $0, numeric: false) },
                rows: rows, footRows: []),
            paragraphs: [paragraph])
    }

    static let notCovered = "Not covered in this report"

    /// A corrected figure as readers know it: "Health's share of budget contributions 2023/24".
    private func label(of correction: Correction) -> String {
        let dataset = correction.target.value
        let key = correction.key.value
        let percentage = correction.column.value.contains("percent")
        let title = edition.manifest.datasets.first { $0.id == dataset }?.title ?? dataset
        if let figure = edition.figures.first(where: { $0.dataset == dataset && $0.key == key }) {
            let label = edition.measure(figure.measure.value)?.label ?? figure.measure.value
            let area = edition.area(figure.area.value)?.name ?? figure.area.value
            return "\(label) in \(area)\(percentage ? ", as a percentage" : "")"
        }
        return percentage ? "\(key)'s share of \(title.lowercasedFirst)" : "\(key) in \(title.lowercasedFirst)"
    }

    /// The value now in the data for a corrected cell, formatted as the report shows it.
    private func currentValue(of correction: Correction) -> String? {
        let dataset = correction.target.value
        let key = correction.key.value
        let column = correction.column.value
        if let line = edition.records(PartRow.self, in: dataset).first(where: { $0.part.value == key }) {
            return column == "stated_percent"
                ? line.statedPercentage.map { GovUKFormat.percentage($0.value) }
                : GovUKFormat.value(line.value.value, unit: line.unit)
        }
        if let figure = edition.figures.first(where: { $0.dataset == dataset && $0.key == key }) {
            return column == "value"
                ? GovUKFormat.quantity(figure.value.value)
                : figure.statedPercentage.map { GovUKFormat.percentage($0.value) }
        }
        return nil
    }
}
