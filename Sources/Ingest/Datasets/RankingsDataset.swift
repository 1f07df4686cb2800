import ReportModel

/// Ranked lists per area: top referrers, top referral reasons, the age bands with most deaths.
enum RankingsDataset: DatasetKind {
    static let schema = DatasetSchema(
        name: "rankings",
        summary:
            "Ranked lists per area, such as the top referrers, with the share printed beside each item when there is one.",
        columns: [
            .required("list", .text, "which list: top-referrers, top-referral-reasons"),
            .required("area", .text, "an area key from the manifest"),
            .required("rank", .count, "the place in the list, from 1"),
            .required("item", .text, "what is ranked"),
            .optional("stated_percent", .percent, "the share printed beside it, as printed"),
        ],
        key: ["list", "area", "rank"])

    static func record(
        from row: TypedRow, dataset: String, context: IngestContext, findings: inout [Finding]
    ) -> RankedItem? {
        guard let list = row.text("list"), let area = row.text("area"),
            let rank = row.count("rank"), let item = row.text("item")
        else { return nil }
        return RankedItem(
            dataset: dataset, list: list, area: area, rank: rank, item: item,
            statedPercentage: row.percent("stated_percent"), location: row.location)
    }
}
