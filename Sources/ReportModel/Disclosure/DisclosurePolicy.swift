/// The manifest's `disclosure:` policy: which datasets hold counts so small that publishing them
/// (or anything from which they can be worked back) could identify a child.
///
/// ```yaml
/// disclosure:
///   small_counts: 5        # counts from 1 to 5 are small
///   zeros: publish         # or: protect
///   min_range: 5           # a hidden small count can be narrowed to no less than this
///   datasets: [cdop, cdop-by-age]
/// ```
public struct DisclosurePolicy: Hashable, Sendable {
    /// What the policy does with a true zero.
    public enum Zeros: String, Hashable, Sendable, CaseIterable {
        /// A zero is published: it names no child (the DfE's practice).
        case publish
        /// A zero is hidden like a small count.
        case protect
    }

    /// Counts from 1 to this are small: never published.
    public var smallCounts: Int
    public var zeros: Zeros
    /// From everything published, a hidden small count can be narrowed to an interval no
    /// narrower than this.
    public var minRange: Int
    /// The datasets it protects, each located in the manifest.
    public var datasets: [Located<String>]
    /// Where `disclosure:` is in the manifest.
    public var location: SourceLocation

    /// The defaults the issue and the DfE use: 1 to 5 small, zeros published, width 5.
    public static let defaultSmallCounts = 5
    public static let defaultMinRange = 5

    /// Creates a policy.
    public init(
        smallCounts: Int = DisclosurePolicy.defaultSmallCounts, zeros: Zeros = .publish,
        minRange: Int = DisclosurePolicy.defaultMinRange, datasets: [Located<String>],
        location: SourceLocation = SourceLocation(file: "")
    ) {
        self.smallCounts = smallCounts
        self.zeros = zeros
        self.minRange = minRange
        self.datasets = datasets
        self.location = location
    }

    /// True when a count of `value` is small under this policy: never published.
    public func isSmall(_ value: Int) -> Bool {
        (value >= 1 && value <= smallCounts) || (value == 0 && zeros == .protect)
    }

    /// True when the policy protects the dataset with this id.
    public func protects(_ dataset: String) -> Bool {
        datasets.contains { $0.value == dataset }
    }
}

/// A dataset's own record that it was considered and needs no protection:
/// `disclosure: none` with a `reason:`.
public struct DisclosureExemption: Hashable, Sendable {
    /// Why no count in it can identify anyone, in the partnership's words.
    public var reason: Located<String>
    /// Where `disclosure: none` is.
    public var location: SourceLocation

    /// Creates an exemption.
    public init(reason: Located<String>, location: SourceLocation) {
        self.reason = reason
        self.location = location
    }
}
