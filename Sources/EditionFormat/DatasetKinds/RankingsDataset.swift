import ReportModel

/// Ranked lists per area: top referrers, top referral reasons, the age bands with most deaths.
struct RankingsDataset: DatasetKind {
    var schema: DatasetSchema { Self.schema }

    static let schema = DatasetSchema(
        name: "rankings",
        summary:
            "Ranked lists per area, such as the top referrers, with the share printed beside each item when there is one.",
        columns: [
            .required("list", .text, "which list: `top-referrers`, `top-referral-reasons`, …"),
            .required("area", .text, "an area key from the manifest"),
            .required("rank", .count, "the place in the list, from 1"),
            .required("item", .text, "what is ranked"),
            .optional("stated_percent", .percent, "the share printed beside it, as printed"),
        ],
        key: ["list", "area", "rank"])

    func record(from row: TypedRow, dataset: String, context: DatasetContext, findings: inout [Finding]) -> RankedItem?
    {
        guard let list = row.text("list"), let area = row.text("area"),
            let rank = row.count("rank"), let item = row.text("item")
        else { return nil }
        return RankedItem(
            dataset: dataset, list: list, area: area, rank: rank, item: item,
            statedPercentage: row.percent("stated_percent"), location: row.location)
    }

    func cell(_ column: String, of item: RankedItem) -> String {
        switch column {
        case "list": item.list.value
        case "area": item.area.value
        case "rank": String(item.rank.value)
        case "item": item.item.value
        case "stated_percent": PlainText.percent(item.statedPercentage)
        default: ""
        }
    }

    /// Next year's lists keep their places and areas; what is ranked is to be filled in.
    func nextYear(_ cells: [String: String], change: YearChange) -> [String: String]? {
        PlainText.emptying(["item", "stated_percent"], in: cells)
    }

    func display(_ spec: DatasetSpec) -> DatasetDisplay { .rankedLists }

    /// `referrals-ranked:top-referrers/cumberland/1` in the narrative is the item, with its share
    /// when the report prints one: "Police (23.5%)".
    func narrativeWords(for item: RankedItem) -> String? {
        item.item.value + (item.statedPercentage.map { " (\(GovUKFormat.percentage($0.value)))" } ?? "")
    }
}
