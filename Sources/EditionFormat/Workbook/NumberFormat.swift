/// What a cell's number format says about how the analyst sees its number: a percentage with
/// so many decimals, a date (with or without its day), or a plain number.
enum NumberFormat: Equatable {
    case plain
    case percent(decimals: Int)
    /// A date; `hasDay` is false for a month format such as `mmm-yy`.
    case date(hasDay: Bool)

    /// The format of a built-in format id (ECMA-376 Part 1, 18.8.30), or nil for a custom one.
    static func builtIn(_ id: Int) -> NumberFormat? {
        switch id {
        case 9: .percent(decimals: 0)
        case 10: .percent(decimals: 2)
        case 14, 15, 16, 22, 27...31, 34...36, 50...58: .date(hasDay: true)
        case 17: .date(hasDay: false)
        case 0...8, 11...13, 18...21, 37...49: .plain
        default: nil
        }
    }

    /// Classifies a format code such as `0.0%`, `dd/mm/yyyy`, `[$£-809]#,##0`, `mmm-yy`.
    init(code: String) {
        // Only the first section (positive numbers) matters; quoted text, escaped characters,
        // bracketed locales and colours, and padding say nothing about the kind.
        var kept: [Character] = []
        var inQuotes = false
        var inBrackets = false
        var skipNext = false
        for character in code {
            if skipNext {
                skipNext = false
                continue
            }
            switch character {
            case "\"": inQuotes.toggle()
            case _ where inQuotes: continue
            case "[": inBrackets = true
            case "]": inBrackets = false
            case _ where inBrackets: continue
            case "\\", "_", "*": skipNext = true
            case ";": break
            default: kept.append(Character(character.lowercased()))
            }
            if character == ";", !inQuotes { break }
        }
        let section = String(kept)
        if section.contains("%") {
            let afterPoint = section.split(separator: ".", maxSplits: 1).dropFirst().first ?? ""
            self = .percent(decimals: afterPoint.prefix { $0 == "0" || $0 == "#" || $0 == "?" }.count)
        } else if section.contains("d") || section.contains("y")
            || (section.contains("m") && !section.contains("h") && !section.contains("s"))
        {
            self = section == "general" ? .plain : .date(hasDay: section.contains("d"))
        } else {
            self = .plain
        }
    }
}
