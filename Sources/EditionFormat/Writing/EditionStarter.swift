import Foundation
import ReportModel

/// A partnership's first edition, from nothing: a manifest, every kind of dataset with its
/// header and one example row, a narrative section for each item Working Together 2023 asks
/// the yearly report to include (each with its `covers:`) and a glossary. Every example carries
/// `ExampleMarker`, so the first `check` passes but names each one for the partnership to
/// replace.
public struct EditionStarter: Sendable {
    public var partnership: Partnership
    public var period: ReportingPeriod
    /// The names of the areas the partnership covers, such as its councils.
    public var areaNames: [String]
    /// The name of the place the whole partnership covers ("Tamar and Moor"), which labels its
    /// top area and so every table's columns; by default the partnership's name without its
    /// "Safeguarding Children Partnership" (`EditionStarter.place(of:)`).
    public var place: String

    public init(partnership: Partnership, period: ReportingPeriod, areaNames: [String], place: String? = nil) {
        self.partnership = partnership
        self.period = period
        self.areaNames = areaNames
        let named = place?.trimmingCharacters(in: .whitespaces) ?? ""
        self.place = named.isEmpty ? EditionStarter.place(of: partnership.name) : named
    }

    /// The endings a partnership's name adds to its place's, longest first, so that "Tamar and
    /// Moor Safeguarding Children Partnership" is labelled "Tamar and Moor".
    static let partnershipEndings = [
        "local safeguarding children partnership", "safeguarding children's partnership",
        "safeguarding childrens partnership", "safeguarding children partnership",
        "children's safeguarding partnership", "childrens safeguarding partnership",
        "safeguarding children board", "safeguarding partnership", "partnership",
    ]

    /// The place a partnership's name names: the name without a leading "The" and without the
    /// ending that says what kind of body it is. A name that is nothing but such an ending, or
    /// has none, is kept whole, since nothing shorter can be said to be its place.
    public static func place(of name: String) -> String {
        var words = name.trimmingCharacters(in: .whitespaces)
        if words.lowercased().hasPrefix("the ") { words = String(words.dropFirst(4)) }
        let lowered = words.lowercased()
        for ending in partnershipEndings where lowered.hasSuffix(" " + ending) {
            let place = words.dropLast(ending.count).trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
            // "Safeguarding Children Partnership" alone names no place.
            if !place.isEmpty, !place.lowercased().contains("safeguarding") { return place }
        }
        return name.trimmingCharacters(in: .whitespaces)
    }

