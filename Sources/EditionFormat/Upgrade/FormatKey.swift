import ReportModel

/// The manifest's `format:` key, written last by every upgrade: added as the first key when
/// the manifest has none (format 1), its number replaced otherwise.
enum FormatKey {
    static func write(_ format: Int, over old: Int, in manifest: inout ManifestText) throws(UpgradeRefusal) {
        let top = try manifest.topLevel()
        let why =
            old == FormatVersion.unstated
            ? "the manifest now says which edition format it is written in; without the key it was read as format 1"
            : "the manifest is now in format \(format)"
        guard let value = top.first(where: { $0.key.string == "format" })?.value else {
            let indent = String(repeating: " ", count: try manifest.topLevelColumn() - 1)
            manifest.insert(
                ["\(indent)format: \(format)"], before: manifest.lineAfterHeader(), what: "added 'format: \(format)'",
                why: why)
            return
        }
        guard let mark = value.mark, let scalar = value.scalar else {
            throw UpgradeRefusal("\(manifest.file): the format key does not hold a number")
        }
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        let length = scalar.string.unicodeScalars.count + (quoted ? 2 : 0)
        let typed = String(
            String.UnicodeScalarView(manifest.rest(ofLine: mark.line, from: mark.column).unicodeScalars.prefix(length)))
        guard typed == (quoted ? "\(typed.first ?? "\"")\(scalar.string)\(typed.first ?? "\"")" : scalar.string) else {
            throw UpgradeRefusal(
                "\(manifest.file):\(mark.line): the format key's value is not written as a plain number: write 'format: \(format)' by hand"
            )
        }
        manifest.replace(
            line: mark.line, column: mark.column, length: length, with: String(format),
            what: "changed 'format: \(scalar.string)' to 'format: \(format)'", why: why)
    }
}
