import ReportModel

/// What reading a dataset may need from the rest of the edition.
struct IngestContext {
    /// The measures catalogue, read before any figures.
    var measures: [String: Measure] = [:]
}

/// A kind of dataset: the schema its CSV files follow, and how one typed row becomes a record
/// of the model.
protocol DatasetKind {
    associatedtype Record
    /// The columns, their types and the row key.
    static var schema: DatasetSchema { get }
    /// The record a row stands for, or nil after reporting in `findings` why it cannot be made.
    static func record(
        from row: TypedRow, dataset: String, context: IngestContext, findings: inout [Finding]
    ) -> Record?
}

/// Every kind of dataset an edition can hold, for the manifest's `schema:` and the docs.
public enum DatasetCatalogue {
    /// All schemas, in the order the format documentation lists them.
    public static let schemas: [DatasetSchema] = [
        MeasuresDataset.schema, FiguresDataset.schema, BudgetDataset.schema,
        TrainingCoursesDataset.schema, RankingsDataset.schema, ReviewsDataset.schema,
        BoardDataset.schema, GlossaryDataset.schema, CorrectionsDataset.schema,
    ]

    /// The schema a manifest names, if there is one.
    public static func schema(named name: String) -> DatasetSchema? {
        schemas.first { $0.name == name }
    }
}
