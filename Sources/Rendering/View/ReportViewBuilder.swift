import Foundation
import ReportModel
import Validation

/// Arranges a validated edition as a report: title block, contents, numbered sections in the
/// manifest's order with the tables of the datasets placed in them, then the appendices.
struct ReportViewBuilder {
    let edition: Edition
    let validation: ValidationReport
    let isDraft: Bool

    func build(xhtml: Bool) -> ReportView {
        let corrections = CorrectionIndex(edition)
        let tables = DatasetTables(edition: edition, corrections: corrections)
        var abbreviations = AbbreviationMarker(glossary: edition.glossary)
        var sections: [SectionView] = []
        for (index, section) in edition.manifest.sections.enumerated() {
            let datasets = edition.manifest.datasets.filter { $0.section?.value == section.id && !$0.dataOnly }
            let narrative = edition.narrative.first { $0.spec.id == section.id }
            sections.append(
                SectionView(
                    anchor: "section-\(section.id)", number: "\(index + 1)", heading: section.title,
                    periodNotes: periodNotes(for: datasets),
                    narrativeHTML: narrative.map {
                        abbreviations.mark(NarrativeSubstitution.html($0, edition: edition))
                    } ?? "",
                    blocks: datasets.flatMap(tables.blocks(for:)), isAppendix: false))
        }
        let appendices = Appendices(edition: edition, validation: validation, tables: tables, corrections: corrections)
        let appendixViews = appendices.all { appendixBlocks in
            for block in sections.flatMap(\.blocks) + appendixBlocks { abbreviations.noteUses(in: block.plainText) }
            return abbreviations.used
        }
        let manifest = edition.manifest
        let draftFindings = isDraft ? validation.findings.filter { $0.severity == .error }.map(FindingView.init) : []
        return ReportView(
            xhtml: xhtml, language: "en-GB", title: manifest.publication.title,
            runningHeadCSS: ReportViewBuilder.cssString(runningHead), pageSize: manifest.publication.pageSize.rawValue,
            publicationDate: manifest.publication.date?.description,
            generator: ToolVersion.generator, partnership: manifest.partnership.name, periodLabel: periodLine,
            publicationLine: publicationLine, isDraft: isDraft,
            draftFindings: draftFindings, hasDraftFindings: !draftFindings.isEmpty,
            contents: (sections + appendixViews).map {
                ContentsEntry(href: "#\($0.anchor)", label: "\($0.number) \($0.heading)")
            },
            sections: sections, appendices: appendixViews)
    }

    /// The title printed at the head of each page: the report's title with the partnership's
    /// short name for its full name ("CSCP Annual Report 2023/24").
    private var runningHead: String {
        let manifest = edition.manifest
        guard let short = manifest.partnership.shortName else { return manifest.publication.title }
        return manifest.publication.title.replacingOccurrences(of: manifest.partnership.name, with: short)
    }

    /// Text as a CSS string's contents: anything but letters, digits, spaces and plain
    /// punctuation is written as a CSS escape, so no text can end the string or the style sheet.
    static func cssString(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            let plain =
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || " ,./()-:".unicodeScalars.contains(scalar)
            return plain ? String(scalar) : "\\\(String(scalar.value, radix: 16)) "
        }.joined()
    }

    private var periodLine: String {
        let period = edition.manifest.reportingPeriod
        return
            "Covering \(GovUKFormat.date(period.period.start)) to \(GovUKFormat.date(period.period.end)) (\(period.label))"
    }

    /// Who published the report and when, as far as the manifest says; nothing rather than a
    /// placeholder.
    private var publicationLine: String? {
        let publication = edition.manifest.publication
        switch (publication.publisher, publication.date) {
        case (let publisher?, let date?): return "Published by \(publisher) on \(GovUKFormat.date(date))"
        case (let publisher?, nil): return "Published by \(publisher)"
        case (nil, let date?): return "Published on \(GovUKFormat.date(date))"
        case (nil, nil): return nil
        }
    }

    /// Sentences telling readers that some of a section's figures cover another period than the
    /// report's: one per period, however many of its datasets share it, with each reason once.
    private func periodNotes(for datasets: [DatasetSpec]) -> [String] {
        let reporting = edition.manifest.reportingPeriod
        let outside = datasets.filter { spec in spec.period.map { !reporting.period.contains($0) } ?? false }
        return outside.compactMap(\.period).uniqued().map { period in
            let sharing = outside.filter { $0.period == period }
            let which =
                sharing.count == datasets.count
                ? "The figures in this section" : "\(ListFormat.and(sharing.map(\.title))): these figures"
            let reasons = sharing.compactMap(\.periodNote).uniqued().joined(separator: " ")
            return "\(which) cover \(GovUKFormat.period(period)), not \(reporting.label). \(reasons)"
                .trimmingCharacters(in: .whitespaces)
        }
    }
}

extension FindingView {
    init(_ finding: Finding) {
        self.init(
            severity: finding.severity.rawValue, place: finding.location?.description ?? "",
            message: finding.message, rule: finding.rule)
    }
}

/// Which values the edition corrects, so their cells can link to the data-quality appendix.
struct CorrectionIndex {
    let corrections: [Correction]

    init(_ edition: Edition) {
        corrections = edition.corrections
    }

    /// The anchor of a correction in the data-quality appendix.
    static func anchor(_ index: Int) -> String { "correction-\(index + 1)" }

    /// The link to the correction of `column` in row `key` of `dataset`, if there is one.
    func href(dataset: String, key: String, column: String) -> String? {
        corrections.firstIndex {
            $0.target.value == dataset && $0.key.value == key && $0.column.value == column
        }.map { "#" + CorrectionIndex.anchor($0) }
    }
}
