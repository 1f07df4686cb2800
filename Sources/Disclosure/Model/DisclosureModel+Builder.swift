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
        /// The periods each dataset whose periods add up states for an area and measure, by
        /// dataset, area and measure: its own rows, the year it restates included, even when
        /// another dataset states that year first (the attack reads each dataset's rows).
        let statedPeriods: [String: [Period]]

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
            var stated: [String: [Period]] = [:]
            var seen: Set<String> = []
            for figure in edition.figures where edition.dataset(figure.dataset)?.periodsAddUp == true {
                let period = edition.period(of: figure)
                let key = Builder.seriesKey(figure.dataset, figure.areaKey, figure.measureKey)
                if seen.insert(key + "\u{0}" + PeriodSpelling.spelling(of: period)).inserted {
                    stated[key, default: []].append(period)
                }
            }
            statedPeriods = stated
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

        static func seriesKey(_ dataset: String, _ area: String, _ measure: String) -> String {
            [dataset, area, measure].joined(separator: "\u{0}")
        }

        /// The figure's value in a layer; nil when last year's is not given. Last year's value
        /// may be given by a copy only (a quarters table restating the year with its previous
        /// column): it is published all the same.
        func value(_ position: Int, _ layer: CellLayer) -> Quantity? {
            let figure = edition.figures[position]
            guard layer == .previous else { return figure.quantity }
            if let previous = figure.previous?.value { return previous }
            return (copies[position] ?? []).lazy.compactMap { edition.figures[$0].previous?.value }.first
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
            // Periods adding up, in each dataset that states the figure (a year total stated
            // first elsewhere is still the total of the quarters a dataset adds up to it).
            var datasets: [String] = []
            for copy in copies[position] ?? [position] where !datasets.contains(edition.figures[copy].dataset) {
                datasets.append(edition.figures[copy].dataset)
            }
            for dataset in datasets where edition.dataset(dataset)?.periodsAddUp == true {
                if done.insert("periods\u{0}\(dataset)\u{0}\(area)\u{0}\(figure.measureKey)\u{0}\(layer.rawValue)")
                    .inserted
                {
                    found += periods(area: area, measure: figure.measureKey, dataset: dataset, layer)
                }
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

        /// Each period the dataset states for the area and measure as the sum of the shorter
        /// periods inside it, one equation a length (quarters, months); a part not stated is
        /// unknown, so the equation is then an inequality.
        private func periods(area: String, measure: String, dataset: String, _ layer: CellLayer) -> [Found] {
            let stated = statedPeriods[Builder.seriesKey(dataset, area, measure)] ?? []
            guard stated.count > 1 else { return [] }
            var found: [Found] = []
            for span in stated {
                guard let total = position(area, measure, span, layer) else { continue }
                let inside = stated.filter { $0 != span && span.contains($0) }
                let shapes = Dictionary(grouping: inside) { $0.wholeMonths ?? 0 }
                for length in shapes.keys.sorted() where length > 0 {
                    let present = (shapes[length] ?? []).compactMap { position(area, measure, $0, layer) }
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
