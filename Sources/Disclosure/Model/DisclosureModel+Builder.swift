import ReportModel

extension DisclosureModel {
    /// Finds the equations a figure's value is in, from the edition's structure: breakdowns
    /// of a headline, the area hierarchy for additive measures, periods that add up to a year,
    /// and the manifest's declared relations.
    struct Builder {
        let edition: Edition
        let policy: DisclosurePolicy
        let protected: Set<String>
        let partsOf: [String: [Measure]]
        let children: [String: [String]]
        let relations: [Relation]

        /// An equation as figure positions, before they are cells.
        struct Found {
            var kind: String
            var layer: CellLayer
            var terms: [(position: Int, coefficient: Int)]
            var isEquality: Bool
        }

        /// Every position of a figure stated more than once for one period (in two datasets,
        /// say), by its first position: the copies are one cell.
        let copies: [Int: [Int]]

        init(edition: Edition, policy: DisclosurePolicy) {
            self.edition = edition
            self.policy = policy
            protected = Set(policy.datasets.map(\.value))
            var copies: [Int: [Int]] = [:]
            for position in edition.repeatedFigurePositions {
                let figure = edition.figures[position]
                let key = FigureKey(
                    area: figure.areaKey, measure: figure.measureKey, period: edition.period(of: figure))
                guard let first = edition.firstPosition(of: key), first != position else { continue }
                copies[first, default: [first]].append(position)
            }
            self.copies = copies
            partsOf = Dictionary(grouping: edition.measures.filter { $0.partOf != nil }) { $0.partOf?.value ?? "" }
            children = Dictionary(grouping: edition.manifest.areas.filter { $0.parent != nil }) { $0.parent ?? "" }
                .mapValues { $0.map(\.key) }
            relations = edition.manifest.relations
        }

        /// True when the figure, or a copy of it, is in a protected dataset.
        func isProtected(_ position: Int) -> Bool {
            (copies[position] ?? [position]).contains { protected.contains(edition.figures[$0].dataset) }
        }

        /// The first position of the figure's key and period: the one cell its copies share.
        func canonical(_ position: Int) -> Int {
            let figure = edition.figures[position]
            let key = FigureKey(area: figure.areaKey, measure: figure.measureKey, period: edition.period(of: figure))
            return edition.firstPosition(of: key) ?? position
        }

        /// True when the figure's measure counts things: only counts are protected.
        func isCount(_ position: Int) -> Bool {
            edition.measure(edition.figures[position].measureKey)?.unit == .count
        }

        /// The figure's value in a layer; nil when last year's is not given.
        func value(_ position: Int, _ layer: CellLayer) -> Quantity? {
            let figure = edition.figures[position]
            return layer == .current ? figure.quantity : figure.previous?.value
        }

        func sortKey(_ position: Int, _ layer: CellLayer) -> String {
            let figure = edition.figures[position]
            return [
                figure.dataset, figure.areaKey, figure.measureKey,
                PeriodSpelling.spelling(of: edition.period(of: figure)), String(layer.rawValue),
            ].joined(separator: "\u{0}")
        }

        /// The position of the figure for an area and measure in exactly this period, with a
        /// value in the layer.
        private func position(_ area: String, _ measure: String, _ period: Period, _ layer: CellLayer) -> Int? {
            guard let found = edition.firstPosition(of: FigureKey(area: area, measure: measure, period: period)),
                edition.measure(measure)?.unit == .count, value(found, layer) != nil
            else { return nil }
            return found
        }

        /// Every equation the figure at `position` is in, in `layer`, but those `done` already
        /// names: a parent of a thousand areas is one equation, found once, not once a child.
        func equations(of position: Int, _ layer: CellLayer, done: inout Set<String>) -> [Found] {
            let figure = edition.figures[position]
            let period = edition.period(of: figure)
            let area = figure.areaKey
            var found: [Found] = []
            // Breakdowns: as the headline, and as a part of one.
            let when = "\(period)\u{0}\(layer.rawValue)"
            func once(_ key: String) -> Bool { done.insert(key + "\u{0}" + when).inserted }
            if once("breakdown\u{0}\(figure.measureKey)\u{0}\(area)") {
                found += breakdowns(headline: figure.measureKey, area: area, period: period, layer)
            }
            if let headline = edition.measure(figure.measureKey)?.partOf?.value,
                once("breakdown\u{0}\(headline)\u{0}\(area)")
            {
                found += breakdowns(headline: headline, area: area, period: period, layer)
            }
            // The area hierarchy, for measures that add up across areas.
            if edition.measure(figure.measureKey)?.additive == true {
                if once("areas\u{0}\(figure.measureKey)\u{0}\(area)") {
                    found += hierarchy(parent: area, measure: figure.measureKey, period: period, layer)
                }
                if let parent = edition.area(area)?.parent, once("areas\u{0}\(figure.measureKey)\u{0}\(parent)") {
                    found += hierarchy(parent: parent, measure: figure.measureKey, period: period, layer)
                }
            }
            if edition.dataset(figure.dataset)?.periodsAddUp == true,
                done.insert("periods\u{0}\(figure.dataset)\u{0}\(figure.key)\u{0}\(layer.rawValue)").inserted
            {
                found += periods(area: area, measure: figure.measureKey, dataset: figure.dataset, layer)
            }
            found += declaredRelations(of: position, layer)
            return found
        }

