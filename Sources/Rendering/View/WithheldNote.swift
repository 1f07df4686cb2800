import ReportModel

/// The words that say what `c` means under a table and in a chart's summary: one symbol for
/// every withheld figure, small or withheld to protect a small one, so the note never tells
/// which is which.
enum WithheldNote {
    /// The note for a table of `figures`, when any of them (or last year's beside them) is
    /// withheld; nil otherwise.
    static func note(for figures: [Figure], in edition: Edition) -> String? {
        guard let policy = edition.manifest.disclosure,
            figures.contains(where: { $0.quantity.isWithheld || $0.previous?.value.isWithheld == true })
        else { return nil }
        let small = policy.zeros == .protect ? "0 to \(policy.smallCounts)" : "1 to \(policy.smallCounts)"
        return
            "c: not published, so that no child can be identified: a count from \(small), or a figure from which one could be worked out."
    }

    /// The chart summary with a sentence saying how many values are withheld and not drawn.
    static func chartSentence(_ count: Int, after summary: String) -> String {
        let sentence =
            count == 1
            ? "One value is withheld (c in the table) and not drawn."
            : "\(GovUKFormat.count(count).capitalisedFirst) values are withheld (c in the table) and not drawn."
        return summary.isEmpty ? sentence : summary + " " + sentence
    }

    /// Two notes as one, either of which may be absent.
    static func joined(_ first: String?, _ second: String?) -> String? {
        switch (first, second) {
        case (let first?, let second?): first + " " + second
        case (let only?, nil), (nil, let only?): only
        case (nil, nil): nil
        }
    }
}
