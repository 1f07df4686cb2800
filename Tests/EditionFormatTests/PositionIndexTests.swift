import ReportModel
import Testing

@testable import EditionFormat

@Suite("PositionIndex: positions found by key, against a dictionary")
struct PositionIndexTests {
    /// Random keys drawn from a small pool, so many repeat, with the hashes given by `hash`.
    @Test(
        "the first position inserted with each key is found, repeats are reported, unknown keys are not found",
        arguments: [
            ("Hasher", 0), ("two hashes only (every probe collides)", 1), ("one hash, negative", 2),
            ("Hasher, reserved", 3),
        ])
    func againstDictionary(name: String, variant: Int) {
        var generator = SplitMix(seed: UInt64(40 + variant))
        let keys = (0..<5_000).map { _ in
            FigureKey(area: "area-\(generator.next() % 60)", measure: "measure_\(generator.next() % 40)")
        }
        func hash(_ key: FigureKey) -> Int {
            switch variant {
            case 1: key.area.count % 2
            case 2: -7
            default: key.hashValue
            }
        }
        var index = PositionIndex(capacity: variant == 3 ? keys.count : 0)
        var first: [FigureKey: Int] = [:]
        for (position, key) in keys.enumerated() {
            let earlier = index.insert(position, hash: hash(key)) { keys[$0] == key }
            #expect(earlier == first[key], "\(name): insert \(key)")
            if first[key] == nil { first[key] = position }
        }
        #expect(index.count == first.count)
        for (key, position) in first {
            #expect(index.position(hash: hash(key)) { keys[$0] == key } == position)
        }
        let unknown = FigureKey(area: "area-x", measure: "measure_0")
        #expect(index.position(hash: hash(unknown)) { keys[$0] == unknown } == nil)
    }

    @Test("an edition finds each figure by area and measure, the first of a repeated key, as a dictionary would")
    func editionLookups() throws {
        var generator = SplitMix(seed: 7)
        let location = SourceLocation(file: "ed/figures.csv", line: 2, column: 1)
        let figures = (0..<3_000).map { row in
            Figure(
                dataset: "figures", area: Located("area-\(generator.next() % 50)", at: location),
                measure: Located("a-rather-long-measure-key-\(generator.next() % 30)", at: location),
                value: Located(.count(row), at: location), statedPercentage: nil, percentOf: nil, period: nil,
                source: nil, location: location)
        }
        var edition = try #require(
            try EditionReader(files: MemoryFileSource(SyntheticEdition.files)).read(folder: SyntheticEdition.folder)
                .edition)
        edition.figures = figures
        var first: [FigureKey: Int] = [:]
        var repeats: [Int] = []
        for (position, figure) in figures.enumerated() {
            if first[FigureKey(figure)] == nil { first[FigureKey(figure)] = position } else { repeats.append(position) }
        }
        #expect(edition.repeatedFigurePositions == repeats)
        for (key, position) in first {
            #expect(edition.firstPosition(of: key) == position)
            #expect(edition.figure(area: key.area, measure: key.measure)?.value.value == .count(position))
        }
        #expect(edition.firstPosition(of: FigureKey(area: "area-1", measure: "nothing")) == nil)
    }
}
