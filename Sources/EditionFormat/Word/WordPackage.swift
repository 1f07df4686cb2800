import Foundation
import ZIPFoundation

/// A .docx file's zip container, looked through before pandoc reads it: what is not a Word
/// document, a document with macros, and a zip bomb are refused here, each with its own
/// message, and pictures linked from elsewhere are listed (they are never fetched).
struct WordPackage {
    /// Pictures the document links to by address rather than holding.
    var linkedPictures: [String]

    /// The first bytes of an OLE compound file (a Word 97-2003 `.doc`, or an encrypted `.docx`).
    private static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// "EncryptedPackage" in UTF-16LE, the stream an encrypted Office file keeps its zip in.
    private static let encryptedPackageName: [UInt8] = Array("EncryptedPackage".utf8).flatMap { [$0, 0] }

    /// Looks through `bytes`, the file at `path`.
    /// - Throws: `WordImportError` naming what the file is and how to save it as a .docx.
    init(bytes: [UInt8], path: String, limits: WordLimits) throws(WordImportError) {
        func refuse(_ message: String) -> WordImportError { WordImportError(file: path, message) }
        guard bytes.count <= limits.largestFile else {
            throw refuse(
                "the file is \(bytes.count >> 20) MB, more than the \(limits.largestFile >> 20) MB a Word document is read up to: expected a .docx of the report's text (compress or remove its pictures: File > Compress Pictures)"
            )
        }
        if bytes.starts(with: Self.compoundFileSignature) {
            throw refuse(
                bytes.firstRange(of: Self.encryptedPackageName) != nil
                    ? "the document is protected with a password, so it cannot be read: expected it saved without one (File > Info > Protect Document > Encrypt with Password, cleared)"
                    : "the file is a Word 97-2003 document (.doc), which is not read: expected it saved as a Word Document (.docx)"
            )
        }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw refuse(
                "the file is not a Word document (\(Self.describe(bytes))): expected a .docx (Word's Save As: Word Document)"
            )
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw refuse("the document's zip container is damaged: expected a .docx that Word can open")
        }
        var paths: [String] = []
        for entry in archive {
            paths.append(entry.path)
            if paths.count > limits.mostParts {
                throw refuse(
                    "the document holds more than \(limits.mostParts) parts, far more than any Word document: expected a .docx saved by Word or LibreOffice"
                )
            }
        }
        guard let types = try Self.unpacked("[Content_Types].xml", of: archive, path: path, limits: limits),
            paths.contains("word/document.xml")
        else {
            throw refuse(
                "the file is a zip but not a Word document (it has no word/document.xml): expected a .docx (Word's Save As: Word Document)"
            )
        }
        let typesText = String(decoding: types, as: UTF8.self)
        if typesText.contains("macroEnabled") || paths.contains(where: { $0.hasSuffix("vbaProject.bin") }) {
            throw refuse(
                "the document holds macros (a macro-enabled .docm), which are never run or imported: expected it saved as a Word Document (.docx), which leaves them out"
            )
        }
        // Every part unpacked once, counted and thrown away: a zip bomb is found here, not in pandoc.
        var unpacked = 0
        for entry in archive {
            let stored = max(Int(clamping: entry.compressedSize), 1)
            var size = 0
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    size += chunk.count
                    unpacked += chunk.count
                    if unpacked > limits.largestUnpacked
                        || (size > limits.ratioExemptBelow && size / stored > limits.largestRatio)
                    {
                        throw CancellationError()
                    }
                }
            } catch is CancellationError {
                throw refuse(
                    "the document unpacks to more than \(unpacked > limits.largestUnpacked ? "\(limits.largestUnpacked >> 20) MB" : "\(limits.largestRatio) times its stored size") (\(entry.path)), as a zip bomb does: expected a .docx saved by Word or LibreOffice"
                )
            } catch {
                throw refuse(
                    "the document's part \(entry.path) is damaged (\(error)): expected a .docx that Word can open")
            }
        }
        linkedPictures = try Self.linkedPictures(in: archive, path: path, limits: limits)
    }

    /// The addresses of pictures the document links to instead of holding (`TargetMode="External"`).
    private static func linkedPictures(in archive: Archive, path: String, limits: WordLimits) throws(WordImportError)
        -> [String]
    {
        guard let data = try unpacked("word/_rels/document.xml.rels", of: archive, path: path, limits: limits) else {
            return []
        }
        let text = String(decoding: data, as: UTF8.self)
        var found: [String] = []
        for relation in text.components(separatedBy: "<Relationship ").dropFirst()
        where relation.contains("External") && relation.contains("/image") {
            if let start = relation.range(of: "Target=\""),
                let end = relation[start.upperBound...].firstIndex(of: "\"")
            {
                found.append(String(relation[start.upperBound..<end]))
            }
        }
        return found
    }

    private static func unpacked(_ part: String, of archive: Archive, path: String, limits: WordLimits)
        throws(WordImportError) -> Data?
    {
        guard let entry = archive[part] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > limits.largestUnpacked { throw CancellationError() }
            }
        } catch {
            throw WordImportError(
                file: path, "the document's part \(part) cannot be read: expected a .docx that Word can open")
        }
        return data
    }

    private static func describe(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "an empty file" }
        if bytes.starts(with: Array("%PDF".utf8)) { return "a PDF" }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return "a Rich Text Format file" }
        if String(validating: bytes.prefix(64), as: UTF8.self) != nil { return "text" }
        return "some other kind of file"
    }
}
