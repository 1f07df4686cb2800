import Mustache

/// A view type the templates read by name. Each lists its fields once, as key paths: the
/// template engine looks values up through them (far faster than reflection, which the engine
/// would otherwise use), and the unknown-variable check knows every name a template may use.
protocol MustacheView: MustacheParent {
    static var fields: [String: PartialKeyPath<Self>] { get }
}

extension MustacheView {
    func child(named name: String) -> Any? {
        guard let path = Self.fields[name] else { return nil }
        let value = self[keyPath: path]
        // An absent optional must read as absent, not as a present value holding nil.
        if let optional = value as? any OptionalValue { return optional.unwrapped }
        return value
    }
}

protocol OptionalValue {
    var unwrapped: Any? { get }
}

extension Optional: OptionalValue {
    var unwrapped: Any? { self.map { $0 } }
}

extension ReportView: MustacheView {
    // Immutable after initialisation; key paths are not marked Sendable, but these are never mutated.
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ReportView>] = [
        "xhtml": \.xhtml, "language": \.language, "title": \.title, "runningHeadCSS": \.runningHeadCSS,
        "pageSize": \.pageSize, "publicationDate": \.publicationDate,
        "partnership": \.partnership, "generator": \.generator,
        "periodLabel": \.periodLabel, "publicationLine": \.publicationLine, "isDraft": \.isDraft,
        "draftFindings": \.draftFindings, "hasDraftFindings": \.hasDraftFindings, "contents": \.contents,
        "sections": \.sections, "appendices": \.appendices,
    ]
}

extension ContentsEntry: MustacheView {
    // Immutable after initialisation; key paths are not marked Sendable, but these are never mutated.
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ContentsEntry>] = ["href": \.href, "label": \.label]
}

extension SectionView: MustacheView {
    // Immutable after initialisation; key paths are not marked Sendable, but these are never mutated.
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<SectionView>] = [
        "anchor": \.anchor, "number": \.number, "heading": \.heading, "periodNotes": \.periodNotes,
        "narrativeHTML": \.narrativeHTML, "blocks": \.blocks, "isAppendix": \.isAppendix,
    ]
}

extension BlockView: MustacheView {
    // Immutable after initialisation; key paths are not marked Sendable, but these are never mutated.
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<BlockView>] = [
        "chart": \.chart, "table": \.table, "paragraphs": \.paragraphs, "blockHeading": \.blockHeading,
        "items": \.items,
        "hasItems": \.hasItems, "keepTogether": \.keepTogether,
    ]
}

extension ChartView: MustacheView {
    // Immutable after initialisation; key paths are not marked Sendable, but these are never mutated.
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ChartView>] = [
        "svg": \.svg, "title": \.title, "summary": \.summary, "tableAnchor": \.tableAnchor,
        "tableCaption": \.tableCaption,
    ]
}

extension TableView: MustacheView {
    // Immutable after initialisation; key paths are not marked Sendable, but these are never mutated.
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<TableView>] = [
        "anchor": \.anchor, "caption": \.caption, "note": \.note, "columns": \.columns, "rows": \.rows,
        "footRows": \.footRows, "hasFoot": \.hasFoot,
    ]
}

extension ColumnView: MustacheView {
    // Immutable after initialisation; key paths are not marked Sendable, but these are never mutated.
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ColumnView>] = [
        "label": \.label, "numeric": \.numeric,
    ]
}

extension RowView: MustacheView {
    // Immutable after initialisation; key paths are not marked Sendable, but these are never mutated.
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<RowView>] = [
        "header": \.header, "isMember": \.isMember, "cells": \.cells, "rowAnchor": \.rowAnchor,
    ]
}

extension CellView: MustacheView {
    // Immutable after initialisation; key paths are not marked Sendable, but these are never mutated.
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<CellView>] = [
        "text": \.text, "numeric": \.numeric, "correctionHref": \.correctionHref,
    ]
}

extension FindingView: MustacheView {
    // Immutable after initialisation; key paths are not marked Sendable, but these are never mutated.
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<FindingView>] = [
        "severity": \.severity, "place": \.place, "message": \.message, "rule": \.rule,
    ]
}

/// Every view type, for the names templates may use.
enum ViewTypes {
    static let all: [any MustacheView.Type] = [
        ReportView.self, ContentsEntry.self, SectionView.self, BlockView.self, ChartView.self, TableView.self,
        ColumnView.self, RowView.self, CellView.self, FindingView.self,
    ]

    /// Every field name of every view type.
    static var names: Set<String> {
        Set(all.flatMap { $0.fieldNames })
    }
}

extension MustacheView {
    static var fieldNames: [String] { Array(fields.keys) }
}
