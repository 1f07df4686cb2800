extension Edition {
    /// True when a dataset's rows are figures.
    public func holdsFigures(_ dataset: String) -> Bool {
        kinds[dataset].map { $0.recordType == Figure.self } ?? false
    }

    /// The datasets an appendix shows, in manifest order: those that name it (`appendix:`), and
    /// those whose kind makes it their home that name no section or other appendix.
    public func datasets(shownIn appendix: AppendixKind) -> [DatasetSpec] {
        manifest.datasets.filter { spec in
            guard !spec.dataOnly else { return false }
            if let named = spec.appendix { return named == appendix }
            return spec.section == nil && kinds[spec.id]?.home == .appendix(appendix)
        }
    }

    /// True when the report shows `spec` somewhere: in a section it names, in an appendix of the
    /// report that shows its kind, or through the datasets it serves (measures, corrections).
    public func shows(_ spec: DatasetSpec) -> Bool {
        guard let kind = kinds[spec.id] else { return true }  // An unknown schema is an error already.
        if kind.home == .throughOthers { return true }
        if let named = spec.appendix {
            return kind.display(spec) != .none && manifest.appendixList.contains { $0.kind == named }
        }
        if spec.section != nil, kind.display(spec) != .none { return true }
        guard case .appendix(let appendix) = kind.home else { return false }
        return manifest.appendixList.contains { $0.kind == appendix }
    }

    /// The ways a dataset could be shown, for a message: "give it a section (section: id)".
    public func waysToShow(_ spec: DatasetSpec) -> [String] {
        guard let kind = kinds[spec.id] else { return [] }
        var ways: [String] = []
        if kind.display(spec) != .none {
            ways.append("give it a section (section: id)")
            ways.append(
                spec.appendix == nil && kind.home == .sectionOnly
                    ? "show it in an appendix (appendix: board, finance or training)"
                    : "list the appendix that shows it (appendices:)")
        }
        return ways
    }
}
