import Foundation

/// What a sentence says about a figure's change, read from the words around a reference to it:
/// "fell to {{= x }}", "{{= x }}, up from last year", "doubled to", "a third fewer",
/// "broadly the same at". Nil when it says nothing a check can hold it to: no direction, a
/// negation ("has not fallen"), a comparison with the figure ("fewer than {{= x }}"), the
/// figure as the earlier value ("up from {{= x }}") or as the size of a change ("fell by
/// {{= x }}", "up {{= x }} on last year").
struct DirectionClaim: Equatable {
    enum Kind: Equatable {
        case rise, fall, same
    }

    var kind: Kind
    /// The words a message quotes: "fell", "doubled", "stayed the same".
    var words: String
    /// For a ratio ("doubled", "a third fewer"), the factor claimed: 2, 2/3.
    var factor: Decimal?
    /// "more than doubled": the factor is a floor (for a rise) or a ceiling (for a fall).
    var atLeastFactor = false
    /// "unchanged", "the same": no change at all; "broadly the same", "stable": a small one.
    var exactlySame = false

    /// The words before a reference, in the clause it ends, and after it, in the clause it
    /// starts (`before` ends, and `after` starts, at the reference).
    static func read(before: String, after: String) -> DirectionClaim? {
        if let claim = readBefore(Self.clause(endingWith: before)) { return claim }
        if Self.endsInsideClaim(before) { return nil }
        return readAfter(after)
    }

    // MARK: The lexicon

    static let rising: Set<String> = [
        "rose", "risen", "rise", "rises", "rising", "increase", "increased", "increases", "increasing", "grew",
        "grown", "grow", "grows", "growing", "growth", "jumped", "jump", "jumps", "climbed", "climb", "climbing",
        "soared", "surged", "rocketed", "higher", "more", "greater", "up",
    ]
    static let falling: Set<String> = [
        "fell", "fallen", "fall", "falls", "falling", "decrease", "decreased", "decreases", "decreasing",
        "dropped", "drop", "drops", "dropping", "declined", "decline", "declines", "declining", "reduced",
        "reduction", "reduce", "reducing", "lower", "fewer", "less", "shrank", "shrunk", "dipped", "dip",
        "slipped", "slumped", "plummeted", "down",
    ]
    /// Verbs of ratio: the factor they claim.
    static let ratios: [String: Decimal] = [
        "doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "halved": Decimal(1) / 2,
    ]
    /// Words of ratio only in a phrase ("twice as many", "double the", "by half"), since "the
    /// first half of the year" says nothing of a change: the factor and the verb a message uses.
    static let ratioPhrases: [String: (factor: Decimal, verb: String)] = [
        "twice": (2, "doubled"), "double": (2, "doubled"), "triple": (3, "tripled"), "treble": (3, "trebled"),
        "half": (Decimal(1) / 2, "halved"),
    ]
    /// "a third fewer": the fraction a change is said to be.
    static let fractions: [String: Decimal] = [
        "half": Decimal(1) / 2, "third": Decimal(1) / 3, "quarter": Decimal(1) / 4, "fifth": Decimal(1) / 5,
        "tenth": Decimal(1) / 10,
    ]
    static let sameExactly: Set<String> = ["unchanged", "same", "constant", "flat"]
    static let sameBroadly: Set<String> = ["stable", "steady", "similar", "static"]
    /// Words that loosen a "same" to a small change.
    static let hedges: Set<String> = [
        "broadly", "largely", "virtually", "roughly", "about", "around", "nearly", "almost", "approximately",
        "essentially", "much", "more or less",
    ]
    static let negations: Set<String> = [
        "not", "no", "never", "neither", "nor", "without", "didn", "hasn", "haven", "wasn", "weren", "isn", "aren",
        "hadn", "won",
    ]
    /// Words after which "up" or "down" is no direction: "take-up", "set up", "broken down".
    static let phrasalVerbs: Set<String> = [
        "take", "set", "made", "make", "follow", "followed", "pick", "picked", "sign", "signed", "back", "build",
        "built", "look", "looked", "end", "ended", "keep", "kept", "show", "showed", "shut", "broken", "break",
        "turn", "turned", "step", "stepped", "write", "written", "wrote", "sum", "summed", "set", "sat", "sit",
        "stand", "stood", "bring", "brought", "come", "came", "called", "call", "put", "catch", "caught",
        "wind", "wound", "scaled", "scale", "top", "topped", "meet", "met", "hold", "held",
    ]

    // MARK: Reading

    /// The clause a reference ends: after the last full stop, semicolon, colon or line, and
    /// after the last "but", "while", "whereas", "although" or "and"; a clause broken only by
    /// an earlier reference and "to" ("fell from {{= previous(x) }} to {{= x }}") is read whole.
    static func clause(endingWith text: String) -> [String] {
        var text = text
        if let close = text.range(of: "}}", options: .backwards) {
            let rest = text[close.upperBound...]
            if rest.trimmingCharacters(in: .whitespaces).lowercased() == "to",
                let open = text.range(of: "{{", options: .backwards, range: text.startIndex..<close.lowerBound)
            {
                text = String(text[..<open.lowerBound]) + " figure to "
            } else {
                text = String(rest)
            }
        }
        let sentence = text.split(whereSeparator: { ".;:!?\n".contains($0) }).last.map(String.init) ?? ""
        var words = Self.words(sentence)
        if let cut = words.lastIndex(where: { ["but", "while", "whereas", "although", "though", "and"].contains($0) }) {
            words = Array(words[(cut + 1)...])
        }
        return words
    }

