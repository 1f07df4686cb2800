import ReportModel
import Yams

/// Reads `edition.yaml`: the partnership, its reporting period, its areas as a tree, the
/// publication details, the datasets and the narrative sections in report order.
struct ManifestReader {
    /// The manifest's path as findings name it.
    let file: String
    /// The kinds of dataset `schema:` may name.
    var kinds = DatasetKinds.standard

    /// Reads the manifest. Returns nil when it is too broken to describe an edition; the
    /// findings say why.
    /// - Throws: `EditionReadError.newerFormat` when it is written in a format newer than this
    ///   release knows: read as today's format, its new keys would only be misleading findings.
    func read(_ bytes: [UInt8], findings: inout [Finding]) throws(EditionReadError) -> Manifest? {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            findings.append(UTF8Check.finding(bytes, file: file))
            return nil
        }
        if let control = ControlCharacters.finding(in: text, file: file) {
            findings.append(control)
            return nil
        }
        if let problem = YAMLShape.problem(in: text) {
            findings.append(
                Finding(
                    rule: problem.rule.id, severity: .error,
                    message: problem.message,
                    location: SourceLocation(file: file, line: problem.line, column: problem.column),
                    expected: problem.rule == .manifestSyntax
                        ? "well-formed YAML" : "a manifest as the format describes",
                    actual: problem.message))
            return nil
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                findings.append(
                    Finding(
                        rule: IngestRule.emptyFile.id, severity: .error,
                        message:
                            "the manifest is empty: expected the partnership, period, areas, datasets and sections",
                        location: SourceLocation(file: file, line: 1), expected: "a manifest", actual: "nothing"))
                return nil
            }
            root = node
        } catch {
            findings.append(syntaxFinding(error))
            return nil
        }
        guard var top = YAMLMapping(root, path: "", file: file, findings: &findings) else { return nil }
        let format = try readFormat(&top, findings: &findings)
        var manifest = readTop(&top, findings: &findings)
        manifest?.format = format
        manifest?.headerComment = ManifestReader.headerComment(of: text)
        top.reportUnknownKeys(findings: &findings)
        return manifest
    }

    private func readTop(_ top: inout YAMLMapping, findings: inout [Finding]) -> Manifest? {
        let partnership = readPartnership(&top, findings: &findings)
        let period = readPeriod(&top, findings: &findings)
        let publication = readPublication(&top, findings: &findings)
        var areas = AreaList()
        for (index, node) in top.list("areas", findings: &findings).enumerated() {
            readArea(node, parent: nil, path: "areas[\(index)]", into: &areas, findings: &findings)
        }
        let datasets = top.list("datasets", findings: &findings).enumerated().compactMap {
            readDataset($1, path: "datasets[\($0)]", findings: &findings)
        }
        let sections = top.list("sections", findings: &findings).enumerated().compactMap {
            readSection($1, path: "sections[\($0)]", findings: &findings)
        }
        let policy = PolicyReader(file: file).read(&top, findings: &findings)
        let disclosure = DisclosurePolicyReader(file: file).read(&top, findings: &findings)
        let templates = top.string("templates", required: false, findings: &findings).flatMap { folder in
            checkedPath(folder, findings: &findings).map { Located($0, at: folder.location) }
        }
        let relations = top.list("relations", required: false, findings: &findings).enumerated().compactMap {
            readRelation($1, path: "relations[\($0)]", findings: &findings)
        }
        let appendixNodes = top.list("appendices", required: false, findings: &findings)
        let appendices = appendixNodes.enumerated().compactMap {
            readAppendix($1, path: "appendices[\($0)]", findings: &findings)
        }
        guard let partnership, let period, let publication else { return nil }
        if let disclosure {
            DisclosurePolicyReader(file: file).checkDatasets(of: disclosure, among: datasets, findings: &findings)
        }
        var manifest = Manifest(
            partnership: partnership, reportingPeriod: period, publication: publication,
            areas: areas.areas, datasets: datasets, sections: sections, policy: policy, templates: templates,
            appendices: appendixNodes.isEmpty ? nil : appendices, relations: relations)
        manifest.disclosure = disclosure
        return manifest
    }

    /// The edition format (`format: 2`); 1 when the key is absent, as in every edition written
    /// before it existed.
    private func readFormat(_ top: inout YAMLMapping, findings: inout [Finding]) throws(EditionReadError) -> Int {
        let known = FormatVersion.known
        let expected = "an edition format from \(known.lowerBound) to \(known.upperBound)"
        let format = top.value("format", required: false, findings: &findings) { text -> Result<Int, ValueProblem> in
            guard text.allSatisfy(\.isASCII), let number = Int(text), number >= known.lowerBound else {
                return .failure(ValueProblem(expected: expected))
            }
            return .success(number)
        }
        guard let format else { return FormatVersion.unstated }
        if format.value > FormatVersion.current { throw .newerFormat(format.location, found: format.value) }
        return format.value
    }

    /// One declared relation: `{ left: key, is: equal | at-most | at-least, right: key }`.
    private func readRelation(_ node: Node, path: String, findings: inout [Finding]) -> Relation? {
        guard var mapping = YAMLMapping(node, path: path, file: file, findings: &findings) else { return nil }
        defer { mapping.reportUnknownKeys(findings: &findings) }
        let left = mapping.string("left", findings: &findings)
        let kinds = Relation.Kind.allCases.map(\.rawValue)
        let kind = mapping.value("is", findings: &findings) { text in
            Relation.Kind(rawValue: text).map { .success($0) }
                ?? .failure(
                    ValueProblem(
                        expected:
                            "a relation\(Suggestion.hint(for: text, among: kinds)): \(ListFormat.and(kinds).replacingOccurrences(of: " and ", with: " or "))"
                    ))
        }
        let right = mapping.string("right", findings: &findings)
        guard let left, let kind, let right else { return nil }
        return Relation(left: left, kind: kind.value, right: right)
    }

    /// One appendix: its kind and, optionally, its title.
    private func readAppendix(_ node: Node, path: String, findings: inout [Finding]) -> AppendixSpec? {
        guard var mapping = YAMLMapping(node, path: path, file: file, findings: &findings) else { return nil }
        defer { mapping.reportUnknownKeys(findings: &findings) }
        let kind = mapping.value("kind", findings: &findings) { appendixKind($0, among: AppendixKind.allCases) }
        let title = mapping.string("title", required: false, findings: &findings)
        return kind.map { AppendixSpec(kind: $0.value, title: title?.value ?? $0.value.defaultTitle) }
    }

    /// The appendix kind a manifest names, with a did-you-mean among those it may name.
    private func appendixKind(_ text: String, among allowed: [AppendixKind]) -> Result<AppendixKind, ValueProblem> {
        let names = allowed.map(\.rawValue)
        guard let kind = AppendixKind(rawValue: text), allowed.contains(kind) else {
            return .failure(
                ValueProblem(
                    expected:
                        "an appendix kind\(Suggestion.hint(for: text, among: names)): \(ListFormat.and(names).replacingOccurrences(of: " and ", with: " or "))"
                ))
        }
        return .success(kind)
    }

    /// The comment lines the file opens with, their `#` and one space taken off; nil when it
    /// opens with something else.
    static func headerComment(of text: String) -> String? {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\r", with: "")
            guard trimmed.hasPrefix("#") else { break }
            let body = trimmed.dropFirst()
            lines.append(String(body.hasPrefix(" ") ? body.dropFirst() : body))
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// Areas in reading order, with their keys' first locations for spotting duplicates.
    private struct AreaList {
        var areas: [Area] = []
        var firstLocation: [String: SourceLocation] = [:]
    }

    private func syntaxFinding(_ error: Error) -> Finding {
        var location = SourceLocation(file: file)
        var problem = String(describing: error)
        if let yamlError = error as? YamlError {
            // YAMLShape has met every syntax error first; what is left to Yams is rarer.
            switch yamlError {
            case .scanner(_, let text, let mark, _), .parser(_, let text, let mark, _),
                .composer(_, let text, let mark, _):
                location = SourceLocation(file: file, line: mark.line, column: mark.column)
                problem = text
            case .duplicatedKeysInMapping(let duplicates, let context):
                location = SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
                problem = "a key is given twice in one mapping (\(duplicates.joined(separator: ", ")))"
            default: break
            }
        }
        return Finding(
            rule: IngestRule.manifestSyntax.id, severity: .error,
            message: "the manifest is not well-formed YAML: \(problem)", location: location,
            expected: "well-formed YAML", actual: problem)
    }

    private func readPartnership(_ top: inout YAMLMapping, findings: inout [Finding]) -> Partnership? {
        guard var mapping = top.mapping("partnership", findings: &findings) else { return nil }
        defer { mapping.reportUnknownKeys(findings: &findings) }
        let name = mapping.string("name", findings: &findings)
        let shortName = mapping.string("short_name", required: false, findings: &findings)
        return name.map { Partnership(name: $0.value, shortName: shortName?.value) }
    }

    private func readPeriod(_ top: inout YAMLMapping, findings: inout [Finding]) -> ReportingPeriod? {
        guard var mapping = top.mapping("period", findings: &findings) else { return nil }
        defer { mapping.reportUnknownKeys(findings: &findings) }
        let label = mapping.string("label", findings: &findings)
        let start = mapping.value("start", findings: &findings, DateReader.date)
        let end = mapping.value("end", findings: &findings, DateReader.date)
        guard let label, let start, let end else { return nil }
        guard let period = Period(start: start.value, end: end.value) else {
            findings.append(
                Finding(
                    rule: IngestRule.manifestInvalid.id, severity: .error,
                    message: "the period ends (\(end.value)) before it starts (\(start.value))",
                    location: end.location, expected: "an end on or after \(start.value)",
                    actual: end.value.description))
            return nil
        }
        return ReportingPeriod(period: period, label: label.value)
    }

    private func readPublication(_ top: inout YAMLMapping, findings: inout [Finding]) -> Publication? {
        guard var mapping = top.mapping("publication", findings: &findings) else { return nil }
        defer { mapping.reportUnknownKeys(findings: &findings) }
        let title = mapping.string("title", findings: &findings)
        let date = mapping.value("date", required: false, findings: &findings, DateReader.date)
        let publisher = mapping.string("publisher", required: false, findings: &findings)
        let formats = OutputFormat.allCases.map(\.rawValue)
        var outputs: Set<OutputFormat> = [.html, .xhtml]
        for node in mapping.list("outputs", required: false, findings: &findings) {
            let location = YAMLMapping.location(of: node, file: file)
            guard case .scalar(let scalar) = node, let format = OutputFormat(rawValue: scalar.string.lowercased())
            else {
                let text = node.scalar?.string ?? YAMLMapping.describe(node)
                findings.append(
                    Finding(
                        rule: IngestRule.manifestInvalid.id, severity: .error,
                        message:
                            "unknown output '\(text)'\(Suggestion.hint(for: text, among: formats)) in 'publication.outputs': expected \(ListFormat.and(formats))",
                        location: location, expected: formats.joined(separator: ", "), actual: text))
                continue
            }
            outputs.insert(format)
        }
        let sizes = PageSize.allCases.map(\.rawValue)
        let pageSize = mapping.value("page_size", required: false, findings: &findings) { text in
            PageSize.allCases.first { $0.rawValue.lowercased() == text.lowercased() }.map { .success($0) }
                ?? .failure(ValueProblem(expected: ListFormat.and(sizes)))
        }
        let licence = mapping.string("licence", required: false, findings: &findings)
        return title.map {
            Publication(
                title: $0.value, date: date?.value, publisher: publisher?.value, outputs: outputs,
                pageSize: pageSize?.value ?? .a4, licence: licence?.value)
        }
    }

    /// Reads an area and, depth first, the areas it contains, so parents come before children.
    private func readArea(
        _ node: Node, parent: String?, path: String, into areas: inout AreaList, findings: inout [Finding]
    ) {
        guard var mapping = YAMLMapping(node, path: path, file: file, findings: &findings) else { return }
        let key = mapping.string("key", findings: &findings)
        let name = mapping.string("name", findings: &findings)
        let level = mapping.string("level", findings: &findings)
        let children = mapping.list("areas", required: false, findings: &findings)
        mapping.reportUnknownKeys(findings: &findings)
        guard let key, let name, let level else { return }
        if let first = areas.firstLocation[key.value] {
            findings.append(
                Finding(
                    rule: IngestRule.duplicateKey.id, severity: .error,
                    message:
                        "the area key '\(key.value)' is used twice: expected unique area keys (first at line \(first.line ?? 0))",
                    location: key.location, expected: "a unique key", actual: key.value))
            return
        }
        areas.firstLocation[key.value] = key.location
        areas.areas.append(
            Area(key: key.value, name: name.value, level: level.value, parent: parent, location: key.location))
        for (index, child) in children.enumerated() {
            readArea(child, parent: key.value, path: "\(path).areas[\(index)]", into: &areas, findings: &findings)
        }
    }

    private func readDataset(_ node: Node, path: String, findings: inout [Finding]) -> DatasetSpec? {
        guard var mapping = YAMLMapping(node, path: path, file: file, findings: &findings) else { return nil }
        defer { mapping.reportUnknownKeys(findings: &findings) }
        let id = mapping.string("id", findings: &findings)
        let schema = mapping.string("schema", findings: &findings)
        let datasetFile = mapping.string("file", findings: &findings)
        let title = mapping.string("title", findings: &findings)
        let period = mapping.value("period", required: false, findings: &findings, DateReader.period)
        let note = mapping.string("period_note", required: false, findings: &findings)
        let section = mapping.string("section", required: false, findings: &findings)
        let source = mapping.string("source", required: false, findings: &findings)
        let yesOrNo: (String) -> Result<Bool, ValueProblem> = { text in
            switch text.lowercased() {
            case "true", "yes": .success(true)
            case "false", "no": .success(false)
            default: .failure(ValueProblem(expected: "true or false"))
            }
        }
        let dataOnly = mapping.value("data_only", required: false, findings: &findings, yesOrNo)
        let periodsAddUp = mapping.value("periods_add_up", required: false, findings: &findings, yesOrNo)
        let sheet = mapping.string("sheet", required: false, findings: &findings)
        let headerRow = mapping.value("header_row", required: false, findings: &findings) { text in
            Int(text).flatMap { $0 >= 1 ? Result.success($0) : nil }
                ?? .failure(ValueProblem(expected: "the number of the row the header is on, from 1"))
        }
        let ignored = mapping.list("ignore_columns", required: false, findings: &findings).compactMap {
            $0.scalar?.string
        }
        let layout = mapping.value("layout", required: false, findings: &findings) { text in
            ["long", "wide"].contains(text.lowercased())
                ? Result.success(text.lowercased() == "wide") : .failure(ValueProblem(expected: "long or wide"))
        }
        let unit = mapping.value("unit", required: false, findings: &findings) { text in
            MeasureUnit(rawValue: text).map { .success($0) }
                ?? .failure(ValueProblem(expected: MeasureUnit.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        let labels = readLabels(&mapping, findings: &findings)
        let exemption = DisclosurePolicyReader(file: file).readExemption(&mapping, findings: &findings)
        // The appendices the report writes itself (coverage, data quality) show no dataset.
        let appendix = mapping.value("appendix", required: false, findings: &findings) {
            appendixKind($0, among: AppendixKind.allCases.filter(\.showsDatasets))
        }
        guard let id, let schema, let datasetFile, let title, checkedId(id, findings: &findings) else { return nil }
        if let section, let appendix {
            findings.append(
                Finding(
                    rule: IngestRule.manifestInvalid.id, severity: .error,
                    message:
                        "the dataset \(id.value) names both a section (\(section.value)) and an appendix (\(appendix.value.rawValue)): expected one place to show it",
                    location: appendix.location, expected: "section or appendix", actual: "both"))
        }
        guard kinds.kind(named: schema.value) != nil else {
            let names = kinds.schemas.map(\.name)
            findings.append(
                Finding(
                    rule: IngestRule.manifestInvalid.id, severity: .error,
                    message:
                        "unknown schema '\(schema.value)'\(Suggestion.hint(for: schema.value, among: names)): expected one of \(names.joined(separator: ", "))",
                    location: schema.location, expected: names.joined(separator: ", "), actual: schema.value))
            return nil
        }
        guard let relative = checkedPath(datasetFile, findings: &findings) else { return nil }
        var spec = DatasetSpec(
            id: id.value, schema: schema.value, file: relative, title: title.value,
            period: period?.value, periodNote: note?.value, section: section, source: source?.value,
            sheet: sheet?.value, dataOnly: dataOnly?.value ?? false, unit: unit?.value, labels: labels,
            appendix: appendix?.value, location: id.location)
        spec.periodsAddUp = periodsAddUp?.value ?? false
        spec.disclosureExemption = exemption
        spec.layout = TableLayout(headerRow: headerRow?.value, ignoredColumns: ignored, wide: layout?.value ?? false)
        return spec
    }

    /// The words a dataset's table is shown with: `labels: {part: Heading, value: Spent}`.
    private func readLabels(_ mapping: inout YAMLMapping, findings: inout [Finding]) -> [String: String] {
        guard var labels = mapping.mapping("labels", required: false, findings: &findings) else { return [:] }
        defer { labels.reportUnknownKeys(findings: &findings) }
        var words: [String: String] = [:]
        for key in DatasetSpec.labelKeys {
            if let text = labels.string(key, required: false, findings: &findings) { words[key] = text.value }
        }
        return words
    }

    private func readSection(_ node: Node, path: String, findings: inout [Finding]) -> SectionSpec? {
        guard var mapping = YAMLMapping(node, path: path, file: file, findings: &findings) else { return nil }
        defer { mapping.reportUnknownKeys(findings: &findings) }
        let id = mapping.string("id", findings: &findings)
        let title = mapping.string("title", findings: &findings)
        let sectionFile = mapping.string("file", findings: &findings)
        let covers = mapping.list("covers", required: false, findings: &findings).compactMap { node in
            readItemId(node, path: "\(path).covers", findings: &findings)
        }
        guard let id, let title, let sectionFile, checkedId(id, findings: &findings),
            let relative = checkedPath(sectionFile, findings: &findings)
        else { return nil }
        return SectionSpec(id: id.value, title: title.value, file: relative, covers: covers, location: id.location)
    }

    /// One id of a `covers:` list: text, such as `feedback`.
    private func readItemId(_ node: Node, path: String, findings: inout [Finding]) -> Located<String>? {
        let location = YAMLMapping.location(of: node, file: file)
        guard case .scalar(let scalar) = node, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
            findings.append(
                Finding(
                    rule: IngestRule.manifestInvalid.id, severity: .error,
                    message: "'\(path)' should list item ids, such as impact or feedback",
                    location: location, expected: "an item id", actual: YAMLMapping.describe(node)))
            return nil
        }
        return Located(scalar.string.trimmingCharacters(in: .whitespaces), at: location)
    }

    /// Dataset and section ids name files and anchors in the output, so they are kept to
    /// lower-case letters, digits, hyphens and underscores.
    private func checkedId(_ id: Located<String>, findings: inout [Finding]) -> Bool {
        let valid =
            id.value.count <= 64
            && id.value.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
        if !valid {
            findings.append(
                Finding(
                    rule: IngestRule.manifestInvalid.id, severity: .error,
                    message:
                        "the id '\(id.value)' may hold only lower-case letters, digits, - and _ (at most 64): it names files and links in the report",
                    location: id.location, expected: "an id such as budget or cdop-age-bands", actual: id.value))
        }
        return valid
    }

    /// A path inside the edition folder. Absolute paths and `..` are refused, so a manifest
    /// cannot make the tool read files outside its edition.
    private func checkedPath(_ path: Located<String>, findings: inout [Finding]) -> String? {
        let parts = path.value.split(separator: "/")
        guard !path.value.hasPrefix("/"), !parts.contains(".."), !parts.isEmpty else {
            findings.append(
                Finding(
                    rule: IngestRule.manifestInvalid.id, severity: .error,
                    message:
                        "the path '\(path.value)' leaves the edition folder: expected a path inside it, such as data/budget.csv",
                    location: path.location, expected: "a relative path inside the edition", actual: path.value))
            return nil
        }
        return path.value
    }
}
