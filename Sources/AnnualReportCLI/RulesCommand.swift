import ArgumentParser
import EditionFormat
import Validation

/// `annual-report rules`: the catalogue of every check, as Markdown (docs/rules.md is this
/// output, and a test keeps them equal).
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Print the catalogue of every rule and ingest check.")

    func run() throws {
        printOutput(
            RuleCatalogueDocument.markdown(ingestChecks: IngestRule.catalogue),
            terminator: "")
    }
}