    /// The edition's files, by path inside its folder.
    public func files() -> [(path: String, text: String)] {
        let areas = self.areas()
        let root = areas[0].key
        let example = ExampleMarker.text
        let rows: [(id: String, schema: String, title: String, section: String?, values: [String: String])] = [
            (
                "measures", "measures", "Measures used in this report", nil,
                [
                    "measure": "contacts", "label": "Contacts received by the front door", "unit": "count",
                    "additive": "yes", "description": "\(example) what the figure counts, for the reader",
                ]
            ),
            (
                "activity", "figures", "Children's social care activity", "impact",
                ["area": root, "measure": "contacts", "value": "1,000", "source": "\(example) where it comes from"]
            ),
            (
                "child-deaths", "figures", "Child deaths reviewed by the Child Death Overview Panel", "impact",
                [
                    "area": root, "measure": "child_deaths", "value": "12",
                    "source": "\(example) the Child Death Overview Panel's annual report",
                ]
            ),
            (
                "referrers", "rankings", "Top referrers", "impact",
                ["list": "top-referrers", "area": root, "rank": "1", "item": "\(example) Education"]
            ),
            (
                "reviews", "reviews", "Practice reviews and their publication", "review-actions",
                [
                    "review": "Example review", "kind": "lcspr", "publication": "in-progress",
                    "note": "\(example) where the review stands",
                ]
            ),
            (
                "training-courses", "training-courses", "Multi-agency training completions by course", nil,
                [
                    "course": "\(example) Safeguarding Level 1", "mode": "e-learning", "completions": "100",
                    "row": "part",
                ]
            ),
            (
                "budget", "budget", "Budget contributions \(period.label)", nil,
                ["agency": "\(example) Local authority", "amount": "£100,000", "row": "part"]
            ),
            (
                "board", "board", "Board membership", nil,
                ["agency": "\(example) Local authority", "role": "Director of Children's Services", "group": "member"]
            ),
            (
                "glossary", "glossary", "Abbreviations", nil,
                ["abbreviation": "LSCP", "expansion": "\(example) Local Safeguarding Children Partnership"]
            ),
            (
                "corrections", "corrections", "Corrections to published figures", nil,
                [
                    "dataset": "budget", "key": "\(example) Local authority", "column": "amount",
                    "published_value": "£90,000", "reason": "\(example) why a published figure was corrected",
                ]
            ),
        ]
        // The child-death figures count a measure of their own.
        let moreRows: [String: [[String: String]]] = [
            "measures": [
                [
                    "measure": "child_deaths", "label": "Children who died", "unit": "count", "additive": "yes",
                    "description": "\(example) children resident in the area who died in the year",
                ]
            ]
        ]
        var files: [(path: String, text: String)] = []
        var datasets: [DatasetSpec] = []
        let nowhere = SourceLocation(file: EditionReader.manifestName)
        for row in rows {
            guard let schema = DatasetKinds.standard.kind(named: row.schema)?.schema else { continue }
            let file = "data/\(row.id).csv"
            let header = schema.columns.map(\.name)
            let values = [row.values] + (moreRows[row.id] ?? [])
            files.append((file, CSVText.document([header] + values.map { values in header.map { values[$0] ?? "" } })))
            datasets.append(
                DatasetSpec(
                    id: row.id, schema: row.schema, file: file, title: row.title, period: nil, periodNote: nil,
                    section: row.section.map { Located($0, at: nowhere) }, location: nowhere))
        }
        var sections: [SectionSpec] = []
        for item in StatutoryItem.workingTogether2023 {
            let file = "narrative/\(item.id).md"
            sections.append(
                SectionSpec(
                    id: item.id, title: item.title, file: file, covers: [Located(item.id, at: nowhere)],
                    location: nowhere))
            files.append((file, narrative(for: item, root: root)))
        }
        var manifest = Manifest(
            partnership: partnership, reportingPeriod: period,
            publication: Publication(
                title: "\(partnership.name) Annual Report \(period.label)", date: nil, publisher: partnership.name),
            areas: areas, datasets: datasets, sections: sections,
            policy: ValidationPolicy())
        // Counts of child deaths by age, sex or cause are about a few children: protected from
        // the start, as the DfE protects them (docs/edition-format.md, "Disclosure").
        manifest.disclosure = DisclosurePolicy(datasets: [Located("child-deaths", at: nowhere)])
        let comment = """
            Started by `annual-report init`. Each data file has its header and one example row, and
            each section an example paragraph; every example says \(example) and `annual-report check`
            names each one. Replace them with the partnership's own (docs/edition-format.md).
            """
        return [(EditionReader.manifestName, ManifestWriter.yaml(manifest, comment: comment))] + files
    }

    /// One area per name; with several, a root for the whole partnership above them.
    private func areas() -> [Area] {
        let nowhere = SourceLocation(file: EditionReader.manifestName)
        let named = areaNames.map { name in
            Area(key: EditionStarter.key(for: name), name: name, level: "council", parent: nil, location: nowhere)
        }
        guard named.count > 1 else {
            return named.isEmpty
                ? [Area(key: "partnership", name: place, level: "partnership", parent: nil, location: nowhere)]
                : named
        }
        let root = Area(key: "partnership", name: place, level: "partnership", parent: nil, location: nowhere)
        return [root]
            + named.map { area in
                var area = area
                area.parent = root.key
                return area
            }
    }

    /// An area's key from its name: "Westmorland and Furness" becomes `westmorland-and-furness`.
    static func key(for name: String) -> String {
        let words = name.lowercased().split { !($0.isLetter && $0.isASCII) && !$0.isNumber }
        return words.isEmpty ? "area" : words.joined(separator: "-")
    }

    private func narrative(for item: StatutoryItem, root: String) -> String {
        var text = """
            \(ExampleMarker.text) this section is for what the yearly report should set out here: \
            \(item.description.lowercasedFirst). Write it in the partnership's own words, then delete \
            this paragraph.

            """
        if item.id == "impact" {
            text += """

                Refer to figures by key rather than typing them: the front door received \
                {{= \(root)/contacts }} contacts (see docs/narrative.md).

                """
        }
        return text
    }
}
