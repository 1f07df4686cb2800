import Foundation
import ReportModel
import Yams

/// Format 1 to 2: what format 1 left implicit is written out. An edition with no `appendices:`
/// had the default six; format 2 lists them, so the partnership sees them in its own record
/// and can reorder, retitle or remove them, and a later release can change the default
/// without changing last year's report.
public struct UpgradeToFormat2: UpgradeStep {
    public let from = 1

    public init() {}

    public func apply(to manifest: inout ManifestText, edition: Edition) throws(UpgradeRefusal) {
        try writeAppendices(&manifest, edition: edition)
    }

    /// Lists the appendices the edition was built with, when the manifest names none (no key,
    /// or an empty `appendices: []`, which format 1 also read as the default set).
    private func writeAppendices(_ manifest: inout ManifestText, edition: Edition) throws(UpgradeRefusal) {
        let appendices = edition.manifest.appendixList
        let kinds = ListFormat.and(appendices.map(\.kind.rawValue))
        let what = "listed the appendices (\(kinds)) with their titles"
        let why =
            "format 1 gave an edition without an appendices: list these by default; format 2 lists them in the manifest, where they can be reordered, retitled or removed"
        let top = try manifest.topLevel()
        let column = try manifest.topLevelColumn()
        let indent = String(repeating: " ", count: column - 1)
        let items = appendices.map { "\(indent)  - { kind: \($0.kind.rawValue), title: \(flowScalar($0.title)) }" }
        guard let (key, value) = top.first(where: { $0.key.string == "appendices" }) else {
            let line = manifest.lineAtEnd()
            let gap = manifest.followsBlank(line) ? [] : [""]
            manifest.insert(
                gap + [
                    "\(indent)# The report's appendices, in order (annual-report upgrade wrote out format 1's default).",
                    "\(indent)appendices:",
                ]
                    + items, before: line, what: what, why: why)
            return
        }
        guard value.sequence?.isEmpty == true else { return }
        // `appendices: []` on one line: the brackets give way to the list below the key.
        guard let mark = value.mark, let keyLine = key.mark?.line, mark.line == keyLine,
            manifest.rest(ofLine: mark.line, from: mark.column).hasPrefix("[")
        else {
            throw UpgradeRefusal(
                "\(manifest.file):\(key.mark?.line ?? 1): the empty appendices list is not written as [] beside its key: replace it with the list of appendices by hand (docs/edition-format.md)"
            )
        }
        let line = manifest.rest(ofLine: mark.line, from: 1)
        let rest = manifest.rest(ofLine: mark.line, from: mark.column)
        guard let closing = rest.firstIndex(of: "]") else {
            throw UpgradeRefusal(
                "\(manifest.file):\(mark.line): the empty appendices list has no closing ] on its line")
        }
        // The key keeps its comment, one space after the colon: `appendices: # none yet`.
        let comment = rest[rest.index(after: closing)...].drop { $0 == " " || $0 == "\t" }
        let keyText = String(String.UnicodeScalarView(line.unicodeScalars.prefix(mark.column - 1)))
        let edited = comment.isEmpty || comment == "\r" ? keyText.trimmingTrailingSpaces() + comment : keyText + comment
        manifest.replace(
            line: mark.line, column: 1, length: line.unicodeScalars.count, with: edited,
            what: "removed the empty list []", why: "the appendices are listed below the key instead")
        manifest.insert(items, before: mark.line + 1, what: what, why: why)
    }

    /// A title as a flow-style scalar: plain when YAML reads it back as the same text, quoted
    /// otherwise.
    private func flowScalar(_ text: String) -> String {
        let special = ",[]{}#:&*!|>'\"%@`"
        let plain =
            !text.isEmpty && !text.contains { special.contains($0) }
            && text.trimmingCharacters(in: .whitespaces) == text
        return plain
            ? text
            : "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
    }
}

extension String {
    /// The text without the spaces and tabs at its end.
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
