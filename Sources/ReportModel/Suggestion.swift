/// Finds the known name a mistyped one most likely meant, for "did you mean" hints.
public enum Suggestion {
    /// The longest name a hint is sought for: a mistyped key is a word or two, and beyond this
    /// length a comparison costs far more than a hint is worth (two 30,000-character keys cost
    /// 900 million steps).
    public static let longestName = 100

    /// The candidate closest to `name` by edit distance, if it is close enough to be a typo
    /// (at most a third of the name's length, and at least one edit). Names longer than
    /// `longestName` get none, and a candidate is measured only as far as that bound, so the
    /// cost per name stays small whatever the input.
    /// - Parameters:
    ///   - name: what the user typed.
    ///   - candidates: the names that exist.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        guard name.utf8.count <= longestName * 4, name.count <= longestName else { return nil }
        let typed = Array(name.lowercased())
        let limit = max(1, typed.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            // The distance is at least the difference in length: most candidates stop here,
            // before a long one is even lowercased.
            guard candidate.utf8.count >= typed.count - limit, candidate.count <= typed.count + limit else { continue }
            let known = Array(candidate.lowercased())
            guard abs(known.count - typed.count) <= limit,
                let distance = editDistance(typed, known, atMost: limit)
            else { continue }
            // Ties go to the name that sorts first, so the hint never depends on the order the
            // candidates happen to come in (dictionary keys differ from run to run).
            if (distance, candidate) < (best?.distance ?? Int.max, best?.name ?? "") || best == nil {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// `" (did you mean 'x'?)"`, or nothing when no candidate is close.
    public static func hint(for name: String, among candidates: some Sequence<String>) -> String {
        closest(to: name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Edit distance counting an insertion, a deletion, a substitution or a swap of two
    /// neighbouring characters as one edit (optimal string alignment), in O(n·m) time.
    static func editDistance(_ left: [Character], _ right: [Character]) -> Int {
        // No distance exceeds the longer length, so that bound never cuts it short.
        editDistance(left, right, atMost: max(left.count, right.count)) ?? max(left.count, right.count)
    }

    /// The edit distance when it is at most `bound`, else nil, computed only within `bound` of
    /// the diagonal: O(n·bound) time rather than O(n·m).
    static func editDistance(_ left: [Character], _ right: [Character], atMost bound: Int) -> Int? {
        guard abs(left.count - right.count) <= bound else { return nil }
        if left.isEmpty { return right.count }
        let beyond = bound + 1  // Any cell outside the band counts as too far.
        var beforePrevious = [Int](repeating: beyond, count: right.count + 1)
        var previous = (0...right.count).map { min($0, beyond) }
        var current = [Int](repeating: beyond, count: right.count + 1)
        for i in 1...left.count {
            let low = max(1, i - bound)
            let high = min(right.count, i + bound)
            current[0] = min(i, beyond)
            if low > 1 { current[low - 1] = beyond }
            var smallest = current[0]
            if low <= high {
                for j in low...high {
                    let cost = left[i - 1] == right[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                        value = min(value, beforePrevious[j - 2] + 1)
                    }
                    current[j] = min(value, beyond)
                    smallest = min(smallest, current[j])
                }
            }
            if high < right.count { current[high + 1] = beyond }
            // Every path runs through this row: when all of it is too far, so is the end.
            guard smallest <= bound else { return nil }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        let distance = previous[right.count]
        return distance <= bound ? distance : nil
    }
}
