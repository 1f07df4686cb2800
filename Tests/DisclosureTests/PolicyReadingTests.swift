import EditionFormat
import Foundation
import ReportModel
import Testing

/// A manifest's `disclosure:` as typed, and the finding it must give (nil: none).
struct PolicyCase: Sendable, CustomStringConvertible {
    var description: String
    var policy: String
    var datasetOptions: String = ""
    /// Words the error must hold, and the line it must be at (of edition.yaml).
    var message: String?
    var line: Int?
}

let policyCases: [PolicyCase] = [
    PolicyCase(description: "the issue's own policy reads", policy: TableEdition.policy),
    PolicyCase(
        description: "defaults: only datasets given", policy: "disclosure:\n  datasets: [table]\n"),
    PolicyCase(
        description: "small_counts must be a whole number",
        policy: "disclosure:\n  small_counts: five\n  datasets: [table]\n",
        message: "cannot read 'five' as 'disclosure.small_counts'", line: 12),
    PolicyCase(
        description: "zeros is publish or protect", policy: "disclosure:\n  zeros: hide\n  datasets: [table]\n",
        message: "expected publish or protect", line: 12),
    PolicyCase(
        description: "min_range of 0 protects nothing", policy: "disclosure:\n  min_range: 0\n  datasets: [table]\n",
        message: "'disclosure.min_range'", line: 12),
    PolicyCase(
        description: "a protected dataset must exist", policy: "disclosure:\n  datasets: [tabel]\n",
        message: "which is no dataset of the manifest", line: 12),
    PolicyCase(
        description: "datasets is required", policy: "disclosure:\n  small_counts: 5\n",
        message: "has no 'datasets'", line: 12),
    PolicyCase(
        description: "an unknown key is named", policy: "disclosure:\n  small_count: 5\n  datasets: [table]\n",
        message: "unknown key 'small_count' in 'disclosure'", line: 12),
    PolicyCase(
        description: "disclosure: none needs a reason", policy: "",
        datasetOptions: ", disclosure: none", message: "no reason: is given", line: 8),
    PolicyCase(
        description: "disclosure: none with a reason reads", policy: "",
        datasetOptions: ", disclosure: none, reason: it counts meetings"),
    PolicyCase(
        description: "a dataset both protected and exempt is one decision too many", policy: TableEdition.policy,
        datasetOptions: ", disclosure: none, reason: it counts meetings", message: "expected one decision", line: 8),
    PolicyCase(
        description: "disclosure on a dataset is none or nothing", policy: "",
        datasetOptions: ", disclosure: protect", message: "expected none", line: 8),
]

@Suite("Reading the disclosure policy")
struct PolicyReadingTests {
    @Test("each mistake is an error at its line, naming what was expected", arguments: policyCases)
    func reads(_ example: PolicyCase) throws {
        let files = TableEdition.custom(
            areas: "  - { key: all, name: All, level: partnership }", measures: "people,People,count,yes,,\n",
            rows: "all,people,40,,,,,\n", datasetOptions: example.datasetOptions, policy: example.policy)
        let ingest = try TableEdition.read(files)
        let errors = ingest.findings.filter { $0.severity == .error }
        guard let message = example.message else {
            #expect(errors.isEmpty, "\(errors)")
            return
        }
        let found = errors.first { $0.message.contains(message) }
        #expect(found != nil, "\(errors.map(\.message))")
        #expect(found?.location?.file.hasSuffix("edition.yaml") == true)
        #expect(found?.location?.line == example.line)
    }

    @Test("the published edition.yaml carries the policy, and reads back with it")
    func roundTrip() throws {
        let files = TableEdition.make(fiveByFive)
        let edition = try #require(TableEdition.read(files).edition)
        let yaml = ManifestWriter.yaml(edition.manifest)
        var again = files
        again["ed/edition.yaml"] = yaml
        let read = try #require(TableEdition.read(again).edition)
        #expect(read.manifest.disclosure?.datasets.map(\.value) == ["table"])
        #expect(read.manifest.disclosure?.minRange == 5)
    }
}
