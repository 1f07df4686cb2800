import ReportModel

/// What differs between two editions beyond their data: the manifest (period, title, areas,
/// datasets, sections) and the narrative (its text and the figures it refers to). Reported as
/// changes to the pseudo-datasets `edition.yaml` and `narrative`, located in the new side's files.
enum ManifestDiff {
    static func changes(from old: Edition, to new: Edition) -> [FigureChange] {
        var changes: [FigureChange] = []
        let oldFile = SourceLocation(file: "\(old.folder)/edition.yaml")
        let newFile = SourceLocation(file: "\(new.folder)/edition.yaml")
        func compare(_ key: String, _ column: String, _ was: String?, _ now: String?, _ at: SourceLocation?) {
            guard was != now else { return }
            let kind: FigureChange.Kind = was == nil ? .added : now == nil ? .removed : .changed
            changes.append(
                FigureChange(
                    kind: kind, dataset: "edition.yaml", key: key, column: column, old: was, new: now,
                    oldLocation: was == nil ? nil : oldFile, newLocation: now == nil ? nil : (at ?? newFile)))
        }
        let (before, after) = (old.manifest, new.manifest)
        // A build's published data has no sections: compare them only between two editions.
        let sectionsOnBothSides = !before.sections.isEmpty && !after.sections.isEmpty
        compare("period", "label", before.reportingPeriod.label, after.reportingPeriod.label, nil)
        compare(
            "period", "dates", GovUKFormat.period(before.reportingPeriod.period),
            GovUKFormat.period(after.reportingPeriod.period), nil)
        compare("publication", "title", before.publication.title, after.publication.title, nil)
        compare("partnership", "name", before.partnership.name, after.partnership.name, nil)
        for key in (before.areas.map(\.key) + after.areas.map(\.key)).uniqued() {
            let was = before.areas.first { $0.key == key }
            let now = after.areas.first { $0.key == key }
            compare("areas.\(key)", "name", was?.name, now?.name, now?.location)
            if was != nil, now != nil { compare("areas.\(key)", "parent", was?.parent, now?.parent, now?.location) }
        }
        for id in (before.datasets.map(\.id) + after.datasets.map(\.id)).uniqued() {
            let was = before.datasets.first { $0.id == id }
            let now = after.datasets.first { $0.id == id }
            compare("datasets.\(id)", "title", was?.title, now?.title, now?.location)
            guard was != nil, now != nil else { continue }
            compare(
                "datasets.\(id)", "period", was?.period.map(GovUKFormat.period), now?.period.map(GovUKFormat.period),
                now?.location)
            if sectionsOnBothSides {
                compare("datasets.\(id)", "section", was?.section?.value, now?.section?.value, now?.location)
            }
        }
        for id in (before.sections.map(\.id) + after.sections.map(\.id)).uniqued() where sectionsOnBothSides {
            let was = before.sections.first { $0.id == id }
            let now = after.sections.first { $0.id == id }
            compare("sections.\(id)", "title", was?.title, now?.title, now?.location)
        }
        changes += narrativeChanges(from: old, to: new)
        return changes
    }

    /// A section whose text changed, and the figures it refers to that were added or removed.
    private static func narrativeChanges(from old: Edition, to new: Edition) -> [FigureChange] {
        var changes: [FigureChange] = []
        for section in new.narrative {
            guard let before = old.narrative.first(where: { $0.spec.id == section.spec.id }) else { continue }
            let location = SourceLocation(file: section.path)
            let wasKeys = before.references.map(\.text).uniqued()
            let nowKeys = section.references.map(\.text).uniqued()
            let removed = wasKeys.filter { !nowKeys.contains($0) }
            let added = nowKeys.filter { !wasKeys.contains($0) }
            if !removed.isEmpty || !added.isEmpty {
                changes.append(
                    FigureChange(
                        kind: .changed, dataset: "narrative", key: section.spec.id, column: "references",
                        old: removed.isEmpty ? nil : removed.joined(separator: " "),
                        new: added.isEmpty ? nil : added.joined(separator: " "),
                        oldLocation: SourceLocation(file: before.path),
                        newLocation: section.references.first { added.contains($0.text) }?.location ?? location))
            } else if before.markdown != section.markdown {
                let words = { (text: String) in "\(text.split(whereSeparator: \.isWhitespace).count) words" }
                changes.append(
                    FigureChange(
                        kind: .changed, dataset: "narrative", key: section.spec.id, column: "text",
                        old: words(before.markdown), new: words(section.markdown),
                        oldLocation: SourceLocation(file: before.path), newLocation: location))
            }
        }
        return changes
    }
}
