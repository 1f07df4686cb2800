import ReportModel

/// One side of a declared relation: a figure's key, or an identity's sum of figures with
/// signs (`north/opening + north/added - north/removed`).
struct RelationSide {
    /// A figure of the sum, added or taken away.
    struct Term {
        var subtracts: Bool
        var key: String
    }

    var terms: [Term]

    /// Reads a side as the manifest writes it. A text that is itself a figure's key is that one
    /// figure, whatever it holds (a row may be named `A - B`); otherwise it is split at ` + `
    /// and ` - ` (spaced, since keys hold hyphens: `training-courses:Grand total`).
    init(_ text: String, in edition: Edition) {
        let whole = text.trimmingCharacters(in: .whitespaces)
        if edition.referenceValue(whole) != nil {
            terms = [Term(subtracts: false, key: whole)]
            return
        }
        var terms: [Term] = []
        var rest = Substring(whole)
        var subtracts = false
        while true {
            let plus = rest.range(of: " + ")
            let minus = rest.range(of: " - ")
            guard let next = [plus, minus].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) else {
                break
            }
            terms.append(Term(subtracts: subtracts, key: rest[..<next.lowerBound].trimmingCharacters(in: .whitespaces)))
            subtracts = next == minus
            rest = rest[next.upperBound...]
        }
        terms.append(Term(subtracts: subtracts, key: rest.trimmingCharacters(in: .whitespaces)))
        self.terms = terms
    }

    /// True for a sum of more than one figure.
    var isSum: Bool { terms.count > 1 }
}

extension ValueRange {
    /// The range of minus a value of this range: an identity's figure taken away.
    var negated: ValueRange {
        ValueRange(lower: upper.map { -$0 }, upper: lower.map { -$0 }, lowerOpen: upperOpen, upperOpen: lowerOpen)
    }
}
