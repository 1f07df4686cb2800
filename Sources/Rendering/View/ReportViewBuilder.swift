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
            let datasets = edition.manifest.datasets.filter { $0.section?.value == section.id }
            let narrative = edition.narrative.first { $0.spec.id == section.id }
            sections.append(
                SectionView(
                    anchor: "section-\(section.id)", number: "\(index + 1)", heading: section.title,
                    periodNotes: datasets.compactMap { periodNote(for: $0) },
                    narrativeHTML: narrative.map {
                        abbreviations.mark(NarrativeSubstitution.html($0, edition: edition))
                    } ?? "",
                    blocks: datasets.flatMap(tables.blocks(for:)), isAppendix: false))
        }
        var appendices = Appendices(edition: edition, validation: validation, tables: tables, corrections: corrections)
        for block in sections.flatMap(\.blocks) + appendices.blocksBeforeGlossary() {
            abbreviations.noteUses(in: block.plainText)
        }
        appendices.usedAbbreviations = abbreviations.used
        let appendixViews = appendices.all()
        let manifest = edition.manifest
        let draftFindings = isDraft ? validation.findings.filter { $0.severity == .error }.map(FindingView.init) : []
        return ReportView(
            xhtml: xhtml, language: "en-GB", title: manifest.publication.title,
            partnership: manifest.partnership.name, periodLabel: periodLine,
            publicationLine: publicationLine, isDraft: isDraft,
            draftFindings: draftFindings, hasDraftFindings: !draftFindings.isEmpty,
            contents: (sections + appendixViews).map {
                ContentsEntry(href: "#\($0.anchor)", label: "\($0.number) \($0.heading)")
            },
            sections: sections, appendices: appendixViews)
    }

    private var periodLine: String {
        let period = edition.manifest.reportingPeriod
        return
            "Covering \(GovUKFormat.date(period.period.start)) to \(GovUKFormat.date(period.period.end)) (\(period.label))"
    }

    private var publicationLine: String {
        let publication = edition.manifest.publication
        let publisher = publication.publisher.map { "Published by \($0)" } ?? "Published"
        guard let date = publication.date else { return "\(publisher); publication date not recorded" }
        return "\(publisher) on \(GovUKFormat.date(date))"
    }

    /// A sentence telling readers that a dataset covers another period than the report's.
    private func periodNote(for spec: DatasetSpec) -> String? {
        guard let period = spec.period, !edition.manifest.reportingPeriod.period.contains(period) else { return nil }
        return
            "\(spec.title): these figures cover \(GovUKFormat.period(period)), not \(edition.manifest.reportingPeriod.label). \(spec.periodNote ?? "")"
            .trimmingCharacters(in: .whitespaces)
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
