import CLibXML2
import Foundation
import ReportModel

/// One step through an XML part: an element opening (with its attributes by local name), an
/// element closing, or text.
enum XMLEvent {
    case start(String, [String: String])
    case end(String)
    case text(String)
}

/// Reads an XML part of a workbook as a stream of events with libxml2's reader, never as a
/// tree, so memory follows the events rather than the part.
///
/// Parsing is safe for hostile input: no network, no DTD loading, no entity substitution, no
/// "huge" mode. SpreadsheetML never has a DTD, so a document type or an entity reference is
/// refused outright: no entity trick (billion laughs, external entities) gets a chance to run.
enum XMLStream {
    /// Hands each event of `data` to `body`.
    /// - Throws: `WorkbookProblem` when the XML is not well-formed or holds a DTD or entity,
    ///   or whatever `body` throws.
    static func scan(_ data: Data, part: String, _ body: (XMLEvent) throws(WorkbookProblem) -> Void)
        throws(WorkbookProblem)
    {
        if declaresDocumentType(data) { throw documentTypeProblem(part) }
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_NOCDATA.rawValue)
        let outcome: Result<Void, WorkbookProblem> = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
                let reader = xmlReaderForMemory(base, Int32(clamping: raw.count), part, "UTF-8", options)
            else { return .failure(malformed(part, detail: "it is empty")) }
            defer { xmlFreeTextReader(reader) }
            // Some errors (a text node over 10 MB) libxml2 prints to standard error itself,
            // quoting the input, whatever the options say: this reader's go nowhere. The last
            // error is still kept, and becomes the finding.
            xmlTextReaderSetStructuredErrorHandler(reader, { _, _ in }, nil)
            xmlResetLastError()
            do throws(WorkbookProblem) {
                try events(reader, part: part, body)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try outcome.get()
    }

    private static func events(
        _ reader: xmlTextReaderPtr, part: String, _ body: (XMLEvent) throws(WorkbookProblem) -> Void
    ) throws(WorkbookProblem) {
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return }
            guard status == 1 else { throw malformed(part, detail: lastError()) }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let name = localName(reader)
                let empty = xmlTextReaderIsEmptyElement(reader) == 1
                try body(.start(name, attributes(reader)))
                if empty { try body(.end(name)) }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                try body(.end(localName(reader)))
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                try body(.text(xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""))
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue), Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue),
                Int32(XML_READER_TYPE_ENTITY.rawValue):
                throw documentTypeProblem(part)
            default:
                continue
            }
        }
    }

    /// True when a document type comes before the root element. It is looked for before
    /// libxml2 sees the part, so not even the DTD's own entity declarations are parsed.
    static func declaresDocumentType(_ data: Data) -> Bool {
        let bytes = data.prefix(1 << 20)
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            let next = bytes.index(after: open)
            guard next < bytes.endIndex else { return false }
            switch bytes[next] {
            case UInt8(ascii: "?"):
                index = next
            case UInt8(ascii: "!"):
                // A comment is skipped; anything else here (`<!DOCTYPE`) is a document type.
                guard bytes[next...].starts(with: Array("!--".utf8)) else { return true }
                guard let end = bytes[next...].firstRange(of: Array("-->".utf8)) else { return false }
                index = end.upperBound
            default:
                return false
            }
        }
        return false
    }

    private static func documentTypeProblem(_ part: String) -> WorkbookProblem {
        WorkbookProblem(
            rule: .workbookUnreadable,
            message:
                "the part \(part) declares a document type or entities, which no spreadsheet program writes and which can hide an XML attack: expected plain SpreadsheetML",
            expected: "SpreadsheetML without a DTD", actual: "a DTD or entity")
    }

    private static func localName(_ reader: xmlTextReaderPtr) -> String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }

    private static func attributes(_ reader: xmlTextReaderPtr) -> [String: String] {
        var attributes: [String: String] = [:]
        guard xmlTextReaderHasAttributes(reader) == 1 else { return attributes }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            attributes[localName(reader)] = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
        }
        xmlTextReaderMoveToElement(reader)
        return attributes
    }

    private static func lastError() -> String {
        guard let error = xmlGetLastError(), let message = error.pointee.message else { return "it is not well-formed" }
        // libxml2 quotes the input (up to 50 bytes of an unfinished comment), which may hold
        // anything: its text joins a finding with every control shown as a code point.
        let text = TerminalText.visible(String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines))
        return "line \(error.pointee.line): \(text)"
    }

    private static func malformed(_ part: String, detail: String) -> WorkbookProblem {
        WorkbookProblem(
            rule: .workbookUnreadable,
            message:
                "the part \(part) of the workbook is not well-formed XML (\(detail)): expected an .xlsx file that Excel can open",
            expected: "well-formed XML", actual: detail)
    }
}
