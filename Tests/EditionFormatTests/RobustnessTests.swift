import EditionFormat
import ReportModel
import Testing

/// xorshift64: a tiny PRNG whose sequence depends only on its seed, so every run mutates the
/// files the same way and a failure can be replayed.
struct XorShift64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed
    }

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    /// A number in `0..<bound`, without the system's randomness.
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}

/// One byte-level change to a file.
enum Mutation {
    case insert(at: Int, byte: UInt8)
    case delete(at: Int)
    case replace(at: Int, byte: UInt8)

    /// The bytes that trouble a CSV reader most: quotes, commas, line ends, bytes that are not
    /// UTF-8 (0xFF) or start a sequence that may not finish (0xC3), a letter, a digit, a percent.
    static let alphabet: [UInt8] = [0x22, 0x2C, 0x0A, 0x0D, 0xFF, 0xC3, 0x61, 0x31, 0x25]

    static func random(for bytes: [UInt8], using generator: inout XorShift64) -> Mutation {
        let byte = alphabet[generator.below(alphabet.count)]
        guard !bytes.isEmpty else { return .insert(at: 0, byte: byte) }
        switch generator.below(3) {
        case 0: return .insert(at: generator.below(bytes.count + 1), byte: byte)
        case 1: return .delete(at: generator.below(bytes.count))
        default: return .replace(at: generator.below(bytes.count), byte: byte)
        }
    }

    func apply(to bytes: inout [UInt8]) {
        switch self {
        case .insert(let index, let byte): bytes.insert(byte, at: index)
        case .delete(let index): bytes.remove(at: index)
        case .replace(let index, let byte): bytes[index] = byte
        }
    }
}

@Suite("Robustness")
struct RobustnessTests {
    static let mutationsPerFile = 300
    /// Mutations pile up in runs of this many, then start again from the valid file, so that
    /// both slightly and badly damaged files are read.
    static let runLength = 30

    /// Reads the edition after each of 300 mutations of one CSV file. Reading must never
    /// crash (which would stop the test run), and every finding must point at a real line and
    /// column of a file of the edition. `read` can only throw `EditionReadError` (typed
    /// throws); with the manifest untouched and every file present it must not even do that.
    @Test("reading survives random damage to a CSV file", arguments: SyntheticEdition.csvPaths)
    func survivesMutations(path: String) {
        let original = SyntheticEdition.files[path]!
        // A fixed seed per file, so each file gets its own, repeatable, sequence.
        let fileNumber = UInt64(SyntheticEdition.csvPaths.firstIndex(of: path)! + 1)
        var generator = XorShift64(seed: fileNumber &* 0x9E37_79B9_7F4A_7C15)
        var files = SyntheticEdition.files
        var bytes = original
        var findingsSeen = 0
        for step in 0..<Self.mutationsPerFile {
            if step % Self.runLength == 0 { bytes = original }
            Mutation.random(for: bytes, using: &generator).apply(to: &bytes)
            files[path] = bytes
            let result: IngestResult
            do {
                result = try SyntheticEdition.read(files)
            } catch {
                Issue.record("step \(step): reading threw \(error) for \(bytes)")
                return
            }
            findingsSeen += result.findings.count
            #expect(result.edition != nil, "step \(step): the manifest was not touched")
            for finding in result.findings {
                let location = finding.location
                #expect(location.map { $0.file.hasPrefix("ed/") } == true, "step \(step): \(finding)")
                #expect((location?.line ?? 1) >= 1, "step \(step): \(finding)")
                #expect((location?.column ?? 1) >= 1, "step \(step): \(finding)")
                #expect(!finding.message.isEmpty)
                // Damage may leave an unnamed column (a warning) as well as errors: every finding is one
                // of ingest's own checks.
                #expect(IngestRule(rawValue: finding.rule) != nil, "step \(step): \(finding)")
            }
        }
        // Damage this heavy cannot all go unnoticed.
        #expect(findingsSeen > 0)
    }

    @Test("the generator is deterministic")
    func deterministic() {
        var first = XorShift64(seed: 42)
        var second = XorShift64(seed: 42)
        let a = (0..<5).map { _ in first.next() }
        let b = (0..<5).map { _ in second.next() }
        #expect(a == b)
        #expect(Set(a).count == 5)
    }

    @Test("reading a CSV file of random bytes never crashes")
    func randomBytes() {
        var generator = XorShift64(seed: 2030)
        for length in 0..<200 {
            let bytes = (0..<length).map { _ in Mutation.alphabet[generator.below(Mutation.alphabet.count)] }
            let document = CSVReader(file: "r.csv").read(bytes)
            #expect(document.records.allSatisfy { !$0.fields.isEmpty })
            _ = TableReader(schema: DatasetKinds.standard.kind(named: "budget")!.schema, file: "r.csv").read(document)
        }
    }
}
