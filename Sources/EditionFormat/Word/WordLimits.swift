/// How much of a Word document the import reads. Each limit lies far beyond a real annual
/// report (the 2023/24 Cumbria report is 60 pages; as .docx, with its pictures, a few MB), so
/// only a zip bomb or a deliberately absurd file meets one, and it is refused before pandoc
/// reads it.
public struct WordLimits: Sendable {
    /// The largest .docx file read.
    public var largestFile: Int
    /// The most its parts may unpack to, all together (counted as they unpack: the sizes a zip
    /// declares may lie).
    public var largestUnpacked: Int
    /// The most a large part may unpack to per byte stored: document XML compresses about 10 to
    /// 1, a zip bomb a thousand to one.
    public var largestRatio: Int
    /// Parts smaller than this are not held to the ratio.
    public var ratioExemptBelow: Int
    /// The most parts the zip may hold.
    public var mostParts: Int
    /// The memory pandoc's runtime may use (its `-M` option).
    public var pandocMemory: String
    /// How long pandoc may run: `pandocSeconds` and as many again per 10 MB of the file.
    public var pandocSeconds: Int

    /// The limits `annual-report import` reads with.
    public static let standard = WordLimits(
        largestFile: 100 << 20, largestUnpacked: 256 << 20, largestRatio: 200, ratioExemptBelow: 4 << 20,
        mostParts: 10_000, pandocMemory: "1g", pandocSeconds: 120)

    /// Creates limits; tests use small ones.
    public init(
        largestFile: Int, largestUnpacked: Int, largestRatio: Int, ratioExemptBelow: Int, mostParts: Int,
        pandocMemory: String, pandocSeconds: Int
    ) {
        self.largestFile = largestFile
        self.largestUnpacked = largestUnpacked
        self.largestRatio = largestRatio
        self.ratioExemptBelow = ratioExemptBelow
        self.mostParts = mostParts
        self.pandocMemory = pandocMemory
        self.pandocSeconds = pandocSeconds
    }
}
