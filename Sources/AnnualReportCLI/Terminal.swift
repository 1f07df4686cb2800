import Foundation
import ReportModel

/// The command line's only writers to standard output and standard error. Every line goes
/// through `TerminalText.visible`, whatever wrote it (a report in any format, a diff, a path
/// or a folder's name the user typed, an error from a library): no edition, folder name or
/// message can drive the terminal or reorder what it shows. Each format escapes in its own
/// syntax first (JSON's `\u001b`, XML's), so for them this changes nothing.
enum Terminal {
    /// Writes `text` to standard output, ended by `terminator`.
    static func write(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((TerminalText.visibleLines(text) + terminator).utf8))
    }

    /// Writes `message` to standard error, as a line.
    static func writeError(_ message: String) {
        FileHandle.standardError.write(Data((TerminalText.visibleLines(message) + "\n").utf8))
    }
}

/// Writes lines to standard output through the terminal filter, as `print` would.
func printOutput(_ text: String, terminator: String = "\n") {
    Terminal.write(text, terminator: terminator)
}

/// Writes lines to standard error, each with its control characters made visible (a path or a
/// value in an error may hold anything).
func printError(_ message: String) {
    Terminal.writeError(message)
}
