/// The version of the edition format a manifest is written in (`format: 2` at its top level).
///
/// A release that changes what an edition may say raises `current` and adds an upgrade step
/// (`Sources/EditionFormat/Upgrade`), so that last year's editions still read, and
/// `annual-report upgrade` can rewrite them in the new format.
public enum FormatVersion {
    /// The format this release writes, and the newest it reads.
    public static let current = 2
    /// The format of a manifest with no `format:` key: every edition written before the key
    /// existed.
    public static let unstated = 1
    /// Every format this release reads.
    public static let known = unstated...current
}
