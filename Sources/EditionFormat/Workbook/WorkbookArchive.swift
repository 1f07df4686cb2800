import Foundation
import ZIPFoundation

/// A workbook's zip container, unpacked part by part within `WorkbookLimits`.
///
/// Before opening it as a zip, the bytes are sniffed: an Excel 97–2003 `.xls` and a
/// password-protected `.xlsx` are both OLE compound files, not zips, and each gets its own
/// message.
struct WorkbookArchive {
    private let archive: Archive
    let limits: WorkbookLimits

    /// The first bytes of an OLE compound file (legacy `.xls`, or an encrypted `.xlsx`).
    private static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// "EncryptedPackage" in UTF-16LE, the stream an encrypted Office file keeps its zip in.
    private static let encryptedPackageName: [UInt8] = Array("EncryptedPackage".utf8).flatMap { [$0, 0] }

    init(bytes: [UInt8], limits: WorkbookLimits) throws(WorkbookProblem) {
        self.limits = limits
        if bytes.starts(with: WorkbookArchive.compoundFileSignature) {
            throw WorkbookArchive.compoundFileProblem(bytes)
        }
        guard bytes.starts(with: [0x50, 0x4B]) else {
            throw WorkbookProblem(
                rule: .workbookUnreadable,
                message:
                    "the file is not an Excel workbook: expected an .xlsx file (Excel's Save As: Excel Workbook), or a .csv dataset",
                expected: "an .xlsx workbook", actual: WorkbookArchive.describe(bytes))
        }
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw WorkbookProblem(
                rule: .workbookUnreadable,
                message: "the workbook's zip container is damaged: expected an .xlsx file that Excel can open",
                expected: "a readable .xlsx", actual: "a damaged zip")
        }
    }

    private static func compoundFileProblem(_ bytes: [UInt8]) -> WorkbookProblem {
        if bytes.firstRange(of: encryptedPackageName) != nil {
            return WorkbookProblem(
                rule: .workbookUnreadable,
                message:
                    "the workbook is protected with a password, so its figures cannot be read: expected it saved without a password (File > Info > Protect Workbook > Encrypt with Password, cleared)",
                expected: "an unencrypted .xlsx", actual: "an encrypted workbook")
        }
        return WorkbookProblem(
            rule: .workbookUnreadable,
            message:
                "the file is an Excel 97-2003 workbook (.xls), which is not read: expected it saved as .xlsx (Save As: Excel Workbook)",
            expected: "an .xlsx workbook", actual: "a legacy .xls workbook")
    }

    private static func describe(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "an empty file" }
        if let text = String(validating: bytes.prefix(64), as: UTF8.self), !text.isEmpty { return "text" }
        return "some other kind of file"
    }

    /// True when the archive has a part at `path`.
    func has(_ path: String) -> Bool {
        archive[path] != nil
    }

    /// The unpacked bytes of the part at `path`, or nil when there is none.
    /// - Throws: `WorkbookProblem` when it unpacks beyond the limits or is damaged.
    func part(_ path: String) throws(WorkbookProblem) -> Data? {
        guard let entry = archive[path] else { return nil }
        let stored = max(Int(clamping: entry.compressedSize), 1)
        let limits = limits
        var data = Data()
        var refused = false
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                // Counted as it unpacks: the sizes a zip declares may lie.
                if data.count > limits.largestPart
                    || (data.count > limits.ratioExemptBelow && data.count / stored > limits.largestRatio)
                {
                    refused = true
                    throw CancellationError()
                }
            }
        } catch {
            if refused {
                throw WorkbookProblem(
                    rule: .workbookTooLarge,
                    message:
                        "the part \(path) unpacks to more than \(data.count / 1_048_576) MiB from \(stored) bytes stored, beyond what any real workbook holds (at most \(limits.largestPart / 1_048_576) MiB per part, \(limits.largestRatio) to 1 compression): it was not read",
                    expected: "at most \(limits.largestPart / 1_048_576) MiB, \(limits.largestRatio):1",
                    actual: "more than \(data.count / 1_048_576) MiB from \(stored) bytes")
            }
            throw WorkbookProblem(
                rule: .workbookUnreadable,
                message: "the part \(path) of the workbook is damaged: expected an .xlsx file that Excel can open",
                expected: "a readable \(path)", actual: "damaged data")
        }
        return data
    }
}
