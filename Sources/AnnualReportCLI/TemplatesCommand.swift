import ArgumentParser
import Rendering

/// `annual-report templates`: the report's built-in templates, for a partnership to start its
/// own look from.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with the report's templates.",
        subcommands: [Export.self])

    /// `annual-report templates export DIR`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the built-in templates to a new folder, as a starting point for the partnership's own.",
            discussion: """
                Name the folder in the edition's manifest (templates: templates, relative to the \
                edition) or pass it to build --templates. Each file replaces the built-in template \
                of its name; delete the ones you do not change, so they follow the tool's updates.
                """)

        @Argument(help: "The folder to create, such as inputs/my-edition/templates.")
        var folder: String

        func run() throws {
            let files = TemplateSet.builtInFiles.map { (path: "\($0.name).mustache", text: $0.text) }
            do {
                try NewFolder.write(folder, files: files)
            } catch {
                printError("error: \(error)")
                throw ExitCode(2)
            }
            printOutput("wrote \(files.count) templates to \(folder)")
        }
    }
}
