import ReportModel

/// What a build publishes besides the report: the validated datasets as open-data CSV, and a
/// manifest that makes the folder an edition in its own right, so `diff` can compare two
/// builds and anyone can reuse the data with the same tool.
public enum OpenData {
    /// `edition.yaml`, `datapackage.json` and `data/<dataset>.csv`, by path inside the output
    /// folder.
    public static func files(for edition: Edition) -> [(path: String, text: String)] {
        let tables = edition.manifest.datasets.compactMap { spec in
            edition.writtenCSV(spec.id).map { (spec: spec, columns: $0.columns, csv: $0.csv) }
        }
        var manifest = edition.manifest
        manifest.datasets = tables.map { table in
            var spec = table.spec
            spec.file = "data/\(spec.id).csv"
            spec.sheet = nil
            if spec.section != nil {
                // The published data carries no narrative to place tables in: a dataset a section
                // showed is data only there, and a period note it shared with the section's
                // other datasets is its own, so the folder checks clean as an edition.
                spec.periodNote = spec.periodNote ?? sharedPeriodNote(for: spec, in: edition.manifest.datasets)
                spec.dataOnly = true
                spec.section = nil
            }
            return spec
        }
        manifest.sections = []
        let comment =
            "The validated data of \(edition.manifest.publication.title), published with the report.\nRead it back with: annual-report check <this folder>"
        return [
            ("edition.yaml", ManifestWriter.yaml(manifest, comment: comment)),
            ("datapackage.json", DataPackage.json(for: edition, tables: tables.map { ($0.spec, $0.columns) })),
        ]
            + tables.map { ("data/\($0.spec.id).csv", $0.csv) }
    }

    /// The period note of another dataset in the same section with the same period, which
    /// explains this one's period too (`periods.dataset`).
    private static func sharedPeriodNote(for spec: DatasetSpec, in datasets: [DatasetSpec]) -> String? {
        guard let period = spec.period, let section = spec.section?.value else { return nil }
        return datasets.first { $0.periodNote != nil && $0.period == period && $0.section?.value == section }?
            .periodNote
    }
}
