import Foundation
import ReportModel

/// The validated datasets as open-data CSV: the same columns as the edition's own files, so a
/// published file can be read back as input, with numbers written plainly ("231675", "43.6")
/// for reuse in any tool.
public enum OpenDataCSV {
    /// One CSV text per dataset, by file name (`budget.csv`), in manifest order.
    public static func files(for edition: Edition) -> [(name: String, text: String)] {
        edition.manifest.datasets.compactMap { spec in
            guard let rows = rows(for: spec, in: edition) else { return nil }
            return ("\(spec.id).csv", rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n")
        }
    }

    private static func rows(for spec: DatasetSpec, in edition: Edition) -> [[String]]? {
        let id = spec.id
        func percent(_ value: Located<StatedPercentage>?) -> String { value?.value.description ?? "" }
        func plain(_ value: Decimal) -> String { NSDecimalNumber(decimal: value).stringValue }
        switch spec.schema {
        case "measures":
            return [["measure", "label", "unit", "additive", "part_of", "description"]]
                + edition.measures.map { [$0.key, $0.label, $0.unit.rawValue, $0.additive ? "yes" : "no", $0.partOf?.value ?? "", $0.description ?? ""] }
        case "figures":
            return [["area", "measure", "value", "stated_percent", "percent_of", "period", "source"]]
                + edition.figures.filter { $0.dataset == id }.map {
                    let value: String
                    if case .percent(let stated) = $0.value.value { value = stated.description } else { value = plain($0.value.value.exact) }
                    return [$0.area.value, $0.measure.value, value, percent($0.statedPercentage), $0.percentOf?.value ?? "", $0.period?.value.description ?? "", $0.source ?? ""]
                }
        case "budget":
            return [["agency", "parent", "amount", "stated_percent", "row"]]
                + edition.budget.filter { $0.dataset == id }.map {
                    [$0.agency.value, $0.parent?.value ?? "", plain($0.amount.value), percent($0.statedPercentage), $0.kind.rawValue]
                }
        case "training-courses":
            return [["course", "mode", "completions", "row"]]
                + edition.trainingCourses.filter { $0.dataset == id }.map {
                    [$0.course.value, $0.mode ?? "", String($0.completions.value), $0.kind.rawValue]
                }
        case "rankings":
            return [["list", "area", "rank", "item", "stated_percent"]]
                + edition.rankings.filter { $0.dataset == id }.map {
                    [$0.list.value, $0.area.value, String($0.rank.value), $0.item.value, percent($0.statedPercentage)]
                }
        case "reviews":
            return [["review", "kind", "publication", "published_in", "note"]]
                + edition.reviews.filter { $0.dataset == id }.map {
                    [$0.name.value, $0.kind, $0.publication.rawValue, $0.publishedIn ?? "", $0.note ?? ""]
                }
        case "board":
            return [["agency", "role", "group"]]
                + edition.board.filter { $0.dataset == id }.map { [$0.agency.value, $0.role.value, $0.group] }
        case "glossary":
            return [["abbreviation", "expansion"]]
                + edition.glossary.filter { $0.dataset == id }.map { [$0.abbreviation.value, $0.expansion] }
        case "corrections":
            return [["dataset", "key", "column", "published_value", "reason", "date"]]
                + edition.corrections.filter { $0.dataset == id }.map {
                    [$0.target.value, $0.key.value, $0.column.value, $0.publishedValue, $0.reason, $0.date?.description ?? ""]
                }
        default:
            return nil
        }
    }

    /// A field quoted per RFC 4180 when it needs to be.
    static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first == " " || text.last == " "
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