    /// True when the text just before the reference makes it the size of a change, the earlier
    /// value or a comparison: then nothing after it is a claim about it either.
    static func endsInsideClaim(_ text: String) -> Bool {
        let words = clause(endingWith: text)
        guard let last = words.last else { return false }
        return ["than", "from", "by", "of"].contains(last) || isDirection(at: words.count - 1, in: words)
    }

    private static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    }

    /// True when the word at `index` says a rise or a fall: "up" and "down" only as a change
    /// ("was up at", "down to"), not in "take-up" or "up to 40".
    private static func isDirection(at index: Int, in words: [String]) -> Bool {
        let word = words[index]
        guard rising.contains(word) || falling.contains(word) else { return false }
        guard word == "up" || word == "down" else { return true }
        if index > 0, phrasalVerbs.contains(words[index - 1]) { return false }
        let next = index + 1 < words.count ? words[index + 1] : nil
        if word == "up", next == "to" {
            // "up to 40" is "at most 40"; "went up to 40" is a rise.
            let verbs: Set = ["went", "gone", "going", "goes", "go", "shot", "moved", "crept", "climbed", "rose"]
            return index > 0 && verbs.contains(words[index - 1])
        }
        return true
    }

    /// A claim from the clause before the reference, whose last word leads into it.
    private static func readBefore(_ words: [String]) -> DirectionClaim? {
        guard let last = words.last, !negated(words) else { return nil }
        // The figure as a comparison, the earlier value, or the size of a change.
        if ["than", "from", "by", "of"].contains(last) { return nil }
        if isDirection(at: words.count - 1, in: words) || ratios[last] != nil { return nil }
        return claim(in: words)
    }

    /// True when a word denies the change ("has not fallen", "no increase"); "no change" claims one.
    private static func negated(_ words: [String]) -> Bool {
        words.indices.contains { index in
            negations.contains(words[index])
                && !(words[index] == "no" && index + 1 < words.count && words[index + 1] == "change")
        }
    }

    /// A claim from the words after the reference: ", up from 2022/23", " (down 12%)", ", a
    /// third fewer than", ", broadly the same as last year"; never the words right after it,
    /// which make it a size ("{{= x }} more than last year").
    private static func readAfter(_ text: String) -> DirectionClaim? {
        let clause = text.split(whereSeparator: { ".;!?\n".contains($0) }).first.map(String.init) ?? ""
        let segment = clause.components(separatedBy: "{{").first ?? ""
        let trimmed = segment.drop(while: { $0 == " " })
        guard let first = trimmed.first else { return nil }
        if first.isLetter || first.isNumber {
            let words = Self.words(String(trimmed))
            if let word = words.first, rising.contains(word) || falling.contains(word) || word == "times" {
                return nil
            }
        }
        // Each aside set off by a comma, bracket or dash: its first words.
        for aside in segment.split(whereSeparator: { ",(–—".contains($0) }).dropFirst(first.isLetter ? 1 : 0).prefix(2)
        {
            let words = Array(Self.words(String(aside)).prefix(4))
            guard !negated(words) else { return nil }
            if ["and", "but", "while", "whereas", "of", "which", "who", "whom"].contains(words.first ?? "") {
                return nil
            }
            if let claim = claim(in: words) { return claim }
        }
        return nil
    }

    /// The claim the last telling word of `words` makes.
    private static func claim(in words: [String]) -> DirectionClaim? {
        let hedged = words.contains(where: hedges.contains)
        for index in words.indices.reversed() {
            let word = words[index]
            let before = index > 0 ? words[index - 1] : ""
            if word == "change", before == "no" {
                return DirectionClaim(kind: .same, words: "did not change", exactlySame: true)
            }
            if word == "change", before == "little" {
                return DirectionClaim(kind: .same, words: "stayed about the same")
            }
            if sameExactly.contains(word) {
                return DirectionClaim(
                    kind: .same, words: hedged ? "stayed about the same" : "stayed the same", exactlySame: !hedged)
            }
            if sameBroadly.contains(word) { return DirectionClaim(kind: .same, words: "stayed about the same") }
            let moreThan = words[..<index].suffix(3).contains("more") && words[..<index].suffix(3).contains("than")
            let next = index + 1 < words.count ? words[index + 1] : ""
            if let factor = ratios[word] {
                return DirectionClaim(
                    kind: factor > 1 ? .rise : .fall, words: word, factor: factor, atLeastFactor: moreThan)
            }
            if let phrase = ratioPhrases[word], ["as", "the", "that", "last"].contains(next) || before == "by" {
                return DirectionClaim(
                    kind: phrase.factor > 1 ? .rise : .fall, words: phrase.verb, factor: phrase.factor,
                    atLeastFactor: moreThan)
            }
            if isDirection(at: index, in: words) {
                let rise = rising.contains(word)
                // "a third fewer", "a quarter more".
                if let fraction = fractions[before] {
                    let factor = rise ? 1 + fraction : 1 - fraction
                    return DirectionClaim(
                        kind: rise ? .rise : .fall, words: "changed by a \(before)", factor: factor,
                        atLeastFactor: moreThan)
                }
                return DirectionClaim(kind: rise ? .rise : .fall, words: rise ? "rose" : "fell")
            }
        }
        return nil
    }
}
