import ReportModel

/// Keys and names that are not what they look like: an invisible character (a zero-width space,
/// a soft hyphen, a bidirectional control) or a letter from another script that looks like a
/// Latin one (the Cyrillic `о` in `Nоrth`). A key spelled so never matches the key it looks
/// like, and a name so spelled shows one thing and says another; each is warned of where the key
/// or name is read, with the character named.
enum LookalikeText {
    /// The writing systems whose letters are easily taken for each other's.
    enum Script: String {
        case latin = "Latin"
        case greek = "Greek"
        case cyrillic = "Cyrillic"
        case armenian = "Armenian"
        case cherokee = "Cherokee"
        case fullwidth = "full-width Latin"
    }

    /// What is wrong with a key or name.
    enum Problem: Equatable {
        /// An invisible character, at its offset (in Unicode scalars from 0).
        case invisible(Unicode.Scalar, offset: Int)
        /// A letter of `script` in a word of `expected` letters.
        case mixedScripts(Unicode.Scalar, offset: Int, script: Script, expected: Script)
    }

    /// The first problem in `text`, or nil for a plain key or name.
    static func first(in text: String) -> Problem? {
        // Nearly every key and name is ASCII, which holds neither.
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        let scalars = Array(text.unicodeScalars)
        if let offset = scalars.firstIndex(where: isInvisible) { return .invisible(scalars[offset], offset: offset) }
        var start = 0
        while start < scalars.count {
            var end = start
            while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
            if let problem = mixedScripts(in: scalars[start..<end]) { return problem }
            start = end + 1
        }
        return nil
    }

    /// The finding for the first problem in `text`, the key or name `subject` names ("the
    /// 'measure' cell", "'areas.name'"), located at `location`; nil for a plain one.
    static func finding(in text: String, subject: String, at location: SourceLocation) -> Finding? {
        guard let problem = first(in: text) else { return nil }
        let shown = TerminalText.visible(shownInvisibles(text))
        let message: String
        let actual: String
        switch problem {
        case .invisible(let scalar, _):
            actual = describe(scalar)
            message =
                "\(subject) holds '\(shown)', with \(actual), an invisible character that makes it differ from what it shows: expected it without (delete the text and type it again)"
        case .mixedScripts(let scalar, _, let script, let expected):
            actual = "\(describe(scalar)), a \(script.rawValue) letter"
            message =
                "\(subject) holds '\(shown)', which mixes scripts: its '\(String(scalar))' is \(actual) among \(expected.rawValue) ones, and looks like a \(expected.rawValue) letter it is not: expected every letter of a word in one script (type the letter again on a \(expected.rawValue) keyboard)"
        }
        return Finding(
            rule: IngestRule.lookalike.id, severity: .warning, message: message, location: location,
            expected: "a key or name in one script, with no invisible character", actual: actual)
    }

    /// A word's letters of more than one script: the first letter outside the word's main script
    /// (Latin when tied).
    private static func mixedScripts(in word: ArraySlice<Unicode.Scalar>) -> Problem? {
        var counts: [Script: Int] = [:]
        for scalar in word { if let script = script(of: scalar) { counts[script, default: 0] += 1 } }
        guard counts.count > 1 else { return nil }
        let main =
            counts.max { ($0.value, $0.key == .latin ? 1 : 0) < ($1.value, $1.key == .latin ? 1 : 0) }?.key ?? .latin
        guard let index = word.indices.first(where: { script(of: word[$0]).map { $0 != main } ?? false }),
            let other = script(of: word[index])
        else { return nil }
        return .mixedScripts(word[index], offset: index, script: other, expected: main)
    }

    /// The script of a letter, among those whose letters look alike; nil for any other character.
    static func script(of scalar: Unicode.Scalar) -> Script? {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF: .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF: .greek
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: .cyrillic
        case 0x531...0x58F: .armenian
        case 0x13A0...0x13FF, 0xAB70...0xABBF: .cherokee
        case 0xFF21...0xFF3A, 0xFF41...0xFF5A: .fullwidth
        default: nil
        }
    }

    /// Characters that show nothing, or change the order of what is shown: the soft hyphen,
    /// the zero-width spaces and joiners, the bidirectional controls, the word joiner and
    /// invisible operators, the byte-order mark, Hangul fillers, variation selectors and tags.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAD, 0x34F, 0x61C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200B...0x200F, 0x202A...0x202E,
            0x2060...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0xE0000...0xE0FFF:
            true
        default: false
        }
    }

    /// `U+200B ZERO WIDTH SPACE`.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return scalar.properties.name.map { "\(code) \($0)" } ?? code
    }

    /// The text with each invisible character shown as its code point, `CS<U+200B>CP`.
    private static func shownInvisibles(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            if isInvisible(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                shown += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}
