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

    /// A dataset as the package describes it: its manifest entry and its published columns.
    typealias PublishedTable = (spec: DatasetSpec, columns: [String])

    /// The JSON text of the package describing `tables` (published at `data/<id>.csv`).
    static func json(for edition: Edition, tables: [PublishedTable]) -> String {
        let manifest = edition.manifest
        let period = manifest.reportingPeriod
        // Datasets with a value given as a bound ("40+"), and the symbols each writes ("c",
        // "low"), declared as missing values so a portal reads the value column as numbers with
        // gaps, not as text.
        var bounded: Set<String> = []
        var symbols: [String: Set<QuantitySymbol.Symbol>] = [:]
        func note(_ quantity: Quantity?, of figure: Figure) {
            guard let quantity, !quantity.isExact else { return }
            if quantity.isBound { bounded.insert(figure.dataset) }
            if let symbol = quantity.symbol { symbols[figure.dataset, default: []].insert(symbol.symbol) }
        }
        for figure in edition.figures {
            note(figure.value.value, of: figure)
            note(figure.previous?.value, of: figure)
        }
        var package: [String: JSONValue] = [
            "profile": "tabular-data-package",
            "name": .string(packageName(edition.id)),
            "title": .string(manifest.publication.title),
            "description": .string(
                "The validated figures of \(manifest.partnership.name)'s annual report for \(period.label) (\(period.period.start) to \(period.period.end)), published with the report."
            ),
            "keywords": ["safeguarding", "children", "annual report", .string(period.label)],
            "contributors": [["title": .string(manifest.partnership.name), "role": "publisher"]],
            "resources": .array(
                [areasResourceJSON(manifest.areas)]
                    + tables.map {
                        resource($0, in: edition, bounded: bounded, symbols: symbols[$0.spec.id] ?? [])
                    }),
        ]
        if let licence = manifest.publication.licence {
            package["licenses"] = [
                licence.hasPrefix("http")
                    ? ["path": .string(licence), "title": .string(licence)]
                    : ["name": .string(licence), "title": .string(licence)]
            ]
        }
        let sources = tables.compactMap(\.spec.source).uniqued()
        if !sources.isEmpty { package["sources"] = .array(sources.map { ["title": .string($0)] }) }
        return JSONValue.object(package).text
    }

    /// A package name as the spec allows: lower case, digits, `-`, `_` and `.`.
    private static func packageName(_ id: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.")
        let name = String(id.lowercased().map { allowed.contains($0) ? $0 : "-" })
        return name.isEmpty ? "edition" : name
    }

    private static func areasResourceJSON(_ areas: [Area]) -> JSONValue {
        [
            "name": .string(areasResource), "profile": "tabular-data-resource",
            "title": "Areas the report gives figures for",
            "data": .array(
                areas.map {
                    [
                        "key": .string($0.key), "name": .string($0.name), "level": .string($0.level),
                        "parent": .string($0.parent ?? ""),
                    ]
                }),
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
        // Keys compared as their ids: a dataset may hold a million figures.
        let positions = edition.figurePositions(of: spec.id)
        let columns = edition.figureColumns
        var keys = Set<UInt64>(minimumCapacity: positions.count)
        let unique = positions.allSatisfy {
            keys.insert(UInt64(columns.areas[$0]) << 32 | UInt64(columns.measures[$0])).inserted
        }
        if unique { return key.filter { $0 != "period" } }
        return positions.allSatisfy({ edition.figures[$0].period != nil }) ? key : []
    }

    private static func resource(
        _ table: PublishedTable, in edition: Edition, bounded: Set<String>, symbols: Set<QuantitySymbol.Symbol>
    ) -> JSONValue {
        let spec = table.spec
        let schema = edition.kinds[spec.id]?.schema
        var resource: [String: JSONValue] = [
            "name": .string(spec.id), "path": .string("data/\(spec.id).csv"), "profile": "tabular-data-resource",
            "title": .string(spec.title),
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": [
                "fields": .array(
                    table.columns.map { name in
                        let column = schema?.column(name)
                        // A dataset with a value given as a bound ("40+") publishes it as written.
                        let asWritten = column.map {
                            if case .measured = $0.type { bounded.contains(spec.id) } else { false }
                        }
                        return field(
                            name, type: asWritten == true ? "string" : column.map { type(of: $0.type) } ?? "string",
                            required: column?.isRequired ?? false,
                            choices: column.flatMap { choices(of: $0.type) })
                    }),
                "primaryKey": JSONValue(primaryKey(schema?.key ?? [], of: spec, in: edition)),
                "foreignKeys": .array(foreignKeys(table, in: edition)),
                "missingValues": .array(
                    [""] + QuantitySymbol.Symbol.allCases.filter(symbols.contains).map { .string($0.rawValue) }),
            ],
        ]
        if let source = spec.source { resource["sources"] = [["title": .string(source)]] }
        if let period = spec.period { resource["description"] = .string("Figures for \(period).") }
        return .object(resource)
    }

    private static func field(_ name: String, type: String, required: Bool = false, choices: [String]? = nil)
        -> JSONValue
    {
        var field: [String: JSONValue] = ["name": .string(name), "type": .string(type)]
        var constraints: [String: JSONValue] = [:]
        if required { constraints["required"] = true }
        if let choices { constraints["enum"] = JSONValue(choices) }
        if !constraints.isEmpty { field["constraints"] = .object(constraints) }
        return .object(field)
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
    private static func foreignKeys(_ table: PublishedTable, in edition: Edition) -> [JSONValue] {
        let measures = edition.manifest.datasets.first { edition.kinds[$0.id] is any MeasureCatalogueKind }?.id
        guard let schema = edition.kinds[table.spec.id]?.schema else { return [] }
        return schema.columns.compactMap { column -> JSONValue? in
            guard let refers = column.refersTo, table.columns.contains(column.name) else { return nil }
            let (resource, field): (String?, String) =
                switch refers {
                case .area: (areasResource, "key")
                case .measure: (measures, "measure")
                }
            guard let resource else { return nil }
            let target = resource == table.spec.id ? "" : resource
            return [
                "fields": [.string(column.name)],
                "reference": ["resource": .string(target), "fields": [.string(field)]],
            ]
        }
    }
}
