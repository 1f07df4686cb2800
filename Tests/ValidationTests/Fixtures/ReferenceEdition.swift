import EditionFormat
import Foundation
import ReportModel
import Validation

/// The reference edition (inputs/cumbria-2023-24), loaded from the repository into memory so
/// tests can change copies of it cheaply.
enum ReferenceEdition {
    static let folder = "inputs/cumbria-2023-24"

    /// The repository's root, found from this file's path.
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Every file of the edition, by path relative to the repository root.
    static func files() throws -> [String: [UInt8]] {
        let base = root.appendingPathComponent(folder)
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard !url.hasDirectoryPath else { continue }
            let relative = url.path.replacingOccurrences(of: base.path + "/", with: "")
            files["\(folder)/\(relative)"] = Array(try Data(contentsOf: url))
        }
        return files
    }

    static func report(files: [String: [UInt8]]) throws -> (ValidationReport, Edition?) {
        let ingest = try EditionReader(files: MemoryFileSource(files)).read(folder: folder)
        let report = Validator().validate(edition: ingest.edition, ingestFindings: ingest.findings, name: folder)
        return (report, ingest.edition)
    }
}

/// Replaces one field of a CSV line, quoting the new text when it needs quotes. The reference
/// edition's records are one line each, which keeps this simple.
enum CSVCell {
    static func replacing(in text: String, line: Int, column: Int, with value: String) -> String? {
        var lines = text.components(separatedBy: "\n")
        guard lines.indices.contains(line - 1) else { return nil }
        var fields = split(lines[line - 1])
        guard fields.indices.contains(column - 1) else { return nil }
        fields[column - 1] = value.contains(",") ? "\"\(value)\"" : value
        lines[line - 1] = fields.joined(separator: ",")
        return lines.joined(separator: "\n")
    }

    /// The fields of one line, each still as written (quotes kept).
    static func split(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() }
            if character == ",", !quoted {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
