/// How much of a workbook the reader will unpack. Each limit lies far beyond any real
/// workbook, so only a zip bomb or a deliberately absurd file meets one; it is then refused
/// with a finding instead of exhausting memory.
public struct WorkbookLimits: Sendable {
    /// The most any one part (a sheet's XML, the shared strings) may unpack to. A sheet of a
    /// million rows of a dozen figures is about 400 MiB of XML.
    public var largestPart: Int
    /// The most a large part may unpack to per byte stored. Spreadsheet XML compresses about
    /// 10 to 1; a zip bomb a thousand to one.
    public var largestRatio: Int
    /// Parts smaller than this are not held to the ratio: a tiny file may compress very well.
    public var ratioExemptBelow: Int

    /// The limits `annual-report` reads with.
    public static let standard = WorkbookLimits(
        largestPart: 1 << 30, largestRatio: 200, ratioExemptBelow: 16 << 20)

    /// Creates limits; tests use small ones.
    public init(largestPart: Int, largestRatio: Int, ratioExemptBelow: Int) {
        self.largestPart = largestPart
        self.largestRatio = largestRatio
        self.ratioExemptBelow = ratioExemptBelow
    }
}
