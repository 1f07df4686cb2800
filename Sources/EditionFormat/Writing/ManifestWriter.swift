import ReportModel
import Yams

/// Writes a manifest as `edition.yaml`, the inverse of `ManifestReader`: for the folder a
/// build publishes (so its open data reads back as an edition) and for scaffolded editions.
/// It writes the current edition format (`FormatVersion.current`), with the appendices listed.
public enum ManifestWriter {
    /// The YAML text of `manifest`.
    public static func yaml(_ manifest: Manifest, comment: String? = nil) -> String {
        var top: [(Node, Node)] = []
        func scalar(_ text: String) -> Node { Node(text, Tag(.str), .plain) }
        func map(_ pairs: [(String, String?)]) -> Node {
            Node(pairs.compactMap { key, value in value.map { (scalar(key), scalar($0)) } })
        }
        let partnership = manifest.partnership
        let period = manifest.reportingPeriod
        let publication = manifest.publication
        // What it writes is in this release's format, whatever format the manifest was read from.
        top.append((scalar("format"), Node(String(FormatVersion.current), Tag(.int), .plain)))
        top.append((scalar("partnership"), map([("name", partnership.name), ("short_name", partnership.shortName)])))
        top.append(
            (
                scalar("period"),
                map([
                    ("label", period.label), ("start", period.period.start.description),
                    ("end", period.period.end.description),
                ])
            ))
        var publicationPairs = [
            ("title", publication.title), ("date", publication.date?.description),
            ("publisher", publication.publisher), ("licence", publication.licence),
            ("page_size", publication.pageSize == .a4 ? nil : publication.pageSize.rawValue),
        ].compactMap { key, value in value.map { (scalar(key), scalar($0)) } }
        let extraOutputs = OutputFormat.allCases.filter {
            $0 != .html && $0 != .xhtml && publication.outputs.contains($0)
        }
        if !extraOutputs.isEmpty {
            publicationPairs.append((scalar("outputs"), Node(extraOutputs.map { scalar($0.rawValue) })))
        }
        top.append((scalar("publication"), Node(publicationPairs)))
        top.append((scalar("areas"), Node(areaNodes(parent: nil, in: manifest.areas, scalar: scalar))))
        top.append(
            (
                scalar("datasets"),
                Node(
                    manifest.datasets.map { spec in
                        let pairs: [(String, String?)] = [
                            ("id", spec.id), ("schema", spec.schema), ("file", spec.file), ("sheet", spec.sheet),
                            ("title", spec.title),
                            ("period", spec.period.map(periodText)), ("period_note", spec.periodNote),
                            ("section", spec.section?.value), ("appendix", spec.appendix?.rawValue),
                            ("source", spec.source), ("data_only", spec.dataOnly ? "true" : nil),
                            ("periods_add_up", spec.periodsAddUp ? "true" : nil), ("unit", spec.unit?.rawValue),
                            ("disclosure", spec.disclosureExemption == nil ? nil : "none"),
                            ("reason", spec.disclosureExemption?.reason.value),
                        ]
                        var nodes = pairs.compactMap { key, value in value.map { (scalar(key), scalar($0)) } }
                        // A parts table's words, in the order the format lists them.
                        let labels = DatasetSpec.labelKeys.compactMap { key in
                            spec.labels[key].map { (scalar(key), scalar($0)) }
                        }
                        if !labels.isEmpty { nodes.append((scalar("labels"), Node(labels))) }
                        return Node(nodes)
                    })
            ))
        top.append(
            (
                scalar("sections"),
                Node(
                    manifest.sections.map { section in
                        var pairs = [("id", section.id), ("title", section.title), ("file", section.file)].map {
                            (scalar($0), scalar($1))
                        }
                        if !section.covers.isEmpty {
                            pairs.append((scalar("covers"), Node(section.covers.map { scalar($0.value) })))
                        }
                        return Node(pairs)
                    })
            ))
        if !manifest.relations.isEmpty {
            top.append(
                (
                    scalar("relations"),
                    Node(
                        manifest.relations.map {
                            map([("left", $0.left.value), ("is", $0.kind.rawValue), ("right", $0.right.value)])
                        })
                ))
        }
        // Written out even when they are the default set, as the current format has them.
        top.append(
            (
                scalar("appendices"),
                Node(manifest.appendixList.map { map([("kind", $0.kind.rawValue), ("title", $0.title)]) })
            ))
        let policy = manifest.policy
        if !policy.severities.isEmpty || !policy.disabled.isEmpty || policy.shareTolerance != 0 {
            var pairs: [(Node, Node)] = []
            if !policy.severities.isEmpty {
                pairs.append(
                    (
                        scalar("severities"),
                        map(policy.severities.keys.sorted().map { ($0, policy.severities[$0]?.rawValue) })
                    ))
            }
            if !policy.disabled.isEmpty {
                pairs.append((scalar("disabled"), map(policy.disabled.keys.sorted().map { ($0, policy.disabled[$0]) })))
            }
            if policy.shareTolerance != 0 {
                pairs.append((scalar("share_tolerance"), scalar("\(policy.shareTolerance)")))
            }
            top.append((scalar("policy"), Node(pairs)))
        }
        if let disclosure = manifest.disclosure {
            // The published folder carries the policy: it still reads back as an edition, and
            // whoever audits it knows what was protected and how.
            top.append(
                (
                    scalar("disclosure"),
                    Node([
                        (scalar("small_counts"), Node(String(disclosure.smallCounts), Tag(.int), .plain)),
                        (scalar("zeros"), scalar(disclosure.zeros.rawValue)),
                        (scalar("min_range"), Node(String(disclosure.minRange), Tag(.int), .plain)),
                        (scalar("datasets"), Node(disclosure.datasets.map { scalar($0.value) })),
                    ])
                ))
        }
        let text = (try? Yams.serialize(node: Node(top), allowUnicode: true, sortKeys: false)) ?? ""
        return (comment.map { "# " + $0.replacingOccurrences(of: "\n", with: "\n# ") + "\n" } ?? "") + text
    }

    /// The areas under `parent` as the manifest nests them, children found by their parent's
    /// key in one grouping rather than a search of every area for each (editions may have
    /// thousands).
    private static func areaNodes(parent: String?, in areas: [Area], scalar: (String) -> Node) -> [Node] {
        let children = Dictionary(grouping: areas, by: \.parent)
        func nodes(under parent: String?) -> [Node] {
            (children[parent] ?? []).map { area in
                var pairs: [(Node, Node)] = [
                    (scalar("key"), scalar(area.key)), (scalar("name"), scalar(area.name)),
                    (scalar("level"), scalar(area.level)),
                ]
                let inner = nodes(under: area.key)
                if !inner.isEmpty { pairs.append((scalar("areas"), Node(inner))) }
                return Node(pairs)
            }
        }
        return nodes(under: parent)
    }

    /// A period in the form `DateReader.period` reads back: `2022-04-01/2023-03-31`.
    /// A period as the format spells it: `2024/25`, `2024-03`, `2024/25 Q1`; a span of days
    /// that has no shorter spelling as `start/end`.
    static func periodText(_ period: Period) -> String {
        PeriodSpelling.spelling(of: period)
    }
}
