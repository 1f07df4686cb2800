import Foundation

/// Writes a synthetic edition of about `rows` figure rows: clearly labelled as invented, the
/// same every time (a fixed-seed generator), shaped like the national comparator tables an
/// edition may carry (many areas in regions, many indicators), with totals and stated
/// percentages that agree, so validation does its full work and finds nothing.
struct SyntheticEdition {
    let rows: Int
    /// Square editions have as many indicators as areas (1,000 x 1,000 at 10^6 rows), the shape
    /// that once made `build` superlinear; otherwise at most 100 indicators per area.
    var square = false

    /// Indicators per area: fewer for the smallest size so it still has areas to sum.
    var measures: Int {
        square ? max(10, Int(Double(rows).squareRoot().rounded())) : min(100, max(10, rows / 100))
    }
    let regions = 10
    /// Leaf areas, so that leaves, regions and the whole add up to about `rows` rows.
    var leaves: Int { max(regions, rows / measures - regions - 1) }

    func write(to folder: URL) throws {
        let manager = FileManager.default
        try? manager.removeItem(at: folder)
        try manager.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try manager.createDirectory(at: folder.appendingPathComponent("narrative"), withIntermediateDirectories: true)
        try write(manifest(), folder, "edition.yaml")
        try write(measuresCSV(), folder, "data/measures.csv")
        let (national, headline) = figures()
        try write(national, folder, "data/national.csv")
        try write(headline, folder, "data/headline.csv")
        try write(
            "agency,parent,amount,stated_percent,row\nCouncil,,£600,60%,part\nPolice,,£400,40%,part\nTotal,,\"£1,000\",,total\n",
            folder, "data/budget.csv")
        try write("abbreviation,expansion\nSYN,Synthetic (invented) benchmark data\n", folder, "data/glossary.csv")
        try write(narrative(), folder, "narrative/summary.md")
    }

    private func write(_ text: String, _ folder: URL, _ path: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(path))
    }

    private func manifest() -> String {
        var lines = [
            "# SYNTHETIC benchmark edition: every figure is invented by annual-report-bench.",
            "partnership: { name: Synthetic Benchmark Partnership (invented data), short_name: SYN }",
            "period: { label: 2030/31, start: 2030-04-01, end: 2031-03-31 }",
            "publication: { title: Synthetic benchmark report of \(rows) rows (invented data) }",
            "areas:", "  - key: whole", "    name: Whole (synthetic)", "    level: nation", "    areas:",
        ]
        for region in 0..<regions {
            lines += [
                "      - key: region-\(region)", "        name: Region \(region)", "        level: region",
                "        areas:",
            ]
            for leaf in leavesOf(region) {
                lines.append("          - { key: area-\(leaf), name: Area \(leaf), level: area }")
            }
        }
        lines += [
            "datasets:",
            "  - { id: measures, schema: measures, file: data/measures.csv, title: Indicators }",
            "  - { id: national, schema: figures, file: data/national.csv, title: National comparators (synthetic) }",
            "  - { id: headline, schema: figures, file: data/headline.csv, title: Headline figures (synthetic), section: summary }",
            "  - { id: budget, schema: budget, file: data/budget.csv, title: Budget (synthetic) }",
            "  - { id: glossary, schema: glossary, file: data/glossary.csv, title: Abbreviations }",
            "sections:",
            "  - { id: summary, title: Summary, file: narrative/summary.md }",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private func leavesOf(_ region: Int) -> StrideTo<Int> {
        stride(from: region, to: leaves, by: regions)
    }

    private func measuresCSV() -> String {
        var lines = [
            "measure,label,unit,additive,part_of,description", "contacts,Contacts,count,yes,,",
            "referrals,Referrals,count,yes,,",
        ]
        for index in 2..<measures { lines.append("indicator_\(index),Indicator \(index),count,yes,,") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every leaf's figures from a fixed-seed generator; regions and the whole are their sums,
    /// referrals carry a correctly rounded stated percentage of contacts.
    private func figures() -> (national: String, headline: String) {
        var random = SplitMix(seed: 20_301)
        var values = [[Int]](repeating: [], count: leaves)
        for leaf in 0..<leaves {
            let contacts = 100 + Int(random.next() % 5_000)
            let referrals = contacts * (10 + Int(random.next() % 30)) / 100
            values[leaf] = [contacts, referrals] + (2..<measures).map { _ in Int(random.next() % 10_000) }
        }
        var lines = ["area,measure,value,stated_percent,percent_of,period,source"]
        lines.reserveCapacity(rows + 1)
        func emit(_ area: String, _ row: [Int], into lines: inout [String]) {
            for (index, value) in row.enumerated() {
                let measure = index == 0 ? "contacts" : index == 1 ? "referrals" : "indicator_\(index)"
                let stated = index == 1 ? "\(percent(value, of: row[0]))%,contacts" : ","
                lines.append("\(area),\(measure),\(value),\(stated),,")
            }
        }
        var whole = [Int](repeating: 0, count: measures)
        for region in 0..<regions {
            var sum = [Int](repeating: 0, count: measures)
            for leaf in leavesOf(region) {
                emit("area-\(leaf)", values[leaf], into: &lines)
                for index in 0..<measures { sum[index] += values[leaf][index] }
            }
            emit("region-\(region)", sum, into: &lines)
            for index in 0..<measures { whole[index] += sum[index] }
        }
        emit("whole", whole, into: &lines)
        var headline = ["area,measure,value,stated_percent,percent_of,period,source"]
        emit("whole", Array(whole.prefix(10)), into: &headline)
        return (lines.joined(separator: "\n") + "\n", headline.joined(separator: "\n") + "\n")
    }

    /// 100 × part ÷ whole to one decimal place, rounded half up, in integers.
    private func percent(_ part: Int, of whole: Int) -> String {
        let tenths = (2_000 * part / whole + 1) / 2
        return "\(tenths / 10).\(tenths % 10)"
    }

    private func narrative() -> String {
        """
        This is a synthetic edition made by the benchmark; every figure is invented. In total
        the SYN areas received {{= whole/contacts }} contacts, of which {{= whole/referrals }}
        ({{= whole/referrals.percent }}) became referrals, a rate of
        {{= rate(whole/referrals, whole/contacts) }}.

        ## What the benchmark measures

        - reading every CSV file, exactly, with every value located;
        - every validation rule over every figure;
        - rendering both serialisations and proving the XHTML with libxml2.

        """
    }
}

/// A small fixed-seed generator (SplitMix64), so every run writes the same edition.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