        private func breakdowns(headline: String, area: String, period: Period, _ layer: CellLayer) -> [Found] {
            guard let total = position(area, headline, period, layer), let parts = partsOf[headline] else { return [] }
            let groups = Dictionary(grouping: parts) { $0.breakdownName ?? "" }
            return groups.keys.sorted().compactMap { name in
                let members = groups[name] ?? []
                let present = members.compactMap { position(area, $0.key, period, layer) }
                guard !present.isEmpty else { return nil }
                let complete = present.count == members.count && !members.contains(where: \.breakdownIsIncomplete)
                return sum(kind: "breakdown", total: total, parts: present, complete: complete, layer)
            }
        }

        private func hierarchy(parent: String, measure: String, period: Period, _ layer: CellLayer) -> [Found] {
            guard let total = position(parent, measure, period, layer), let inner = children[parent] else { return [] }
            let present = inner.compactMap { position($0, measure, period, layer) }
            guard !present.isEmpty else { return [] }
            return [sum(kind: "areas", total: total, parts: present, complete: present.count == inner.count, layer)]
        }

        private func periods(area: String, measure: String, dataset: String, _ layer: CellLayer) -> [Found] {
            guard let series = edition.series(area: area, measure: measure) else { return [] }
            let own = series.filter { $0.dataset == dataset }
            var found: [Found] = []
            for whole in own {
                let span = edition.period(of: whole)
                guard let total = position(area, measure, span, layer) else { continue }
                let inside = own.filter {
                    let period = edition.period(of: $0)
                    return period != span && span.contains(period)
                }
                let shapes = Dictionary(grouping: inside) { edition.period(of: $0).wholeMonths ?? 0 }
                for length in shapes.keys.sorted() where length > 0 {
                    let members = shapes[length] ?? []
                    let present = members.compactMap { position(area, measure, edition.period(of: $0), layer) }
                    guard !present.isEmpty else { continue }
                    let complete = present.count * length == span.wholeMonths
                    found.append(sum(kind: "periods", total: total, parts: present, complete: complete, layer))
                }
            }
            return found
        }

        private func declaredRelations(of position: Int, _ layer: CellLayer) -> [Found] {
            let key = edition.figures[position].key
            return relations.compactMap { relation in
                guard relation.left.value == key || relation.right.value == key,
                    let left = figurePosition(relation.left.value, layer),
                    let right = figurePosition(relation.right.value, layer)
                else { return nil }
                switch relation.kind {
                case .equal:
                    return Found(kind: "relation", layer: layer, terms: [(left, 1), (right, -1)], isEquality: true)
                case .atMost:
                    return Found(kind: "relation", layer: layer, terms: [(left, 1), (right, -1)], isEquality: false)
                case .atLeast:
                    return Found(kind: "relation", layer: layer, terms: [(right, 1), (left, -1)], isEquality: false)
                }
            }
        }

        private func figurePosition(_ key: String, _ layer: CellLayer) -> Int? {
            guard let figure = edition.figure(key) else { return nil }
            return position(figure.areaKey, figure.measureKey, edition.period(of: figure), layer)
        }

        /// `total - sum(parts) == 0` when the parts are all published, else `sum(parts) - total <= 0`.
        private func sum(kind: String, total: Int, parts: [Int], complete: Bool, _ layer: CellLayer) -> Found {
            complete
                ? Found(kind: kind, layer: layer, terms: [(total, 1)] + parts.map { ($0, -1) }, isEquality: true)
                : Found(kind: kind, layer: layer, terms: [(total, -1)] + parts.map { ($0, 1) }, isEquality: false)
        }
    }
}
