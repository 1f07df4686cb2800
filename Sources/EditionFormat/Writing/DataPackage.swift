import Foundation
import ReportModel

/// The published data as a Frictionless Data Package (`datapackage.json`, Data Package v1): one
/// tabular resource per dataset with its Table Schema (field types, required fields and
/// choices, the primary key, foreign keys to the measures and the areas, missing values), the
/// areas as an inline resource, the partnership, period, licence and sources. Portals and
/// `frictionless validate` read it without knowing this tool.
public enum DataPackage {
    /// The name of the inline resource that lists the edition's areas.
    static let areasResource = "areas"

    /// The JSON text of the package describing `tables` (published at `data/<id>.csv`).
    public static func json(for edition: Edition, tables: [DatasetTable]) -> String {
        let manifest = edition.manifest
        let period = manifest.reportingPeriod
        let bounded = Set(
            edition.figures.lazy.filter { $0.value.value.isBound || $0.previous?.value.isBound == true }.map(\.dataset))
        var package: [String: Any] = [
            "profile": "tabular-data-package",
            "name": packageName(edition.id),
            "title": manifest.publication.title,
            "description":
                "The validated figures of \(manifest.partnership.name)'s annual report for \(period.label) (\(period.period.start) to \(period.period.end)), published with the report.",
            "keywords": ["safeguarding", "children", "annual report", period.label],
            "contributors": [["title": manifest.partnership.name, "role": "publisher"]],
            "resources": [areasResourceJSON(manifest.areas)]
                + tables.map { resource($0, in: edition, bounded: bounded) },
        ]
        if let licence = manifest.publication.licence {
            package["licenses"] = [
                licence.hasPrefix("http") ? ["path": licence, "title": licence] : ["name": licence, "title": licence]
            ]
        }
        let sources = tables.compactMap(\.spec.source).uniqued()
        if !sources.isEmpty { package["sources"] = sources.map { ["title": $0] } }
        let data = try? JSONSerialization.data(
            withJSONObject: package, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        // Strings, numbers, arrays and dictionaries always serialise.
        return (data.map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }

    /// A package name as the spec allows: lower case, digits, `-`, `_` and `.`.
    private static func packageName(_ id: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.")
        let name = String(id.lowercased().map { allowed.contains($0) ? $0 : "-" })
        return name.isEmpty ? "edition" : name
    }

    private static func areasResourceJSON(_ areas: [Area]) -> [String: Any] {
        [
            "name": areasResource, "profile": "tabular-data-resource",
            "title": "Areas the report gives figures for",
            "data": areas.map { ["key": $0.key, "name": $0.name, "level": $0.level, "parent": $0.parent ?? ""] },
            "schema": [
                "fields": [
                    field("key", type: "string", required: true), field("name", type: "string", required: true),
                    field("level", type: "string", required: true), field("parent", type: "string"),
                ],
                "primaryKey": ["key"],
                "foreignKeys": [["fields": ["parent"], "reference": ["resource": "", "fields": ["key"]]]],
                "missingValues": [""],
            ],
        ]
    }

    /// A dataset's key as a data package's primary key. A primary key's fields may not be
    /// empty, and a figure's period may be: area and measure are the key while they are unique
    /// in the dataset, the period joins them for a series whose every row has one, and a series
    /// that mixes the two (quarters and the year's total) names no primary key, though the tool
    /// has checked its rows unique.
    private static func primaryKey(_ key: [String], of spec: DatasetSpec, in edition: Edition) -> [String] {
        guard key.contains("period") else { return key }
        let figures = edition.figures(of: spec.id)
        if Set(figures.map(\.key)).count == figures.count { return key.filter { $0 != "period" } }
        return figures.allSatisfy({ $0.period != nil }) ? key : []
    }

    private static func resource(_ table: DatasetTable, in edition: Edition, bounded: Set<String>) -> [String: Any] {
        let spec = table.spec
        let schema = edition.kinds[spec.id]?.schema
        var resource: [String: Any] = [
            "name": spec.id, "path": "data/\(spec.id).csv", "profile": "tabular-data-resource", "title": spec.title,
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": [
                "fields": table.columns.map { name in
                    let column = schema?.column(name)
                    // A dataset with a value given as a bound ("40+") publishes it as written.
                    let asWritten = column.map {
                        if case .measured = $0.type { bounded.contains(spec.id) } else { false }
                    }
                    return field(
                        name, type: asWritten == true ? "string" : column.map { type(of: $0.type) } ?? "string",
                        required: column?.isRequired ?? false,
                        choices: column.flatMap { choices(of: $0.type) })
                },
                "primaryKey": primaryKey(schema?.key ?? [], of: spec, in: edition),
                "foreignKeys": foreignKeys(table, in: edition),
                "missingValues": [""],
            ] as [String: Any],
        ]
        if let source = spec.source { resource["sources"] = [["title": source]] }
        if let period = spec.period { resource["description"] = "Figures for \(period)." }
        return resource
    }

    private static func field(_ name: String, type: String, required: Bool = false, choices: [String]? = nil)
        -> [String: Any]
    {
        var field: [String: Any] = ["name": name, "type": type]
        var constraints: [String: Any] = [:]
        if required { constraints["required"] = true }
        if let choices { constraints["enum"] = choices }
        if !constraints.isEmpty { field["constraints"] = constraints }
        return field
    }

    /// The Table Schema type of a column as the published CSV writes it: counts as integers,
    /// money, percentages and measured values as plain decimals, dates as ISO dates.
    static func type(of column: ColumnType) -> String {
        switch column {
        case .count: "integer"
        case .money, .percent, .measured: "number"
        case .date: "date"
        case .text, .period, .choice: "string"
        }
    }

    private static func choices(of column: ColumnType) -> [String]? {
        if case .choice(let words) = column { return words }
        return nil
    }

    /// Columns that name an area or a measure refer to the areas resource or the measures
    /// catalogue, as their schema declares.
    private static func foreignKeys(_ table: DatasetTable, in edition: Edition) -> [[String: Any]] {
        let measures = edition.manifest.datasets.first { edition.kinds[$0.id] is any MeasureCatalogueKind }?.id
        guard let schema = edition.kinds[table.spec.id]?.schema else { return [] }
        return schema.columns.compactMap { column -> [String: Any]? in
            guard let refers = column.refersTo, table.columns.contains(column.name) else { return nil }
            let (resource, field): (String?, String) =
                switch refers {
                case .area: (areasResource, "key")
                case .measure: (measures, "measure")
                }
            guard let resource else { return nil }
            let target = resource == table.spec.id ? "" : resource
            return ["fields": [column.name], "reference": ["resource": target, "fields": [field]]]
        }
    }
}
